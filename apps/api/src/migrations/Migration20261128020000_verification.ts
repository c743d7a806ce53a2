import { Migration } from '@mikro-orm/migrations';

/** The public verification log, clone flags, BPOM's alert inbox and the public's complaints. */
export class Migration20261128020000_verification extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table scan (
        id bigint generated always as identity primary key,
        at timestamptz not null default now(),
        pack_id bigint,
        code text not null,
        verdict text not null,
        reasons text[] not null,
        latitude double precision,
        longitude double precision,
        client bytea not null
      );`);
    this.addSql(`create index scan_pack_index on scan (pack_id, at) where pack_id is not null;`);
    this.addSql(`
      create table clone_suspect (
        pack_id bigint primary key references pack (id),
        since timestamptz not null default now(),
        evidence jsonb not null
      );`);
    this.addSql(`
      create table alert (
        id uuid primary key,
        reason text not null,
        status text not null default 'OPEN' check (status in ('OPEN','ASSIGNED','CLOSED')),
        resolution text check (resolution in ('FALSE_ALARM','CONFIRMED_FALSIFIED','DIVERTED')),
        code text not null,
        pack_id bigint references pack (id),
        product_id uuid references product (id),
        occurrences integer not null default 1,
        evidence jsonb not null default '[]',
        assignee_id uuid references app_user (id),
        first_seen_at timestamptz not null default now(),
        last_seen_at timestamptz not null default now(),
        closed_at timestamptz,
        closed_by_id uuid references app_user (id),
        check ((status = 'CLOSED') = (resolution is not null))
      );`);
    this.addSql(`create unique index alert_open_key on alert (code, reason) where status <> 'CLOSED';`);
    this.addSql(`create index alert_inbox_index on alert (status, last_seen_at desc);`);
    this.addSql(`create index alert_product_index on alert (product_id, last_seen_at desc);`);
    this.addSql(`
      create table alert_comment (
        id uuid primary key,
        alert_id uuid not null references alert (id),
        user_id uuid not null references app_user (id),
        text text not null,
        at timestamptz not null default now()
      );`);
    this.addSql(`create index alert_comment_alert_index on alert_comment (alert_id, at);`);
    this.addSql(`
      create table complaint (
        id uuid primary key,
        code text not null,
        description text,
        latitude double precision,
        longitude double precision,
        photo bytea,
        photo_type text,
        client bytea not null,
        alert_id uuid references alert (id),
        created_at timestamptz not null default now()
      );`);
    this.addSql(`create index complaint_created_index on complaint (created_at desc);`);
    this.addSql(`create index complaint_code_index on complaint (code);`);
  }
}
