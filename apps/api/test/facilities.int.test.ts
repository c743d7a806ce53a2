import { checkDigit } from '@jejak/gs1';
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { demoTokens, type Tokens } from './lifecycle-helpers.js';

let server: TestServer;
let tokens: Tokens;
let admin: string;
let orgs: Record<string, { id: string; type: string }>;

const CREATE = `mutation($i: FacilityInput!) { createFacility(input: $i) { id name type gln regency } }`;
/** A GLN no test used yet, with its right check digit. */
const freshGln = () => {
  const body = `899${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
  return `${body}${checkDigit(body)}`;
};

beforeAll(async () => {
  server = await startTestServer();
  tokens = await demoTokens(server);
  admin = await server.login('admin@demo.test');
  const { data } = await server.gql(`{ organizations { id name type } }`, {}, admin);
  orgs = Object.fromEntries(data.organizations.map((o: any) => [o.type === 'DISTRIBUTOR' ? 'pbf' : o.type === 'PHARMACY' ? 'apotek' : o.type === 'MANUFACTURER' ? 'industri' : o.name, o]));
});
afterAll(async () => {
  await server?.close();
});

describe('adding a facility to an existing organisation', () => {
  it('lets BPOM’s administrator add one to any organisation, with a checked GLN, and it can be found', async () => {
    const gln = freshGln();
    const result = await server.gql(
      CREATE,
      { i: { organizationId: orgs.pbf!.id, name: 'Gudang PBF Nusantara Cabang Bekasi', type: 'DISTRIBUTOR', regency: 'Kota Bekasi', province: 'Jawa Barat', gln, latitude: -6.24, longitude: 106.99 } },
      admin,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.createFacility).toMatchObject({ name: 'Gudang PBF Nusantara Cabang Bekasi', type: 'DISTRIBUTOR', gln, regency: 'Kota Bekasi' });
    const found = await server.gql(`query($s: String) { facilities(search: $s) { id } }`, { s: 'Cabang Bekasi' }, tokens.apotek);
    expect(found.data.facilities).toEqual([{ id: result.data.createFacility.id }]);
    const distributors = await server.gql(`{ facilities(type: DISTRIBUTOR) { name gln } }`, {}, tokens.pbf);
    expect(distributors.data.facilities).toContainEqual({ name: 'Gudang PBF Nusantara Cabang Bekasi', gln });
  });

  it('lets an organisation’s administrator add one to its own organisation only', async () => {
    const own = await server.gql(CREATE, { i: { name: 'Apotek Sehat Sentosa Cabang Sidoarjo' } }, tokens.apotek);
    expect(own.errors).toBeUndefined();
    expect(own.data.createFacility.type).toBe('PHARMACY');
    const other = await server.gql(CREATE, { i: { organizationId: orgs.pbf!.id, name: 'Bukan milik apotek' } }, tokens.apotek);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const supervisor = await server.gql(CREATE, { i: { organizationId: orgs.pbf!.id, name: 'Bukan tugas pengawas' } }, tokens.bpom);
    expect(supervisor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('names what is wrong: the GLN’s length, its check digit, a GLN in use, a type that does not fit, a missing name or organisation', async () => {
    const used = freshGln();
    expect((await server.gql(CREATE, { i: { organizationId: orgs.pbf!.id, name: 'Gudang dengan GLN', gln: used } }, admin)).errors).toBeUndefined();
    const wrongDigit = `${used.slice(0, 12)}${(Number(used[12]) + 1) % 10}`;
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ name: 'A', gln: '899123' }, 'BAD_USER_INPUT', /gln "899123" must be 13 digits/],
      [{ name: 'A', gln: wrongDigit }, 'BAD_USER_INPUT', new RegExp(`gln ${wrongDigit} has a wrong check digit: the last digit should be ${used[12]}`)],
      [{ name: 'A', gln: used }, 'CONFLICT', new RegExp(`GLN ${used} is already the GLN of Gudang dengan GLN`)],
      [{ name: 'A', type: 'PHARMACY' }, 'BAD_USER_INPUT', /type PHARMACY does not fit: a facility of .* is a DISTRIBUTOR facility/],
      [{ name: '  ' }, 'BAD_USER_INPUT', /name/],
    ];
    for (const [input, code, message] of cases) {
      const result = await server.gql(CREATE, { i: { organizationId: orgs.pbf!.id, ...input } }, admin);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(input)).toBe(code);
      expect(result.errors?.[0]?.message).toMatch(message);
    }
    const missing = await server.gql(CREATE, { i: { organizationId: '00000000-0000-4000-8000-000000000000', name: 'A' } }, admin);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const { data } = await server.gql(`query($s: String) { facilities(search: $s) { name } }`, { s: 'Gudang dengan GLN' }, admin);
    expect(data.facilities).toHaveLength(1);
  });
});
