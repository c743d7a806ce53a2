import type { Context } from '../../context.js';
import { requirePrincipal } from '../../shared/auth.js';
import { badInput } from '../../shared/errors.js';
import * as check from '../../shared/validate.js';
import type { ComplaintObject } from './alert.types.js';
import { alertCode } from './alert.service.js';
import type { PublicLimits } from '../verification/limits.js';

/** The public page shrinks photos to 1.5 MB in the browser; more than this is not a phone's photo of a pack. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

/** Photo types accepted, told by their first bytes rather than by what the sender claims. */
const PHOTO_SIGNATURES: Array<{ type: string; test: (b: Buffer) => boolean }> = [
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
];

export interface NewComplaint {
  code: string;
  description?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  /** Base64, or a data: URL. */
  photo?: string | null;
}

/** Reads a base64 photo and checks its size and type. */
export function readPhoto(input: string): { bytes: Buffer; type: string } {
  const base64 = input.replace(/^data:[^;,]*;base64,/, '').replace(/\s/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw badInput('photo must be base64 (or a data: URL)', 'photo');
  if ((base64.length * 3) / 4 > MAX_PHOTO_BYTES + 3) throw badInput(`photo is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB`, 'photo');
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw badInput('photo is empty', 'photo');
  const kind = PHOTO_SIGNATURES.find((signature) => signature.test(bytes));
  if (!kind) throw badInput('photo must be a JPEG, PNG or WebP image', 'photo');
  return { bytes, type: kind.type };
}

const COMPLAINT_COLUMNS = `id, code, description, latitude, longitude, photo is not null as "hasPhoto", alert_id as "alertId", created_at as "createdAt"`;

export class ComplaintService {
  constructor(private readonly limits: PublicLimits) {}

  /**
   * A member of the public reports a suspected fake; it joins the open alert of the same code.
   * Reports and their photos count against the device's, address's and network's quotas.
   */
  async report(ctx: Context, input: NewComplaint): Promise<ComplaintObject> {
    const code = check.requiredText(input.code, 'code', 500);
    const description = check.optionalText(input.description, 'description', 4000);
    const latitude = check.optionalNumberInRange(input.latitude, 'latitude', -90, 90);
    const longitude = check.optionalNumberInRange(input.longitude, 'longitude', -180, 180);
    const photo = input.photo ? readPhoto(input.photo) : null;
    this.limits.complaint(ctx.request, ctx.client, photo?.bytes.length ?? 0);
    const { rows } = await ctx.pool.query(
      `insert into complaint (id, code, description, latitude, longitude, photo, photo_type, client, alert_id)
       values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7,
               (select id from alert where code = $1 and status <> 'CLOSED' order by last_seen_at desc limit 1))
       returning ${COMPLAINT_COLUMNS}`,
      [alertCode(code), description, latitude, longitude, photo?.bytes ?? null, photo?.type ?? null, ctx.client],
    );
    return rows[0];
  }

  /** The public's reports: for BPOM only (a manufacturer reading an alert gets none). */
  async list(ctx: Context, alertId?: string | null, first = 100): Promise<ComplaintObject[]> {
    if (requirePrincipal(ctx).organizationType !== 'REGULATOR') return [];
    const limit = Math.min(Math.max(first, 1), 500);
    const { rows } = alertId
      ? await ctx.pool.query(`select ${COMPLAINT_COLUMNS} from complaint where alert_id = $1 order by created_at desc limit ${limit}`, [check.uuid(alertId, 'alertId')])
      : await ctx.pool.query(`select ${COMPLAINT_COLUMNS} from complaint order by created_at desc limit ${limit}`);
    return rows;
  }

  async photo(ctx: Context, id: string): Promise<{ bytes: Buffer; type: string } | null> {
    requirePrincipal(ctx);
    const { rows } = await ctx.pool.query('select photo, photo_type from complaint where id = $1 and photo is not null', [check.uuid(id, 'id')]);
    return rows[0] ? { bytes: rows[0].photo, type: rows[0].photo_type } : null;
  }
}
