import type { EntityManager } from '@mikro-orm/postgresql';
import type { Pool } from 'pg';
import type { Context } from '../../context.js';
import type { Services } from '../../services.js';
import { createLoaders } from '../../shared/loaders.js';
import { logger } from '../../shared/logger.js';
import { User } from '../auth/auth.entity.js';
import { allIssuedCodes } from '../codes/issued-codes.js';
import type { Movement } from '../lifecycle/guards.js';

interface Deps {
  em: EntityManager;
  pool: Pool;
  services: Services;
}

/** Examples printed at start-up, so the public verification can be tried at once. */
export interface DemoCodes {
  genuine: string;
  dispensed: string;
  recalled: string;
}

/**
 * Packs at every stage, made through the same services a user calls: issued, active,
 * in cases and pallets, in transit, at distributors and pharmacies, dispensed,
 * decommissioned and recalled.
 */
export async function seedDemoPacks(deps: Deps): Promise<DemoCodes> {
  const as = (email: string) => demoContext(deps, email);
  const [industri, bpom, pbf, apotek] = await Promise.all(
    ['industri@demo.test', 'bpom@demo.test', 'pbf@demo.test', 'apotek@demo.test'].map(as),
  );
  const facility = async (name: string) => (await deps.pool.query('select id from facility where name = $1', [name])).rows[0].id as string;
  const facilities = {
    pbf: await deps.services.movements.facility(industri!, await facility('Gudang PBF Nusantara Jakarta Timur')),
    medan: await deps.services.movements.facility(industri!, await facility('Gudang PBF Sumatera Medika Medan')),
    surabaya: await deps.services.movements.facility(industri!, await facility('Apotek Sehat Sentosa Surabaya')),
    makassar: await deps.services.movements.facility(industri!, await facility('Apotek Kimia Sejahtera Makassar')),
  };
  const issue = async (nie: string, batch: string, expiry: string, quantity: number, unitsPerCase?: number, casesPerPallet?: number, gtin?: string) => {
    const request = await deps.services.codes.request(industri!, { nie, batch, expiry, quantity, unitsPerCase, casesPerPallet, gtin });
    await deps.services.codes.approve(bpom!, request.id);
    const codes = await allIssuedCodes(deps.pool, request.id);
    return { units: codes.filter((c) => c.level === 'UNIT').map((c) => c.text), cases: codes.filter((c) => c.level === 'CASE').map((c) => c.text), pallets: codes.filter((c) => c.level === 'PALLET').map((c) => c.text) };
  };
  // Shipments and returns travel as delivery notes, as they would from a user's screen.
  const move = (ctx: Context, movement: Movement, codes: string[]) => {
    const options = { source: 'SCAN' as const };
    if (movement.kind === 'ship') return deps.services.shipments.ship(ctx, codes, movement.to.id, null, options);
    if (movement.kind === 'returnPacks') return deps.services.shipments.returnPacks(ctx, codes, movement.to.id, options);
    return deps.services.movements.move(ctx, movement, codes, options);
  };

  // Amoksisilin: 120 units in 12 cases on 2 pallets, GS1 profile (it has a GTIN).
  const amx = await issue('DKL2104012310A1', 'AMX2501', monthsAhead(19), 120, 10, 6, '08997001000011');
  await move(industri!, { kind: 'activate' }, amx.units);
  for (const [i, box] of amx.cases.entries()) await deps.services.aggregation.aggregate(industri!, box, amx.units.slice(i * 10, i * 10 + 10));
  await deps.services.aggregation.aggregate(industri!, amx.pallets[0]!, amx.cases.slice(0, 6));
  await deps.services.aggregation.aggregate(industri!, amx.pallets[1]!, amx.cases.slice(6, 12));
  await move(industri!, { kind: 'ship', to: facilities.pbf }, [amx.pallets[0]!]);
  await move(pbf!, { kind: 'receive' }, [amx.pallets[0]!]);
  await move(pbf!, { kind: 'ship', to: facilities.surabaya }, amx.cases.slice(0, 2));
  await move(apotek!, { kind: 'receive' }, amx.cases.slice(0, 2));
  await move(apotek!, { kind: 'dispense' }, amx.units.slice(0, 5));
  await move(apotek!, { kind: 'decommission', reason: 'SAMPLE' }, amx.units.slice(5, 6));
  await move(pbf!, { kind: 'ship', to: facilities.medan }, amx.cases.slice(2, 3));

  // Metformin: BPOM profile; some still only issued, some at a pharmacy in Makassar.
  const mtf = await issue('DKL1833509917A1', 'MTF2502', monthsAhead(25), 60);
  await move(industri!, { kind: 'activate' }, mtf.units.slice(0, 40));
  await move(industri!, { kind: 'ship', to: facilities.pbf }, mtf.units.slice(0, 20));
  await move(pbf!, { kind: 'receive' }, mtf.units.slice(0, 20));
  await move(pbf!, { kind: 'decommission', reason: 'DESTROYED' }, mtf.units.slice(19, 20));
  await move(pbf!, { kind: 'ship', to: facilities.makassar }, mtf.units.slice(0, 10));

  // Amlodipin: a batch recalled while at the distributor.
  const aml = await issue('DKL2011223344B1', 'AML2410', monthsAhead(2), 20, undefined, undefined, '08997001000035');
  await move(industri!, { kind: 'activate' }, aml.units);
  await move(industri!, { kind: 'ship', to: facilities.pbf }, aml.units);
  await move(pbf!, { kind: 'receive' }, aml.units);
  await deps.services.recalls.recallBatch(bpom!, 'DKL2011223344B1', 'AML2410', 'Hasil uji disolusi tidak memenuhi syarat', 'II');

  // BPOM's queue: one request waiting, one turned down.
  await deps.services.codes.request(industri!, { nie: 'DKL2011223344B1', batch: 'AML2503', expiry: monthsAhead(40), quantity: 500, unitsPerCase: 50 });
  const rejected = await deps.services.codes.request(industri!, { nie: 'DKL1833509917A1', batch: 'MTF2503', expiry: monthsAhead(38), quantity: 100 });
  await deps.services.codes.reject(bpom!, rejected.id, 'Jumlah melebihi kapasitas produksi yang terdaftar');

  logger.info('demo packs loaded');
  return { genuine: amx.units[60]!, dispensed: amx.units[0]!, recalled: aml.units[0]! };
}

/** The last day of the month `months` from now, as YYYY-MM-DD: demo expiries stay in the future. */
function monthsAhead(months: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months + 1, 0)).toISOString().slice(0, 10);
}

async function demoContext(deps: Deps, email: string): Promise<Context> {
  const em = deps.em.fork();
  const user = await em.findOneOrFail(User, { email }, { populate: ['organization'] });
  return {
    em,
    pool: deps.pool,
    read: deps.pool,
    principal: { kind: 'user', id: user.id, organizationId: user.organization.id, organizationType: user.organization.type, role: user.role },
    authError: null,
    sessionId: null,
    services: deps.services,
    loaders: createLoaders(em),
    client: Buffer.alloc(16),
    request: { ip: '127.0.0.1', userAgent: 'demo data' },
  };
}
