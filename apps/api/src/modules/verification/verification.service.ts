import { parse } from '@jejak/gs1';
import type { Context } from '../../context.js';
import { AppError, badInput } from '../../shared/errors.js';
import * as check from '../../shared/validate.js';
import type { Evidence } from '../alerts/alert.service.js';
import { readCode } from '../packs/code-input.js';
import { findPacks, type PackRow } from '../packs/pack-rows.js';
import { CLONE_WINDOW_DAYS, cloneEvidence, type Sighting } from './clone.js';
import { GuessThrottle } from './throttle.js';
import type { ProductInfo, Verification, VerificationReasonName, VerdictName } from './verification.types.js';

const MAX_CODE = 4096;
const SUSPECT: readonly VerificationReasonName[] = ['NOT_FOUND', 'NOT_ACTIVATED', 'DECOMMISSIONED', 'DATA_MISMATCH', 'CLONE_SUSPECTED'];
const CAUTION: readonly VerificationReasonName[] = ['EXPIRED', 'RECALLED', 'DISPENSED'];
/** Reasons that put work in BPOM's inbox. */
const ALERTING: readonly VerificationReasonName[] = ['NOT_FOUND', 'NOT_ACTIVATED', 'DECOMMISSIONED', 'DATA_MISMATCH', 'CLONE_SUSPECTED'];
const DECOMMISSIONED = new Set(['DESTROYED', 'SAMPLE', 'EXPORTED', 'STOLEN', 'LOCKED']);

export function verdictOf(reasons: VerificationReasonName[]): VerdictName {
  if (reasons.includes('MALFORMED')) return 'INVALID';
  if (reasons.some((reason) => SUSPECT.includes(reason))) return 'SUSPECT';
  if (reasons.some((reason) => CAUTION.includes(reason))) return 'CAUTION';
  return 'GENUINE';
}

interface ProductRow extends ProductInfo {
  id: string;
  serialised: boolean;
}

const PRODUCT_COLUMNS = `pr.id, pr.name, pr.nie, pr.brand, pr.form, pr.strength, pr.packaging, pr.producer, pr.serialised, o.name as registrant`;

export class VerificationService {
  readonly throttle = new GuessThrottle();

  /** Anyone's "is this genuine?": a verdict with reasons, logged, and suspicious answers raised as alerts. */
  async verify(ctx: Context, code: string, latitudeInput?: number | null, longitudeInput?: number | null): Promise<Verification> {
    if (code.length > MAX_CODE) throw badInput(`code is ${code.length} characters; a 2D barcode holds at most ${MAX_CODE}`, 'code');
    const latitude = check.optionalNumberInRange(latitudeInput, 'latitude', -90, 90);
    const longitude = check.optionalNumberInRange(longitudeInput, 'longitude', -180, 180);
    const client = ctx.client.toString('hex');
    const wait = this.throttle.waitSeconds(client);
    if (wait > 0) {
      throw new AppError('TOO_MANY_REQUESTS', `Too many unknown codes in a row from this device; try again in ${wait} s.`, { retryAfterSeconds: wait });
    }
    const now = new Date();
    const answer = await this.judge(ctx, code, { at: now, latitude, longitude, client });
    this.throttle.record(client, answer.verification.reasons.includes('NOT_FOUND'));

    const { verification, pack, product } = answer;
    await ctx.pool.query(
      `insert into scan (at, pack_id, code, verdict, reasons, latitude, longitude, client) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [now, pack?.id ?? null, code.slice(0, 500), verification.verdict, verification.reasons, latitude, longitude, ctx.client],
    );
    const alarming = verification.reasons.filter((reason) => ALERTING.includes(reason));
    for (const reason of alarming) {
      const evidence: Evidence = { at: now.toISOString(), kind: 'VERIFICATION', detail: answer.details[reason] ?? `verified as ${verification.verdict}`, latitude, longitude };
      await ctx.services.alerts.raise(ctx.pool, { reason, code, packId: pack?.id ?? null, productId: product?.id ?? null, evidence });
    }
    return verification;
  }

  private async judge(ctx: Context, code: string, sighting: Sighting) {
    const details: Partial<Record<VerificationReasonName, string>> = {};
    const answer = (reasons: VerificationReasonName[], product: ProductRow | null, pack: PackRow | null = null, extra: Partial<Verification> = {}) => ({
      verification: {
        verdict: verdictOf(reasons),
        reasons,
        product: product && toProductInfo(product),
        batch: null,
        expiry: null,
        serial: null,
        status: null,
        activated: null,
        sample: null,
        dispensedAt: null,
        dispensedRegency: null,
        checkedAt: sighting.at,
        ...extra,
      } satisfies Verification,
      pack,
      product,
      details,
    });

    const parsed = parse(code);
    if (!parsed.valid) return answer(['MALFORMED'], null);
    const key = readCode(code);
    if ('reason' in key) {
      // Readable, but names no pack: an identification (non-serialised) code, checked by its product.
      const product = await this.productOf(ctx, parsed.nie, parsed.gtin);
      if (!product) return answer(['NOT_FOUND'], null, null, { batch: parsed.batch, expiry: parsed.expiry });
      if (product.serialised) {
        details.DATA_MISMATCH = 'a serialised product’s code without a serial';
        return answer(['DATA_MISMATCH'], product);
      }
      const expired = parsed.expiry !== null && parsed.expiry < sighting.at.toISOString().slice(0, 10);
      return answer(expired ? ['NOT_SERIALISED', 'EXPIRED'] : ['NOT_SERIALISED'], product, null, { batch: parsed.batch, expiry: parsed.expiry });
    }

    const pack = (await findPacks(ctx.pool, [key])).get(key) ?? null;
    const product = pack?.productId ? await this.productById(ctx, pack.productId) : await this.productOf(ctx, parsed.nie, parsed.gtin);
    if (!pack) {
      details.NOT_FOUND = 'no pack with this code was ever issued';
      return answer(['NOT_FOUND'], product, null, { serial: parsed.serial });
    }

    const reasons: VerificationReasonName[] = [];
    if (key.kind === 'unit' && ((key.lot !== null && key.lot !== pack.lot) || (key.expiry !== null && key.expiry !== pack.expiry))) {
      reasons.push('DATA_MISMATCH');
      details.DATA_MISMATCH = `printed batch ${key.lot ?? '-'} / expiry ${key.expiry ?? '-'}, issued ${pack.lot} / ${pack.expiry}`;
    }
    if (pack.status === 'ISSUED') {
      reasons.push('NOT_ACTIVATED');
      details.NOT_ACTIVATED = 'the code was issued but never activated by its manufacturer';
    }
    if (DECOMMISSIONED.has(pack.status)) {
      reasons.push('DECOMMISSIONED');
      details.DECOMMISSIONED = `the pack was decommissioned (${pack.status}) and is seen again`;
    }
    const clone = await this.cloneCheck(ctx, pack.id, sighting);
    if (clone) {
      reasons.push('CLONE_SUSPECTED');
      details.CLONE_SUSPECTED = clone;
    }
    if (pack.status === 'DISPENSED') reasons.push('DISPENSED');
    if (pack.recalled) reasons.push('RECALLED');
    if (pack.expired) reasons.push('EXPIRED');

    const dispensed = pack.status === 'DISPENSED' ? await this.dispensedWhere(ctx, pack) : null;
    return answer(reasons, product, pack, {
      batch: pack.lot,
      expiry: pack.expiry,
      serial: key.kind === 'unit' ? key.serial : null,
      status: pack.status,
      activated: pack.status !== 'ISSUED',
      sample: pack.status === 'SAMPLE',
      dispensedAt: dispensed?.at ?? null,
      dispensedRegency: dispensed?.regency ?? null,
    });
  }

  /** A pack once suspected stays suspected; otherwise its recent sightings are weighed. */
  private async cloneCheck(ctx: Context, packId: string, now: Sighting): Promise<string | null> {
    const { rows: flagged } = await ctx.pool.query(`select evidence->>'detail' as detail from clone_suspect where pack_id = $1`, [packId]);
    if (flagged[0]) return flagged[0].detail;
    const { rows } = await ctx.pool.query(
      `select at, latitude, longitude, encode(client, 'hex') as client from scan
        where pack_id = $1 and at > now() - make_interval(days => $2) order by at desc limit 200`,
      [packId, CLONE_WINDOW_DAYS],
    );
    const evidence = cloneEvidence(now, rows);
    if (evidence) {
      await ctx.pool.query(
        `insert into clone_suspect (pack_id, evidence) values ($1, $2) on conflict (pack_id) do nothing`,
        [packId, JSON.stringify({ detail: evidence, at: now.at })],
      );
    }
    return evidence;
  }

  private async dispensedWhere(ctx: Context, pack: PackRow): Promise<{ at: Date; regency: string | null }> {
    const { rows } = await ctx.pool.query('select regency from facility where id = $1', [pack.statusById]);
    return { at: pack.statusAt!, regency: rows[0]?.regency ?? null };
  }

  private async productOf(ctx: Context, nie: string | null, gtin: string | null): Promise<ProductRow | null> {
    if (!nie && !gtin) return null;
    const { rows } = await ctx.pool.query(
      `select ${PRODUCT_COLUMNS} from product pr join organization o on o.id = pr.registrant_id where pr.nie = $1 or pr.gtin = $2 limit 1`,
      [nie, gtin],
    );
    return rows[0] ?? null;
  }

  private async productById(ctx: Context, id: string): Promise<ProductRow | null> {
    const { rows } = await ctx.pool.query(`select ${PRODUCT_COLUMNS} from product pr join organization o on o.id = pr.registrant_id where pr.id = $1`, [id]);
    return rows[0] ?? null;
  }
}

const toProductInfo = (row: ProductRow): ProductInfo => ({
  name: row.name,
  nie: row.nie,
  brand: row.brand,
  form: row.form,
  strength: row.strength,
  packaging: row.packaging,
  producer: row.producer,
  registrant: row.registrant,
});
