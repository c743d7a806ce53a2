import { Migration } from '@mikro-orm/migrations';

/**
 * Evidence only evidence can give. A public check records the device behind it under a key of
 * the pack's own (devices cannot be followed from pack to pack); a clone suspicion has a state
 * BPOM's decision moves; alerts are grouped by a key of their own (a code, or one device's
 * unknown codes of a day) rather than always by code.
 */
export class Migration20261129020000_evidence extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table scan add column device bytea;`);
    this.addSql(`
      alter table clone_suspect
        add column status text not null default 'OPEN' check (status in ('OPEN','CONFIRMED','CLEARED')),
        add column decided_at timestamptz;`);
    this.addSql(`alter table alert add column group_key text;`);
    this.addSql(`update alert set group_key = code;`);
    this.addSql(`alter table alert alter column group_key set not null;`);
    this.addSql(`drop index alert_open_key;`);
    this.addSql(`create unique index alert_open_key on alert (group_key, reason) where status <> 'CLOSED';`);
  }
}
