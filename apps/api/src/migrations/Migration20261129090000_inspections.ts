import { Migration } from '@mikro-orm/migrations';

/**
 * Inspection visits: a BPOM inspector opens a visit at a facility, each pack read there is
 * recorded once with its verdict and its custody (where the records say the pack should be,
 * against this facility), findings are written down with an optional photo, and the visit is
 * closed. Reads and findings belong to their visit; a closed visit takes no more of either.
 */
export class Migration20261129090000_inspections extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table inspection (
        id uuid primary key,
        facility_id uuid not null references facility (id),
        organization_id uuid not null references organization (id),
        inspector_id uuid references app_user (id),
        status text not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
        opened_at timestamptz not null default now(),
        closed_at timestamptz,
        check ((status = 'CLOSED') = (closed_at is not null))
      );`);
    this.addSql(`create index inspection_opened_index on inspection (opened_at desc);`);
    this.addSql(`create index inspection_facility_index on inspection (facility_id, opened_at desc);`);
    this.addSql(`
      create table inspection_read (
        id bigint generated always as identity primary key,
        inspection_id uuid not null references inspection (id),
        read_key text not null,
        code text not null,
        pack_id bigint,
        verdict text not null,
        reasons text[] not null,
        custody text not null check (custody in ('HERE', 'ELSEWHERE', 'IN_TRANSIT', 'OUT_OF_CHAIN', 'UNKNOWN')),
        expected_facility_id uuid,
        product_name text,
        batch text,
        read_at timestamptz not null default now(),
        unique (inspection_id, read_key)
      );`);
    this.addSql(`
      create table inspection_finding (
        id uuid primary key,
        inspection_id uuid not null references inspection (id),
        text text not null check (length(text) between 1 and 2000),
        photo bytea,
        photo_type text,
        created_at timestamptz not null default now(),
        check ((photo is null) = (photo_type is null))
      );`);
    this.addSql(`create index inspection_finding_inspection_index on inspection_finding (inspection_id, created_at);`);
  }
}
