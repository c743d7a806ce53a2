import { parse } from '@jejak/gs1';
import type { Context } from '../../context.js';
import { requirePrincipal, type Principal } from '../../shared/auth.js';
import { badInput, conflict, forbidden, notFound } from '../../shared/errors.js';
import * as check from '../../shared/validate.js';
import { readPhoto } from '../alerts/complaint.service.js';
import type { Clock } from '../lifecycle/clock.js';
import { Facility } from '../organizations/organization.entity.js';
import { toFacilityObject, type FacilityObject } from '../organizations/organization.types.js';
import { VERDICTS, type VerdictName, type VerificationReasonName } from '../verification/verification.types.js';
import { CUSTODIES, type CustodyName, type InspectionFinding, type InspectionObject, type InspectionRead, type InspectionSummary } from './inspection.types.js';

/** A visit reads at most this many packs; a bigger stock is inspected in more than one visit. */
export const MAX_READS = 20_000;
/** Findings of one visit. */
export const MAX_FINDINGS = 200;
export const MAX_FINDING_LENGTH = 2000;
const MAX_CODE = 4096;

/** A pack's record, as custody needs it. */
interface PackPlace {
  status: string;
  custodianId: string | null;
  destinationId: string | null;
}

/**
 * Where the records say a pack should be, against the facility visited: held here, held by
 * another facility, on its way, or out of the supply chain. The expected facility is its
 * custodian, or for a pack in transit the facility it is going to.
 */
export function custodyOf(pack: PackPlace | null, facilityId: string): { custody: CustodyName; expected: string | null } {
  if (!pack) return { custody: 'UNKNOWN', expected: null };
  if (pack.status === 'IN_TRANSIT') return { custody: 'IN_TRANSIT', expected: pack.destinationId ?? pack.custodianId };
  if (pack.status !== 'ACTIVE' || !pack.custodianId) return { custody: 'OUT_OF_CHAIN', expected: null };
  return { custody: pack.custodianId === facilityId ? 'HERE' : 'ELSEWHERE', expected: pack.custodianId };
}

interface VisitRow {
  id: string;
  facilityId: string;
  inspectorId: string | null;
  inspector: string | null;
  status: 'OPEN' | 'CLOSED';
  openedAt: Date;
  closedAt: Date | null;
}

interface ReadRow {
  id: string;
  code: string;
  verdict: VerdictName;
  reasons: VerificationReasonName[];
  custody: CustodyName;
  expectedFacilityId: string | null;
  productName: string | null;
  batch: string | null;
  readAt: Date;
}

const VISIT_COLUMNS = `i.id, i.facility_id as "facilityId", i.inspector_id as "inspectorId", u.name as inspector, i.status,
  i.opened_at as "openedAt", i.closed_at as "closedAt"`;
const READ_COLUMNS = `id::text, code, verdict, reasons, custody, expected_facility_id as "expectedFacilityId", product_name as "productName",
  batch, read_at as "readAt"`;

/** Only BPOM sees visits. */
function requireRegulator(ctx: Context): Principal {
  const principal = requirePrincipal(ctx);
  if (principal.organizationType !== 'REGULATOR') throw forbidden('Only BPOM sees inspection visits');
  return principal;
}

export class InspectionService {
  constructor(private readonly clock: Clock) {}

  /** An inspector opens a visit at a facility. */
  async open(ctx: Context, facilityInput: string): Promise<InspectionObject> {
    const principal = requireRegulator(ctx);
    if (principal.kind !== 'user') throw forbidden('A visit is opened by a logged-in inspector, not with an API key');
    const facilityId = check.uuid(facilityInput, 'facility');
    const facility = await ctx.em.findOne(Facility, facilityId);
    if (!facility) throw notFound(`No facility with id ${facilityId}`);
    const { rows } = await ctx.pool.query(
      `insert into inspection (id, facility_id, organization_id, inspector_id, status, opened_at)
       values (gen_random_uuid(), $1, $2, $3, 'OPEN', $4) returning id`,
      [facilityId, principal.organizationId, principal.id, this.clock.now()],
    );
    return (await this.byId(ctx, rows[0].id))!;
  }

  async byId(ctx: Context, idInput: string): Promise<InspectionObject | null> {
    requireRegulator(ctx);
    const id = check.uuid(idInput, 'id');
    const { rows } = await ctx.pool.query<VisitRow>(`select ${VISIT_COLUMNS} from inspection i left join app_user u on u.id = i.inspector_id where i.id = $1`, [id]);
    return rows[0] ? this.toObject(ctx, rows[0]) : null;
  }

  /** Newest first; optionally of one facility or in one status. */
  async list(ctx: Context, options: { facility?: string | null; status?: 'OPEN' | 'CLOSED' | null; first?: number | null }): Promise<InspectionObject[]> {
    requireRegulator(ctx);
    const first = options.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > 200) throw badInput(`first must be between 1 and 200, got ${first}`, 'first');
    const facility = options.facility ? check.uuid(options.facility, 'facility') : null;
    const { rows } = await ctx.pool.query<VisitRow>(
      `select ${VISIT_COLUMNS} from inspection i left join app_user u on u.id = i.inspector_id
        where ($1::uuid is null or i.facility_id = $1) and ($2::text is null or i.status = $2)
        order by i.opened_at desc, i.id limit $3`,
      [facility, options.status ?? null, first],
    );
    const facilities = await this.facilities(ctx, rows.map((row) => row.facilityId));
    return rows.map((row) => this.withFacility(row, facilities));
  }

  /**
   * Records one read: its verdict (logged and alerted as any check) and its custody. A pack (or,
   * when no pack is found, a code) already read during the visit is not recorded again: the
   * first read comes back with `repeated`.
   */
  async record(ctx: Context, idInput: string, codeInput: string, latitude?: number | null, longitude?: number | null): Promise<InspectionRead> {
    const visit = await this.ownOpenVisit(ctx, idInput);
    const text = (codeInput ?? '').replace(/^[\r\n]+|[\r\n]+$/g, '').trim();
    if (!text) throw badInput('code must not be empty', 'code');
    if (text.length > MAX_CODE) throw badInput(`code is ${text.length} characters; a 2D barcode holds at most ${MAX_CODE}`, 'code');
    const parsed = parse(text);
    const shown = parsed.valid && parsed.bracketed ? parsed.bracketed : text;

    const again = await ctx.pool.query<ReadRow>(`select ${READ_COLUMNS} from inspection_read where inspection_id = $1 and code = $2`, [visit.id, shown]);
    if (again.rows[0]) return this.toRead(ctx, again.rows[0], true);
    const { rows: counted } = await ctx.pool.query(`select count(*)::int as n from inspection_read where inspection_id = $1`, [visit.id]);
    if (counted[0].n >= MAX_READS) throw conflict(`A visit records at most ${MAX_READS} packs; open another visit for the rest`);

    const { verification, packId } = await ctx.services.verification.inspect(ctx, text, latitude, longitude);
    let place: PackPlace | null = null;
    if (packId) {
      const { rows } = await ctx.pool.query<PackPlace>(
        `select status, custodian_id as "custodianId", destination_id as "destinationId" from pack where id = $1`,
        [packId],
      );
      place = rows[0] ?? null;
    }
    const { custody, expected } = custodyOf(place, visit.facilityId);
    const key = packId ? `pack:${packId}` : `code:${shown}`;
    const { rows } = await ctx.pool.query<ReadRow>(
      `insert into inspection_read (inspection_id, read_key, code, pack_id, verdict, reasons, custody, expected_facility_id, product_name, batch, read_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       on conflict (inspection_id, read_key) do nothing
       returning ${READ_COLUMNS}`,
      [visit.id, key, shown, packId, verification.verdict, verification.reasons, custody, expected, verification.product?.name ?? null, verification.batch, this.clock.now()],
    );
    if (rows[0]) return this.toRead(ctx, rows[0], false);
    // The same pack under another spelling of its code, or a read at the same moment.
    const { rows: first } = await ctx.pool.query<ReadRow>(`select ${READ_COLUMNS} from inspection_read where inspection_id = $1 and read_key = $2`, [visit.id, key]);
    return this.toRead(ctx, first[0]!, true);
  }

  /** A finding in words, with an optional photo checked as complaints' photos are. */
  async addFinding(ctx: Context, idInput: string, textInput: string, photoInput?: string | null): Promise<InspectionFinding> {
    const visit = await this.ownOpenVisit(ctx, idInput);
    const text = check.requiredText(textInput, 'text', MAX_FINDING_LENGTH);
    const photo = photoInput ? readPhoto(photoInput) : null;
    const { rows: counted } = await ctx.pool.query(`select count(*)::int as n from inspection_finding where inspection_id = $1`, [visit.id]);
    if (counted[0].n >= MAX_FINDINGS) throw conflict(`A visit records at most ${MAX_FINDINGS} findings`);
    const { rows } = await ctx.pool.query(
      `insert into inspection_finding (id, inspection_id, text, photo, photo_type, created_at)
       values (gen_random_uuid(), $1, $2, $3, $4, $5)
       returning id, text, photo is not null as "hasPhoto", created_at as "createdAt"`,
      [visit.id, text, photo?.bytes ?? null, photo?.type ?? null, this.clock.now()],
    );
    return rows[0];
  }

  /** Closes the visit: nothing more is recorded; its summary stays as it is. */
  async close(ctx: Context, idInput: string): Promise<InspectionObject> {
    const visit = await this.ownOpenVisit(ctx, idInput);
    const { rowCount } = await ctx.pool.query(`update inspection set status = 'CLOSED', closed_at = $2 where id = $1 and status = 'OPEN'`, [visit.id, this.clock.now()]);
    if (!rowCount) throw conflict('The visit is already closed');
    return (await this.byId(ctx, visit.id))!;
  }

  async reads(ctx: Context, id: string): Promise<InspectionRead[]> {
    requireRegulator(ctx);
    const { rows } = await ctx.pool.query<ReadRow>(`select ${READ_COLUMNS} from inspection_read where inspection_id = $1 order by read_at, id`, [id]);
    const facilities = await this.facilities(ctx, rows.map((row) => row.expectedFacilityId));
    return rows.map((row) => this.readOf(row, false, facilities));
  }

  async findings(ctx: Context, id: string): Promise<InspectionFinding[]> {
    requireRegulator(ctx);
    const { rows } = await ctx.pool.query(
      `select id, text, photo is not null as "hasPhoto", created_at as "createdAt" from inspection_finding where inspection_id = $1 order by created_at, id`,
      [id],
    );
    return rows;
  }

  /** Counts by verdict and by custody (zeros included), and the packs not where the records place them. */
  async summary(ctx: Context, id: string): Promise<InspectionSummary> {
    requireRegulator(ctx);
    const [{ rows: verdicts }, { rows: custodies }, { rows: findings }] = await Promise.all([
      ctx.pool.query(`select verdict, count(*)::int as n from inspection_read where inspection_id = $1 group by verdict`, [id]),
      ctx.pool.query(`select custody, count(*)::int as n from inspection_read where inspection_id = $1 group by custody`, [id]),
      ctx.pool.query(`select count(*)::int as n from inspection_finding where inspection_id = $1`, [id]),
    ]);
    const byVerdict = VERDICTS.map((verdict) => ({ verdict, count: verdicts.find((row) => row.verdict === verdict)?.n ?? 0 }));
    const byCustody = CUSTODIES.map((custody) => ({ custody, count: custodies.find((row) => row.custody === custody)?.n ?? 0 }));
    const reads = byVerdict.reduce((sum, entry) => sum + entry.count, 0);
    const here = byCustody.find((entry) => entry.custody === 'HERE')!.count;
    return { reads, byVerdict, byCustody, notAtCustodian: reads - here, findings: findings[0].n };
  }

  async photo(ctx: Context, findingInput: string): Promise<{ bytes: Buffer; type: string } | null> {
    requireRegulator(ctx);
    const id = check.uuid(findingInput, 'id');
    const { rows } = await ctx.pool.query('select photo, photo_type from inspection_finding where id = $1 and photo is not null', [id]);
    return rows[0] ? { bytes: rows[0].photo, type: rows[0].photo_type } : null;
  }

  /** The visit as rows for its CSV export: one per read, then one per finding. */
  async exportRows(ctx: Context, idInput: string): Promise<{ visit: InspectionObject; rows: Array<Array<string | number | null>> }> {
    const visit = await this.byId(ctx, idInput);
    if (!visit) throw notFound(`No inspection visit with id ${idInput}`);
    const [reads, findings] = await Promise.all([this.reads(ctx, visit.id), this.findings(ctx, visit.id)]);
    const rows: Array<Array<string | number | null>> = [
      ['record', 'at', 'code', 'product', 'batch', 'verdict', 'reasons', 'custody', 'expected_facility', 'facility_visited', 'inspector', 'finding', 'photo'],
    ];
    for (const read of reads) {
      rows.push([
        'READ',
        read.readAt.toISOString(),
        read.code,
        read.productName,
        read.batch,
        read.verdict,
        read.reasons.join(' '),
        read.custody,
        read.expectedFacility?.name ?? null,
        visit.facility.name,
        visit.inspector,
        null,
        null,
      ]);
    }
    for (const finding of findings) {
      rows.push(['FINDING', finding.createdAt.toISOString(), null, null, null, null, null, null, null, visit.facility.name, visit.inspector, finding.text, finding.hasPhoto ? 'yes' : 'no']);
    }
    return { visit, rows };
  }

  /** The visit, when the caller opened it and it is still open. */
  private async ownOpenVisit(ctx: Context, idInput: string): Promise<VisitRow> {
    const principal = requireRegulator(ctx);
    const id = check.uuid(idInput, 'inspection');
    const { rows } = await ctx.pool.query<VisitRow>(`select ${VISIT_COLUMNS} from inspection i left join app_user u on u.id = i.inspector_id where i.id = $1`, [id]);
    const visit = rows[0];
    if (!visit) throw notFound(`No inspection visit with id ${id}`);
    if (principal.kind !== 'user' || visit.inspectorId !== principal.id) throw forbidden('Only the inspector who opened a visit records in it');
    if (visit.status === 'CLOSED') throw conflict('The visit is closed: nothing more can be recorded in it');
    return visit;
  }

  private async facilities(ctx: Context, ids: ReadonlyArray<string | null>): Promise<Map<string, FacilityObject>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (!wanted.length) return new Map();
    const found = await ctx.em.find(Facility, { id: { $in: wanted } }, { populate: ['organization'] });
    return new Map(found.map((facility) => [facility.id, toFacilityObject(facility)]));
  }

  private withFacility(row: VisitRow, facilities: Map<string, FacilityObject>): InspectionObject {
    return {
      id: row.id,
      facility: facilities.get(row.facilityId)!,
      inspector: row.inspector,
      inspectorId: row.inspectorId,
      status: row.status,
      openedAt: row.openedAt,
      closedAt: row.closedAt,
    };
  }

  private async toObject(ctx: Context, row: VisitRow): Promise<InspectionObject> {
    return this.withFacility(row, await this.facilities(ctx, [row.facilityId]));
  }

  private readOf(row: ReadRow, repeated: boolean, facilities: Map<string, FacilityObject>): InspectionRead {
    return { ...row, expectedFacility: row.expectedFacilityId ? (facilities.get(row.expectedFacilityId) ?? null) : null, repeated };
  }

  private async toRead(ctx: Context, row: ReadRow, repeated: boolean): Promise<InspectionRead> {
    return this.readOf(row, repeated, await this.facilities(ctx, [row.expectedFacilityId]));
  }
}
