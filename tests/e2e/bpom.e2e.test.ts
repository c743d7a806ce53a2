import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activate, freshBatch, freshNie, gqlOk, issueCodes, loginAll, type IssuedCode } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { SCREENSHOTS, downTheChain, facilityId, loggedIn, move, screenshots } from '../support/work.js';
import { startSystem, type RunningSystem } from '../support/system.js';

let system: RunningSystem;
let browser: Browser;
let tokens: { industri: string; bpom: string; pbf: string; apotek: string };
const product = { nie: '', name: '' };
let batch: string;
let dispensed: IssuedCode;
/** Left at the distributor. */
let lastUnit: IssuedCode;
/** A request waiting for BPOM, made through the API as the manufacturer would. */
let pendingBatch: string;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  system = await startSystem();
  const url = system.url;
  tokens = await loginAll(url, ['industri', 'bpom', 'pbf', 'apotek']);

  product.nie = freshNie();
  product.name = `Metformin Uji ${product.nie.slice(3, 8)}`;
  batch = freshBatch();
  const units = await issueCodes(url, tokens, { nie: product.nie, name: product.name, form: 'Tablet', packaging: 'Dus, 10 strip' }, { batch, expiry: '2029-06-30', quantity: 4 });
  dispensed = units[0]!;
  lastUnit = units[3]!;
  const codes = units.map((unit) => unit.text);
  await activate(url, tokens.industri, codes);
  await downTheChain(url, tokens, codes, { toPharmacy: 3, dispensed: 1 });

  pendingBatch = freshBatch();
  await gqlOk(url, `mutation($i: CodeRequestInput!) { requestCodes(input: $i) { id } }`, { i: { nie: product.nie, batch: pendingBatch, expiry: '2030-01-31', quantity: 20, unitsPerCase: 10 } }, tokens.industri);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

describe('BPOM supervision screens', () => {
  it('approves a pending code request', async () => {
    const { context, page, errors } = await loggedIn(browser, system.url, 'bpom@demo.test');
    try {
      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Persetujuan kode' }).click();
      await page.getByRole('heading', { level: 1, name: 'Persetujuan permintaan kode' }).waitFor();
      const approve = page.getByRole('button', { name: `Setujui permintaan ${product.name} bets ${pendingBatch}` });
      await approve.waitFor();
      expect(await screenshots(page, 'bpom-approvals')).toEqual([]);
      await approve.click();
      await page.getByText(`Permintaan ${product.name} bets ${pendingBatch} disetujui`).waitFor();
      await approve.waitFor({ state: 'detached' });
      const requests = await gqlOk(system.url, `{ codeRequests(status: ISSUED, first: 20) { batch status } }`, {}, tokens.bpom);
      expect(requests.codeRequests.map((r: { batch: string }) => r.batch)).toContain(pendingBatch);
      // Decided requests are listed with their decision.
      await page.getByLabel('Tampilkan').selectOption('ISSUED');
      await page.getByRole('cell', { name: pendingBatch }).first().waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('traces a dispensed pack and sees every step, its parent-free tree and its path', async () => {
    const { context, page, errors } = await loggedIn(browser, system.url, 'bpom@demo.test');
    try {
      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Telusur kode' }).click();
      await page.getByRole('heading', { level: 1, name: 'Telusur kode' }).waitFor();
      const field = page.getByLabel('Kode kemasan, dus, atau palet');
      await field.fill(dispensed.text);
      await field.press('Enter');
      const timeline = page.locator('ol.timeline');
      await timeline.waitFor();
      const steps = (await timeline.locator('li').allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
      expect(steps).toHaveLength(6);
      const kinds = ['Diaktivasi', 'Dikirim', 'Diterima', 'Dikirim', 'Diterima', 'Diserahkan kepada pasien'];
      kinds.forEach((kind, index) => expect(steps[index]).toContain(kind));
      expect(steps[1]).toContain('ke Gudang PBF Nusantara Jakarta Timur');
      expect(steps[4]).toContain('Apotek Sehat Sentosa Surabaya');
      // The pack: dispensed, its product; the graph names the three facilities in order.
      const pack = page.locator('#trace-pack-title').locator('..').locator('..');
      expect(await pack.innerText()).toContain('Sudah diserahkan kepada pasien');
      expect(await pack.innerText()).toContain(product.name);
      const graph = await page.locator('.trace-graph svg').getAttribute('aria-label');
      expect(graph).toMatch(/mengirim ke Gudang PBF Nusantara Jakarta Timur.*mengirim ke Apotek Sehat Sentosa Surabaya/);
      expect(await page.locator('.trace-graph .trace-node').count()).toBe(3);
      expect(await page.locator('.trace-graph .trace-edge').count()).toBe(2);
      expect(new URL(page.url()).searchParams.get('code')).toContain(product.nie);
      expect(await screenshots(page, 'bpom-trace')).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('starts a recall and follows where the units are', async () => {
    const { context, page, errors } = await loggedIn(browser, system.url, 'bpom@demo.test');
    try {
      await page.goto(new URL('/recalls', system.url).toString());
      await page.getByRole('heading', { level: 1, name: 'Penarikan obat' }).waitFor();
      await page.getByLabel('Cari produk').fill(product.nie);
      const products = page.getByLabel('Produk', { exact: true });
      await products.locator(`option[value="${product.nie}"]`).waitFor({ state: 'attached' });
      await products.selectOption(product.nie);
      const batches = page.getByLabel('Nomor bets');
      await batches.locator(`option[value="${batch}"]`).waitFor({ state: 'attached' });
      await batches.selectOption(batch);
      await page.getByLabel('Kelas penarikan').selectOption('I');
      await page.getByLabel('Alasan penarikan').fill('Uji: kadar zat aktif di bawah spesifikasi');
      await page.getByRole('button', { name: 'Tarik bets' }).click();
      await page.getByRole('button', { name: 'Ya, tarik bets ini' }).click();
      await page.getByText('Penarikan dimulai.').waitFor();
      await page.getByRole('heading', { level: 2, name: `Kemajuan penarikan ${product.nie} bets ${batch}` }).waitFor();
      // 4 units: 1 dispensed, 2 at the pharmacy, 1 at the distributor; none back yet.
      const figures = (await page.locator('.figures').innerText()).replace(/\s+/g, ' ');
      expect(figures).toContain('Unit dalam bets 4');
      expect(figures).toContain('Kembali atau dimusnahkan 0');
      expect(figures).toContain('Masih di rantai pasok 3');
      expect(figures).toContain('Sampai ke pasien 1');
      const facilities = page.locator('#recall-facilities-title').locator('..').locator('..');
      await facilities.getByText('Apotek Sehat Sentosa Surabaya', { exact: true }).waitFor();
      expect(await facilities.innerText()).toContain('Gudang PBF Nusantara Jakarta Timur');
      await page.getByText(/^Data per /).first().waitFor();
      expect(await screenshots(page, 'bpom-recall')).toEqual([]);

      // The distributor sends its unit back and the manufacturer receives it: the screen follows.
      const plant = await facilityId(system.url, tokens.pbf, 'Pabrik Sehat Farma Bandung');
      await move(system.url, tokens.pbf, 'returnPacks', [lastUnit.text], plant);
      await move(system.url, tokens.industri, 'receive', [lastUnit.text]);
      await page.reload();
      await page.getByRole('heading', { level: 2, name: `Kemajuan penarikan ${product.nie} bets ${batch}` }).waitFor();
      expect((await page.locator('.figures').innerText()).replace(/\s+/g, ' ')).toContain('Kembali atau dimusnahkan 1');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('works an alert from an unknown code: assigns, comments and closes it', async () => {
    const serial = `X${Date.now().toString(36).toUpperCase()}`;
    const unknown = `(90)${product.nie}(10)${batch}(17)290630(21)${serial}`;
    const answer = await gqlOk(system.url, `query($c: String!) { verify(code: $c) { verdict reasons } }`, { c: unknown });
    expect(answer.verify.reasons).toContain('NOT_FOUND');
    const { context, page, errors } = await loggedIn(browser, system.url, 'bpom@demo.test');
    try {
      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Peringatan & pengaduan' }).click();
      await page.getByRole('heading', { level: 1, name: 'Peringatan dan pengaduan' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: serial });
      await row.getByRole('link', { name: 'Kode tidak dikenal' }).click();
      const detail = page.locator('#alert-detail-title').locator('..').locator('..');
      await detail.getByRole('heading', { name: 'Peringatan: Kode tidak dikenal' }).waitFor();
      await detail.getByRole('button', { name: 'Tangani sendiri' }).click();
      await detail.getByText('Peringatan telah ditugaskan.').waitFor();
      expect(await detail.innerText()).toContain('Siti Rahmawati');
      await detail.getByLabel('Komentar').fill('Dicek ke apotek: salah ketik nomor seri.');
      await detail.getByRole('button', { name: 'Tambah komentar' }).click();
      await detail.getByText('Dicek ke apotek: salah ketik nomor seri.').waitFor();
      expect(await screenshots(page, 'bpom-alerts')).toEqual([]);
      await detail.getByLabel('Bukan masalah').check();
      await detail.getByLabel('Catatan penutupan').fill('Bukan pemalsuan.');
      await detail.getByRole('button', { name: 'Tutup peringatan' }).click();
      await detail.getByText('Peringatan ditutup: Bukan masalah.').waitFor();
      const closed = await gqlOk(system.url, `{ alerts(status: CLOSED, first: 50) { code resolution assignee { email } comments { text } } }`, {}, tokens.bpom);
      const mine = closed.alerts.find((alert: { code: string }) => alert.code.includes(serial));
      expect(mine.resolution).toBe('FALSE_ALARM');
      expect(mine.assignee.email).toBe('bpom@demo.test');
      expect(mine.comments.map((c: { text: string }) => c.text)).toContain('Dicek ke apotek: salah ketik nomor seri.');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
