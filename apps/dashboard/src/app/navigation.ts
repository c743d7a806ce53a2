import type { ParseKeys } from 'i18next';
import type { OrganizationType, Role } from '../gql/graphql';

export type NavSection = 'main' | 'directory' | 'administration';

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
export const NAV_SECTIONS: readonly NavSection[] = ['main', 'directory', 'administration'];

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
