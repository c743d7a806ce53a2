import { checkDigit } from '@jejak/gs1';
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { demoTokens, type Tokens } from './lifecycle-helpers.js';

let server: TestServer;
let tokens: Tokens;
let admin: string;
/** A distributor and a pharmacy of this file's own (the demo organisations keep their one facility each), and their administrators' tokens. */
let orgs: Record<'pbf' | 'apotek', { id: string; token: string }>;
let demoPbf: string;

const CREATE = `mutation($i: FacilityInput!) { createFacility(input: $i) { id name type gln regency } }`;
/** A GLN no test used yet, with its right check digit. */
const freshGln = () => {
  const body = `899${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
  return `${body}${checkDigit(body)}`;
};

/** A new organisation with a first facility and an administrator who can log in. */
async function organisation(type: string, name: string): Promise<{ id: string; token: string }> {
  const suffix = randomInt(0, 1_000_000).toString().padStart(6, '0');
  const created = await server.gql(
    `mutation($i: OrganizationInput!) { createOrganization(input: $i) { id } }`,
    { i: { name: `${name} ${suffix}`, type, facility: { name: `${name} ${suffix} Pusat` } } },
    admin,
  );
  expect(created.errors).toBeUndefined();
  const id = created.data.createOrganization.id;
  const email = `admin-${suffix}-${type.toLowerCase()}@facilities.test`;
  const user = await server.gql(
    `mutation($i: UserInput!) { createUser(input: $i) { id } }`,
    { i: { email, name: 'Admin Uji', password: 'demo12345-uji', role: 'ADMIN', organizationId: id } },
    admin,
  );
  expect(user.errors).toBeUndefined();
  return { id, token: await server.login(email, 'demo12345-uji') };
}

beforeAll(async () => {
  server = await startTestServer();
  tokens = await demoTokens(server);
  admin = await server.login('admin@demo.test');
  orgs = { pbf: await organisation('DISTRIBUTOR', 'PBF Uji Fasilitas'), apotek: await organisation('PHARMACY', 'Apotek Uji Fasilitas') };
  const { data } = await server.gql(`{ organizations(type: DISTRIBUTOR) { id name } }`, {}, admin);
  demoPbf = data.organizations.find((o: any) => o.name.includes('Nusantara')).id;
});
afterAll(async () => {
  await server?.close();
});

describe('adding a facility to an existing organisation', () => {
  it('lets BPOM’s administrator add one to any organisation, with a checked GLN, and it can be found', async () => {
    const gln = freshGln();
    const result = await server.gql(
      CREATE,
      { i: { organizationId: orgs.pbf.id, name: 'Gudang Cabang Bekasi Uji', type: 'DISTRIBUTOR', regency: 'Kota Bekasi', province: 'Jawa Barat', gln, latitude: -6.24, longitude: 106.99 } },
      admin,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.createFacility).toMatchObject({ name: 'Gudang Cabang Bekasi Uji', type: 'DISTRIBUTOR', gln, regency: 'Kota Bekasi' });
    const found = await server.gql(`query($s: String) { facilities(search: $s) { id } }`, { s: 'Cabang Bekasi' }, tokens.apotek);
    expect(found.data.facilities).toEqual([{ id: result.data.createFacility.id }]);
    const distributors = await server.gql(`{ facilities(type: DISTRIBUTOR) { name gln } }`, {}, orgs.pbf.token);
    expect(distributors.data.facilities).toContainEqual({ name: 'Gudang Cabang Bekasi Uji', gln });
  });

  it('lets an organisation’s administrator add one to its own organisation only', async () => {
    const own = await server.gql(CREATE, { i: { name: 'Apotek Cabang Sidoarjo Uji' } }, orgs.apotek.token);
    expect(own.errors).toBeUndefined();
    expect(own.data.createFacility.type).toBe('PHARMACY');
    for (const organizationId of [orgs.pbf.id, demoPbf]) {
      const other = await server.gql(CREATE, { i: { organizationId, name: 'Bukan milik apotek' } }, orgs.apotek.token);
      expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const supervisor = await server.gql(CREATE, { i: { organizationId: orgs.pbf.id, name: 'Bukan tugas pengawas' } }, tokens.bpom);
    expect(supervisor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { data } = await server.gql(`query($s: String) { facilities(search: $s) { id } }`, { s: 'Bukan ' }, admin);
    expect(data.facilities).toEqual([]);
  });

  it('names what is wrong: the GLN’s length, its check digit, a GLN in use, a type that does not fit, a missing name or organisation', async () => {
    const used = freshGln();
    expect((await server.gql(CREATE, { i: { organizationId: orgs.pbf.id, name: 'Gudang dengan GLN', gln: used } }, admin)).errors).toBeUndefined();
    const wrongDigit = `${used.slice(0, 12)}${(Number(used[12]) + 1) % 10}`;
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ name: 'A', gln: '899123' }, 'BAD_USER_INPUT', /gln "899123" must be 13 digits/],
      [{ name: 'A', gln: wrongDigit }, 'BAD_USER_INPUT', new RegExp(`gln ${wrongDigit} has a wrong check digit: the last digit should be ${used[12]}`)],
      [{ name: 'A', gln: used }, 'CONFLICT', new RegExp(`GLN ${used} is already the GLN of Gudang dengan GLN`)],
      [{ name: 'A', type: 'PHARMACY' }, 'BAD_USER_INPUT', /type PHARMACY does not fit: a facility of .* is a DISTRIBUTOR facility/],
      [{ name: '  ' }, 'BAD_USER_INPUT', /name/],
    ];
    for (const [input, code, message] of cases) {
      const result = await server.gql(CREATE, { i: { organizationId: orgs.pbf.id, ...input } }, admin);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(input)).toBe(code);
      expect(result.errors?.[0]?.message).toMatch(message);
    }
    const missing = await server.gql(CREATE, { i: { organizationId: '00000000-0000-4000-8000-000000000000', name: 'A' } }, admin);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const { data } = await server.gql(`query($s: String) { facilities(search: $s) { name } }`, { s: 'Gudang dengan GLN' }, admin);
    expect(data.facilities).toHaveLength(1);
  });
});
