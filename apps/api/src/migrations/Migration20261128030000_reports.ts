import { Migration } from '@mikro-orm/migrations';

/**
 * Summary tables the reports read, kept current by the movements in the same transaction:
 * stock on hand, realisation per day and province, goods in and out, and consumption.
 * Existing data is carried over once, here.
 */
export class Migration20261128030000_reports extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table stock (
        facility_id uuid not null references facility (id),
        batch_id bigint not null references batch (id),
        units integer not null check (units >= 0),
        primary key (facility_id, batch_id)
      );`);
    this.addSql(`create index stock_batch_index on stock (batch_id);`);
    this.addSql(`
      insert into stock (facility_id, batch_id, units)
      select custodian_id, batch_id, count(*) from pack
       where level = 'UNIT' and status = 'ACTIVE' and custodian_id is not null group by 1, 2;`);

    this.addSql(`
      create table realisation_daily (
        batch_id bigint not null references batch (id),
        day date not null,
        province text not null,
        issued integer not null default 0,
        activated integer not null default 0,
        shipped_to_distributor integer not null default 0,
        received_by_distributor integer not null default 0,
        shipped_by_distributor integer not null default 0,
        received_by_pharmacy integer not null default 0,
        dispensed integer not null default 0,
        primary key (batch_id, day, province)
      );`);
    this.addSql(`create index realisation_daily_day_index on realisation_daily (day, province);`);
    this.addSql(`
      insert into realisation_daily (batch_id, day, province, issued, activated, shipped_to_distributor,
        received_by_distributor, shipped_by_distributor, received_by_pharmacy, dispensed)
      select batch_id, current_date, '', issued, activated, shipped_to_distributor, received_by_distributor,
             shipped_by_distributor, received_by_pharmacy, dispensed from batch_stats;`);

    this.addSql(`
      create table flow (
        facility_id uuid not null references facility (id),
        day date not null,
        counterparty_id uuid not null references facility (id),
        batch_id bigint not null references batch (id),
        units_out integer not null default 0,
        units_in integer not null default 0,
        primary key (facility_id, day, counterparty_id, batch_id)
      );`);
    this.addSql(`
      insert into flow (facility_id, day, counterparty_id, batch_id, units_out, units_in)
      select e.facility_id, (e.at at time zone 'UTC')::date, e.counterparty_id, p.batch_id,
             count(*) filter (where e.type in ('SHIPPED', 'RETURNED')), count(*) filter (where e.type = 'RECEIVED')
        from event e join event_pack ep on ep.event_id = e.id join pack p on p.id = ep.pack_id
       where e.type in ('SHIPPED', 'RETURNED', 'RECEIVED') and e.counterparty_id is not null and p.level = 'UNIT'
       group by 1, 2, 3, 4;`);

    this.addSql(`
      create table consumption (
        product_id uuid not null references product (id),
        province text not null,
        regency text not null,
        day date not null,
        units integer not null check (units >= 0),
        primary key (product_id, province, regency, day)
      );`);
    this.addSql(`create index consumption_region_index on consumption (province, regency, day);`);
    this.addSql(`
      insert into consumption (product_id, province, regency, day, units)
      select p.product_id, coalesce(f.province, ''), coalesce(f.regency, ''), (p.status_at at time zone 'UTC')::date, count(*)
        from pack p join facility f on f.id = p.status_by_id
       where p.level = 'UNIT' and p.status = 'DISPENSED' group by 1, 2, 3, 4;`);

    this.addSql(`create index facility_region_index on facility (province, regency);`);
    this.addSql(`create index consumption_day_index on consumption (day);`);
    // Roll-ups the national reports read: consumption per month, and stock per product and regency.
    this.addSql(`
      create table consumption_monthly (
        product_id uuid not null references product (id),
        province text not null,
        regency text not null,
        month date not null,
        units integer not null,
        primary key (product_id, province, regency, month)
      );`);
    this.addSql(`create index consumption_monthly_region_index on consumption_monthly (province, regency, month);`);
    this.addSql(`
      insert into consumption_monthly (product_id, province, regency, month, units)
      select product_id, province, regency, date_trunc('month', day)::date, sum(units) from consumption group by 1, 2, 3, 4;`);
    this.addSql(`
      create table stock_region (
        product_id uuid not null references product (id),
        province text not null,
        regency text not null,
        units integer not null,
        primary key (product_id, province, regency)
      );`);
    this.addSql(`
      insert into stock_region (product_id, province, regency, units)
      select b.product_id, coalesce(f.province, ''), coalesce(f.regency, ''), sum(s.units)
        from stock s join facility f on f.id = s.facility_id join batch b on b.id = s.batch_id group by 1, 2, 3;`);
    // Units on their way: shipped (or returned) from one facility to another on a day, not yet received.
    this.addSql(`
      create table in_transit (
        from_id uuid not null references facility (id),
        to_id uuid not null references facility (id),
        batch_id bigint not null references batch (id),
        day date not null,
        units integer not null,
        primary key (to_id, from_id, batch_id, day)
      );`);
    this.addSql(`create index in_transit_day_index on in_transit (day) where units > 0;`);
    this.addSql(`
      insert into in_transit (from_id, to_id, batch_id, day, units)
      select custodian_id, destination_id, batch_id, (coalesce(status_at, created_at) at time zone 'UTC')::date, count(*)
        from pack where status = 'IN_TRANSIT' and level = 'UNIT' group by 1, 2, 3, 4;`);
  }
}
