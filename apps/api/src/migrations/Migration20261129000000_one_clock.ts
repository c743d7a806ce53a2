import { Migration } from '@mikro-orm/migrations';

/**
 * One clock: every pack remembers the reported time of its latest event (a reported time may
 * not come before it), and the settings the data was built with are kept beside it (the
 * reporting time zone the summaries count days in; start-up rebuilds them when it changes).
 */
export class Migration20261129000000_one_clock extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table pack add column last_event_at timestamptz;`);
    this.addSql(`
      update pack p set last_event_at = latest.at
        from (select ep.pack_id, max(e.at) as at from event_pack ep join event e on e.id = ep.event_id group by 1) latest
       where latest.pack_id = p.id;`);
    this.addSql(`
      create table setting (
        name text primary key,
        value text not null,
        updated_at timestamptz not null default now()
      );`);
  }
}
