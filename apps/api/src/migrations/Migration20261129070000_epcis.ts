import { Migration } from '@mikro-orm/migrations';

/**
 * EPCIS 2.0 repository (modules/epcis).
 *
 * `epcis_event` keeps each captured event as it was sent (`document`, with the eventID and
 * recordTime the repository gave it) beside the columns the standard queries filter on. Every
 * identifier is indexed in its canonical form (epcis/canonical-epc.ts), so a query by EPC URN
 * finds events that named the same pack by GS1 Digital Link: `any_epcs` holds every EPC the event
 * names (one GIN index), and the narrower lists are checked on the rows it finds.
 * An event's eventID is unique, but for its error declaration (the same eventID with an
 * errorDeclaration), kept beside it.
 * `viewer_ids` are the organisations an event is about (facilities by GLN, products by GTIN or
 * NIE), who see it beside the organisation that captured it; BPOM sees all.
 *
 * Named queries, their webhook subscriptions and each delivery's attempts (the queue itself is
 * pg-boss's, in its own schema) serve `/epcis/queries`.
 *
 * `epcis_capture` is a capture job as `GET /epcis/capture/{id}` answers it. Lifecycle events
 * written by an EPCIS capture carry source EPCIS: the captured event is their EPCIS form.
 */
export class Migration20261129070000_epcis extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table epcis_capture (
        id uuid primary key,
        organization_id uuid not null references organization (id),
        error_behaviour text not null check (error_behaviour in ('rollback','proceed')),
        running boolean not null default true,
        success boolean not null default true,
        events integer not null default 0,
        stored integer not null default 0,
        errors jsonb not null default '[]',
        created_at timestamptz not null default now(),
        finished_at timestamptz
      );`);
    this.addSql(`create index epcis_capture_organization_index on epcis_capture (organization_id, created_at);`);
    this.addSql(`
      create table epcis_event (
        id bigint generated always as identity primary key,
        event_id text not null,
        error_declaration boolean not null default false,
        type text not null,
        event_time timestamptz not null,
        record_time timestamptz not null,
        action text,
        biz_step text,
        disposition text,
        read_point text,
        biz_location text,
        epcs text[] not null default '{}',
        parent_id text,
        input_epcs text[] not null default '{}',
        output_epcs text[] not null default '{}',
        any_epcs text[] not null default '{}',
        organization_id uuid not null,
        viewer_ids uuid[] not null default '{}',
        capture_id uuid,
        context json,
        document json not null
      );`);
    this.addSql(`create unique index epcis_event_event_id_key on epcis_event (event_id, error_declaration);`);
    this.addSql(`create index epcis_event_any_epcs_index on epcis_event using gin (any_epcs);`);
    this.addSql(`create index epcis_event_record_time_index on epcis_event (record_time, event_id);`);
    this.addSql(`create index epcis_event_event_time_index on epcis_event (event_time, event_id);`);
    this.addSql(`
      create table epcis_named_query (
        organization_id uuid not null references organization (id),
        name text not null check (name ~ '^[A-Za-z0-9_.~-]{1,100}$'),
        query jsonb not null,
        created_at timestamptz not null default now(),
        primary key (organization_id, name)
      );`);
    this.addSql(`
      create table epcis_subscription (
        id uuid primary key,
        organization_id uuid not null,
        query_name text not null,
        dest text not null,
        signature_token text,
        created_at timestamptz not null default now(),
        foreign key (organization_id, query_name) references epcis_named_query (organization_id, name) on delete cascade
      );`);
    this.addSql(`create index epcis_subscription_query_index on epcis_subscription (organization_id, query_name);`);
    this.addSql(`
      create table epcis_delivery (
        id bigint generated always as identity primary key,
        subscription_id uuid not null references epcis_subscription (id) on delete cascade,
        event_keys text[] not null,
        attempts integer not null default 0,
        last_attempt_at timestamptz,
        last_status integer,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz not null default now()
      );`);
    this.addSql(`create index epcis_delivery_subscription_index on epcis_delivery (subscription_id, id);`);
    this.addSql(`alter table event drop constraint if exists event_source_check;`);
    this.addSql(`alter table event add constraint event_source_check check (source in ('SCAN','CSV','API','EPCIS'));`);
  }
}
