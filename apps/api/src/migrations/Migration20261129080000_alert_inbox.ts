import { Migration } from '@mikro-orm/migrations';

/**
 * An inbox that filters: an alert names the batch of its pack and the facility whose movement
 * raised it, and the inbox pages by (last seen, id). A GLN names one facility only.
 */
export class Migration20261129080000_alert_inbox extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table alert add column batch_id bigint references batch (id), add column facility_id uuid references facility (id);`);
    this.addSql(`update alert a set batch_id = p.batch_id from pack p where p.id = a.pack_id and p.batch_id is not null;`);
    this.addSql(`create index alert_page_index on alert (last_seen_at desc, id desc);`);
    this.addSql(`create index alert_facility_index on alert (facility_id, last_seen_at desc) where facility_id is not null;`);
    this.addSql(`create index alert_batch_index on alert (batch_id) where batch_id is not null;`);
    this.addSql(`create unique index facility_gln_key on facility (gln) where gln is not null;`);
  }
}
