import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activate, freshBatch, freshNie, issueCodes, loginAll, type IssuedCode } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { gradientPng } from '../support/png.js';
import { APOTEK, PBF, SCREENSHOTS, facilityId, loggedIn, move, screenshots, sidewaysTables, y4mOfCodes } from '../support/work.js';
import { startSystem, type RunningSystem } from '../support/system.js';
import { gs1DataMatrix, y4mOf } from '../support/y4m.js';

let system: RunningSystem;
let browser: Browser;
let workDir: string;
let pack: IssuedCode;
/** For the visit at the distributor: a pack it holds, one the pharmacy holds, one dispensed. */
const visitPacks = { here: '', elsewhere: '', dispensed: '' };
let visitBrowser: Browser;
const product = { nie: '', name: '' };

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  workDir = await mkdtemp(path.join(os.tmpdir(), 'jejak-e2e-inspector-'));
  system = await startSystem();
  const url = system.url;
  const { industri, bpom, pbf, apotek } = await loginAll(url, ['industri', 'bpom', 'pbf', 'apotek']);
  product.nie = freshNie();
  product.name = `Amlodipin Inspeksi ${product.nie.slice(3, 8)}`;
  const units = await issueCodes(url, { industri, bpom }, { nie: product.nie, name: product.name }, { batch: freshBatch(), expiry: '2029-09-30', quantity: 2 });
  pack = units[0]!;
  await activate(url, industri, [pack.text]);
  await move(url, industri, 'ship', [pack.text], await facilityId(url, industri, PBF));
  await move(url, pbf, 'receive', [pack.text]);
  const video = path.join(workDir, 'pack.y4m');
  await writeFile(video, y4mOf(gs1DataMatrix(pack.text)));
  browser = await launchBrowser(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);

  const more = await issueCodes(url, { industri, bpom }, { nie: freshNie(), name: `Simvastatin Inspeksi ${product.nie.slice(3, 8)}` }, { batch: freshBatch(), expiry: '2029-10-31', quantity: 3 });
  const [here, elsewhere, dispensed] = more.map((unit) => unit.text) as [string, string, string];
  await activate(url, industri, [here, elsewhere, dispensed]);
  await move(url, industri, 'ship', [here, elsewhere, dispensed], await facilityId(url, industri, PBF));
  await move(url, pbf, 'receive', [here, elsewhere, dispensed]);
  await move(url, pbf, 'ship', [elsewhere, dispensed], await facilityId(url, industri, APOTEK));
  await move(url, apotek, 'receive', [elsewhere, dispensed]);
  await move(url, apotek, 'dispense', [dispensed]);
  Object.assign(visitPacks, { here, elsewhere, dispensed });
  // The camera at the visit sees the three packs in turn, again and again.
  const visitVideo = path.join(workDir, 'visit.y4m');
  await writeFile(visitVideo, y4mOfCodes([here, elsewhere, here, dispensed]));
  visitBrowser = await launchBrowser(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${visitVideo}`]);
});

afterAll(async () => {
  await visitBrowser?.close();
  await browser?.close();
  await system?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('the inspector', () => {
  it('scans a pack with the webcam and sees the verdict and the full trace in one view', async () => {
    const { context, page, errors } = await loggedIn(browser, system.url, 'inspektur@demo.test');
    try {
      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Inspeksi' }).click();
      await page.getByRole('heading', { level: 1, name: 'Inspeksi kemasan' }).waitFor();
      await page.getByRole('button', { name: 'Nyalakan kamera' }).click();
      const verdict = page.locator('section.verdict');
      await verdict.waitFor({ timeout: 60_000 });
      expect(await verdict.getAttribute('data-verdict')).toBe('GENUINE');
      expect(await verdict.innerText()).toContain(product.name);
      const timeline = page.locator('ol.timeline');
      await timeline.waitFor();
      const steps = await timeline.locator('li').allInnerTexts();
      expect(steps).toHaveLength(3);
      expect(steps[2]).toContain('Diterima');
      expect(steps[2]).toContain('Gudang PBF Nusantara Jakarta Timur');
      // The camera keeps scanning after a read, for the next pack; the same pack in view is not checked again.
      expect(await page.getByRole('button', { name: 'Matikan kamera' }).isVisible()).toBe(true);
      await page.waitForTimeout(2_000);
      expect(await page.locator('section.verdict').count()).toBe(1);
      // Written for an inspector: what to do at the facility, not advice to a patient.
      expect(await verdict.innerText()).toContain('Kemasan terdaftar, sudah diaktivasi, dan tidak bermasalah menurut catatan.');
      await page.getByRole('button', { name: 'Matikan kamera' }).click();
      expect(await screenshots(page, 'inspector')).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens a visit, scans pack after pack (each recorded once), notes a finding, closes it; BPOM lists and exports it', async () => {
    const { context, page, errors } = await loggedIn(visitBrowser, system.url, 'inspektur@demo.test');
    try {
      await page.goto(new URL('/inspect', system.url).toString());
      await page.getByRole('heading', { level: 1, name: 'Inspeksi kemasan' }).waitFor();
      const visitPanel = page.getByRole('region', { name: 'Kunjungan inspeksi' });
      // A visit needs its facility.
      await visitPanel.getByRole('button', { name: 'Mulai kunjungan' }).click();
      await visitPanel.getByText('Pilih fasilitas yang Anda kunjungi.').waitFor();
      await visitPanel.getByLabel('Cari fasilitas').fill('Nusantara');
      const select = visitPanel.getByLabel('Fasilitas yang diinspeksi');
      await expect.poll(() => select.locator('option').count()).toBe(2);
      await select.selectOption({ label: (await select.locator('option').nth(1).innerText()).trim() });
      await visitPanel.getByRole('button', { name: 'Mulai kunjungan' }).click();
      await visitPanel.getByRole('heading', { name: `Kunjungan di ${PBF}` }).waitFor();

      // The camera keeps reading: three packs, each recorded once though each is seen again and again.
      await page.getByRole('button', { name: 'Nyalakan kamera' }).click();
      const reads = page.getByRole('region', { name: /^Kemasan yang dibaca/ });
      await expect.poll(() => reads.locator('tbody tr').count(), { timeout: 60_000 }).toBe(3);
      await page.waitForTimeout(3_000);
      expect(await reads.locator('tbody tr').count()).toBe(3);
      await page.getByRole('button', { name: 'Matikan kamera' }).click();
      const rows = (await reads.locator('tbody tr').allInnerTexts()).map((row) => row.replace(/\s+/g, ' '));
      const rowOf = (code: string) => rows.find((row) => row.includes(code.slice(-10)));
      expect(rowOf(visitPacks.here)).toContain('Sesuai: tercatat di fasilitas ini');
      expect(rowOf(visitPacks.elsewhere)).toContain('Tidak sesuai: tercatat di fasilitas lain');
      expect(rowOf(visitPacks.elsewhere)).toContain(APOTEK);
      expect(rowOf(visitPacks.dispensed)).toContain('Sudah diserahkan kepada pasien');
      expect(rowOf(visitPacks.dispensed)).toContain('Tercatat sudah keluar dari peredaran');
      // Written for an inspector, not for a patient.
      const last = page.locator('section.last-read');
      await last.waitFor();
      expect(await last.innerText()).not.toContain('apoteker');
      expect(await page.locator('[data-figure="not-at-custodian"]').first().innerText()).toBe('2');

      // Typed again, a pack already read is not recorded a second time.
      const field = page.getByLabel('Kode kemasan, dus, atau palet');
      await field.fill(visitPacks.here);
      await field.press('Enter');
      await page.getByText('Kemasan ini sudah dicatat pada kunjungan ini.').waitFor();
      expect(await reads.locator('tbody tr').count()).toBe(3);

      // A finding with a photo.
      const findings = page.getByRole('region', { name: 'Temuan' });
      await findings.getByRole('button', { name: 'Simpan temuan' }).click();
      await findings.getByText('Tuliskan temuannya.').waitFor();
      await findings.getByLabel('Catatan temuan').fill('Obat disimpan di dekat jendela, terkena matahari langsung');
      await findings.getByLabel('Foto (opsional)').setInputFiles({ name: 'rak.png', mimeType: 'image/png', buffer: gradientPng() });
      await findings.getByText(/^Foto siap dikirim/).waitFor();
      await findings.getByRole('button', { name: 'Simpan temuan' }).click();
      await findings.getByText('Temuan disimpan.').waitFor();
      await findings.getByText('Obat disimpan di dekat jendela, terkena matahari langsung').waitFor();
      expect(await screenshots(page, 'inspector-visit')).toEqual([]);
      expect(await sidewaysTables(page)).toEqual([]);

      // Closed with its summary (asked twice: it cannot be undone).
      await visitPanel.getByRole('button', { name: 'Tutup kunjungan' }).click();
      await visitPanel.getByText(/^Tutup kunjungan ini\?/).waitFor();
      await visitPanel.getByRole('group', { name: 'Tutup kunjungan' }).getByRole('button', { name: 'Tutup kunjungan' }).click();
      await visitPanel.getByRole('heading', { name: 'Ringkasan kunjungan' }).waitFor();
      const summary = visitPanel.getByRole('group', { name: 'Ringkasan kunjungan' });
      expect(await summary.locator('[data-figure="reads"]').innerText()).toBe('3');
      expect(await summary.locator('[data-figure="not-at-custodian"]').innerText()).toBe('2');
      expect(await summary.locator('[data-figure="findings"]').innerText()).toBe('1');
      expect(await summary.locator('li[data-verdict="GENUINE"]').innerText()).toContain('2');
      expect(await summary.locator('li[data-custody="ELSEWHERE"]').innerText()).toContain('1');
      expect(await screenshots(page, 'inspector-visit-closed')).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }

    // BPOM's supervisor finds the visit, views it and exports it.
    const supervisor = await loggedIn(visitBrowser, system.url, 'bpom@demo.test');
    try {
      const { page } = supervisor;
      await page.goto(new URL('/inspect', system.url).toString());
      const list = page.getByRole('region', { name: 'Daftar kunjungan' });
      const row = list.locator('tbody tr').filter({ hasText: PBF }).first();
      await row.waitFor();
      expect((await row.innerText()).replace(/\s+/g, ' ')).toContain('Bambang Suryadi');
      await row.getByRole('button', { name: 'Lihat' }).click();
      await list.getByRole('heading', { name: `Kunjungan di ${PBF}` }).waitFor();
      await list.getByText('Obat disimpan di dekat jendela, terkena matahari langsung').waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'Unduh CSV' }).click()]);
      const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
      const lines = csv.trimEnd().split('\r\n');
      expect(lines[0]).toBe('record,at,code,product,batch,verdict,reasons,custody,expected_facility,facility_visited,inspector,finding,photo');
      expect(lines.filter((line) => line.startsWith('READ,'))).toHaveLength(3);
      expect(lines.find((line) => line.includes('ELSEWHERE'))).toContain(APOTEK);
      expect(lines.find((line) => line.startsWith('FINDING,'))).toContain(',yes');
      expect(await sidewaysTables(page)).toEqual([]);
      expect(await screenshots(page, 'inspector-visits-bpom')).toEqual([]);
      expect(supervisor.errors).toEqual([]);
    } finally {
      await supervisor.context.close();
    }

    // Another organisation sees none of it.
    const { apotek } = await loginAll(system.url, ['apotek']);
    const refused = await fetch(new URL('/graphql', system.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apotek}` },
      body: JSON.stringify({ query: '{ inspections { id } }' }),
    });
    expect(((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('FORBIDDEN');
  });
});
