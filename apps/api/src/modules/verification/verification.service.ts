import { parse } from '@jejak/gs1';
import type { Context } from '../../context.js';
import { badInput } from '../../shared/errors.js';
import * as check from '../../shared/validate.js';
import { alertCode, type AlertService, type Evidence } from '../alerts/alert.service.js';
import type { Clock } from '../lifecycle/clock.js';
import { isDecommissioned, isExpired } from '../lifecycle/states.js';
import { keyOf } from '../packs/code-input.js';
import { CLONE_WINDOW_DAYS, cloneFinding, type Sighting } from './clone.js';
import type { Observation } from '../alerts/observations.js';
import { lookUpSscc, lookUpUnit, type Found, type ProductRow } from './lookup.js';
import { ScanLog, sightingsOf } from './scan-log.js';
import { DeviceKeys, type PublicLimits } from './limits.js';
import type { Verification, VerificationReasonName, VerdictName } from './verification.types.js';

const MAX_CODE = 4096;
const SUSPECT: readonly VerificationReasonName[] = ['NOT_FOUND', 'NOT_ACTIVATED', 'DECOMMISSIONED', 'DATA_MISMATCH'];
const CAUTION: readonly VerificationReasonName[] = ['EXPIRED', 'RECALLED', 'DISPENSED', 'CLONE_SUSPECTED'];

/**
 * The verdict of the reasons. A suspected clone is a CAUTION while BPOM looks into it and a
 * SUSPECT once BPOM confirms the code was falsified (`confirmedFake`).
 */
export function verdictOf(reasons: VerificationReasonName[], confirmedFake = false): VerdictName {
  if (reasons.includes('MALFORMED')) return 'INVALID';
  if (confirmedFake || reasons.some((reason) => SUSPECT.includes(reason))) return 'SUSPECT';
  if (reasons.some((reason) => CAUTION.includes(reason))) return 'CAUTION';
  return 'GENUINE';
}

/** What a verification needs of a request: no login, no ORM. */
export type VerifyContext = Pick<Context, 'pool' | 'read' | 'services' | 'client' | 'request'>;

interface Judgement {
  verification: Verification;
  packId: string | null;
  product: ProductRow | null;
  /** What was seen, for each reason that goes to BPOM's inbox. */
  alarms: Partial<Record<VerificationReasonName, Observation>>;
  /** Newly found to be a clone: flag the pack from now on. */
  newClone: Observation | null;
  /** This check's device, under the pack's own key. */
  device: Buffer | null;
}

export class VerificationService {
  private scans: ScanLog | null = null;

  /** Public checks logged but not yet written: the scan log's queue. */
  get unwrittenScans(): number {
    return this.scans?.size ?? 0;
  }
  private devices: DeviceKeys | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly alerts: AlertService,
    private readonly limits: PublicLimits,
  ) {}

  /** Anyone's "is this genuine?": a verdict with reasons, logged, and suspicious answers raised as alerts. */
  async verify(ctx: VerifyContext, code: string, latitudeInput?: number | null, longitudeInput?: number | null): Promise<Verification> {
    return (await this.check(ctx, code, latitudeInput, longitudeInput, true)).verification;
  }

  /**
   * A BPOM inspector's read during a visit: the same verdict, logged and raised as any check, but
   * outside the public's quotas (an inspector may read hundreds of packs, fakes among them), and
   * with the pack it found, for its custody.
   */
  inspect(ctx: VerifyContext, code: string, latitudeInput?: number | null, longitudeInput?: number | null): Promise<{ verification: Verification; packId: string | null }> {
    return this.check(ctx, code, latitudeInput, longitudeInput, false);
  }

  private async check(
    ctx: VerifyContext,
    code: string,
    latitudeInput: number | null | undefined,
    longitudeInput: number | null | undefined,
    quota: boolean,
  ): Promise<{ verification: Verification; packId: string | null }> {
    if (code.length > MAX_CODE) throw badInput(`code is ${code.length} characters; a 2D barcode holds at most ${MAX_CODE}`, 'code');
    if (code.includes('\u0000')) throw badInput('code contains a NUL character, which no barcode holds', 'code');
    const latitude = check.optionalNumberInRange(latitudeInput, 'latitude', -90, 90);
    const longitude = check.optionalNumberInRange(longitudeInput, 'longitude', -180, 180);
    const charge = quota ? this.limits.verify(ctx.request, ctx.client) : null;
    const scans = (this.scans ??= new ScanLog(ctx.pool));
    const at = this.clock.now();
    let judgement: Judgement;
    try {
      judgement = await this.judge(ctx, code, { at, latitude, longitude, device: '' });
    } catch (error) {
      // Not answered, so not counted: the routes try a check again after a lost connection.
      charge?.cancel();
      throw error;
    }
    const { verification, packId, product } = judgement;
    if (!verification.reasons.includes('NOT_FOUND')) charge?.known();
    scans.add({
      at,
      packId,
      code: code.slice(0, 500),
      verdict: verification.verdict,
      reasons: verification.reasons,
      latitude,
      longitude,
      client: ctx.client,
      device: judgement.device,
    });

    if (judgement.newClone && packId) {
      // A new suspicion, or a new one after BPOM cleared an earlier: open again, from now.
      await ctx.pool.query(
        `insert into clone_suspect (pack_id, evidence, status, since) values ($1, $2, 'OPEN', $3)
         on conflict (pack_id) do update set status = 'OPEN', since = excluded.since, evidence = excluded.evidence, decided_at = null
          where clone_suspect.status = 'CLEARED'`,
        [packId, JSON.stringify({ detail: judgement.newClone.detail, what: judgement.newClone.what, params: judgement.newClone.params, at }), at],
      );
    }
    await this.alerts.raiseAll(
      ctx.pool,
      Object.entries(judgement.alarms).map(([reason, observation]) => ({
        reason,
        code,
        // One device's unknown codes of a day are one alert, however many it tries.
        groupKey: reason === 'NOT_FOUND' ? `device:${ctx.client.toString('hex')}` : undefined,
        packId,
        productId: product?.id ?? null,
        evidence: { at: at.toISOString(), kind: 'VERIFICATION', ...observation!, code: alertCode(code), latitude, longitude } satisfies Evidence,
      })),
    );
    return { verification, packId };
  }

  /** Writes what is still buffered of the scan log. */
  async close() {
    await this.scans?.flush();
  }

  private async judge(ctx: VerifyContext, code: string, sighting: Sighting): Promise<Judgement> {
    const alarms: Judgement['alarms'] = {};
    const judgement = (
      reasons: VerificationReasonName[],
      found: Found,
      extra: Partial<Verification> = {},
      clone: { newClone: Observation | null; confirmed: boolean; device: Buffer | null } = { newClone: null, confirmed: false, device: null },
    ): Judgement => ({
      verification: {
        verdict: verdictOf(reasons, clone.confirmed),
        reasons,
        product: found.product && publicInfo(found.product),
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
      },
      packId: found.pack?.id ?? null,
      product: found.product,
      alarms,
      newClone: clone.newClone,
      device: clone.device,
    });

    const parsed = parse(code);
    if (!parsed.valid) return judgement(['MALFORMED'], { product: null, pack: null });
    const key = keyOf(code, parsed);
    if ('reason' in key) {
      // Readable, but no serial: an identification code, checked by its product.
      const found = await lookUpUnit(ctx.read, parsed.nie, parsed.gtin, null, sighting.at);
      if (!found.product) {
        alarms.NOT_FOUND = { what: 'UNREGISTERED_PRODUCT', detail: 'no product is registered under this code' };
        return judgement(['NOT_FOUND'], found, { batch: parsed.batch, expiry: parsed.expiry });
      }
      if (found.product.serialised) {
        alarms.DATA_MISMATCH = { what: 'SERIAL_MISSING', detail: 'a serialised product’s code without a serial' };
        return judgement(['DATA_MISMATCH'], found);
      }
      const expired = isExpired(parsed, this.clock.dayOf(sighting.at));
      return judgement(expired ? ['NOT_SERIALISED', 'EXPIRED'] : ['NOT_SERIALISED'], found, { batch: parsed.batch, expiry: parsed.expiry });
    }

    const unwritten = this.scans!.unwritten();
    const found =
      key.kind === 'sscc' ? await lookUpSscc(ctx.read, key.sscc, sighting.at) : await lookUpUnit(ctx.read, key.nie, key.gtin, key.serial, sighting.at);
    const { pack } = found;
    if (!pack) {
      alarms.NOT_FOUND = { what: 'NEVER_ISSUED', detail: 'no pack with this code was ever issued' };
      return judgement(['NOT_FOUND'], found, { serial: parsed.serial });
    }

    const reasons: VerificationReasonName[] = [];
    if (key.kind === 'unit' && ((key.lot !== null && key.lot !== pack.lot) || (key.expiry !== null && key.expiry !== pack.expiry))) {
      reasons.push('DATA_MISMATCH');
      alarms.DATA_MISMATCH = {
        what: 'BATCH_EXPIRY_MISMATCH',
        params: { printedBatch: key.lot ?? '-', printedExpiry: key.expiry ?? '-', issuedBatch: pack.lot ?? '-', issuedExpiry: pack.expiry ?? '-' },
        detail: `printed batch ${key.lot ?? '-'} / expiry ${key.expiry ?? '-'}, issued ${pack.lot} / ${pack.expiry}`,
      };
    }
    if (pack.status === 'ISSUED') {
      reasons.push('NOT_ACTIVATED');
      alarms.NOT_ACTIVATED = { what: 'NEVER_ACTIVATED', detail: 'the code was issued but never activated by its manufacturer' };
    }
    if (isDecommissioned(pack)) {
      reasons.push('DECOMMISSIONED');
      alarms.DECOMMISSIONED = { what: 'SEEN_AFTER_DECOMMISSION', params: { status: pack.status }, detail: `the pack was decommissioned (${pack.status}) and is seen again` };
    }
    // A clone is suspected only from checks by two devices or more; BPOM's decision settles it.
    const deviceKey = (this.devices ??= new DeviceKeys(ctx.pool)).of(pack.id, ctx.request);
    const device = deviceKey instanceof Promise ? await deviceKey : deviceKey;
    const standing = pack.clone?.status === 'OPEN' || pack.clone?.status === 'CONFIRMED' ? pack.clone : null;
    let newClone: Observation | null = null;
    if (!standing) {
      const since = new Date(Math.max(sighting.at.getTime() - CLONE_WINDOW_DAYS * 86_400_000, pack.clone?.decidedAt?.getTime() ?? 0));
      newClone = cloneFinding({ ...sighting, device: device.toString('hex') }, [...sightingsOf(unwritten, pack.id, since), ...pack.sightings]);
    }
    if (standing || newClone) reasons.push('CLONE_SUSPECTED');
    // While BPOM looks into it, every check adds its evidence; once decided, the alert stays closed.
    if (newClone || standing?.status === 'OPEN') alarms.CLONE_SUSPECTED = newClone ?? { what: 'CLONE_CHECKED_AGAIN', detail: standing!.detail };
    if (pack.status === 'DISPENSED') reasons.push('DISPENSED');
    if (pack.recalled) reasons.push('RECALLED');
    if (isExpired(pack, this.clock.dayOf(sighting.at))) reasons.push('EXPIRED');

    const dispensed = pack.status === 'DISPENSED';
    return judgement(
      reasons,
      found,
      {
        batch: pack.lot,
        expiry: pack.expiry,
        serial: key.kind === 'unit' ? key.serial : null,
        status: pack.status,
        activated: pack.status !== 'ISSUED',
        sample: pack.status === 'SAMPLE',
        dispensedAt: dispensed ? pack.statusAt : null,
        dispensedRegency: dispensed ? pack.regency : null,
      },
      { newClone, confirmed: standing?.status === 'CONFIRMED', device },
    );
  }
}

/** What the public may see of a product: its registration, nothing about volumes or customers. */
const publicInfo = (row: ProductRow) => ({
  name: row.name,
  nie: row.nie,
  brand: row.brand,
  form: row.form,
  strength: row.strength,
  packaging: row.packaging,
  producer: row.producer,
  registrant: row.registrant,
});
