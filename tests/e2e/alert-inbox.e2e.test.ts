import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activate, freshBatch, freshNie, gqlOk, loginAll } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { PBF, PHONE, SCREENSHOTS, facilityId, move, overflowing, shot, sidewaysTables, signedInTab } from '../support/work.js';
import { startSystem, type RunningSystem } from '../support/system.js';

let system: RunningSystem;
let browser: Browser;
let tokens: { industri: string; bpom: string; pbf: string; apotek: string };
let batch: string;
let grouped: string[];
const SINGLE_ALERTS = 26;

/** A fresh product's request of `quantity` units, approved: every unit code. */
async function unitCodes(quantity: number, nie: string, name: string): Promise<string[]> {
  const url = system.url;
  await gqlOk(url, `mutation($i: ProductInput!) { createProduct(input: $i) { id } }`, { i: { nie, name, form: 'Tablet', packaging: 'Dus' } }, tokens.industri);
  const { requestCodes } = await gqlOk(url, `mutation($i: CodeRequestInput!) { requestCodes(input: $i) { id } }`, { i: { nie, batch, expiry: '2029-06-30', quantity } }, tokens.industri);
  await gqlOk(url, `mutation($id: ID!) { approveCodeRequest(id: $id) { status } }`, { id: requestCodes.id }, tokens.bpom);
  const { codeRequest } = await gqlOk(url, `query($id: ID!) { codeRequest(id: $id) { codes(first: 100) { edges { node { text level } } } } }`, { id: requestCodes.id }, tokens.industri);
  return codeRequest.codes.edges.map((edge: { node: { text: string; level: string } }) => edge.node).filter((node: { level: string }) => node.level === 'UNIT').map((node: { text: string }) => node.text);
}

/** The pharmacy tries to receive `codes` that travel to the distributor: each call one refusal, one alert. */
async function mistakenReceipt(codes: string[]) {
  const { receive } = await gqlOk(system.url, `mutation($c: [String!]!) { receive(codes: $c) { accepted rejected { reason } } }`, { c: codes }, tokens.apotek);
  expect(receive.rejected.map((r: { reason: string }) => r.reason)).toEqual(codes.map(() => 'NOT_SHIPPED_TO_YOU'));
}

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  system = await startSystem();
  tokens = await loginAll(system.url, ['industri', 'bpom', 'pbf', 'apotek']);
  batch = freshBatch();
  const nie = freshNie();
  const codes = await unitCodes(5 + SINGLE_ALERTS, nie, `Amoksisilin Kapsul Uji Dengan Nama Produk Yang Sangat Panjang ${nie.slice(3, 8)}`);
  await activate(system.url, tokens.industri, codes);
  await move(system.url, tokens.industri, 'ship', codes, await facilityId(system.url, tokens.industri, PBF));
  grouped = codes.slice(0, 5);
  await mistakenReceipt(grouped);
  for (const code of codes.slice(5)) await mistakenReceipt([code]);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

const rows = (page: Page) => page.locator('#alerts-list tbody tr');

/** Every code cell of the list holds its code on one line. */
async function codesOnOneLine(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('#alerts-list .code-line'))
      .filter((code) => code.getBoundingClientRect().height > parseFloat(getComputedStyle(code).lineHeight) * 1.5)
      .map((code) => code.textContent ?? ''),
  );
}

describe('the alert inbox', () => {
  it('pages, filters, groups a receipt’s codes, and closes a page of alerts at once', async () => {
    const { context, page, errors } = await signedInTab(browser, tokens.bpom);
    try {
      await page.goto(new URL(`/alerts?batch=${batch}`, system.url).toString());
      await page.getByRole('heading', { level: 1, name: 'Peringatan dan pengaduan' }).waitFor();
      await page.getByText(`${SINGLE_ALERTS + 1} peringatan · halaman 1`).waitFor();
      expect(await rows(page).count()).toBe(25);
      expect(await sidewaysTables(page)).toEqual([]);
      expect(await overflowing(page, {})).toEqual([]);
      expect(await codesOnOneLine(page)).toEqual([]);
      // A long product name is cut on one line, the whole name on hover.
      const product = rows(page).first().locator('td[data-label="Produk, bets, fasilitas"] .cell-value');
      expect(await product.getAttribute('title')).toContain('Amoksisilin Kapsul Uji Dengan Nama Produk Yang Sangat Panjang');
      await shot(page, 'alerts-inbox');

      await page.getByRole('button', { name: 'Berikutnya' }).click();
      await page.getByText(`${SINGLE_ALERTS + 1} peringatan · halaman 2`).waitFor();
      await expect.poll(() => rows(page).count()).toBe(2);
      // The oldest is the receipt of five codes: one alert, seen five times.
      const first = rows(page).filter({ hasText: '5 kali' });
      expect(await first.count()).toBe(1);
      await first.getByRole('link', { name: 'Penerimaan barang yang tidak dikirim kepadanya' }).click();
      const evidence = page.locator('.evidence li');
      await expect.poll(() => evidence.count()).toBe(5);
      expect(await evidence.first().innerText()).toContain('Fasilitas mencoba menerima kemasan yang tidak dikirim kepadanya.');
      // Never the server's English wording.
      expect(await page.locator('.evidence').innerText()).not.toMatch(/not shipped|was shipped|shipped to/i);
      await shot(page, 'alerts-inbox-detail');
      // In English, the same evidence in the dashboard's English words.
      await page.locator('.language-switch').getByRole('button', { name: /^EN/ }).click();
      await page.getByText('A facility tried to receive a pack not shipped to it.').first().waitFor();
      expect(await page.locator('.evidence').innerText()).not.toContain('Fasilitas mencoba');
      await shot(page, 'alerts-inbox-detail-en');
      await page.locator('.language-switch').getByRole('button', { name: /^ID/ }).click();
      await page.getByRole('button', { name: 'Sebelumnya' }).click();
      await page.getByText(`${SINGLE_ALERTS + 1} peringatan · halaman 1`).waitFor();

      // Filters: a reason that does not match leaves nothing; the right one brings them back.
      await page.getByLabel('Alasan').selectOption({ label: 'Dugaan kode disalin' });
      await page.getByRole('button', { name: 'Terapkan' }).click();
      await page.getByText('Tidak ada peringatan yang cocok dengan saringan ini.').waitFor();
      await page.getByLabel('Alasan').selectOption({ label: 'Penerimaan barang yang tidak dikirim kepadanya' });
      await page.getByLabel('Fasilitas', { exact: true }).selectOption({ label: 'Apotek Sehat Sentosa Surabaya' });
      await page.getByRole('button', { name: 'Terapkan' }).click();
      await page.getByText(`${SINGLE_ALERTS + 1} peringatan · halaman 1`).waitFor();

      // Select the page, take it, then close it in one action.
      await page.locator('thead').getByLabel('Pilih semua peringatan di halaman ini').check();
      await page.getByText('25 dipilih').waitFor();
      await shot(page, 'alerts-inbox-bulk');
      await page.locator('.bulk-bar').getByRole('button', { name: 'Tangani sendiri' }).click();
      await page.getByText('25 peringatan ditugaskan.').waitFor();
      // Taken alerts leave the new ones; they are found under those being worked.
      await page.getByText('2 peringatan · halaman 1').waitFor();
      await page.getByLabel('Tampilkan').selectOption({ label: 'Peringatan yang sedang ditangani' });
      await page.getByRole('button', { name: 'Terapkan' }).click();
      await page.getByText('25 peringatan · halaman 1').waitFor();
      await page.locator('thead').getByLabel('Pilih semua peringatan di halaman ini').check();
      await page.locator('.bulk-bar').getByLabel('Kesimpulan').selectOption({ label: 'Penyimpangan distribusi' });
      await page.locator('.bulk-bar').getByLabel('Catatan penutupan').fill('Salah kirim massal, sudah diperbaiki.');
      await page.getByRole('button', { name: 'Tutup 25 peringatan' }).click();
      await page.getByText('25 peringatan ditutup: Penyimpangan distribusi.').waitFor();
      await page.getByText('0 peringatan · halaman 1').waitFor();

      const closed = await gqlOk(
        system.url,
        `query($f: AlertFilterInput) { alertConnection(first: 50, filter: $f) { totalCount edges { node { resolution assignee { email } } } } }`,
        { f: { batch, status: 'CLOSED' } },
        tokens.bpom,
      );
      expect(closed.alertConnection.totalCount).toBe(25);
      expect(closed.alertConnection.edges.every((edge: any) => edge.node.resolution === 'DIVERTED' && edge.node.assignee.email === 'bpom@demo.test')).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('fits a 360-px phone: rows as cards, nothing sideways', async () => {
    const { context, page, errors } = await signedInTab(browser, tokens.bpom, PHONE);
    try {
      await page.goto(new URL(`/alerts?status=all&batch=${batch}`, system.url).toString());
      await page.getByText(`${SINGLE_ALERTS + 1} peringatan · halaman 1`).waitFor();
      // (The table's header is hidden on a phone, clipped to nothing: allowed to stick out.)
      expect(await overflowing(page)).toEqual([]);
      expect(await sidewaysTables(page)).toEqual([]);
      await shot(page, 'alerts-inbox-phone');
      // The header's select-all box is hidden with the header; the one above the cards selects the page.
      await page.locator('.select-all-phone').getByLabel('Pilih semua peringatan di halaman ini').check();
      await page.getByText('25 dipilih').waitFor();
      expect(await overflowing(page)).toEqual([]);
      await shot(page, 'alerts-inbox-bulk-phone');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
