import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, startTestServer, type TestServer } from './harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const PARSE = `query($t: String!) { parseBarcode(text: $t) { valid profile elements { ai value } gtin nie batch expiry serial sscc bracketed raw digitalLink errors { code message ai } } }`;

describe('parseBarcode (public)', () => {
  it('reads the seed’s BPOM example without a login', async () => {
    const { data, errors } = await server.gql(PARSE, { t: '(90)DBL0204127763A1(10)try019(17)250810(21)P000000000002713(91)21' });
    expect(errors).toBeUndefined();
    expect(data.parseBarcode).toMatchObject({
      valid: true,
      profile: 'BPOM',
      nie: 'DBL0204127763A1',
      batch: 'try019',
      expiry: '2025-08-10',
      serial: 'P000000000002713',
      gtin: null,
      digitalLink: null,
      errors: [],
    });
    expect(data.parseBarcode.raw).toBe('90DBL0204127763A1\x1d10try019\x1d17250810' + '21P000000000002713\x1d9121');
  });

  it('gives a Digital Link for a GS1 code read from scanner data', async () => {
    const { data } = await server.gql(PARSE, { t: ']d201089970010000111728063010AMX2501\x1d210347B22C4468622' });
    expect(data.parseBarcode).toMatchObject({ valid: true, profile: 'GS1', gtin: '08997001000011', expiry: '2028-06-30' });
    expect(data.parseBarcode.digitalLink).toBe('https://id.gs1.org/01/08997001000011/10/AMX2501/21/0347B22C4468622?17=280630');
  });

  it.each([
    ['a bad check digit', '(01)08997001000012(21)X', 'BAD_CHECK_DIGIT'],
    ['a bad date', '(90)DBL0204127763A1(10)A(17)251300(21)X', 'BAD_DATE'],
    ['a serial without a product key', '(21)ABC', 'MISSING_REQUIRED_AI'],
    ['an unknown AI', '(99999)1', 'SYNTAX'],
  ])('explains %s', async (_what, text, code) => {
    const { data } = await server.gql(PARSE, { t: text });
    expect(data.parseBarcode.valid).toBe(false);
    expect(data.parseBarcode.errors.map((e: { code: string }) => e.code)).toContain(code);
  });

  it('refuses text far longer than any barcode', async () => {
    expect(codesOf(await server.gql(PARSE, { t: 'x'.repeat(5000) }))).toEqual(['BAD_USER_INPUT']);
  });
});
