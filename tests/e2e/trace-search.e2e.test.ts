import { mkdir, readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activate, freshBatch, freshNie, issueCodes, loginAll } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { PBF, PHONE, SCREENSHOTS, downTheChain, overflowing, shot, sidewaysTables, signedInTab } from '../support/work.js';
import { startSystem, type RunningSystem } from '../support/system.js';

let system: RunningSystem;
let browser: Browser;
let tokens: { industri: string; bpom: string; pbf: string; apotek: string };
let batch: string;
let codes: string[];

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  system = await startSystem();
  tokens = await loginAll(system.url, ['industri', 'bpom', 'pbf', 'apotek']);
  batch = freshBatch();
  const nie = freshNie();
  const units = await issueCodes(system.url, tokens, { nie, name: `Simvastatin Uji ${nie.slice(3, 8)}`, form: 'Tablet', packaging: 'Dus' }, { batch, expiry: '2029-06-30', quantity: 4 });
  codes = units.map((unit) => unit.text);
  await activate(system.url, tokens.industri, codes);
  await downTheChain(system.url, tokens, codes, { toPharmacy: 2, dispensed: 1 });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

describe('trace search and export', () => {
  it('finds a batch’s packs at a facility, opens one, and exports who did what and when', async () => {
    const { context, page, errors } = await signedInTab(browser, tokens.bpom);
    try {
      await page.goto(new URL('/trace', system.url).toString());
      await page.getByRole('heading', { level: 1, name: 'Telusur kode' }).waitFor();
      await page.getByText('Cari menurut produk, bets, fasilitas, dan tanggal').click();
      const form = page.getByRole('form', { name: 'Cari menurut produk, bets, fasilitas, dan tanggal' });
      await form.getByRole('button', { name: 'Cari' }).click();
      await form.getByText('Pilih produk, isi bets, atau pilih fasilitas.').waitFor();
      await form.getByLabel('Bets').fill(batch);
      await form.getByRole('button', { name: 'Cari' }).click();
      await page.getByText('Halaman 1: 4 kemasan').waitFor();
      // Narrowed to the distributor: all four passed through it.
      await form.getByLabel('Fasilitas').selectOption({ label: PBF });
      await form.getByRole('button', { name: 'Cari' }).click();
      await page.getByText('Halaman 1: 4 kemasan').waitFor();
      expect(await sidewaysTables(page)).toEqual([]);
      expect(await overflowing(page, {})).toEqual([]);
      await shot(page, 'trace-search');

      const results = page.locator('#trace-search-results-title').locator('..').locator('..');
      await results.locator('tbody tr').filter({ hasText: 'Sudah diserahkan kepada pasien' }).getByRole('button').click();
      await page.getByRole('heading', { name: 'Riwayat' }).waitFor();
      const timeline = page.locator('.timeline-item');
      await expect.poll(() => timeline.count()).toBe(6);
      expect(await timeline.first().innerText()).toContain('dilaporkan oleh Dewi Lestari (industri@demo.test)');
      // The search stays in the address while the trace is open.
      expect(new URL(page.url()).searchParams.get('batch')).toBe(batch);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh riwayat (CSV)' }).click()]);
      const csv = await readFile(await download.path(), 'utf8');
      const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
      expect(lines[0]).toBe('Langkah,Kejadian,Waktu kejadian,Waktu dicatat,Fasilitas,Pihak lain,Dilaporkan oleh,Cara,Alasan,Kode wadah,Kode kemasan,ID kejadian');
      expect(lines).toHaveLength(7);
      expect(lines[1]).toContain('Diaktivasi');
      expect(lines[6]).toContain('Diserahkan kepada pasien');
      expect(lines[6]).toContain('apotek@demo.test');
      await shot(page, 'trace-export');

      await page.setViewportSize(PHONE.viewport!);
      await page.waitForTimeout(300);
      expect(await overflowing(page)).toEqual([]);
      await shot(page, 'trace-export-phone');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
