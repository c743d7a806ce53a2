import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from '@jejak/gs1';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Context } from '../../context.js';
import { Allow, requirePrincipal, satisfies, type Principal } from '../../shared/auth.js';
import { inTransaction } from '../../shared/db.js';
import { badInput, conflict, forbidden, notFound } from '../../shared/errors.js';
import * as check from '../../shared/validate.js';
import { Batch } from '../products/batch.entity.js';
import { Product } from '../products/product.entity.js';
import { normaliseGtin, normaliseNie } from '../products/product.service.js';
import { CodeRequest } from './code-request.entity.js';
import type { CodeRequestInput, SerialUploadInput } from './codes.inputs.js';
import { toYymmdd } from './pack-code.js';
import { addRealisation } from '../reports/summaries.js';
import type { Clock } from '../lifecycle/clock.js';
import { refuse } from '../lifecycle/refusals.js';
import type { BulkResult, Rejection } from '../packs/pack.types.js';
import type { IssuedCodeConnection } from './codes.types.js';
import { issuedCount, decodeCursor, encodeCursor, issuedCodes, toIssuedCode } from './issued-codes.js';

const PAGE_MAX = 1000;

/**
 * What one code request (or upload) may issue: at most 2,000,000 units, and 2,500,000 codes with
 * its cases and pallets. A batch of a million units packed 100 a case and 100 cases a pallet
 * (1,010,100 codes) is well inside; a request whose cases and pallets hold one each would triple
 * its units.
 */
export const CODE_REQUEST_LIMITS = { units: 2_000_000, codes: 2_500_000 } as const;
const GS = '\x1d';
/** Used for SSCCs when a manufacturer has no GS1 company prefix of its own (Indonesia's GS1 prefix 899). */
export const FALLBACK_COMPANY_PREFIX = '8990000';

/** The batch's lot and expiry must be valid in a BPOM code: checked by the GS1 rules themselves. */
function checkLotAndExpiry(nie: string, lot: string, expiry: string) {
  const result = parse(`90${nie}${GS}10${lot}${GS}17${toYymmdd(expiry)}`, { profile: 'BPOM' });
  if (!result.valid) throw badInput(`batch "${lot}": ${result.errors.map((e) => e.message).join('; ')}`, 'batch');
}

export class CodesService {
  /** Digital Links of issued codes point here, so a phone's camera opens Jejak's verification. */
  constructor(
    readonly linkBase: string,
    private readonly clock: Clock,
  ) {}

  /** The product, which only its registrant may serialise. */
  private async ownProduct(ctx: Context, nieInput: string): Promise<Product> {
    const principal = requirePrincipal(ctx);
    const nie = normaliseNie(nieInput);
    const product = await ctx.em.findOne(Product, { nie });
    if (!product) throw notFound(`No product with NIE ${nie}`);
    if (product.registrant.id !== principal.organizationId) {
      throw forbidden(`Only the registrant of ${nie} may request or upload its codes`);
    }
    if (!product.serialised) throw badInput(`${nie} is not a serialised product; it carries an identification code only`, 'nie');
    return product;
  }

  /** The batch (created on first use); its expiry can never change. */
  private async batchOf(ctx: Context, product: Product, lotInput: string, expiryInput: string): Promise<Batch> {
    const lot = check.requiredText(lotInput, 'batch', 20);
    const expiry = check.isoDate(expiryInput, 'expiry');
    if (expiry < this.clock.today()) throw badInput(`expiry ${expiry} has already passed`, 'expiry');
    checkLotAndExpiry(product.nie, lot, expiry);
    const existing = await ctx.em.findOne(Batch, { product, lot });
    if (existing) {
      if (existing.expiry !== expiry) {
        throw badInput(`batch ${lot} of ${product.nie} already has expiry ${existing.expiry}, not ${expiry}`, 'expiry');
      }
      return existing;
    }
    await ctx.em.getConnection().execute(
      'insert into batch (product_id, lot, expiry) values (?, ?, ?) on conflict (product_id, lot) do nothing',
      [product.id, lot, expiry],
    );
    const batch = await ctx.em.findOneOrFail(Batch, { product, lot });
    if (batch.expiry !== expiry) throw badInput(`batch ${lot} already has expiry ${batch.expiry}`, 'expiry');
    return batch;
  }

  private gtinFor(product: Product, input: string | null | undefined): string | null {
    const gtin = normaliseGtin(input);
    if (gtin && product.gtin && gtin !== product.gtin) {
      throw badInput(`gtin ${gtin} is not the GTIN of ${product.nie} (${product.gtin})`, 'gtin');
    }
    return gtin;
  }

  async request(ctx: Context, input: CodeRequestInput): Promise<CodeRequest> {
    const principal = requirePrincipal(ctx);
    const product = await this.ownProduct(ctx, input.nie);
    const quantity = input.quantity;
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > CODE_REQUEST_LIMITS.units) {
      throw badInput(`quantity must be 1 to ${count(CODE_REQUEST_LIMITS.units)} units, got ${count(quantity)}`, 'quantity');
    }
    const unitsPerCase = input.unitsPerCase ?? null;
    const casesPerPallet = input.casesPerPallet ?? null;
    if (unitsPerCase !== null && (unitsPerCase < 1 || unitsPerCase > quantity)) {
      throw badInput(`unitsPerCase must be 1 to the quantity (${quantity}), got ${unitsPerCase}`, 'unitsPerCase');
    }
    if (casesPerPallet !== null && unitsPerCase === null) {
      throw badInput('casesPerPallet needs unitsPerCase: pallets hold cases', 'casesPerPallet');
    }
    if (casesPerPallet !== null && casesPerPallet < 1) {
      throw badInput(`casesPerPallet must be at least 1, got ${casesPerPallet}`, 'casesPerPallet');
    }
    checkTotalCodes(quantity, unitsPerCase, casesPerPallet);
    const gtin = this.gtinFor(product, input.gtin);
    const batch = await this.batchOf(ctx, product, input.batch, input.expiry);
    const request = ctx.em.create(CodeRequest, {
      organization: principal.organizationId,
      product,
      batch,
      kind: 'REQUEST',
      status: 'REQUESTED',
      quantity,
      unitsPerCase,
      casesPerPallet,
      gtin,
      reason: null,
      requestedBy: principal.kind === 'user' ? principal.id : null,
      decidedBy: null,
      createdAt: new Date(),
      decidedAt: null,
    });
    await ctx.em.flush();
    return request;
  }

  async byId(ctx: Context, id: string): Promise<CodeRequest | null> {
    const principal = requirePrincipal(ctx);
    const request = await ctx.em.findOne(CodeRequest, check.uuid(id, 'id'), { populate: ['product', 'batch'] });
    if (!request) return null;
    const visible = principal.organizationType === 'REGULATOR' || request.organization.id === principal.organizationId;
    return visible ? request : null;
  }

  /**
   * A request whose issued codes the caller may read: the pages of codes labels are printed from
   * and the printer files. Not found for whom the request is not visible at all.
   */
  async withReadableCodes(ctx: Context, id: string): Promise<CodeRequest> {
    const request = await this.byId(ctx, id);
    if (!request) throw notFound(`No code request with id ${id}`);
    requireCodeReader(requirePrincipal(ctx), request);
    return request;
  }

  /** BPOM's queue, or a manufacturer's own requests, newest first. */
  async list(ctx: Context, status: CodeRequest['status'] | null | undefined, first = 100): Promise<CodeRequest[]> {
    const principal = requirePrincipal(ctx);
    const where: Record<string, unknown> = {};
    if (status) where.status = status;
    if (principal.organizationType !== 'REGULATOR') where.organization = principal.organizationId;
    return ctx.em.find(CodeRequest, where, {
      populate: ['product', 'batch'],
      orderBy: { createdAt: 'desc' },
      limit: Math.min(Math.max(first, 1), 500),
    });
  }

  private async decide(ctx: Context, id: string, act: (client: PoolClient, request: CodeRequest) => Promise<void>) {
    const request = await this.byId(ctx, id);
    if (!request) throw notFound(`No code request with id ${id}`);
    await inTransaction(ctx.pool, async (client) => {
      const { rows } = await client.query('select status from code_request where id = $1 for update', [request.id]);
      if (rows[0].status !== 'REQUESTED') throw conflict(`Code request ${id} is already ${rows[0].status}`);
      await act(client, request);
    });
    ctx.em.clear();
    return (await this.byId(ctx, id))!;
  }

  /** Issues the serials, and SSCCs for cases and pallets, set-based in one transaction. */
  async approve(ctx: Context, id: string): Promise<CodeRequest> {
    const principal = requirePrincipal(ctx);
    return this.decide(ctx, id, async (client, request) => {
      const now = this.clock.now();
      await withPackRange(client, request.id, async () => {
        await issueSerials(client, request, this.clock.dayOf(now));
        if (request.unitsPerCase) {
          const cases = Math.ceil(request.quantity / request.unitsPerCase);
          const prefix = request.organization.gs1CompanyPrefix ?? (await this.companyPrefix(client, request.organization.id));
          await issueSsccs(client, request, 'CASE', cases, prefix);
          if (request.casesPerPallet) await issueSsccs(client, request, 'PALLET', Math.ceil(cases / request.casesPerPallet), prefix);
        }
      });
      await client.query(
        `update code_request set status = 'ISSUED', decided_by_id = $2, decided_at = $3 where id = $1`,
        [request.id, principal.kind === 'user' ? principal.id : null, now],
      );
    });
  }

  private async companyPrefix(client: PoolClient, organizationId: string): Promise<string> {
    const { rows } = await client.query('select gs1_company_prefix from organization where id = $1', [organizationId]);
    return rows[0]?.gs1_company_prefix ?? FALLBACK_COMPANY_PREFIX;
  }

  async reject(ctx: Context, id: string, reasonInput: string): Promise<CodeRequest> {
    const principal = requirePrincipal(ctx);
    const reason = check.requiredText(reasonInput, 'reason', 1000);
    return this.decide(ctx, id, async (client, request) => {
      await client.query(
        `update code_request set status = 'REJECTED', reason = $2, decided_by_id = $3, decided_at = now() where id = $1`,
        [request.id, reason, principal.kind === 'user' ? principal.id : null],
      );
    });
  }

  /** One page of a request's issued codes, in issue order (units, then cases, then pallets). */
  async page(ctx: Context, requestId: string, first: number, after: string | null): Promise<IssuedCodeConnection> {
    if (!Number.isInteger(first) || first < 1 || first > PAGE_MAX) throw badInput(`first must be 1 to ${PAGE_MAX}`, 'first');
    const request = await this.withReadableCodes(ctx, requestId);
    const rows = await issuedCodes(ctx.pool, request.id, after ? decodeCursor(after) : '0', first + 1);
    const edges = rows.slice(0, first).map((row) => ({ node: toIssuedCode(row, this.linkBase), cursor: encodeCursor(row.id) }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: issuedCount(request),
    };
  }

  /** Registers serials the manufacturer made itself; each is checked as an AI (21) value. */
  async upload(ctx: Context, input: SerialUploadInput): Promise<BulkResult> {
    const principal = requirePrincipal(ctx);
    const product = await this.ownProduct(ctx, input.nie);
    const gtin = this.gtinFor(product, input.gtin);
    const batch = await this.batchOf(ctx, product, input.batch, input.expiry);
    if (input.serials.length === 0) throw badInput('serials must not be empty', 'serials');
    if (input.serials.length > CODE_REQUEST_LIMITS.units) {
      throw badInput(`at most ${count(CODE_REQUEST_LIMITS.units)} serials may be uploaded at once, got ${count(input.serials.length)}`, 'serials');
    }

    const rejected: Rejection[] = [];
    const valid = new Set<string>();
    for (const serial of input.serials) {
      const result = parse(`90${product.nie}${GS}21${serial}`, { profile: 'BPOM' });
      if (!result.valid || result.serial !== serial) {
        const why = result.errors.map((e) => e.message).join('; ') || 'not a valid AI (21) serial';
        rejected.push({ code: serial, ...refuse('MALFORMED_CODE', why) });
      } else {
        valid.add(serial);
      }
    }
    const serials = [...valid];
    const inserted = await inTransaction(ctx.pool, async (client) => {
      if (serials.length === 0) return new Set<string>();
      const now = this.clock.now();
      const { rows } = await client.query(
        `insert into code_request (id, organization_id, product_id, batch_id, kind, status, quantity, gtin, requested_by_id, decided_at)
         values (gen_random_uuid(), $1, $2, $3, 'UPLOAD', 'ISSUED', $4, $5, $6, $7) returning id`,
        [principal.organizationId, product.id, batch.id, serials.length, gtin, principal.kind === 'user' ? principal.id : null, now],
      );
      const requestId = rows[0].id as string;
      const result = await withPackRange(client, requestId, () =>
        client.query(
          `insert into pack (product_id, batch_id, code_request_id, level, serial)
           select $1, $2, $3, 'UNIT', s from unnest($4::text[]) as s
           on conflict (product_id, serial) where serial is not null do nothing
           returning serial`,
          [product.id, batch.id, requestId, serials],
        ),
      );
      if (result.rowCount) await client.query('update code_request set quantity = $2 where id = $1', [requestId, result.rowCount]);
      else await client.query('delete from code_request where id = $1', [requestId]);
      await addIssued(client, batch.id, result.rowCount ?? 0, this.clock.dayOf(now));
      return new Set(result.rows.map((row) => row.serial as string));
    });
    for (const serial of serials) {
      if (!inserted.has(serial)) {
        rejected.push({ code: serial, ...refuse('ALREADY_REGISTERED', `serial ${serial} is already registered for ${product.nie}`) });
      }
    }
    return { accepted: inserted.size, units: inserted.size, rejected, recalled: [], shipment: null };
  }
}

const count = (n: number) => n.toLocaleString('en');

/**
 * Who may read issued codes, which are what a printer needs to make genuine packs: the
 * organisation that asked for them, and BPOM's supervisors and administrators, who approve them.
 * Not BPOM's inspectors, nor anyone else.
 */
function requireCodeReader(principal: Principal, request: CodeRequest) {
  if (request.organization.id === principal.organizationId) return;
  if (satisfies(principal, Allow.bpomSupervisor) || satisfies(principal, Allow.bpomAdmin)) return;
  throw forbidden(
    'Only the manufacturer that requested these codes, and BPOM supervisors and administrators, may read them or download their printer files',
  );
}

/** The units, cases and pallets a request issues on approval stay within the codes one request may issue. */
function checkTotalCodes(units: number, unitsPerCase: number | null, casesPerPallet: number | null) {
  const cases = unitsPerCase ? Math.ceil(units / unitsPerCase) : 0;
  const pallets = cases && casesPerPallet ? Math.ceil(cases / casesPerPallet) : 0;
  const total = units + cases + pallets;
  if (total <= CODE_REQUEST_LIMITS.codes) return;
  throw badInput(
    `This request would issue ${count(total)} codes (${count(units)} units, ${count(cases)} cases, ${count(pallets)} pallets); ` +
      `at most ${count(CODE_REQUEST_LIMITS.codes)} codes may be issued by one request: put more units in a case, or split the batch`,
    'unitsPerCase',
  );
}

/** Issued codes count for the realisation report on the day they were issued, in the manufacturer's province. */
async function addIssued(client: PoolClient, batchId: string, count: number, day: string) {
  const { rows } = await client.query(
    `select coalesce(min(f.province), '') as province from batch b join product pr on pr.id = b.product_id
       left join facility f on f.organization_id = pr.registrant_id where b.id = $1`,
    [batchId],
  );
  await addRealisation(client, batchId, 'issued', count, day, rows[0].province);
}

/**
 * Runs `issue`, which inserts the request's packs, and records on the request the range of pack
 * ids they lie in (see the request_ranges migration): every id pack's sequence gives out after the
 * mark taken here, up to the last this session took.
 */
async function withPackRange<T>(client: PoolClient, requestId: string, issue: () => Promise<T>): Promise<T> {
  const { rows } = await client.query(`select nextval(pg_get_serial_sequence('pack', 'id'))::text as mark`);
  const issued = await issue();
  await client.query(
    `update code_request set first_pack_id = $2::bigint + 1, last_pack_id = currval(pg_get_serial_sequence('pack', 'id')) where id = $1`,
    [requestId, rows[0].mark],
  );
  return issued;
}

/** Rows per piece of the COPY stream. */
const COPY_CHUNK = 20_000;

/**
 * `quantity` random serials, 60 bits each from Node's CSPRNG, COPYed into pack: the fastest way
 * PostgreSQL takes rows. They go in COPY's binary format, which spares the server parsing each
 * row's two UUIDs and its batch. A serial the product already has (odds about n/2^60 each) fails
 * the COPY on the unique index; the copy is then undone to its savepoint and the serials are
 * issued by INSERT … ON CONFLICT DO NOTHING instead, which skips collisions and tops up.
 */
export async function issueSerials(client: PoolClient, request: IssueTarget, day: string, random: (size: number) => Buffer = randomBytes) {
  await client.query('savepoint issue_serials');
  try {
    await pipeline(
      Readable.from(serialRows(request, random)),
      client.query(copyFrom('copy pack (product_id, batch_id, code_request_id, level, serial) from stdin (format binary)')),
    );
    await client.query('release savepoint issue_serials');
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    await client.query('rollback to savepoint issue_serials');
    await insertSerials(client, request);
  }
  await addIssued(client, request.batch.id, request.quantity, day);
}

const UNIQUE_VIOLATION = '23505';

/** What issuing needs of a code request. */
export type IssueTarget = Pick<CodeRequest, 'id' | 'quantity'> & { product: { id: string }; batch: { id: string } };

/** Hex digits in an issued serial: 60 bits. */
const SERIAL_DIGITS = 15;

/**
 * The request's unit rows in COPY's binary format, a chunk at a time: the header, then each row
 * as its five fields (product, batch, request, level and a serial of 15 upper-case hex digits),
 * each field its length and bytes, then the trailer.
 */
function* serialRows(request: IssueTarget, random: (size: number) => Buffer): Generator<Buffer> {
  const field = (bytes: Buffer) => Buffer.concat([int32(bytes.length), bytes]);
  const prefix = Buffer.concat([
    int16(5),
    field(uuidBytes(request.product.id)),
    field(int64(request.batch.id)),
    field(uuidBytes(request.id)),
    field(Buffer.from('UNIT')),
    int32(SERIAL_DIGITS),
  ]);
  const rowSize = prefix.length + SERIAL_DIGITS;
  yield COPY_BINARY_HEADER;
  for (let left = request.quantity; left > 0; left -= COPY_CHUNK) {
    const count = Math.min(COPY_CHUNK, left);
    const hex = Buffer.from(random(8 * count).toString('hex').toUpperCase(), 'latin1');
    const rows = Buffer.allocUnsafe(rowSize * count);
    for (let i = 0; i < count; i++) {
      prefix.copy(rows, i * rowSize);
      hex.copy(rows, i * rowSize + prefix.length, 16 * i, 16 * i + SERIAL_DIGITS);
    }
    yield rows;
  }
  yield int16(-1);
}

/** Signature, flags and header extension length of a binary COPY. */
const COPY_BINARY_HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), int32(0), int32(0)]);

function int16(value: number) {
  const bytes = Buffer.alloc(2);
  bytes.writeInt16BE(value);
  return bytes;
}

function int32(value: number) {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(value);
  return bytes;
}

function int64(value: string) {
  const bytes = Buffer.alloc(8);
  bytes.writeBigInt64BE(BigInt(value));
  return bytes;
}

const uuidBytes = (uuid: string) => Buffer.from(uuid.replaceAll('-', ''), 'hex');

/** The same serials made in SQL, a collision skipped by the unique index and topped up by the next round. */
async function insertSerials(client: PoolClient, request: IssueTarget) {
  let missing = request.quantity;
  while (missing > 0) {
    const result = await client.query(
      `insert into pack (product_id, batch_id, code_request_id, level, serial)
       select $1, $2, $3, 'UNIT', random_serial() from generate_series(1, $4)
       on conflict (product_id, serial) where serial is not null do nothing`,
      [request.product.id, request.batch.id, request.id, missing],
    );
    missing -= result.rowCount ?? 0;
  }
}

/** SSCC = extension digit (0 case, 1 pallet) + company prefix + random serial reference + check digit. */
async function issueSsccs(client: PoolClient, request: CodeRequest, level: 'CASE' | 'PALLET', count: number, prefix: string) {
  const extension = level === 'CASE' ? '0' : '1';
  const referenceDigits = 16 - prefix.length;
  let missing = count;
  while (missing > 0) {
    const result = await client.query(
      `insert into pack (product_id, batch_id, code_request_id, level, sscc)
       select $1, $2, $3, $4::pack_level, body || gs1_check_digit(body)
       from (select $5 || random_digits($6) as body from generate_series(1, $7)) as s
       on conflict (sscc) where sscc is not null do nothing`,
      [request.product.id, request.batch.id, request.id, level, extension + prefix, referenceDigits, missing],
    );
    missing -= result.rowCount ?? 0;
  }
}
