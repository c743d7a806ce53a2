import type { OrganizationType, Role } from '../gql/graphql';

/** Organisation (and facility) types, in supply-chain order. */
export const ORGANIZATION_TYPES: readonly OrganizationType[] = [
  'REGULATOR',
  'MANUFACTURER',
  'DISTRIBUTOR',
  'PHARMACY',
  'HOSPITAL',
  'PUSKESMAS',
];

/** Roles every organisation has. */
export const COMMON_ROLES: readonly Role[] = ['ADMIN', 'OPERATOR', 'VIEWER'];
/** Roles that exist only at BPOM. */
export const REGULATOR_ROLES: readonly Role[] = ['SUPERVISOR', 'INSPECTOR'];

export const rolesFor = (type: OrganizationType): readonly Role[] =>
  type === 'REGULATOR' ? [...COMMON_ROLES, ...REGULATOR_ROLES] : COMMON_ROLES;

export function parseOrganizationType(value: string | null | undefined): OrganizationType | null {
  return ORGANIZATION_TYPES.find((type) => type === value) ?? null;
}
