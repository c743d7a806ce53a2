import { parse, type ParseResult } from '@jejak/gs1';
import type { PoolClient } from 'pg';
import type { Context } from '../../context.js';
import { requirePrincipal, type Principal } from '../../shared/auth.js';
import { CSV_LIMITS, normaliseHeader } from '../../shared/csv.js';
import { inTransaction } from '../../shared/db.js';
import { badInput, conflict, forbidden } from '../../shared/errors.js';
import { readReportedTime } from '../lifecycle/clock.js';
import type { FacilityRef, Movement } from '../lifecycle/guards.js';
import { refuse, type Refusal, type RuleName } from '../lifecycle/refusals.js';
import { DECOMMISSION_REASONS, type DecommissionReasonName } from '../lifecycle/states.js';
import { keyOf } from './code-input.js';
import { readOnce } from '../../shared/iterables.js';
import type { Reporter } from './apply.js';
import { reporterOf, timeMessage, type MovementOptions, type MovementService, type Outcome } from './movements.service.js';
import type { ShipmentService } from '../shipments/shipment.service.js';
import type { NewNotification } from '../notifications/notification.service.js';
import type { BulkResult, Rejection } from './pack.types.js';
import type { Line } from './resolve.js';

export const MAX_CSV_ROWS = CSV_LIMITS.dataRows;

/** Header names (normalised) each column may have, Indonesian and English. */
const ACTIVATION_COLUMNS = {
  // "text": the bracketed code of Jejak's own issued-codes download (codes.csv).
  code: ['2dbarcode', 'barcode', 'barcode2d', 'code', 'kode', 'kode2d', 'datamatrix', 'text'],
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

/** One bulk step of a file: consecutive rows with the same movement. */
interface Step {
  movement: Movement;
  key: string;
  lines: Line[];
}

/** What a file asks for, applied in order: a movement and its lines (an activation file's are read as they are asked for). */
type Work = { movement: Movement; lines: Iterable<Line> };

/** Appends a line to the last step when it is the same movement, else starts a new step. */
function addLine(steps: Step[], movement: Movement, line: Line) {
  const key = [movement.kind, 'to' in movement ? movement.to.id : '', 'reason' in movement ? movement.reason : ''].join('|');
  const last = steps.at(-1);
  if (last && last.key === key) last.lines.push(line);
  else steps.push({ movement, key, lines: [line] });
}

const refusedRow = (code: string, row: number, rule: RuleName, message: string): Rejection => ({ code, row, ...refuse(rule, message) });

/** A file's once-only key: the caller's Idempotency-Key, or the file's SHA-256 (see csv.routes.ts). */
export interface ImportKey {
  kind: 'activation' | 'movements';
  key: string;
  /** The file's SHA-256 (hex): one key names one file. */
  file: string;
}

/**
 * A CSV's BulkResult; `replayed` when the same file had been applied already, with when (its
 * refusals then at most KEPT_REFUSALS of `rejectedCount`).
 */
export type CsvResult = BulkResult & { replayed?: true; appliedAt?: string; rejectedCount?: number };

/** Claims a file's key for this transaction, or finds the result of the import that holds it. */
async function claimImport(client: PoolClient, principal: Principal, { kind, key, file }: ImportKey): Promise<{ id: string } | (CsvResult & { id?: never })> {
  const claimed = await client.query<{ id: string }>(
    `insert into csv_import (organization_id, kind, key, file_sha256, user_id) values ($1, $2, $3, $4, $5)
     on conflict (organization_id, kind, key) do nothing returning id`,
    [principal.organizationId, kind, key, file, principal.kind === 'user' ? principal.id : null],
  );
  if (claimed.rows[0]) return claimed.rows[0];
  const { rows } = await client.query<{ result: BulkResult; appliedAt: Date; file: string }>(
    `select result, applied_at as "appliedAt", file_sha256 as file from csv_import where organization_id = $1 and kind = $2 and key = $3`,
    [principal.organizationId, kind, key],
  );
  const first = rows[0]!;
  if (first.file !== file) throw conflict('This Idempotency-Key was used for another file; send a new key with a new file');
  return { ...first.result, replayed: true, appliedAt: first.appliedAt.toISOString() };
}

/** At most this many refusals are kept with an import for its replay; the count says how many there were. */
const KEPT_REFUSALS = 10_000;

export class CsvService {
  constructor(
    private readonly mover: MovementService,
    private readonly shipments: ShipmentService,
  ) {}

  /** The seed's 13-column activation file: every valid row activated, in one transaction. */
  async activation(ctx: Context, rows: string[][], options: MovementOptions, actor: FacilityRef, importKey: Omit<ImportKey, 'kind'> | null = null): Promise<CsvResult> {
    const principal = requirePrincipal(ctx);
    if (principal.organizationType !== 'MANUFACTURER') throw forbidden('Only manufacturers activate codes');
    const [header, ...data] = checkRows(rows);
    const columns = locateColumns(header, ACTIVATION_COLUMNS);
    if (columns.code < 0 && (columns.packageId < 0 || columns.nie < 0)) {
      throw badInput('The file needs a "2D Barcode" column (or "NIE", "Lot Number", "Expired" and "ID Kemasan")', 'csv');
    }
    const rejected: Rejection[] = [];
    const samples: Line[] = [];
    // The rows are read as the activation asks for them, while the database works on the rows
    // before (activate-in-place.ts); their refusals and samples are collected on the way.
    const activations = readOnce(
      (function* () {
        for (const [i, row] of data.entries()) {
          const code = activationCode(row, columns);
          const parsed = parse(code);
          const problem = checkActivationRow(row, columns, parsed);
          if (problem) {
            rejected.push({ code, row: i + 1, ...problem });
            continue;
          }
          const location = readLocation(row, columns);
          if ('reason' in location) {
            rejected.push({ code, row: i + 1, ...location });
            continue;
          }
          // Parsed once: the movement takes the code as read here.
          const line: Line = { code, row: i + 1, at: options.at ?? null, ...location, key: keyOf(code, parsed) };
          if (TRUE.has(cell(row, columns.isSample).toLowerCase())) samples.push(line);
          yield line;
        }
      })(),
    );
    return this.apply(ctx, principal, [{ movement: { kind: 'activate' }, lines: activations }], actor, reporterOf(principal, 'CSV'), rejected, samples, importKey === null ? null : { kind: 'activation', ...importKey });
  }

  /**
   * A movements file (`code,event,to,time`) is a journal: applied row by row in the file's own
   * order (consecutive rows with the same movement as one bulk step), in one transaction.
   */
  async movements(ctx: Context, rows: string[][], options: MovementOptions, actor: FacilityRef, importKey: Omit<ImportKey, 'kind'> | null = null): Promise<CsvResult> {
    const principal = requirePrincipal(ctx);
    const [header, ...data] = checkRows(rows);
    const columns = locateColumns(header, MOVEMENT_COLUMNS);
    if (columns.code < 0 || columns.event < 0) throw badInput('The file needs at least the columns code and event (and to, time)', 'csv');
    const clock = this.mover.clock;
    const rejected: Rejection[] = [];
    const steps: Step[] = [];
    const facilities = new Map<string, FacilityRef | string>();
    for (const [i, row] of data.entries()) {
      const code = cell(row, columns.code);
      const refuseRow = (rule: RuleName, message: string) => rejected.push(refusedRow(code, i + 1, rule, message));
      const event = cell(row, columns.event);
      const kind = movementKind(event);
      if (!kind) {
        refuseRow('ROW_MALFORMED', `unknown event "${event}"; use activate, ship, receive, return, dispense, decommission or undo`);
        continue;
      }
      const timeText = cell(row, columns.time);
      const at = timeText ? readReportedTime(timeText, clock) : (options.at ?? null);
      if (typeof at === 'string') {
        refuseRow('ROW_MALFORMED', at);
        continue;
      }
      const late = at && clock.refuseReportedTime(at);
      if (late) {
        refuseRow(late, timeMessage(late, at, clock));
        continue;
      }
      const location = readLocation(row, columns);
      if ('reason' in location) {
        rejected.push({ code, row: i + 1, ...location });
        continue;
      }
      let movement: Movement;
      if (kind === 'ship' || kind === 'returnPacks') {
        const target = await this.target(ctx, cell(row, columns.to), facilities);
        if (typeof target === 'string') {
          refuseRow('ROW_MALFORMED', target);
          continue;
        }
        movement = { kind, to: target };
      } else if (kind === 'decommission' || DECOMMISSION_WORDS[kind]) {
        const reason = kind === 'decommission' ? decommissionReason(cell(row, columns.reason)) : DECOMMISSION_WORDS[kind]!;
        if (!reason) {
          refuseRow('ROW_MALFORMED', `decommission needs a reason: ${DECOMMISSION_REASONS.join(', ')}`);
          continue;
        }
        movement = { kind: 'decommission', reason };
      } else movement = { kind } as Movement;
      addLine(steps, movement, { code, row: i + 1, at, ...location });
    }
    return this.apply(ctx, principal, steps, actor, reporterOf(principal, 'CSV'), rejected, [], importKey === null ? null : { kind: 'movements', ...importKey });
  }

  /**
   * Runs the steps in order in one transaction (and marks activated samples), every rejection
   * tied to its row. Each step that ships or returns travels as a shipment of its own.
   */
  private async apply(
    ctx: Context,
    principal: Principal,
    steps: Work[],
    actor: FacilityRef,
    reporter: Reporter,
    rejected: Rejection[],
    samples: Line[] = [],
    once: ImportKey | null = null,
  ): Promise<CsvResult> {
    const { result, notices } = await inTransaction(ctx.pool, async (client): Promise<{ result: CsvResult; notices: NewNotification[] }> => {
      // The file is claimed first: a second sender of it waits here until the first commits
      // (and then answers its result) or rolls back (and then applies it itself).
      const claim = once && (await claimImport(client, principal, once));
      if (claim && !('id' in claim)) return { result: claim, notices: [] };
      const refusals: Rejection[] = [];
      const recalled: string[] = [];
      const notices: NewNotification[] = [];
      let accepted = 0;
      let units = 0;
      const activated = new Set<Line>();
      for (const { movement, lines } of steps) {
        let outcome: Outcome;
        if (movement.kind === 'ship' || movement.kind === 'returnPacks') {
          const sent = await this.shipments.send(client, principal, movement, Array.from(lines), actor, reporter);
          outcome = sent.outcome;
          notices.push(...sent.notices);
        } else {
          outcome = await this.mover.moveIn(client, movement, lines, actor, reporter);
        }
        accepted += outcome.accepted.length;
        units += outcome.units;
        for (const line of outcome.accepted) activated.add(line);
        refusals.push(...outcome.rejected);
        recalled.push(...outcome.recalled);
      }
      const sampled = samples.filter((line) => activated.has(line));
      if (sampled.length) {
        const outcome = await this.mover.moveIn(client, { kind: 'decommission', reason: 'SAMPLE' }, sampled, actor, reporter);
        refusals.push(...outcome.rejected);
      }
      // The rows refused as they were read are known once the steps have read them.
      const all = [...rejected, ...refusals];
      const result = { accepted, units, rejected: all.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)), recalled, shipment: null };
      // A file that changed nothing need not be remembered: sent again, it is simply tried again.
      if (claim && accepted === 0) await client.query(`delete from csv_import where id = $1`, [claim.id]);
      else if (claim) {
        const kept = { ...result, rejected: result.rejected.slice(0, KEPT_REFUSALS), rejectedCount: result.rejected.length };
        await client.query(`update csv_import set result = $2 where id = $1`, [claim.id, JSON.stringify(kept)]);
      }
      return { result, notices };
    });
    await this.shipments.notifyByEmail(notices);
    return result;
  }

  /** A facility named by id or GLN, looked up once per file. */
  private async target(ctx: Context, to: string, cache: Map<string, FacilityRef | string>): Promise<FacilityRef | string> {
    if (!to) return 'ship and return need a "to" facility (its id or GLN)';
    if (!cache.has(to)) {
      let found: FacilityRef | string;
      if (/^\d{13}$/.test(to)) {
        const { rows } = await ctx.pool.query('select id from facility where gln = $1', [to]);
        found = rows[0] ? await this.mover.facility(ctx, rows[0].id) : `no facility has GLN ${to}`;
      } else {
        found = await this.mover.facility(ctx, to).catch((error: Error) => error.message);
      }
      cache.set(to, found);
    }
    return cache.get(to)!;
  }
}

/** The header and data rows of an upload, checked for size. */
function checkRows(rows: string[][]): [string[], ...string[][]] {
  if (rows.length < 2) throw badInput('The file has no data rows under its header', 'csv');
  if (rows.length - 1 > MAX_CSV_ROWS) throw badInput(`At most ${MAX_CSV_ROWS.toLocaleString('en')} rows per file`, 'csv');
  return rows as [string[], ...string[][]];
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
function checkActivationRow(row: string[], columns: Columns<typeof ACTIVATION_COLUMNS>, parsed: ParseResult): Refusal | null {
  if (FALSE.has(cell(row, columns.isActive).toLowerCase())) {
    return refuse('ROW_NOT_ACTIVE', 'the row says "is active" = 0: nothing to activate');
  }
  if (TRUE.has(cell(row, columns.isSold).toLowerCase())) {
    return refuse('ROW_SOLD', 'the row says "is sold": dispensing is reported by the pharmacy');
  }
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

const mismatch = (column: string, value: string, inCode: string | null) =>
  refuse('ROW_DATA_MISMATCH', `the ${column} column says ${value}, the code says ${inCode}`);

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

function readLocation(row: string[], columns: { latitude: number; longitude: number }): Location | Refusal {
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
    return refuse('ROW_MALFORMED', message as string);
  }
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
  return DECOMMISSION_REASONS.find((reason) => reason === upper) ?? null;
}
