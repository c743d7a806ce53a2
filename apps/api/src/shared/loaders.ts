import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Facility, Organization } from '../modules/organizations/organization.entity.js';

/** Batches the look-ups field resolvers make; created per request. */
export function createLoaders(em: EntityManager) {
  return {
    organization: new DataLoader<string, Organization | undefined>(async (ids) => {
      const rows = await em.find(Organization, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id));
    }),
    facility: new DataLoader<string, Facility | undefined>(async (ids) => {
      const rows = await em.find(Facility, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id));
    }),
    facilitiesOfOrganization: new DataLoader<string, Facility[]>(async (ids) => {
      const rows = await em.find(Facility, { organization: { $in: [...ids] } }, { orderBy: { name: 'asc' } });
      return ids.map((id) => rows.filter((row) => row.organization.id === id));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
