import { Migration } from '@mikro-orm/migrations';

/**
 * Bulk updates of pack (activation, shipping, receiving) touch every row of a page at once: a
 * pallet's or a request's packs lie together. They stay heap-only (no index rewritten) only when
 * each page has room for a new version of all its rows, so pages are filled to 45 % (new pages;
 * `vacuum full pack` or `cluster` rewrites old ones). On a fill factor of 70 an activation of
 * 100,000 codes rewrote every index entry of most rows and took four times as long.
 *
 * A pack's custodian and destination are set only by movements, from facilities they have just
 * read (lifecycle/guards.ts FacilityRef), and facilities are never deleted: like product and
 * batch, they need no foreign key, whose per-row check doubled the cost of each such update.
 */
export class Migration20261129055000_pack_updates extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table pack set (fillfactor = 45);`);
    this.addSql(`alter table pack drop constraint if exists pack_custodian_id_fkey, drop constraint if exists pack_destination_id_fkey;`);
  }
}
