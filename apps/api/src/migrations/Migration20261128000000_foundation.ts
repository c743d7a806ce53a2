import { Migration } from '@mikro-orm/migrations';

const ORGANIZATION_TYPES = "('REGULATOR','MANUFACTURER','DISTRIBUTOR','PHARMACY','HOSPITAL','PUSKESMAS')";

export class Migration20261128000000_foundation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table organization (
        id uuid primary key,
        name text not null check (length(name) between 1 and 200),
        type text not null check (type in ${ORGANIZATION_TYPES}),
        created_at timestamptz not null default now()
      );`);
    this.addSql(`create unique index organization_name_key on organization (lower(name));`);
    this.addSql(`
      create table facility (
        id uuid primary key,
        organization_id uuid not null references organization (id),
        name text not null check (length(name) between 1 and 200),
        type text not null check (type in ${ORGANIZATION_TYPES}),
        address text,
        province text,
        regency text,
        latitude double precision check (latitude between -90 and 90),
        longitude double precision check (longitude between -180 and 180),
        licence_number text,
        gln text check (gln ~ '^[0-9]{13}$'),
        created_at timestamptz not null default now()
      );`);
    this.addSql(`create index facility_organization_id_index on facility (organization_id);`);
    this.addSql(`
      create table app_user (
        id uuid primary key,
        organization_id uuid not null references organization (id),
        email text not null unique check (email = lower(email)),
        name text not null,
        password_hash text not null,
        role text not null check (role in ('ADMIN','OPERATOR','VIEWER','SUPERVISOR','INSPECTOR')),
        active boolean not null default true,
        created_at timestamptz not null default now()
      );`);
    this.addSql(`create index app_user_organization_id_index on app_user (organization_id);`);
    this.addSql(`
      create table session (
        id uuid primary key,
        user_id uuid not null references app_user (id),
        token_hash bytea not null unique,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        revoked_at timestamptz
      );`);
    this.addSql(`
      create table api_key (
        id uuid primary key,
        organization_id uuid not null references organization (id),
        name text not null,
        prefix text not null,
        secret_hash bytea not null unique,
        created_by_id uuid references app_user (id),
        created_at timestamptz not null default now(),
        revoked_at timestamptz,
        last_used_at timestamptz
      );`);
    this.addSql(`create index api_key_organization_id_index on api_key (organization_id);`);
    this.addSql(`
      create table product (
        id uuid primary key,
        nie text not null unique check (nie ~ '^[A-Z0-9]{1,16}$'),
        name text not null,
        brand text,
        form text,
        strength text,
        packaging text,
        producer text,
        registrant_id uuid not null references organization (id),
        gtin text unique check (gtin ~ '^[0-9]{14}$'),
        serialised boolean not null default true,
        created_at timestamptz not null default now()
      );`);
    this.addSql(`create index product_registrant_id_index on product (registrant_id);`);
  }
}
