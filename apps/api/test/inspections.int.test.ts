import { parse } from '@jejak/gs1';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, startTestServer, type TestServer } from './harness.js';
import { demoTokens, facilityId, issueCodes, op, type Tokens } from './lifecycle-helpers.js';

let server: TestServer;
let tokens: Tokens;
let inspector: string;
let otherInspector: string;
let apotek: string;
let pbf: string;
/** Packs with known records: held by the pharmacy, held by the distributor, dispensed, on their way to the pharmacy, never activated. */
const packs = { atPharmacy: [] as string[], atDistributor: '', dispensed: '', inTransit: '', notActivated: '' };

beforeAll(async () => {
  server = await startTestServer();
  tokens = await demoTokens(server);
  inspector = await server.login('inspektur@demo.test');
  // A second BPOM inspector, made by BPOM's administrator.
  const admin = await server.login('admin@demo.test');
  const created = await server.gql(
    `mutation($i: UserInput!) { createUser(input: $i) { id } }`,
    { i: { email: 'inspektur2@demo.test', name: 'Inspektur Dua', role: 'INSPECTOR', password: 'Inspeksi-kedua-2026' } },
    admin,
  );
  expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
  otherInspector = await server.login('inspektur2@demo.test', 'Inspeksi-kedua-2026');

  apotek = await facilityId(server, tokens.industri, 'Sentosa');
  pbf = await facilityId(server, tokens.industri, 'Nusantara');
  const issued = await issueCodes(server, tokens, { quantity: 7 });
  const [a, b, c, d, e, f, g] = issued.units as [string, string, string, string, string, string, string];
  await op.activate(server, tokens.industri, [a, b, c, d, e, f]);
  await op.ship(server, tokens.industri, [a, b, c, d, e, f], pbf);
  await op.receive(server, tokens.pbf, [a, b, c, d, e, f]);
  await op.ship(server, tokens.pbf, [a, b, c, e], apotek);
  await op.receive(server, tokens.apotek, [a, b, c]);
  await op.dispense(server, tokens.apotek, [c]);
  Object.assign(packs, { atPharmacy: [a, b], atDistributor: d, dispensed: c, inTransit: e, notActivated: g });
  void f;
});
afterAll(async () => {
  await server?.close();
});

const VISIT = `id status openedAt closedAt inspector facility { id name }
  summary { reads notAtCustodian findings byVerdict { verdict count } byCustody { custody count } }`;
const READ = `id code verdict reasons custody expectedFacility { id name } productName batch repeated`;

async function open(token = inspector, facility = apotek) {
  const result = await server.gql(`mutation($f: ID!) { openInspection(facility: $f) { ${VISIT} } }`, { f: facility }, token);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.openInspection as { id: string; status: string; facility: { id: string } };
}
const read = (visit: string, code: string, token = inspector) =>
  server.gql(`mutation($v: ID!, $c: String!) { recordInspectionRead(inspection: $v, code: $c) { ${READ} } }`, { v: visit, c: code }, token);
async function readOk(visit: string, code: string) {
  const result = await read(visit, code);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.recordInspectionRead;
}
const count = (list: Array<{ count: number; [key: string]: unknown }>, key: string, value: string) => list.find((entry) => entry[key] === value)?.count;

describe('an inspection visit', () => {
  let visitId: string;

  it('opens at a facility, records each read once with its verdict and custody', async () => {
    const visit = await open();
    visitId = visit.id;
    expect(visit).toMatchObject({ status: 'OPEN', facility: { id: apotek } });

    const here = await readOk(visitId, packs.atPharmacy[0]!);
    expect(here).toMatchObject({ verdict: 'GENUINE', custody: 'HERE', expectedFacility: { id: apotek }, repeated: false });
    expect(here.productName).toMatch(/^Produk uji/);

    const elsewhere = await readOk(visitId, packs.atDistributor);
    expect(elsewhere).toMatchObject({ verdict: 'GENUINE', custody: 'ELSEWHERE', expectedFacility: { id: pbf } });
    const travelling = await readOk(visitId, packs.inTransit);
    expect(travelling).toMatchObject({ custody: 'IN_TRANSIT', expectedFacility: { id: apotek } });
    const dispensed = await readOk(visitId, packs.dispensed);
    expect(dispensed).toMatchObject({ verdict: 'CAUTION', reasons: ['DISPENSED'], custody: 'OUT_OF_CHAIN', expectedFacility: null });
    const unknown = await readOk(visitId, '(90)DKL0000000000A1(21)TIDAKADA');
    expect(unknown).toMatchObject({ verdict: 'SUSPECT', reasons: ['NOT_FOUND'], custody: 'UNKNOWN' });
    const garbage = await readOk(visitId, 'bukan kode');
    expect(garbage).toMatchObject({ verdict: 'INVALID', custody: 'UNKNOWN', code: 'bukan kode' });
    const notActivated = await readOk(visitId, packs.notActivated);
    expect(notActivated).toMatchObject({ verdict: 'SUSPECT', custody: 'OUT_OF_CHAIN' });

    // The same pack again, even spelt as raw scanner data: recorded once, the first read returned.
    const again = await readOk(visitId, `]d2${parse(packs.atPharmacy[0]!).raw}`);
    expect(again).toMatchObject({ id: here.id, repeated: true });
    const { data } = await server.gql(`query($id: ID!) { inspection(id: $id) { reads { id } } }`, { id: visitId }, tokens.bpom);
    expect(data.inspection.reads).toHaveLength(7);
  });

  it('records findings with a photo checked as complaint photos are', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const ok = await server.gql(
      `mutation($v: ID!, $t: String!, $p: String) { addInspectionFinding(inspection: $v, text: $t, photo: $p) { id text hasPhoto } }`,
      { v: visitId, t: 'Kemasan disimpan di lantai, tanpa pengatur suhu', p: `data:image/png;base64,${png.toString('base64')}` },
      inspector,
    );
    expect(ok.errors, JSON.stringify(ok.errors)).toBeUndefined();
    expect(ok.data.addInspectionFinding).toMatchObject({ hasPhoto: true });
    const photo = await fetch(`${server.url}/api/inspection-findings/${ok.data.addInspectionFinding.id}/photo`, { headers: { authorization: `Bearer ${tokens.bpom}` } });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await photo.arrayBuffer()).equals(png)).toBe(true);

    const refused = [
      { t: '', p: null, field: 'text' },
      { t: 'x'.repeat(2001), p: null, field: 'text' },
      { t: 'Foto bukan gambar', p: Buffer.from('%PDF-1.7 bukan foto').toString('base64'), field: 'photo' },
      { t: 'Foto terlalu besar', p: Buffer.alloc(2 * 1024 * 1024 + 10, 0xff).toString('base64'), field: 'photo' },
    ];
    for (const { t, p, field } of refused) {
      const result = await server.gql(`mutation($v: ID!, $t: String!, $p: String) { addInspectionFinding(inspection: $v, text: $t, photo: $p) { id } }`, { v: visitId, t, p }, inspector);
      expect(codesOf(result), `${field}: ${t.slice(0, 20)}`).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0]!.extensions!.field).toBe(field);
    }
  });

  it('refuses bad input with the reason', async () => {
    expect(codesOf(await read(visitId, '   '))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await read(visitId, 'x'.repeat(5000)))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await read('not-an-id', packs.atPharmacy[1]!))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await read('00000000-0000-4000-8000-000000000000', packs.atPharmacy[1]!))).toEqual(['NOT_FOUND']);
    const noFacility = await server.gql(`mutation { openInspection(facility: "00000000-0000-4000-8000-000000000000") { id } }`, {}, inspector);
    expect(codesOf(noFacility)).toEqual(['NOT_FOUND']);
    const badFacility = await server.gql(`mutation { openInspection(facility: "gudang") { id } }`, {}, inspector);
    expect(codesOf(badFacility)).toEqual(['BAD_USER_INPUT']);
    expect(badFacility.errors![0]!.extensions!.field).toBe('facility');
  });

  it('shows nothing to another organisation, and lets no one else record in the visit', async () => {
    for (const token of [tokens.apotek, tokens.industri, tokens.pbf]) {
      expect(codesOf(await server.gql(`query($id: ID!) { inspection(id: $id) { id } }`, { id: visitId }, token))).toEqual(['FORBIDDEN']);
      expect(codesOf(await server.gql(`{ inspections { id } }`, {}, token))).toEqual(['FORBIDDEN']);
      expect(codesOf(await read(visitId, packs.atPharmacy[1]!, token))).toEqual(['FORBIDDEN']);
      expect(codesOf(await server.gql(`mutation($f: ID!) { openInspection(facility: $f) { id } }`, { f: apotek }, token))).toEqual(['FORBIDDEN']);
      const csv = await fetch(`${server.url}/api/inspections/${visitId}.csv`, { headers: { authorization: `Bearer ${token}` } });
      expect(csv.status).toBe(403);
    }
    expect((await fetch(`${server.url}/api/inspections/${visitId}.csv`)).status).toBe(401);
    // Another BPOM inspector sees the visit but does not write in it.
    expect(codesOf(await read(visitId, packs.atPharmacy[1]!, otherInspector))).toEqual(['FORBIDDEN']);
    const closeByOther = await server.gql(`mutation($v: ID!) { closeInspection(inspection: $v) { id } }`, { v: visitId }, otherInspector);
    expect(codesOf(closeByOther)).toEqual(['FORBIDDEN']);
    const seen = await server.gql(`query($id: ID!) { inspection(id: $id) { id } }`, { id: visitId }, otherInspector);
    expect(seen.data.inspection.id).toBe(visitId);
    // BPOM staff who do not inspect cannot open visits.
    const admin = await server.login('admin@demo.test');
    expect(codesOf(await server.gql(`mutation($f: ID!) { openInspection(facility: $f) { id } }`, { f: apotek }, admin))).toEqual(['FORBIDDEN']);
  });

  it('closes with a summary; a closed visit takes nothing more; BPOM lists and exports it', async () => {
    const closed = await server.gql(`mutation($v: ID!) { closeInspection(inspection: $v) { ${VISIT} } }`, { v: visitId }, inspector);
    expect(closed.errors, JSON.stringify(closed.errors)).toBeUndefined();
    const visit = closed.data.closeInspection;
    expect(visit.status).toBe('CLOSED');
    expect(visit.closedAt).toBeTruthy();
    const { summary } = visit;
    expect(summary.reads).toBe(7);
    expect(summary.findings).toBe(1);
    expect(count(summary.byVerdict, 'verdict', 'GENUINE')).toBe(3);
    expect(count(summary.byVerdict, 'verdict', 'CAUTION')).toBe(1);
    expect(count(summary.byVerdict, 'verdict', 'SUSPECT')).toBe(2);
    expect(count(summary.byVerdict, 'verdict', 'INVALID')).toBe(1);
    expect(count(summary.byCustody, 'custody', 'HERE')).toBe(1);
    expect(count(summary.byCustody, 'custody', 'ELSEWHERE')).toBe(1);
    expect(count(summary.byCustody, 'custody', 'IN_TRANSIT')).toBe(1);
    expect(count(summary.byCustody, 'custody', 'OUT_OF_CHAIN')).toBe(2);
    expect(count(summary.byCustody, 'custody', 'UNKNOWN')).toBe(2);
    expect(summary.notAtCustodian).toBe(6);

    expect(codesOf(await read(visitId, packs.atPharmacy[1]!))).toEqual(['CONFLICT']);
    expect(codesOf(await server.gql(`mutation($v: ID!) { closeInspection(inspection: $v) { id } }`, { v: visitId }, inspector))).toEqual(['CONFLICT']);
    const late = await server.gql(`mutation($v: ID!) { addInspectionFinding(inspection: $v, text: "terlambat") { id } }`, { v: visitId }, inspector);
    expect(codesOf(late)).toEqual(['CONFLICT']);

    const second = await open(inspector, pbf);
    const listed = await server.gql(`{ inspections { id status facility { id } } }`, {}, tokens.bpom);
    const ids = listed.data.inspections.map((entry: { id: string }) => entry.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(visitId));
    const onlyClosed = await server.gql(`query($f: ID) { inspections(status: CLOSED, facility: $f) { id } }`, { f: apotek }, tokens.bpom);
    expect(onlyClosed.data.inspections.map((entry: { id: string }) => entry.id)).toEqual([visitId]);
    expect(codesOf(await server.gql(`{ inspections(first: 0) { id } }`, {}, tokens.bpom))).toEqual(['BAD_USER_INPUT']);

    const response = await fetch(`${server.url}/api/inspections/${visitId}.csv`, { headers: { authorization: `Bearer ${tokens.bpom}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('record,at,code,product,batch,verdict,reasons,custody,expected_facility,facility_visited,inspector,finding,photo');
    expect(lines.filter((line) => line.startsWith('READ,'))).toHaveLength(7);
    expect(lines.filter((line) => line.startsWith('FINDING,'))).toHaveLength(1);
    expect(lines.find((line) => line.includes('ELSEWHERE'))).toContain('Gudang PBF Nusantara');
    expect((await fetch(`${server.url}/api/inspections/00000000-0000-4000-8000-000000000000.csv`, { headers: { authorization: `Bearer ${tokens.bpom}` } })).status).toBe(404);
  });

  it('keeps a spreadsheet from running what an inspector typed or a code carried', async () => {
    const visit = await open();
    const formula = '=HYPERLINK("http://contoh.invalid","klik")';
    const finding = await server.gql(`mutation($v: ID!, $t: String!) { addInspectionFinding(inspection: $v, text: $t) { id } }`, { v: visit.id, t: formula }, inspector);
    expect(finding.errors).toBeUndefined();
    await readOk(visit.id, '@SUM(1+1)');
    const response = await fetch(`${server.url}/api/inspections/${visit.id}.csv`, { headers: { authorization: `Bearer ${tokens.bpom}` } });
    const text = await response.text();
    for (const line of text.replace(/^\uFEFF/, '').trimEnd().split('\r\n')) {
      for (const cell of line.split(',')) expect(cell.replace(/^"/, ''), line).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(text).toContain(`"'=HYPERLINK(""http://contoh.invalid""`);
    expect(text).toContain(`'@SUM(1+1)`);
  });
});
