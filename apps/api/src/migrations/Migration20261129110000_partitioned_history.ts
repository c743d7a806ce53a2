import { Migration } from '@mikro-orm/migrations';

/**
 * The event log partitioned by month of `recorded_at`: `event` and `event_pack` each become a
 * partitioned table with one partition per month (`event_y2026m11`, `event_pack_y2026m11`).
 * Writes always land in the current month; a month that is over is never written again, so it
 * can be moved to cheaper storage (`alter table event_y2025m01 set tablespace archive`) and stays
 * in every trace and ledger check. `event_pack` carries its event's `recorded_at`, so an event
 * and its packs share a month and a join on both columns reads one partition of each.
 *
 * `ensure_history_partitions(from, ahead)` makes the months from `from` to `ahead` months after
 * the current one; the API calls it at start and daily, so writes never find their month missing.
 *
 * An existing database is moved over in this migration's transaction: every row copied with its
 * id, the id sequence carried on, the append-only guard kept (now a row trigger, which every
 * partition inherits, so a partition cannot be changed directly either).
 */
export class Migration20261129110000_partitioned_history extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table event rename to event_unpartitioned;`);
    this.addSql(`alter index event_pkey rename to event_unpartitioned_pkey;`);
    this.addSql(`alter sequence event_id_seq rename to event_unpartitioned_id_seq;`);
    this.addSql(`alter table event_pack rename to event_pack_unpartitioned;`);
    this.addSql(`alter index event_pack_pkey rename to event_pack_unpartitioned_pkey;`);
    this.addSql(`alter index event_pack_event_brin rename to event_pack_unpartitioned_brin;`);

    // The same columns in the same order; the key now holds the partition column.
    this.addSql(`
      create table event (
        id bigint generated always as identity,
        type event_type not null,
        at timestamptz not null default now(),
        recorded_at timestamptz not null default now(),
        facility_id uuid not null constraint event_facility_id_fkey references facility (id),
        counterparty_id uuid constraint event_counterparty_id_fkey references facility (id),
        user_id uuid constraint event_user_id_fkey references app_user (id),
        api_key_id uuid constraint event_api_key_id_fkey references api_key (id),
        source text not null constraint event_source_check check (source in ('SCAN','CSV','API','EPCIS')),
        latitude double precision,
        longitude double precision,
        reason text,
        parent_id bigint constraint event_parent_id_fkey references pack (id),
        units integer not null,
        shipment_id uuid,
        primary key (id, recorded_at)
      ) partition by range (recorded_at);`);
    this.addSql(`
      create table event_pack (
        pack_id bigint not null,
        event_id bigint not null,
        recorded_at timestamptz not null default now(),
        primary key (pack_id, event_id, recorded_at)
      ) partition by range (recorded_at);`);
    this.addSql(`create index event_pack_event_brin on event_pack using brin (event_id);`);
    this.addSql(`create trigger event_append_only before update or delete on event for each row execute function refuse_change();`);
    this.addSql(`create trigger event_pack_append_only before update or delete on event_pack for each row execute function refuse_change();`);

    this.addSql(`
      create function ensure_history_partitions(from_day date, months_ahead integer) returns integer
      language plpgsql as $$
      declare
        month date := date_trunc('month', from_day);
        last date := date_trunc('month', now() at time zone 'UTC') + make_interval(months => months_ahead);
        made integer := 0;
        suffix text;
      begin
        -- Two API processes starting together make each month once.
        perform pg_advisory_xact_lock(hashtext('ensure_history_partitions'));
        while month <= last loop
          suffix := to_char(month, '"y"YYYY"m"MM');
          if to_regclass('event_' || suffix) is null then
            execute format('create table %I partition of event for values from (%L) to (%L)',
                           'event_' || suffix, month::timestamp at time zone 'UTC', (month + interval '1 month')::timestamp at time zone 'UTC');
            made := made + 1;
          end if;
          if to_regclass('event_pack_' || suffix) is null then
            execute format('create table %I partition of event_pack for values from (%L) to (%L)',
                           'event_pack_' || suffix, month::timestamp at time zone 'UTC', (month + interval '1 month')::timestamp at time zone 'UTC');
            made := made + 1;
          end if;
          month := month + interval '1 month';
        end loop;
        return made;
      end $$;`);
    // From the oldest event (or last month, for rows written just before a month ends) to three months ahead.
    this.addSql(`
      select ensure_history_partitions(
        (least((select min(recorded_at) from event_unpartitioned), now() - interval '1 month') at time zone 'UTC')::date, 3);`);

    this.addSql(`insert into event overriding system value select * from event_unpartitioned;`);
    // A pack row whose event is missing (a database tampered with) is kept, in the current month.
    this.addSql(`
      insert into event_pack (pack_id, event_id, recorded_at)
      select ep.pack_id, ep.event_id, coalesce(e.recorded_at, now())
        from event_pack_unpartitioned ep left join event_unpartitioned e on e.id = ep.event_id;`);
    this.addSql(`
      select setval(pg_get_serial_sequence('event', 'id'), last_value, is_called) from event_unpartitioned_id_seq;`);
    this.addSql(`drop table event_pack_unpartitioned;`);
    this.addSql(`drop table event_unpartitioned;`);
    this.addSql(`analyze event;`);
    this.addSql(`analyze event_pack;`);
  }
}
