import { parse } from '@jejak/gs1';
import type { PoolClient } from 'pg';
import type { Context } from '../../context.js';
import { requirePrincipal, type Principal } from '../../shared/auth.js';
import { inTransaction } from '../../shared/db.js';
import { badInput, conflict, forbidden, notFound } from '../../shared/errors.js';
import * as check from '../../shared/validate.js';
import type { AlertService } from '../alerts/alert.service.js';
import type { Clock } from '../lifecycle/clock.js';
import type { FacilityRef, Movement } from '../lifecycle/guards.js';
import { refuse } from '../lifecycle/refusals.js';
import type { NewNotification, NotificationService } from '../notifications/notification.service.js';
import { toFacilityObject } from '../organizations/organization.types.js';
import type { Reporter } from '../packs/apply.js';
import { checkCodeCount, inInputOrder, reporterOf, summarise, type MovementOptions, type MovementService, type Outcome } from '../packs/movements.service.js';
import type { BulkResult } from '../packs/pack.types.js';
import { codeOf, packViews } from '../packs/pack-views.js';
import { refusedLine, type Line } from '../packs/resolve.js';
import { missingFrom } from './missing.js';
import { newGsin, nextNumber, type ShipmentKind } from './numbers.js';
import type { ShipmentObject, ShipmentReceipt, ShipmentStatusName } from './shipment.types.js';

const SHIPMENT_COLUMNS = `
  s.id, s.kind, s.number, s.gsin, s.status, s.units, s.received_units as "receivedUnits", s.organization_id as "organizationId",
  s.from_id as "fromId", s.to_id as "toId", s.created_at as "createdAt", s.dispatched_at as "dispatchedAt",
  s.received_at as "receivedAt", s.cancelled_at as "cancelledAt"`;

const LIST_LIMIT = 200;

/**
 * Shipments as documents. A shipment is filled while OPEN (its packs are checked as a shipment
 * would check them, and stay where they are), dispatched (they move, in one step, IN_TRANSIT to
 * the receiver), and received whole, or in part with what is missing and extra named. Without
 * an open shipment each ship or return call is a shipment of its own, dispatched at once.
 */
export class ShipmentService {
  constructor(
    private readonly movements: MovementService,
    private readonly notifications: NotificationService,
    private readonly alerts: AlertService,
    private readonly clock: Clock,
  ) {}

  /** E-mails notifications written in a transaction that has committed. */
  notifyByEmail(notices: NewNotification[]): Promise<void> {
    return this.notifications.email(notices);
  }

  // --- Reading --------------------------------------------------------------------------------

  /** A shipment the caller may see: its sender's, its receiver's, or BPOM. */
  async byId(ctx: Context, id: string): Promise<ShipmentObject | null> {
    const principal = requirePrincipal(ctx);
    const rows = await this.select(ctx, 's.id = $1', [check.uuid(id, 'id')]);
    const shipment = rows[0];
    return shipment && (await this.visible(ctx, principal, shipment)) ? shipment : null;
  }

  /** The shipment a scanned delivery note names: its barcode (AI 402) or its number, on its way to the caller. */
  async byCode(ctx: Context, text: string): Promise<ShipmentObject | null> {
    const principal = requirePrincipal(ctx);
    const code = check.requiredText(text, 'code', 200);
    const gsin = parse(code).elements?.find((element) => element.ai === '402')?.value ?? (/^\d{17}$/.test(code) ? code : null);
    const rows = gsin
      ? await this.select(ctx, 's.gsin = $1', [gsin])
      : await this.select(ctx, `upper(s.number) = upper($1) and (s.organization_id = $2 or t.organization_id = $2)`, [code, principal.organizationId]);
    const visible = [];
    for (const row of rows) if (await this.visible(ctx, principal, row)) visible.push(row);
    return visible[0] ?? null;
  }

  /** Shipments on their way to the caller's facilities (by default those still to be received in full). */
  async incoming(ctx: Context, statuses: ShipmentStatusName[] | null | undefined): Promise<ShipmentObject[]> {
    const principal = requirePrincipal(ctx);
    const wanted = statuses?.length ? statuses : ['DISPATCHED', 'RECEIVED_WITH_DISCREPANCIES'];
    return this.select(ctx, `t.organization_id = $1 and s.status = any($2::text[]) order by s.dispatched_at desc nulls last limit ${LIST_LIMIT}`, [
      principal.organizationId,
      wanted,
    ]);
  }

  /** Shipments from the caller's facilities, newest first. */
  async outgoing(ctx: Context, statuses: ShipmentStatusName[] | null | undefined): Promise<ShipmentObject[]> {
    const principal = requirePrincipal(ctx);
    const params: unknown[] = [principal.organizationId];
    const status = statuses?.length ? `and s.status = any($${params.push(statuses)}::text[])` : '';
    return this.select(ctx, `s.organization_id = $1 ${status} order by s.created_at desc limit ${LIST_LIMIT}`, params);
  }

  private async select(ctx: Context, where: string, params: unknown[]): Promise<ShipmentObject[]> {
    const { rows } = await ctx.pool.query(
      `select ${SHIPMENT_COLUMNS} from shipment s join facility t on t.id = s.to_id where ${where}`,
      params,
    );
    return Promise.all(rows.map((row) => this.toObject(ctx, row)));
  }

  private async toObject(ctx: Context, row: Record<string, any>): Promise<ShipmentObject> {
    const [from, to] = await Promise.all([ctx.loaders.facility.load(row.fromId), ctx.loaders.facility.load(row.toId)]);
    return { ...row, barcode: `(402)${row.gsin}`, from: toFacilityObject(from!), to: toFacilityObject(to!) } as ShipmentObject;
  }

  private async visible(ctx: Context, principal: Principal, shipment: ShipmentObject): Promise<boolean> {
    if (principal.organizationType === 'REGULATOR' || shipment.organizationId === principal.organizationId) return true;
    const to = await ctx.loaders.facility.load(shipment.toId);
    return to?.organization.id === principal.organizationId;
  }

  private async mustFind(ctx: Context, id: string): Promise<ShipmentObject> {
    const shipment = await this.byId(ctx, id);
    if (!shipment) throw notFound(`No shipment with id ${id}`);
    return shipment;
  }

  // --- Filling and sending --------------------------------------------------------------------

  /** Opens a delivery note from the caller's facility to `toId`, to fill with ship(codes, to, shipment). */
  async open(ctx: Context, toId: string, options: MovementOptions = {}): Promise<ShipmentObject> {
    const principal = requirePrincipal(ctx);
    const actor = await this.movements.actingFacility(ctx, options.facilityId);
    const to = await this.movements.facility(ctx, toId);
    const id = await inTransaction(ctx.pool, (client) => this.create(client, principal, actor, to, 'SHIPMENT', 'OPEN'));
    return this.mustFind(ctx, id);
  }

  /**
   * `ship(codes, to, shipment)`: adds the codes to an open shipment, or without one sends them
   * as a shipment of their own.
   */
  async ship(ctx: Context, codes: string[], toId: string, shipmentId: string | null | undefined, options: MovementOptions = {}): Promise<BulkResult> {
    const to = await this.movements.facility(ctx, toId);
    if (shipmentId) return this.fill(ctx, codes, to, check.uuid(shipmentId, 'shipment'), options);
    return this.sendNow(ctx, { kind: 'ship', to }, codes, options);
  }

  /** `returnPacks(codes, to)`: a return travels as a shipment of its own (RT-…). */
  async returnPacks(ctx: Context, codes: string[], toId: string, options: MovementOptions = {}): Promise<BulkResult> {
    return this.sendNow(ctx, { kind: 'returnPacks', to: await this.movements.facility(ctx, toId) }, codes, options);
  }

  private async sendNow(ctx: Context, movement: Extract<Movement, { kind: 'ship' | 'returnPacks' }>, codes: string[], options: MovementOptions) {
    const principal = requirePrincipal(ctx);
    checkCodeCount(codes);
    const actor = await this.movements.actingFacility(ctx, options.facilityId);
    const lines = this.movements.linesOf(codes, options);
    const { outcome, shipment, notices } = await inTransaction(ctx.pool, (client) =>
      this.send(client, principal, movement, lines, actor, reporterOf(principal, options.source)),
    );
    await this.notifications.email(notices);
    return { ...summarise(outcome), shipment };
  }

  /**
   * Sends `lines` as a shipment of their own, dispatched at once, in the caller's transaction
   * (GraphQL calls, CSV files). No shipment is left behind when nothing could be sent.
   */
  async send(
    client: PoolClient,
    principal: Principal,
    movement: Extract<Movement, { kind: 'ship' | 'returnPacks' }>,
    lines: Line[],
    actor: FacilityRef,
    reporter: Reporter,
  ): Promise<{ outcome: Outcome; shipment: { id: string; number: string } | null; notices: NewNotification[] }> {
    const kind: ShipmentKind = movement.kind === 'returnPacks' ? 'RETURN' : 'SHIPMENT';
    const made: { id?: string } = {};
    const outcome = await this.movements.moveIn(client, movement, lines, actor, reporter, {
      newShipment: async () => (made.id = await this.create(client, principal, actor, movement.to, kind, 'DISPATCHED')),
    });
    const id = made.id;
    if (!id) return { outcome, shipment: null, notices: [] };
    const units = await this.addItems(client, id, outcome.items);
    const { rows } = await client.query(`update shipment set units = $2, dispatched_at = $3 where id = $1 returning number`, [id, units, this.clock.now()]);
    const notices = await this.notifications.notify(client, [incoming(id, rows[0].number, actor, movement.to, units)]);
    return { outcome, shipment: { id, number: rows[0].number }, notices };
  }

  private async create(client: PoolClient, principal: Principal, actor: FacilityRef, to: FacilityRef, kind: ShipmentKind, status: 'OPEN' | 'DISPATCHED') {
    const { rows: prefix } = await client.query('select gs1_company_prefix from organization where id = $1', [actor.organizationId]);
    const number = await nextNumber(client, actor.organizationId, kind, this.clock.today().slice(0, 4));
    for (let attempt = 0; ; attempt++) {
      const { rows } = await client.query(
        `insert into shipment (id, kind, number, gsin, organization_id, from_id, to_id, status, created_at, created_by_id, api_key_id)
         values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         on conflict (gsin) do nothing returning id`,
        [kind, number, newGsin(prefix[0]?.gs1_company_prefix ?? null), actor.organizationId, actor.id, to.id, status, this.clock.now(),
          principal.kind === 'user' ? principal.id : null, principal.kind === 'apiKey' ? principal.id : null],
      );
      if (rows[0]) return rows[0].id as string;
      if (attempt > 5) throw conflict('Could not give the shipment an identification number; try again.');
    }
  }

  /** Records the packs a shipment holds; returns its units. */
  private async addItems(client: PoolClient, shipmentId: string, items: Outcome['items']): Promise<number> {
    if (items.length) {
      await client.query(
        `insert into shipment_item (shipment_id, pack_id, units) select $1, t.pack_id, t.units from unnest($2::bigint[], $3::int[]) as t(pack_id, units)
         on conflict do nothing`,
        [shipmentId, items.map((item) => item.pack.id), items.map((item) => item.units)],
      );
    }
    const { rows } = await client.query('select coalesce(sum(units), 0)::int as units from shipment_item where shipment_id = $1', [shipmentId]);
    return rows[0].units;
  }

  /** Adds codes to an open shipment: each checked as the shipment will check it; nothing moves yet. */
  private async fill(ctx: Context, codes: string[], to: FacilityRef, shipmentId: string, options: MovementOptions): Promise<BulkResult> {
    const principal = requirePrincipal(ctx);
    checkCodeCount(codes);
    const actor = await this.movements.actingFacility(ctx, options.facilityId);
    const lines = this.movements.linesOf(codes, options);
    return inTransaction(ctx.pool, async (client) => {
      const shipment = await this.lockOwn(client, principal, shipmentId);
      if (shipment.status !== 'OPEN') throw conflict(`Shipment ${shipment.number} is ${shipment.status}: only an open shipment takes more packs`);
      if (shipment.to_id !== to.id) throw badInput(`Shipment ${shipment.number} goes to another facility than the one named in "to"`, 'to');
      if (shipment.from_id !== actor.id) throw badInput(`Shipment ${shipment.number} is sent from another of your facilities`, 'facility');
      const outcome = await this.movements.moveIn(client, { kind: 'ship', to }, lines, actor, reporterOf(principal, options.source), { dryRun: true });
      // A pack waits in one open shipment at a time.
      const ids = outcome.items.flatMap((item) => [item.pack.id, ...item.rows.map((row) => row.id)]);
      const { rows: elsewhere } = await client.query(
        `select si.pack_id::text as id, s.number from shipment_item si join shipment s on s.id = si.shipment_id
          where si.pack_id = any($1::bigint[]) and s.status = 'OPEN' and s.id <> $2`,
        [ids, shipmentId],
      );
      const taken = new Map(elsewhere.map((row) => [row.id as string, row.number as string]));
      const items = outcome.items.filter((item) => ![item.pack, ...item.rows].some((row) => taken.has(row.id)));
      const rejected = [
        ...outcome.rejected,
        ...outcome.items
          .filter((item) => !items.includes(item))
          .map((item) => refusedLine(item.line, refuse('IN_OPEN_SHIPMENT', `this pack is already in open shipment ${[item.pack, ...item.rows].map((row) => taken.get(row.id)).find(Boolean)}`)).rejection),
      ];
      const units = await this.addItems(client, shipmentId, items);
      await client.query('update shipment set units = $2 where id = $1', [shipmentId, units]);
      const acceptedLines = new Set(items.map((item) => item.line));
      return {
        accepted: outcome.accepted.filter((line) => acceptedLines.has(line) || !outcome.items.some((item) => item.line === line)).length,
        units: items.reduce((sum, item) => sum + item.units, 0),
        rejected: inInputOrder(rejected, lines),
        recalled: outcome.recalled,
        shipment: { id: shipmentId, number: shipment.number },
      };
    });
  }

  /** Sends an open shipment on its way: its packs move in one step; those that may no longer go are taken out of it. */
  async dispatch(ctx: Context, id: string): Promise<BulkResult> {
    const principal = requirePrincipal(ctx);
    const shipmentId = check.uuid(id, 'id');
    const { result, notices } = await inTransaction(ctx.pool, async (client) => {
      const shipment = await this.lockOwn(client, principal, shipmentId);
      if (shipment.status !== 'OPEN') throw conflict(`Shipment ${shipment.number} is already ${shipment.status}`);
      const lines = await this.itemLines(client, shipmentId);
      if (lines.length === 0) throw badInput(`Shipment ${shipment.number} is empty: add packs before dispatching it`, 'id');
      const actor = await this.movements.facilityRef(client, shipment.from_id);
      const to = await this.movements.facilityRef(client, shipment.to_id);
      const outcome = await this.movements.moveIn(client, { kind: 'ship', to }, lines, actor, reporterOf(principal, 'API'), { shipmentId });
      const kept = outcome.items.map((item) => item.pack.id);
      await client.query('delete from shipment_item where shipment_id = $1 and not (pack_id = any($2::bigint[]))', [shipmentId, kept]);
      const units = outcome.items.reduce((sum, item) => sum + item.units, 0);
      const status = kept.length ? 'DISPATCHED' : 'CANCELLED';
      await client.query(
        `update shipment set status = $2, units = $3, dispatched_at = case when $2 = 'DISPATCHED' then $4::timestamptz end,
                cancelled_at = case when $2 = 'CANCELLED' then $4::timestamptz end where id = $1`,
        [shipmentId, status, units, this.clock.now()],
      );
      const notices = kept.length ? await this.notifications.notify(client, [incoming(shipmentId, shipment.number, actor, to, units)]) : [];
      return { result: { ...summarise(outcome), shipment: { id: shipmentId, number: shipment.number as string } }, notices };
    });
    await this.notifications.email(notices);
    return result;
  }

  /** Cancels an open shipment: its packs never left, and no longer wait for it. */
  async cancel(ctx: Context, id: string): Promise<ShipmentObject> {
    const principal = requirePrincipal(ctx);
    const shipmentId = check.uuid(id, 'id');
    await inTransaction(ctx.pool, async (client) => {
      const shipment = await this.lockOwn(client, principal, shipmentId);
      if (shipment.status !== 'OPEN') {
        throw conflict(`Shipment ${shipment.number} is ${shipment.status}; once dispatched, goods come back as a return`);
      }
      await client.query(`update shipment set status = 'CANCELLED', cancelled_at = $2 where id = $1`, [shipmentId, this.clock.now()]);
    });
    return this.mustFind(ctx, shipmentId);
  }

  /** The sender's own shipment, locked for the change. */
  private async lockOwn(client: PoolClient, principal: Principal, id: string) {
    const { rows } = await client.query('select * from shipment where id = $1 for update', [id]);
    const shipment = rows[0];
    if (!shipment) throw notFound(`No shipment with id ${id}`);
    if (shipment.organization_id !== principal.organizationId) throw forbidden(`Shipment ${shipment.number} is another organisation's`);
    return shipment;
  }

  /** The shipment's items as lines, by their packs, with their codes for the answer. */
  private async itemLines(client: PoolClient, shipmentId: string): Promise<Line[]> {
    const views = await packViews(client, 'p.id in (select pack_id from shipment_item where shipment_id = $1) order by p.id', [shipmentId]);
    return views.map((view) => ({ code: codeOf(view), packId: view.id, at: null, latitude: null, longitude: null }));
  }

  // --- Receiving ----------------------------------------------------------------------------

  /**
   * Receives a shipment at its destination: everything in it, or the codes that arrived. What
   * the shipment held and did not arrive is named as missing, what arrived but was not in it as
   * extra; a discrepancy raises one alert for BPOM and notifies the sender.
   */
  async receive(ctx: Context, id: string, codes: string[] | null | undefined, options: MovementOptions = {}): Promise<ShipmentReceipt> {
    const principal = requirePrincipal(ctx);
    if (codes) checkCodeCount(codes);
    const shipment = await this.mustFind(ctx, id);
    if (shipment.status === 'OPEN' || shipment.status === 'CANCELLED') throw conflict(`Shipment ${shipment.number} is ${shipment.status}: it has not been sent`);
    if (shipment.status === 'RECEIVED') throw conflict(`Shipment ${shipment.number} has already been received in full`);
    if (shipment.to.organizationId !== principal.organizationId) throw forbidden(`Shipment ${shipment.number} goes to ${shipment.to.name}: only it receives the shipment`);
    const actor = await this.movements.actingFacility(ctx, shipment.toId);
    const { receipt, notices } = await inTransaction(ctx.pool, async (client) => {
      const lines = codes ? this.movements.linesOf(codes, options) : await this.itemLines(client, shipment.id);
      const outcome = await this.movements.moveIn(client, { kind: 'receive' }, lines, actor, reporterOf(principal, options.source));
      // Every item named and none refused: the whole shipment, contents and all, has arrived.
      const whole = !codes && outcome.rejected.length === 0 && outcome.accepted.length === lines.length;
      const missing = whole ? { codes: [], units: 0 } : await missingFrom(client, shipment.id);
      const extra = outcome.items.filter((item) => item.pack.shipmentId !== shipment.id).map((item) => item.line.code);
      const status: ShipmentStatusName = missing.codes.length ? 'RECEIVED_WITH_DISCREPANCIES' : 'RECEIVED';
      await client.query(`update shipment set status = $2, received_at = coalesce(received_at, $3) where id = $1`, [shipment.id, status, this.clock.now()]);
      let notices: NewNotification[] = [];
      if (missing.codes.length || extra.length) {
        await this.alerts.raise(client, {
          reason: 'SHIPMENT_DISCREPANCY',
          code: shipment.number,
          groupKey: `shipment:${shipment.id}`,
          facilityId: actor.id,
          evidence: {
            at: this.clock.now().toISOString(),
            kind: 'MOVEMENT',
            what: 'SHIPMENT_MISMATCH',
            params: { missingUnits: missing.units, extraCodes: extra.length },
            detail: `${missing.units} units missing, ${extra.length} codes extra`,
            facility: actor.name,
          },
        });
        notices = await this.notifications.notify(client, [
          {
            organizationId: shipment.organizationId,
            facilityId: shipment.fromId,
            kind: 'SHIPMENT_DISCREPANCY',
            params: { shipmentId: shipment.id, shipmentNumber: shipment.number, counterparty: actor.name, units: missing.units },
          },
        ]);
      }
      const receipt: ShipmentReceipt = {
        accepted: outcome.accepted.length,
        units: outcome.units,
        rejected: outcome.rejected,
        missing: missing.codes,
        extra,
        recalled: outcome.recalled,
        shipment: { id: shipment.id, number: shipment.number },
      };
      return { receipt, notices };
    });
    await this.notifications.email(notices);
    return receipt;
  }
}

/** The receiver is told a shipment is on its way. */
const incoming = (id: string, number: string, from: FacilityRef, to: FacilityRef, units: number): NewNotification => ({
  organizationId: to.organizationId,
  facilityId: to.id,
  kind: 'INCOMING_SHIPMENT',
  params: { shipmentId: id, shipmentNumber: number, counterparty: from.name, units },
});
