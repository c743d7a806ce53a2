import { Migration } from '@mikro-orm/migrations';
import { LEDGER_CHAINS } from '../modules/ledger/canonical.js';

/**
 * A tamper-evident ledger of the event log (modules/ledger). Every event has an entry: its place
 * in one of a few hash chains and the chain's digest after it; a day's digests are the leaves of
 * a Merkle tree whose signed root is published. `ledger_chain` holds each chain's head: a writer
 * locks one head until it commits, so a chain never forks.
 */
export class Migration20261129050000_ledger extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table ledger_entry (
        event_id bigint primary key,
        chain smallint not null,
        seq bigint not null,
        sealed_at timestamptz not null,
        digest bytea not null,
        previous_event_id bigint,
        unique (chain, seq)
      );`);
    // A day's entries, chain by chain: times only go forward within a chain.
    this.addSql(`create index ledger_entry_chain_time_index on ledger_entry (chain, sealed_at, seq);`);
    // event_pack is appended to in event order: a block-range index costs next to nothing to
    // keep and finds an event's packs without a scan.
    this.addSql(`create index event_pack_event_brin on event_pack using brin (event_id);`);
    this.addSql(`
      create table ledger_chain (
        chain smallint primary key,
        seq bigint not null default 0,
        digest bytea not null,
        event_id bigint
      );`);
    this.addSql(`
      insert into ledger_chain (chain, digest)
      select c, sha256(convert_to('jejak-ledger:' || c, 'UTF8')) from generate_series(0, ${LEDGER_CHAINS - 1}) as c;`);
    this.addSql(`
      create table ledger_day (
        day date primary key,
        events bigint not null,
        root bytea not null,
        previous_root bytea,
        heads jsonb not null,
        key_id text not null,
        signature bytea not null,
        published_at timestamptz not null default now()
      );`);
    this.addSql(`
      create table ledger_check (
        id bigint generated always as identity primary key,
        checked_at timestamptz not null default now(),
        from_day date,
        to_day date,
        ok boolean not null,
        checked_events bigint not null,
        first_bad_event_id bigint,
        problem text,
        user_id uuid references app_user (id)
      );`);
    this.addSql(`create trigger ledger_entry_append_only before update or delete on ledger_entry for each statement execute function refuse_change();`);
    this.addSql(`create trigger ledger_day_append_only before update or delete on ledger_day for each statement execute function refuse_change();`);
  }
}
