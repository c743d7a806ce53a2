import type { AuthChecker } from 'type-graphql';
import { AppError } from './errors.js';
import type { Context } from '../context.js';

export const ORGANIZATION_TYPES = ['REGULATOR', 'MANUFACTURER', 'DISTRIBUTOR', 'PHARMACY', 'HOSPITAL', 'PUSKESMAS'] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

export const ROLES = ['ADMIN', 'OPERATOR', 'VIEWER', 'SUPERVISOR', 'INSPECTOR'] as const;
export type Role = (typeof ROLES)[number];
/** Roles only BPOM staff hold. */
export const REGULATOR_ONLY_ROLES: readonly Role[] = ['SUPERVISOR', 'INSPECTOR'];

/** Who is calling: a logged-in user or an organisation's API key. */
export interface Principal {
  kind: 'user' | 'apiKey';
  /** The user, or the API key. */
  id: string;
  organizationId: string;
  organizationType: OrganizationType;
  role: Role;
  /** A login made with a temporary password: nothing but changing it is allowed until then. */
  mustChangePassword?: boolean;
}

/**
 * A rule in `@Authorized(...)`: `ORGTYPE`, `ORGTYPE:ROLE` or `*:ROLE`.
 * `@Authorized()` with no rule admits any authenticated caller.
 */
export type Rule = OrganizationType | `${OrganizationType | '*'}:${Role}`;

export const Allow = {
  bpom: 'REGULATOR',
  bpomAdmin: 'REGULATOR:ADMIN',
  bpomSupervisor: 'REGULATOR:SUPERVISOR',
  orgAdmin: '*:ADMIN',
  industry: 'MANUFACTURER',
} as const satisfies Record<string, Rule>;

export function satisfies(principal: Principal, rule: Rule): boolean {
  const [type, role] = rule.split(':') as [string, string | undefined];
  const typeOk = type === '*' || type === principal.organizationType;
  const roleOk = role === undefined || role === principal.role;
  return typeOk && roleOk;
}

/**
 * The operations open to a login that must change its temporary password first, by
 * `<parent type>.<field>`: reading who it is, changing the password and logging out.
 */
const PASSWORD_CHANGE_OPERATIONS = new Set(['Query.me', 'Mutation.changePassword', 'Mutation.logout']);

export interface PrincipalOptions {
  /** For the few operations a login with a temporary password may still do. */
  duringPasswordChange?: boolean;
}

/**
 * Throws unless someone is authenticated; gives the reason a token was refused. A login with a
 * temporary password is refused here too (every GraphQL operation and HTTP route asks this), unless
 * the caller is one of the operations that change it.
 */
export function requirePrincipal(ctx: Pick<Context, 'principal' | 'authError'>, options: PrincipalOptions = {}): Principal {
  const principal = ctx.principal;
  if (!principal) throw ctx.authError ?? new AppError('UNAUTHENTICATED', 'Log in or send an API key to do this.');
  if (principal.mustChangePassword && !options.duringPasswordChange) {
    throw new AppError('FORBIDDEN', 'This login used a temporary password: change it (changePassword) before anything else.', {
      reason: 'PASSWORD_CHANGE_REQUIRED',
    });
  }
  return principal;
}

export const authChecker: AuthChecker<Context, Rule> = ({ context, info }, rules) => {
  const operation = `${info.parentType.name}.${info.fieldName}`;
  const principal = requirePrincipal(context, { duringPasswordChange: PASSWORD_CHANGE_OPERATIONS.has(operation) });
  if (rules.length === 0 || rules.some((rule) => satisfies(principal, rule))) return true;
  throw new AppError('FORBIDDEN', `Only ${rules.map(describeRule).join(' or ')} may do this.`);
};

/** BPOM administrators manage every organisation's accounts; other administrators their own. */
export const isBpomAdmin = (principal: Principal) => principal.organizationType === 'REGULATOR' && principal.role === 'ADMIN';

const TYPE_NAMES: Record<OrganizationType | '*', string> = {
  '*': 'organisation',
  REGULATOR: 'BPOM',
  MANUFACTURER: 'manufacturer',
  DISTRIBUTOR: 'distributor',
  PHARMACY: 'pharmacy',
  HOSPITAL: 'hospital',
  PUSKESMAS: 'Puskesmas',
};

function describeRule(rule: Rule): string {
  const [type, role] = rule.split(':') as [OrganizationType | '*', Role | undefined];
  return role ? `${TYPE_NAMES[type]} ${role.toLowerCase()}s` : `${TYPE_NAMES[type]} users`;
}

const publicOperations = new Set<string>();

/** Marks a query or mutation as open to anyone, without a token. */
export function Public(): MethodDecorator {
  return (target, key) => {
    publicOperations.add(`${target.constructor.name}.${String(key)}`);
  };
}

export const isPublic = (className: string, methodName: string) =>
  publicOperations.has(`${className}.${methodName}`);
