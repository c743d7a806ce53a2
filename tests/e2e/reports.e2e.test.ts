import { mkdir, readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activate, freshBatch, freshNie, gqlOk, issueCodes, loginAll } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { SCREENSHOTS, downTheChain, loggedIn, screenshots } from '../support/work.js';
import { startSystem, type RunningSystem } from '../support/system.js';

let system: RunningSystem;
let browser: Browser;
let tokens: { industri: string; bpom: string; pbf: string; apotek: string };
const product = { nie: '', name: '' };
let batch: string;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  system = await startSystem();
  const url = system.url;
  tokens = await loginAll(url, ['industri', 'bpom', 'pbf', 'apotek']);
  product.nie = freshNie();
  product.name = `Captopril Uji ${product.nie.slice(3, 8)}`;
  batch = freshBatch();
  const units = (await issueCodes(url, tokens, { nie: product.nie, name: product.name }, { batch, expiry: '2029-03-31', quantity: 5 })).map((unit) => unit.text);
  await activate(url, tokens.industri, units);
  await downTheChain(url, tokens, units, { toPharmacy: 3, dispensed: 1 });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

/** Clicks a CSV button and returns the file's text (without the byte-order mark). */
async function downloadCsv(page: Page, name: RegExp): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).first().click()]);
  const file = await download.path();
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  return (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
}

describe('reports for BPOM', () => {
  it('realisation drills down from an industry to its products, a batch and the facilities holding it, and exports CSV', async () => {
    const { context, page, errors } = await loggedIn(browser, system.url, 'bpom@demo.test');
    try {
      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Realisasi' }).click();
      await page.getByRole('heading', { level: 1, name: 'Realisasi' }).waitFor();
      await page.getByRole('link', { name: 'PT Sehat Farma Indonesia' }).or(page.getByRole('link', { name: /Sehat Farma/ })).first().click();
      await page.getByRole('heading', { name: 'Realisasi per Produk' }).waitFor();
      await page.getByRole('link', { name: product.name }).click();
      await page.getByRole('heading', { name: 'Realisasi per Bets' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: batch });
      // issued, released, shipped by the manufacturer, received into distribution, shipped on, received at a point of
      // dispensing, dispensed: each after the first with its share of the stage before.
      expect((await row.innerText()).replace(/\s+/g, ' ')).toContain(`${batch} 5 5 100% 5 100% 5 100% 3 60% 3 100% 1 33%`);
      // Stage names say what happens, not who does it; points of dispensing include hospitals and Puskesmas.
      const header = (await page.getByRole('row').first().textContent() ?? '').replace(/\s+/g, ' ');
      expect(header).toContain('Diterima di titik penyerahan');
      expect(header).not.toMatch(/apotek|PBF/i);
      const steps = page.getByRole('region', { name: 'Konversi antartahap' });
      expect((await steps.locator('li[data-stage="shippedByDistributor"]').innerText()).replace(/\s+/g, ' ')).toBe('60% Dikirim penyalur dari Diterima penyalur');
      expect((await steps.locator('li[data-stage="overall"]').innerText()).replace(/\s+/g, ' ')).toBe('20% Diserahkan kepada pasien dari yang dilepas ke peredaran');
      await steps.getByText(/rumah sakit, dan Puskesmas/).waitFor();
      expect(await screenshots(page, 'report-realisation')).toEqual([]);
      await row.getByRole('link', { name: batch }).click();
      const holders = page.locator('#holders-title').locator('..').locator('..');
      await holders.getByText('Gudang PBF Nusantara Jakarta Timur').waitFor();
      expect(await holders.innerText()).toContain('Apotek Sehat Sentosa Surabaya');
      await page.getByText(/^Data per /).first().waitFor();
      const csv = await downloadCsv(page, /Unduh CSV: Realisasi/);
      const lines = csv.trim().split('\r\n');
      expect(lines[0]).toMatch(/^Kunci,Bets,Kode diterbitkan,Dilepas ke peredaran,Dikirim produsen ke penyalur,Diterima penyalur,Dikirim penyalur,Diterima di titik penyerahan,Diserahkan kepada pasien,% Dilepas ke peredaran dari Kode diterbitkan,/);
      expect(lines[1]).toMatch(new RegExp(`^${product.nie}/${batch},.*${batch}.*,5,5,5,5,3,3,1,100,100,100,60,100,33.3$`));
      // The same numbers through GraphQL.
      const api = await gqlOk(system.url, `query($f: ReportFilter) { realisation(groupBy: BATCH, filter: $f) { issued dispensed } }`, { f: { nie: product.nie, batch } }, tokens.bpom);
      expect(api.realisation).toEqual([{ issued: 5, dispensed: 1 }]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('goods in and out, stock, consumption: each opens, filters by product and exports what it shows', async () => {
    const { context, page, errors } = await loggedIn(browser, system.url, 'bpom@demo.test');
    try {
      await page.goto(new URL(`/reports/goods-flow?nie=${product.nie}`, system.url).toString());
      await page.getByRole('heading', { level: 1, name: 'Barang masuk & keluar' }).waitFor();
      const out = page.locator('#flow-out-title').locator('..').locator('..');
      await out.getByText('Apotek Sehat Sentosa Surabaya').waitFor();
      expect(await screenshots(page, 'report-goods-flow')).toEqual([]);
      const flowCsv = await downloadCsv(page, /Unduh CSV: Barang keluar/);
      expect(flowCsv).toContain(`Gudang PBF Nusantara Jakarta Timur,Apotek Sehat Sentosa Surabaya,${product.nie},${product.name},${batch},3`);

      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Stok & kedaluwarsa' }).click();
      await page.getByRole('heading', { level: 1, name: 'Stok' }).waitFor();
      await page.getByLabel('Produk (NIE)').fill(product.nie);
      await page.getByRole('button', { name: 'Terapkan' }).click();
      const stock = page.locator('#stock-title').locator('..').locator('..');
      // The filtered row (other products' rows may still show until the filtered answer arrives).
      await stock.getByRole('row').filter({ hasText: 'Apotek Sehat Sentosa Surabaya' }).filter({ hasText: product.name }).waitFor();
      expect(await screenshots(page, 'report-stock')).toEqual([]);
      const stockCsv = await downloadCsv(page, /Unduh CSV: Stok$/);
      expect(stockCsv).toContain(`Apotek Sehat Sentosa Surabaya,Kota Surabaya,Jawa Timur,${product.nie},${product.name},${batch},2029-03-31,2,`);
      await page.getByLabel('Rincian per').selectOption('PROVINCE');
      await stock.getByRole('row').filter({ hasText: 'Jawa Timur' }).waitFor();

      await page.goto(new URL(`/reports/consumption?nie=${product.nie}`, system.url).toString());
      await page.getByRole('heading', { level: 1, name: 'Konsumsi per wilayah' }).waitFor();
      await page.getByRole('row').filter({ hasText: 'Jawa Timur' }).waitFor();
      expect(await page.locator('.recharts-line').count()).toBeGreaterThan(0);
      expect(await screenshots(page, 'report-consumption')).toEqual([]);
      const consumptionCsv = await downloadCsv(page, /Unduh CSV: Konsumsi/);
      expect(consumptionCsv).toMatch(new RegExp(`\\d{4}-\\d{2},,Jawa Timur,${product.nie},${product.name},1`));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
