import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBatch, freshNie, gqlOk, loginAll } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { PHONE, SCREENSHOTS, overflowing, shot, sidewaysTables, signedInTab, uploadCsv, waitForState, type Tab } from '../support/work.js';
import { startSystem, type RunningSystem } from '../support/system.js';

let system: RunningSystem;
let browser: Browser;
let tab: Tab;
let tokens: { industri: string; bpom: string };
const product = { nie: '', name: '' };

/** An approved request of `quantity` units of the test product: its id and its codes. */
async function request(quantity: number, unitsPerCase?: number) {
  const batch = freshBatch();
  const { requestCodes } = await gqlOk(system.url, `mutation($i: CodeRequestInput!) { requestCodes(input: $i) { id } }`, { i: { nie: product.nie, batch, expiry: '2029-08-31', quantity, unitsPerCase } }, tokens.industri);
  await gqlOk(system.url, `mutation($id: ID!) { approveCodeRequest(id: $id) { status } }`, { id: requestCodes.id }, tokens.bpom);
  return { id: requestCodes.id as string, batch };
}

async function download(id: string, format: 'csv' | 'xml') {
  const response = await fetch(new URL(`/api/code-requests/${id}/codes.${format}`, system.url), { headers: { authorization: `Bearer ${tokens.industri}` } });
  expect(response.status).toBe(200);
  return response.text();
}

async function statuses(id: string): Promise<string[]> {
  const { codeRequest } = await gqlOk(system.url, `query($id: ID!) { codeRequest(id: $id) { codes(first: 200) { edges { node { text level } } } } }`, { id }, tokens.industri);
  const units = codeRequest.codes.edges.map((edge: { node: { text: string; level: string } }) => edge.node).filter((node: { level: string }) => node.level === 'UNIT');
  return Promise.all(
    units.map(async (unit: { text: string }) => (await gqlOk(system.url, `query($c: String!) { pack(code: $c) { status } }`, { c: unit.text }, tokens.industri)).pack.status as string),
  );
}

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  system = await startSystem();
  tokens = await loginAll(system.url, ['industri', 'bpom']);
  product.nie = freshNie();
  product.name = `Parasetamol Uji ${product.nie.slice(3, 8)}`;
  await gqlOk(system.url, `mutation($i: ProductInput!) { createProduct(input: $i) { id } }`, { i: { nie: product.nie, name: product.name, form: 'Tablet', packaging: 'Dus' } }, tokens.industri);
  browser = await launchBrowser();
  tab = await signedInTab(browser, tokens.industri);
});

afterAll(async () => {
  await tab?.context.close();
  await browser?.close();
  await system?.stop();
});

describe('activation from Jejak’s own files and of a whole request', () => {
  it('takes the issued-codes CSV as downloaded', async () => {
    const { id } = await request(4);
    const { page } = tab;
    await page.goto(new URL('/activate', system.url).toString());
    await page.getByRole('heading', { level: 1, name: 'Aktivasi kode' }).waitFor();
    await uploadCsv(page, `jejak-${product.nie}.csv`, await download(id, 'csv'));
    await waitForState(page, 'accepted', 4);
    expect(await page.getByText('File ini tidak memiliki baris judul kolom.').count()).toBe(0);
    expect(await statuses(id)).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE']);
  });

  it('clears an earlier file’s error once a later attempt goes through', async () => {
    const { page } = tab;
    await page.getByRole('button', { name: 'Mulai daftar baru' }).click();
    await uploadCsv(page, 'kosong.csv', '\n');
    await page.getByText('File ini tidak berisi baris data.').waitFor();
    const { id } = await request(1);
    const code = (await download(id, 'csv')).split('\n')[1]!.split(',')[3]!.replace(/"/g, '');
    const field = page.getByLabel('Kode (pemindai USB atau ketik)');
    await field.fill(code);
    await field.press('Enter');
    await waitForState(page, 'accepted', 1);
    expect(await page.getByText('File ini tidak berisi baris data.').count()).toBe(0);
  });

  it('takes the issued-codes XML as downloaded', async () => {
    const { id } = await request(3);
    const { page } = tab;
    await page.getByRole('button', { name: 'Mulai daftar baru' }).click();
    const field = page.getByLabel('Unggah file CSV');
    await (await field.elementHandle())!.waitForElementState('enabled');
    await field.setInputFiles({ name: `jejak-${product.nie}.xml`, mimeType: 'application/xml', buffer: Buffer.from(await download(id, 'xml')) });
    await waitForState(page, 'accepted', 3);
    expect(await statuses(id)).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE']);
  });

  it('activates every code of a request in one action, with progress, and a second run starts clean', async () => {
    const { id, batch } = await request(12, 5);
    const { page } = tab;
    await page.goto(new URL(`/activate?request=${id}`, system.url).toString());
    const section = page.locator('.activate-request');
    await section.getByLabel('Permintaan kode').selectOption({ value: id });
    expect(await section.getByLabel('Permintaan kode').locator('option:checked').innerText()).toContain(`bets ${batch}`);
    await section.getByRole('button', { name: 'Aktifkan semua kode permintaan ini' }).click();
    await section.getByText(/^Selesai: \d+ kode diaktifkan \(12 unit\)/).waitFor();
    await section.getByText('15 dari 15 kode sudah diproses').waitFor();
    expect(await statuses(id)).toEqual(Array(12).fill('ACTIVE'));
    await shot(page, 'activate-request');

    // Again: nothing left; the earlier message is gone, not left beside the new one.
    await section.getByRole('button', { name: 'Aktifkan semua kode permintaan ini' }).click();
    await section.getByText('Selesai: 0 kode diaktifkan (0 unit), 0 ditolak.').waitFor();
    expect(await section.getByText(/\(12 unit\)/).count()).toBe(0);
    expect(await section.locator('.alert').count()).toBe(1);
    expect(await overflowing(page, {})).toEqual([]);
    expect(await sidewaysTables(page)).toEqual([]);

    await page.setViewportSize(PHONE.viewport!);
    await page.waitForTimeout(300);
    expect(await overflowing(page)).toEqual([]);
    await shot(page, 'activate-request-phone');
    expect(tab.errors).toEqual([]);
  });
});
