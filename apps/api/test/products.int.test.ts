import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, startTestServer, type TestServer } from './harness.js';
import { demoTokens, freshNie, type Tokens } from './lifecycle-helpers.js';

let server: TestServer;
let tokens: Tokens;
beforeAll(async () => {
  server = await startTestServer();
  tokens = await demoTokens(server);
});
afterAll(async () => {
  await server?.close();
});

const LIST = `query($s: String) { products(search: $s) { nie name brand gtin registrant { name } } }`;

describe('products', () => {
  it('lists the register: a manufacturer its own products, others all, searchable by NIE, name or brand', async () => {
    const mine = await server.gql(LIST, {}, tokens.industri);
    expect(mine.data.products.map((p: any) => p.nie)).toContain('DKL2104012310A1');
    expect(mine.data.products.every((p: any) => p.registrant.name === 'PT Sehat Farma Indonesia')).toBe(true);
    const byBrand = await server.gql(LIST, { s: 'amoks' }, tokens.apotek);
    expect(byBrand.data.products.map((p: any) => p.nie)).toEqual(['DKL2104012310A1']);
    expect((await server.gql(LIST, { s: '%' }, tokens.bpom)).data.products).toEqual([]);
  });

  it('lets only the registrant change master data, and never a GTIN in use', async () => {
    const nie = freshNie();
    await server.gql(`mutation($n: String!) { createProduct(input: { nie: $n, name: "Lama" }) { id } }`, { n: nie }, tokens.industri);
    const UPDATE = `mutation($n: String!, $i: ProductUpdateInput!) { updateProduct(nie: $n, input: $i) { name strength gtin brand } }`;
    const changed = await server.gql(UPDATE, { n: nie, i: { name: 'Baru', strength: '250 mg', gtin: '08997001000202' } }, tokens.industri);
    expect(changed.data.updateProduct).toEqual({ name: 'Baru', strength: '250 mg', gtin: '08997001000202', brand: null });
    expect(codesOf(await server.gql(UPDATE, { n: nie, i: { gtin: '08997001000219' } }, tokens.industri))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await server.gql(UPDATE, { n: nie, i: { name: '' } }, tokens.industri))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await server.gql(UPDATE, { n: nie, i: { name: 'X' } }, tokens.pbf))).toEqual(['FORBIDDEN']);
    expect(codesOf(await server.gql(UPDATE, { n: 'DKL0000000000X9', i: { name: 'X' } }, tokens.industri))).toEqual(['NOT_FOUND']);
  });
});
