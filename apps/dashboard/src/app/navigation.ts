import type { ParseKeys } from 'i18next';
import type { OrganizationType, Role } from '../gql/graphql';

export type NavSection = 'main' | 'operations' | 'supervision' | 'reports' | 'directory' | 'administration';

/**
 * One entry of the main navigation. `organizationTypes` and `roles` say who sees it (and who
 * may open its route); an omitted list means everyone. Both lists must match.
 */
export interface NavItem {
  id: string;
  path: string;
  label: ParseKeys;
  /** One line on the home page's shortcuts. */
  description?: ParseKeys;
  section: NavSection;
  organizationTypes?: readonly OrganizationType[];
  roles?: readonly Role[];
}

/** The order of sections in the navigation. */
export const NAV_SECTIONS: readonly NavSection[] = ['main', 'operations', 'supervision', 'reports', 'directory', 'administration'];

/** Who records movements: not viewers. */
const OPERATORS: readonly Role[] = ['ADMIN', 'OPERATOR'];

/** An entry of the daily-work section (labels under `work.nav`). */
function workItem(id: string, path: string, organizationTypes: readonly OrganizationType[], roles?: readonly Role[]): NavItem {
  return {
    id,
    path,
    label: `work.nav.${id}` as ParseKeys,
    description: `work.nav.descriptions.${id}` as ParseKeys,
    section: 'operations',
    organizationTypes,
    ...(roles ? { roles } : {}),
  };
}

/** A supervision entry: label and description are `<feature>.nav` and `<feature>.navDescription`. */
function supervisionItem(
  id: string,
  path: string,
  feature: 'approvals' | 'trace' | 'inspector' | 'recalls' | 'alerts' | 'ledger',
  organizationTypes: readonly OrganizationType[],
  roles?: readonly Role[],
): NavItem {
  return { id, path, label: `${feature}.nav`, description: `${feature}.navDescription`, section: 'supervision', organizationTypes, ...(roles ? { roles } : {}) };
}

/** A report entry (labels under `reports.<report>`); without types, every organisation. */
function reportItem(id: string, path: string, report: 'realisation' | 'flow' | 'stock' | 'consumption', organizationTypes?: readonly OrganizationType[]): NavItem {
  return { id, path, label: `reports.${report}.nav`, description: `reports.${report}.navDescription`, section: 'reports', ...(organizationTypes ? { organizationTypes } : {}) };
}

/** Every screen in the navigation. A new feature adds its entry here. */
export const NAV_ITEMS: readonly NavItem[] = [
  { id: 'home', path: '/', label: 'nav.home', section: 'main' },
  /** Public: its route lives outside the logged-in layout (see router.tsx). */
  {
    id: 'verify',
    path: '/verify',
    label: 'nav.verify',
    description: 'nav.descriptions.verify',
    section: 'main',
  },
  /** Everyone's own account: password and logins. */
  { id: 'account', path: '/account', label: 'account.nav', description: 'account.navDescription', section: 'main' },
  // Daily work of manufacturers, distributors and pharmacies.
  workItem('products', '/products', ['MANUFACTURER']),
  workItem('codeRequests', '/code-requests', ['MANUFACTURER']),
  workItem('activate', '/activate', ['MANUFACTURER'], OPERATORS),
  workItem('aggregate', '/aggregate', ['MANUFACTURER', 'DISTRIBUTOR'], OPERATORS),
  workItem('ship', '/ship', ['MANUFACTURER', 'DISTRIBUTOR'], OPERATORS),
  workItem('receive', '/receive', ['MANUFACTURER', 'DISTRIBUTOR', 'PHARMACY', 'HOSPITAL', 'PUSKESMAS'], OPERATORS),
  /** Delivery notes in and out, by status; each opens its packing list. */
  workItem('shipments', '/shipments', ['MANUFACTURER', 'DISTRIBUTOR', 'PHARMACY', 'HOSPITAL', 'PUSKESMAS']),
  workItem('returnPacks', '/return', ['DISTRIBUTOR', 'PHARMACY', 'HOSPITAL', 'PUSKESMAS'], OPERATORS),
  workItem('dispense', '/dispense', ['PHARMACY', 'HOSPITAL', 'PUSKESMAS'], OPERATORS),
  workItem('decommission', '/decommission', ['MANUFACTURER', 'DISTRIBUTOR', 'PHARMACY', 'HOSPITAL', 'PUSKESMAS'], OPERATORS),
  workItem('undo', '/undo', ['MANUFACTURER', 'DISTRIBUTOR', 'PHARMACY', 'HOSPITAL', 'PUSKESMAS'], OPERATORS),
  workItem('stock', '/stock', ['MANUFACTURER', 'DISTRIBUTOR', 'PHARMACY', 'HOSPITAL', 'PUSKESMAS']),
  /** The recalls that reached a holder, and what it must pull of each (manufacturers follow theirs under recalls). */
  workItem('pullLists', '/pull-lists', ['DISTRIBUTOR', 'PHARMACY', 'HOSPITAL', 'PUSKESMAS']),
  // BPOM's supervision: approvals, tracing, inspection, recalls, the alert inbox and the ledger.
  supervisionItem('approvals', '/approvals', 'approvals', ['REGULATOR'], ['SUPERVISOR', 'ADMIN']),
  supervisionItem('trace', '/trace', 'trace', ['REGULATOR']),
  supervisionItem('inspect', '/inspect', 'inspector', ['REGULATOR']),
  supervisionItem('recalls', '/recalls', 'recalls', ['REGULATOR', 'MANUFACTURER']),
  supervisionItem('alerts', '/alerts', 'alerts', ['REGULATOR']),
  /** The tamper-evident ledger: daily roots and the audit of the record. */
  supervisionItem('ledger', '/ledger', 'ledger', ['REGULATOR']),
  // Reports: the API shows each caller what it may see.
  reportItem('realisation', '/reports/realisation', 'realisation', ['REGULATOR', 'MANUFACTURER']),
  reportItem('goodsFlow', '/reports/goods-flow', 'flow'),
  reportItem('stockReport', '/reports/stock', 'stock'),
  reportItem('consumption', '/reports/consumption', 'consumption', ['REGULATOR', 'MANUFACTURER']),
  {
    id: 'facilities',
    path: '/facilities',
    label: 'nav.facilities',
    description: 'nav.descriptions.facilities',
    section: 'directory',
  },
  {
    id: 'organizations',
    path: '/organizations',
    label: 'nav.organizations',
    description: 'nav.descriptions.organizations',
    section: 'directory',
    organizationTypes: ['REGULATOR'],
  },
  {
    id: 'users',
    path: '/users',
    label: 'nav.users',
    description: 'nav.descriptions.users',
    section: 'administration',
    roles: ['ADMIN'],
  },
  {
    id: 'apiKeys',
    path: '/api-keys',
    label: 'nav.apiKeys',
    description: 'nav.descriptions.apiKeys',
    section: 'administration',
    roles: ['ADMIN'],
  },
  /** Changes to accounts and API keys: an organisation's own, every one for BPOM administrators. */
  { id: 'audit', path: '/audit', label: 'audit.nav', description: 'audit.navDescription', section: 'administration', roles: ['ADMIN'] },
];

export interface Audience {
  role: Role;
  organizationType: OrganizationType;
}

export function canSee(item: Pick<NavItem, 'organizationTypes' | 'roles'>, who: Audience): boolean {
  const typeOk = !item.organizationTypes || item.organizationTypes.includes(who.organizationType);
  const roleOk = !item.roles || item.roles.includes(who.role);
  return typeOk && roleOk;
}

export const navItemsFor = (who: Audience) => NAV_ITEMS.filter((item) => canSee(item, who));

export function navItem(id: string): NavItem {
  const item = NAV_ITEMS.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`No navigation item "${id}"`);
  return item;
}
