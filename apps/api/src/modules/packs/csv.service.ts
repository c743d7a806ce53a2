import { parse } from '@jejak/gs1';
import type { PoolClient } from 'pg';
import type { Context } from '../../context.js';
import { requirePrincipal } from '../../shared/auth.js';
import { CSV_LIMITS, normaliseHeader } from '../../shared/csv.js';
import { inTransaction } from '../../shared/db.js';
import { badInput, forbidden } from '../../shared/errors.js';
import type { EventContext } from './apply.js';
import { moveIn, toEventContext, type MovementOptions } from './movements.service.js';
import type { BulkResult, DecommissionReasonName, Rejection } from './pack.types.js';
import type { FacilityRef, Movement } from './rules.js';

export const MAX_CSV_ROWS = CSV_LIMITS.dataRows;

/** Header names (normalised) each column may have, Indonesian and English. */
const ACTIVATION_COLUMNS = {
  code: ['2dbarcode', 'barcode', 'barcode2d', 'code', 'kode', 'kode2d', 'datamatrix'],
  packageId: ['idkemasan', 'packageid', 'packid', 'serial', 'serialnumber'],
  nie: ['nie', 'nomorizinedar'],
  lot: ['lotnumber', 'lot', 'nolot'],
  batch: ['nobets', 'bets', 'batch', 'batchno', 'batchnumber', 'nobatch'],
  expiry: ['expired', 'expiry', 'expirydate', 'kedaluwarsa', 'tanggalkedaluwarsa', 'ed'],
  latitude: ['latitude', 'lat'],
  longitude: ['longitude', 'long', 'lng', 'lon'],
  gtin: ['gtin'],
  isActive: ['isactive', 'active', 'aktif'],
  isSample: ['issample', 'sample', 'sampel'],
  isSold: ['issold', 'sold', 'terjual'],
} as const;

const MOVEMENT_COLUMNS = {
  code: ACTIVATION_COLUMNS.code,
  event: ['event', 'type', 'kejadian', 'jenis', 'aktivitas'],
  to: ['to', 'tujuan', 'destination', 'kepada'],
  time: ['time', 'waktu', 'at', 'timestamp', 'tanggal'],
  reason: ['reason', 'alasan'],
  latitude: ACTIVATION_COLUMNS.latitude,
  longitude: ACTIVATION_COLUMNS.longitude,
} as const;

type Columns<T> = { [K in keyof T]: number };

function locateColumns<T extends Record<string, readonly string[]>>(header: string[], names: T): Columns<T> {
  const normalised = header.map(normaliseHeader);
  return Object.fromEntries(
    Object.entries(names).map(([column, aliases]) => [column, normalised.findIndex((name) => aliases.includes(name))]),
  ) as Columns<T>;
}

const cell = (row: string[], index: number) => (index >= 0 ? (row[index] ?? '').trim() : '');
const TRUE = new Set(['1', 'true', 'ya', 'yes', 'y']);
const FALSE = new Set(['0', 'false', 'tidak', 'no', 'n']);

/** A data row of an upload: its number (1 = first after the header) and the code it names. */
interface Line {
  row: number;
  code: string;
}

/** One group of rows that becomes one bulk movement. */
interface Group {
  movement: Movement;
  context: EventContext;
  lines: Line[];
}

export class CsvService {
  constructor(private readonly facility: (ctx: Context, id: string) => Promise<FacilityRef>) {}

  /** The seed's 13-column activation file (its rows, header first): every valid row activated, in one transaction. */
  async activation(ctx: Context, file: string[][], options: MovementOptions, actor: FacilityRef): Promise<BulkResult> {
    const principal = requirePrincipal(ctx);
    if (principal.organizationType !== 'MANUFACTURER') throw forbidden('Only manufacturers activate codes');
    const [header, ...rows] = readRows(file);
    const columns = locateColumns(header!, ACTIVATION_COLUMNS);
    if (columns.code < 0 && (columns.packageId < 0 || columns.nie < 0)) {
      throw badInput('The file needs a "2D Barcode" column (or "NIE", "Lot Number", "Expired" and "ID Kemasan")', 'csv');
    }
    const rejected: Rejection[] = [];
    const groups = new Map<string, Group>();
    const samples: Line[] = [];
    rows.forEach((row, i) => {
      const line = { row: i + 1, code: activationCode(row, columns) };
      const problem = checkActivationRow(row, columns, line.code);
      if (problem) return rejected.push({ code: line.code, row: line.row, ...problem });
      const location = readLocation(row, columns);
      if ('reason' in location) return rejected.push({ code: line.code, row: line.row, ...location });
      const context = toEventContext(principal, { ...options, ...location, source: 'CSV' });
      addToGroup(groups, `${location.latitude}|${location.longitude}`, { kind: 'activate' }, context, line);
      if (TRUE.has(cell(row, columns.isSample).toLowerCase())) samples.push(line);
    });
    return inTransaction(ctx.pool, async (client) => {
      const result = await runGroups(client, [...groups.values()], actor, rejected);
      if (samples.length) {
        const context = toEventContext(principal, { ...options, source: 'CSV' });
        const activated = new Set(result.acceptedCodes);
        const sampleGroup = { movement: { kind: 'decommission', reason: 'SAMPLE' } as Movement, context, lines: samples.filter((l) => activated.has(l.code)) };
        if (sampleGroup.lines.length) await runGroups(client, [sampleGroup], actor, result.rejected);
      }
      return { accepted: result.acceptedCodes.length, units: result.units, rejected: result.rejected };
    });
  }

  /** A movements file (`code,event,to,time`; its rows, header first): rows grouped into bulk movements, applied in order, in one transaction. */
  async movements(ctx: Context, file: string[][], options: MovementOptions, actor: FacilityRef): Promise<BulkResult> {
    const principal = requirePrincipal(ctx);
    const [header, ...rows] = readRows(file);
    const columns = locateColumns(header!, MOVEMENT_COLUMNS);
    if (columns.code < 0 || columns.event < 0) throw badInput('The file needs at least the columns code and event (and to, time)', 'csv');
    const rejected: Rejection[] = [];
    const groups = new Map<string, Group>();
    const facilities = new Map<string, FacilityRef | Rejection['message']>();
    for (const [i, row] of rows.entries()) {
      const line = { row: i + 1, code: cell(row, columns.code) };
      const refuse = (message: string) => rejected.push({ code: line.code, row: line.row, reason: 'MALFORMED', message });
      const event = cell(row, columns.event);
      const kind = movementKind(event);
      if (!kind) {
        refuse(`unknown event "${event}"; use activate, ship, receive, return, dispense, decommission or undo`);
        continue;
      }
      const at = readTime(cell(row, columns.time));
      if (typeof at === 'string') {
        refuse(at);
        continue;
      }
      const location = readLocation(row, columns);
      if ('reason' in location) {
        rejected.push({ code: line.code, row: line.row, ...location });
        continue;
      }
      let movement: Movement;
      const to = cell(row, columns.to);
      if (kind === 'ship' || kind === 'returnPacks') {
        const target = await this.target(ctx, to, facilities);
        if (typeof target === 'string') {
          refuse(target);
          continue;
        }
        movement = { kind, to: target };
      } else if (kind === 'decommission' || DECOMMISSION_WORDS[kind]) {
        const reason = kind === 'decommission' ? decommissionReason(cell(row, columns.reason)) : DECOMMISSION_WORDS[kind]!;
        if (!reason) {
          refuse(`decommission needs a reason: DESTROYED, SAMPLE, EXPORTED, STOLEN or LOCKED`);
          continue;
        }
        movement = { kind: 'decommission', reason };
      } else movement = { kind } as Movement;
      if (kind === 'activate' && principal.organizationType !== 'MANUFACTURER') {
        rejected.push({ code: line.code, row: line.row, reason: 'FORBIDDEN', message: 'only manufacturers activate codes' });
        continue;
      }
      const context = toEventContext(principal, { ...options, ...location, at, source: 'CSV' });
      const key = [movement.kind, 'to' in movement ? movement.to.id : '', 'reason' in movement ? movement.reason : '', at?.toISOString(), location.latitude, location.longitude].join('|');
      addToGroup(groups, key, movement, context, line);
    }
    const result = await inTransaction(ctx.pool, (client) => runGroups(client, [...groups.values()], actor, [...rejected]));
    for (const group of groups.values()) {
      const codes = new Set(group.lines.map((line) => line.code));
      await ctx.services.alerts.fromMovement(ctx.pool, group.movement, result.rejected.filter((r) => codes.has(r.code)), actor);
    }
    return { accepted: result.acceptedCodes.length, units: result.units, rejected: result.rejected };
  }

  /** A facility named by id or GLN, looked up once per file. */
  private async target(ctx: Context, to: string, cache: Map<string, FacilityRef | string>): Promise<FacilityRef | string> {
    if (!to) return 'ship and return need a "to" facility (its id or GLN)';
    if (!cache.has(to)) {
      let found: FacilityRef | string;
      if (/^\d{13}$/.test(to)) {
        const { rows } = await ctx.pool.query('select id from facility where gln = $1', [to]);
        found = rows[0] ? await this.facility(ctx, rows[0].id) : `no facility has GLN ${to}`;
      } else {
        found = await this.facility(ctx, to).catch((error: Error) => error.message);
      }
      cache.set(to, found);
    }
    return cache.get(to)!;
  }
}

function readRows(rows: string[][]): string[][] {
  if (rows.length < 2) throw badInput('The file has no data rows under its header', 'csv');
  if (rows.length - 1 > MAX_CSV_ROWS) throw badInput(`At most ${MAX_CSV_ROWS.toLocaleString('en')} rows per file`, 'csv');
  return rows;
}

function addToGroup(groups: Map<string, Group>, key: string, movement: Movement, context: EventContext, line: Line) {
  const group = groups.get(key) ?? { movement, context, lines: [] };
  group.lines.push(line);
  groups.set(key, group);
}

/** Runs each group as a bulk movement, in order, and ties every rejection to its row. */
async function runGroups(client: PoolClient, groups: Group[], actor: FacilityRef, rejected: Rejection[]) {
  const acceptedCodes: string[] = [];
  let units = 0;
  for (const group of groups) {
    const rowOf = new Map<string, number>();
    for (const line of group.lines) if (!rowOf.has(line.code)) rowOf.set(line.code, line.row);
    const outcome = await moveIn(client, group.movement, group.lines.map((line) => line.code), actor, group.context);
    for (const code of outcome.accepted) acceptedCodes.push(code);
    units += outcome.units;
    for (const rejection of outcome.rejected) rejected.push({ ...rejection, row: rowOf.get(rejection.code) ?? null });
  }
  rejected.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { acceptedCodes, units, rejected };
}

/** The code of an activation row: its 2D barcode, or one built from its NIE, lot, expiry and package id. */
function activationCode(row: string[], columns: Columns<typeof ACTIVATION_COLUMNS>): string {
  const code = cell(row, columns.code);
  if (code) return code;
  const expiry = readDate(cell(row, columns.expiry));
  const lot = cell(row, columns.lot) || cell(row, columns.batch);
  const yymmdd = expiry ? expiry.slice(2, 4) + expiry.slice(5, 7) + expiry.slice(8, 10) : '';
  return `(90)${cell(row, columns.nie)}(10)${lot}(17)${yymmdd}(21)${cell(row, columns.packageId)}`;
}

/** The row's other columns must agree with its code; flags that ask for something else are refused. */
function checkActivationRow(row: string[], columns: Columns<typeof ACTIVATION_COLUMNS>, code: string): Pick<Rejection, 'reason' | 'message'> | null {
  if (FALSE.has(cell(row, columns.isActive).toLowerCase())) {
    return { reason: 'WRONG_STATE', message: 'the row says "is active" = 0: nothing to activate' };
  }
  if (TRUE.has(cell(row, columns.isSold).toLowerCase())) {
    return { reason: 'FORBIDDEN', message: 'the row says "is sold": dispensing is reported by the pharmacy' };
  }
  const parsed = parse(code);
  if (!parsed.valid) return null; // reported as MALFORMED by the movement itself
  const differs = (column: number, expected: string | null, read: (v: string) => string | null = (v) => v) => {
    const value = cell(row, column);
    return value !== '' && expected !== null && read(value) !== expected;
  };
  if (differs(columns.nie, parsed.nie, (v) => v.toUpperCase())) return mismatch('NIE', cell(row, columns.nie), parsed.nie);
  if (differs(columns.lot, parsed.batch)) return mismatch('lot number', cell(row, columns.lot), parsed.batch);
  if (differs(columns.batch, parsed.batch)) return mismatch('batch', cell(row, columns.batch), parsed.batch);
  if (differs(columns.expiry, parsed.expiry, readDate)) return mismatch('expiry', cell(row, columns.expiry), parsed.expiry);
  if (differs(columns.gtin, parsed.gtin, (v) => v.padStart(14, '0'))) return mismatch('GTIN', cell(row, columns.gtin), parsed.gtin);
  return null;
}

const mismatch = (column: string, value: string, inCode: string | null) => ({
  reason: 'DATA_MISMATCH' as const,
  message: `the ${column} column says ${value}, the code says ${inCode}`,
});

/** YYYY-MM-DD, YYMMDD, or DD/MM/YYYY (DD-MM-YYYY) as Indonesian spreadsheets write it. */
export function readDate(value: string): string | null {
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) return value;
  match = /^(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (match) return `20${match[1]}-${match[2]}-${match[3]}`;
  match = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(value);
  if (match) return `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  return null;
}

type Location = { latitude: number | null; longitude: number | null };

function readLocation(row: string[], columns: { latitude: number; longitude: number }): Location | { reason: 'MALFORMED'; message: string } {
  const read = (column: number, name: string, limit: number) => {
    const text = cell(row, column).replace(',', '.');
    if (!text) return null;
    const value = Number(text);
    if (!Number.isFinite(value) || Math.abs(value) > limit) throw `${name} "${cell(row, column)}" is not a number between -${limit} and ${limit}`;
    return value;
  };
  try {
    return { latitude: read(columns.latitude, 'latitude', 90), longitude: read(columns.longitude, 'longitude', 180) };
  } catch (message) {
    return { reason: 'MALFORMED' as const, message: message as string };
  }
}

const MAX_CLOCK_SKEW_MS = 5 * 60_000;

function readTime(value: string): Date | null | string {
  if (!value) return null;
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) return `time "${value}" is not an ISO 8601 date-time`;
  if (time.getTime() > Date.now() + MAX_CLOCK_SKEW_MS) return `time ${value} is in the future`;
  return time;
}

const DECOMMISSION_WORDS: Record<string, DecommissionReasonName | undefined> = {
  destroyed: 'DESTROYED',
  sample: 'SAMPLE',
  exported: 'EXPORTED',
  stolen: 'STOLEN',
  locked: 'LOCKED',
};

const EVENT_WORDS: Record<string, Movement['kind'] | keyof typeof DECOMMISSION_WORDS> = {
  activate: 'activate', aktivasi: 'activate', activation: 'activate',
  ship: 'ship', kirim: 'ship', pengiriman: 'ship', shipped: 'ship',
  receive: 'receive', terima: 'receive', penerimaan: 'receive', received: 'receive',
  return: 'returnPacks', retur: 'returnPacks', returnpacks: 'returnPacks', returned: 'returnPacks',
  dispense: 'dispense', jual: 'dispense', sold: 'dispense', serah: 'dispense', penyerahan: 'dispense', dispensed: 'dispense',
  decommission: 'decommission',
  destroyed: 'destroyed', destroy: 'destroyed', musnah: 'destroyed', pemusnahan: 'destroyed',
  sample: 'sample', sampel: 'sample',
  exported: 'exported', export: 'exported', ekspor: 'exported',
  stolen: 'stolen', hilang: 'stolen', dicuri: 'stolen',
  locked: 'locked', lock: 'locked', kunci: 'locked',
  undo: 'undo', batal: 'undo',
};

const movementKind = (event: string) => EVENT_WORDS[normaliseHeader(event)];

function decommissionReason(value: string): DecommissionReasonName | null {
  const upper = value.trim().toUpperCase();
  return (['DESTROYED', 'SAMPLE', 'EXPORTED', 'STOLEN', 'LOCKED'] as const).find((reason) => reason === upper) ?? null;
}
