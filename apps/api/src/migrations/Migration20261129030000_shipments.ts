import { Migration } from '@mikro-orm/migrations';

/**
 * Shipments as documents (delivery notes), notifications to the people who must act, and the
 * closing of a recall. A pack travelling in a shipment carries its id (no index: movements stay
 * HOT updates); the shipment's items are the packs named when it was filled, cases and pallets
 * standing for what they hold.
 */
export class Migration20261129030000_shipments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table shipment (
        id uuid primary key,
        kind text not null check (kind in ('SHIPMENT','RETURN')),
        number text not null,
        gsin text not null unique check (gsin ~ '^[0-9]{17}$'),
        organization_id uuid not null references organization (id),
        from_id uuid not null references facility (id),
        to_id uuid not null references facility (id),
        status text not null check (status in ('OPEN','DISPATCHED','RECEIVED','RECEIVED_WITH_DISCREPANCIES','CANCELLED')),
        units integer not null default 0 check (units >= 0),
        received_units integer not null default 0 check (received_units >= 0),
        created_at timestamptz not null default now(),
        created_by_id uuid references app_user (id),
        api_key_id uuid references api_key (id),
        dispatched_at timestamptz,
        received_at timestamptz,
        cancelled_at timestamptz,
        unique (organization_id, number)
      );`);
    this.addSql(`create index shipment_to_index on shipment (to_id, status, dispatched_at desc);`);
    this.addSql(`create index shipment_from_index on shipment (from_id, status, created_at desc);`);
    this.addSql(`
      create table shipment_item (
        shipment_id uuid not null references shipment (id),
        pack_id bigint not null,
        units integer not null check (units >= 0),
        primary key (shipment_id, pack_id)
      );`);
    this.addSql(`create index shipment_item_pack_index on shipment_item (pack_id);`);
    this.addSql(`
      create table shipment_counter (
        organization_id uuid not null references organization (id),
        year integer not null,
        last integer not null,
        primary key (organization_id, year)
      );`);
    this.addSql(`alter table pack add column shipment_id uuid;`);
    this.addSql(`alter table event add column shipment_id uuid;`);

    this.addSql(`
      create table notification (
        id uuid primary key,
        organization_id uuid not null references organization (id),
        facility_id uuid references facility (id),
        kind text not null,
        params jsonb not null default '{}',
        created_at timestamptz not null default now()
      );`);
    this.addSql(`create index notification_organization_index on notification (organization_id, created_at desc);`);
    this.addSql(`
      create table notification_read (
        notification_id uuid not null references notification (id),
        user_id uuid not null references app_user (id),
        read_at timestamptz not null default now(),
        primary key (user_id, notification_id)
      );`);

    this.addSql(`alter table recall add column closed_at timestamptz, add column closed_by_id uuid references app_user (id);`);
  }
}
