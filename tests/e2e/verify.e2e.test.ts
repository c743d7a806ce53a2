import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activate, freshBatch, freshGtin, freshNie, gql, gqlOk, issueCodes, login, loginAll, type IssuedCode } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { gradientPng } from '../support/png.js';
import { startSystem, type RunningSystem } from '../support/system.js';
import { parse } from '@jejak/gs1';
import { PHONE, SCREENSHOTS, downTheChain, overflowing } from '../support/work.js';
import { gs1DataMatrix, y4mOf } from '../support/y4m.js';

const GS = '\u001d';

let system: RunningSystem;
let browser: Browser;
let workDir: string;
let tokens: { industri: string; bpom: string; pbf: string; apotek: string };

/** A BPOM-profile product ((90) NIE) with one activated pack and one never activated. */
const bpomProduct = { name: '', nie: '' };
let activated: IssuedCode;
let notActivated: IssuedCode;
let dispensedPack: IssuedCode;
let clonedPack: IssuedCode;
let recalledPack: IssuedCode;
/** A product with a GTIN: its activated pack's GS1 Digital Link. */
const gtinProduct = { name: '', digitalLinkPath: '' };

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  workDir = await mkdtemp(path.join(os.tmpdir(), 'jejak-e2e-camera-'));
  system = await startSystem();
  const url = system.url;
  tokens = await loginAll(url, ['industri', 'bpom', 'pbf', 'apotek']);

  bpomProduct.nie = freshNie();
  bpomProduct.name = `Parasetamol Uji ${bpomProduct.nie.slice(3, 8)}`;
  const units = await issueCodes(
    url,
    tokens,
    {
      nie: bpomProduct.nie,
      name: bpomProduct.name,
      form: 'Tablet',
      packaging: 'Dus, 10 strip @ 10 tablet',
      brand: 'Sanmol Uji',
      strength: '500 mg',
      producer: 'PT Uji Farma Indonesia',
    },
    { batch: freshBatch(), expiry: '2029-08-31', quantity: 3 },
  );
  expect(units).toHaveLength(3);
  [activated, notActivated] = units as [IssuedCode, IssuedCode];
  await activate(url, tokens.industri, [activated.text]);

  // A pack handed to a patient, and a pack of a recalled batch.
  const cautionNie = freshNie();
  const cautionBatch = freshBatch();
  const cautionUnits = await issueCodes(url, tokens, { nie: cautionNie, name: `Ibuprofen Uji ${cautionNie.slice(3, 8)}`, form: 'Tablet' }, { batch: freshBatch(), expiry: '2029-07-31', quantity: 2 });
  [dispensedPack, clonedPack] = cautionUnits as [IssuedCode, IssuedCode];
  await activate(url, tokens.industri, [dispensedPack.text, clonedPack.text]);
  // The same code checked by two phones 1,400 km apart within minutes: a copied code is suspected.
  for (const [device, address, latitude, longitude] of [
    ['Mozilla/5.0 JejakE2E/jakarta', '198.51.100.21', -6.2, 106.85],
    ['Mozilla/5.0 JejakE2E/medan', '198.51.100.22', 3.59, 98.67],
  ] as const) {
    await gql(url, `query($c: String!, $la: Float, $lo: Float) { verify(code: $c, latitude: $la, longitude: $lo) { verdict } }`, { c: clonedPack.text, la: latitude, lo: longitude }, undefined, {
      'user-agent': device,
      'x-forwarded-for': address,
    });
  }
  await downTheChain(url, tokens, [dispensedPack.text], { toPharmacy: 1, dispensed: 1 });
  const recalledNie = freshNie();
  const recalledUnits = await issueCodes(url, tokens, { nie: recalledNie, name: `Metformin Uji ${recalledNie.slice(3, 8)}`, form: 'Tablet' }, { batch: cautionBatch, expiry: '2029-07-31', quantity: 1 });
  recalledPack = recalledUnits[0]!;
  await activate(url, tokens.industri, [recalledPack.text]);
  await gqlOk(url, `mutation($n: String!, $b: String!) { recallBatch(nie: $n, batch: $b, reason: "Uji: tablet berubah warna") { id } }`, { n: recalledNie, b: cautionBatch }, tokens.bpom);

  const gtin = freshGtin();
  const gtinNie = freshNie();
  gtinProduct.name = `Amoksisilin Uji ${gtinNie.slice(3, 8)}`;
  const gtinUnits = await issueCodes(
    url,
    tokens,
    { nie: gtinNie, name: gtinProduct.name, form: 'Kapsul', packaging: 'Dus, 10 blister @ 10 kapsul', strength: '500 mg', gtin },
    { batch: freshBatch(), expiry: '2029-08-31', quantity: 3, gtin },
  );
  const linked = gtinUnits[0]!;
  expect(linked.digitalLink, 'a code with a GTIN has a Digital Link').toBeTruthy();
  await activate(url, tokens.industri, [linked.text]);
  const link = new URL(linked.digitalLink!);
  gtinProduct.digitalLinkPath = link.pathname + link.search;

  // The webcam: a GS1 DataMatrix of the activated pack, as a Y4M video Chromium plays as its camera.
  const video = path.join(workDir, 'pack.y4m');
  await writeFile(video, y4mOf(gs1DataMatrix(activated.text)));
  browser = await launchBrowser([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ]);
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

interface Tab {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page: there should be none. */
  errors: string[];
  /** GraphQL requests the page made. */
  graphql: string[];
  /** The codes the page asked `GET /api/verify` about. */
  checks: string[];
}

async function openTab(options: BrowserContextOptions = {}): Promise<Tab> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  const graphql: string[] = [];
  const checks: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/graphql') graphql.push(request.postData() ?? '');
    if (url.pathname === '/api/verify') checks.push(url.searchParams.get('code') ?? '');
  });
  return { context, page, errors, graphql, checks };
}

const at = (pathname: string) => new URL(pathname, system.url).toString();

/** The answer on screen, once it is there. */
async function verdictOf(page: Page, timeout = 15_000) {
  const verdict = page.locator('section.verdict');
  await verdict.waitFor({ timeout });
  return { verdict, value: await verdict.getAttribute('data-verdict'), text: (await verdict.innerText()).replace(/\s+/g, ' ') };
}

async function typeCode(page: Page, code: string) {
  const field = page.getByLabel('Kode pada kemasan');
  await field.fill(code);
  await field.press('Enter');
}

describe('the public verification page', () => {
  it('reads a GS1 DataMatrix from the webcam and shows the pack as genuine', async () => {
    const { context, page, errors, checks } = await openTab();
    try {
      await page.goto(at('/verify'));
      await page.getByRole('heading', { level: 1, name: 'Cek keaslian obat' }).waitFor();
      // Public: no login form, no signed-in navigation, but a way to log in.
      expect(await page.getByRole('navigation', { name: 'Navigasi utama' }).count()).toBe(0);
      expect(await page.getByRole('banner').getByRole('link', { name: 'Masuk' }).count()).toBe(1);

      await page.getByRole('button', { name: 'Nyalakan kamera' }).click();
      const started = Date.now();
      const { value, text } = await verdictOf(page, 60_000);
      const took = Date.now() - started;
      console.log(`webcam: camera started, code read and answered in ${took} ms`);
      expect(value).toBe('GENUINE');
      await page.getByRole('heading', { level: 2, name: 'Hasil pemeriksaan: Asli' }).waitFor();
      expect(text).toContain(bpomProduct.name);
      expect(text).toContain(bpomProduct.nie);
      expect(text).toContain('Sudah diaktivasi');
      expect(text).toContain('31 Agustus 2029');
      expect(text).toContain('PT Uji Farma Indonesia');

      // One read is enough: the camera is off again, and the field shows the code read.
      await page.getByRole('button', { name: 'Nyalakan kamera' }).waitFor();
      expect(await page.locator('.scanner-view').isHidden()).toBe(true);
      expect(await page.getByLabel('Kode pada kemasan').inputValue()).toBe(activated.text);
      expect(checks).toEqual([activated.text]);
      expect(new URL(page.url()).searchParams.get('code')).toBe(activated.text);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'verify-webcam.png'), fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  describe('the camera', () => {
    let blankCamera: Browser;
    let refusing: Browser;
    let noCamera: Browser;

    beforeAll(async () => {
      // A camera that sees a plain sheet of paper; one whose permission prompt is answered "no";
      // and a browser with no camera at all.
      const paper = path.join(workDir, 'paper.y4m');
      await writeFile(paper, y4mOf([[false]], { frames: 2 }));
      const fakeCamera = ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${paper}`];
      [blankCamera, refusing, noCamera] = await Promise.all([
        launchBrowser([...fakeCamera, '--use-fake-ui-for-media-stream']),
        launchBrowser([...fakeCamera, '--use-fake-ui-for-media-stream=deny']),
        launchBrowser(['--use-fake-ui-for-media-stream']),
      ]);
    });

    afterAll(async () => {
      await Promise.all([blankCamera?.close(), refusing?.close(), noCamera?.close()]);
    });

    it('keeps looking until stopped, and then lets the camera go', async () => {
      const context = await blankCamera.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      try {
        await page.goto(at('/verify'));
        await page.getByRole('button', { name: 'Nyalakan kamera' }).click();
        await page.getByText('Arahkan kamera ke kode 2D pada kemasan. Kode terbaca otomatis.').waitFor();
        const video = page.getByLabel('Tampilan kamera');
        await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.videoWidth)).toBe(640);
        await page.screenshot({ path: path.join(SCREENSHOTS, 'verify-camera-scanning.png') });
        await page.waitForTimeout(1_000);
        expect(await page.locator('section.verdict').count()).toBe(0);

        await page.getByRole('button', { name: 'Matikan kamera' }).click();
        await page.getByRole('button', { name: 'Nyalakan kamera' }).waitFor();
        expect(await page.locator('.scanner-view').isHidden()).toBe(true);
        // The stream is released: no live track is left on the video.
        expect(await video.evaluate((element: HTMLVideoElement) => element.srcObject === null)).toBe(true);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it('says so when the camera is refused', async () => {
      const context = await refusing.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      try {
        await page.goto(at('/verify'));
        await page.getByRole('button', { name: 'Nyalakan kamera' }).click();
        await page.getByText(/^Izin kamera ditolak\./).waitFor();
        // Typing still works.
        await typeCode(page, activated.text);
        await page.getByRole('heading', { level: 2, name: 'Hasil pemeriksaan: Asli' }).waitFor();
      } finally {
        await context.close();
      }
    });

    it('says so when there is no camera', async () => {
      const context = await noCamera.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      try {
        await page.goto(at('/verify'));
        await page.getByRole('button', { name: 'Nyalakan kamera' }).click();
        await page.getByText('Tidak ada kamera di perangkat ini. Ketik kodenya saja.').waitFor();
      } finally {
        await context.close();
      }
    });
  });

  describe('typing or pasting a code', () => {
    let tab: Tab;

    beforeAll(async () => {
      tab = await openTab({ permissions: ['geolocation'], geolocation: { latitude: -6.2088, longitude: 106.8456, accuracy: 30 } });
      await tab.page.goto(at('/verify'));
      await tab.page.getByRole('heading', { level: 1, name: 'Cek keaslian obat' }).waitFor();
    });

    afterAll(async () => {
      expect(tab.errors).toEqual([]);
      await tab.context.close();
    });

    it('a code that was never activated is suspect, with the reason in plain words', async () => {
      const { page } = tab;
      await typeCode(page, notActivated.text);
      const { value, text } = await verdictOf(page);
      expect(value).toBe('SUSPECT');
      await page.getByRole('heading', { level: 2, name: 'Hasil pemeriksaan: Mencurigakan' }).waitFor();
      expect(text).toContain('Kode ini sudah diterbitkan, tetapi produsen belum melepas kemasan ini ke peredaran.');
      expect(text).toContain('Belum diaktivasi');
      expect(text).toContain(bpomProduct.name);
      // The answer takes the focus, so it is read out.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('verdict-title');
    });

    it('a problem is reported with a description, a photo shrunk in the browser and the place', async () => {
      const { page } = tab;
      const report = page.getByRole('region', { name: 'Laporkan masalah' });
      await report.getByRole('button', { name: 'Laporkan masalah' }).click();
      const description = `Dijual murah di pasar, kemasan tampak berbeda (${bpomProduct.nie})`;
      await report.getByLabel('Apa yang Anda temukan?').fill(description);
      await report.getByLabel('Foto kemasan').setInputFiles({ name: 'kemasan.png', mimeType: 'image/png', buffer: gradientPng() });
      await report.getByText(/^Foto siap dikirim/).waitFor();
      await report.getByRole('button', { name: 'Sertakan lokasi saya' }).click();
      await report.getByText(/^Lokasi Anda disertakan/).waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, 'verify-report-form.png'), fullPage: true });
      await report.getByRole('button', { name: 'Kirim laporan' }).click();
      await report.getByText('Terima kasih. Laporan Anda sudah diterima BPOM.').waitFor();
      await report.getByText('Foto Anda terlampir.').waitFor();
      await report.getByText(/^Nomor laporan: [0-9A-F]{8}$/).waitFor();

      // BPOM sees the complaint, with its photo and place.
      const { complaints } = await gqlOk<{ complaints: Array<{ description: string; hasPhoto: boolean; latitude: number; longitude: number; code: string }> }>(
        system.url,
        `{ complaints(first: 20) { description hasPhoto latitude longitude code } }`,
        {},
        tokens.bpom,
      );
      const ours = complaints.find((complaint) => complaint.description === description);
      expect(ours).toMatchObject({ hasPhoto: true, latitude: -6.2088, longitude: 106.8456 });
      expect(ours?.code).toContain(notActivated.text.slice(0, 20));
    });

    it('garbage is explained at once, without asking the server', async () => {
      const { page, graphql, checks } = tab;
      const before = graphql.length + checks.length;
      await typeCode(page, 'bukan kode obat');
      const { value, text } = await verdictOf(page);
      expect(value).toBe('INVALID');
      await page.getByRole('heading', { level: 2, name: 'Hasil pemeriksaan: Kode tidak valid' }).waitFor();
      expect(text).toContain('Ini bukan kode obat.');
      expect(text).toContain('Diperiksa di perangkat ini; kode tidak dikirim.');

      // A mistyped check digit is named as such.
      await typeCode(page, '(01)08997001000012(17)290831(10)AB1(21)XYZ');
      await page.getByText('Digit periksa pada GTIN (01) salah; mungkin ada angka yang salah ketik.').waitFor();
      expect(graphql.length + checks.length).toBe(before);
    });

    it('a USB scanner typing the code, with Ctrl+] for each group separator, is read', async () => {
      const { page } = tab;
      const field = page.getByLabel('Kode pada kemasan');
      await field.fill('');
      await field.focus();
      const parts = activated.raw.split(GS);
      for (const [index, part] of parts.entries()) {
        if (index > 0) await page.keyboard.press('Control+BracketRight');
        await page.keyboard.type(part);
      }
      expect(await field.inputValue()).toBe(activated.raw);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 2, name: 'Hasil pemeriksaan: Asli' }).waitFor();
    });

    it('keeps the last checks on the device, each one checked again on a click', async () => {
      const { page } = tab;
      const recent = page.getByRole('region', { name: 'Terakhir diperiksa' });
      const items = recent.getByRole('listitem');
      // Newest first: the wedge read (genuine), the two malformed codes, the suspect one.
      expect(await items.count()).toBe(4);
      const texts = (await items.allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
      expect(texts[0]).toContain('Asli');
      expect(texts[0]).toContain(bpomProduct.name);
      expect(texts[1]).toContain('Kode tidak valid');
      expect(texts[3]).toContain('Mencurigakan');
      expect(texts[3]).toContain(notActivated.text);
      const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('jejak.verify.recent') ?? '[]') as unknown[]);
      expect(stored).toHaveLength(4);

      await items.nth(3).getByRole('button').click();
      await page.getByRole('heading', { level: 2, name: 'Hasil pemeriksaan: Mencurigakan' }).waitFor();
      expect(await page.getByLabel('Kode pada kemasan').inputValue()).toBe(notActivated.text);
      // Checked again, it moves to the top.
      await expect.poll(async () => (await items.first().innerText()).includes('Mencurigakan')).toBe(true);

      // It survives a reload (and the address checks the last code again).
      await page.reload();
      await page.getByRole('heading', { level: 2, name: 'Hasil pemeriksaan: Mencurigakan' }).waitFor();
      expect(await items.count()).toBe(4);

      await recent.getByRole('button', { name: 'Hapus riwayat' }).click();
      await recent.getByText('Belum ada kode yang diperiksa di perangkat ini.').waitFor();
    });

    it('switches to English, keeping the answer', async () => {
      const { page } = tab;
      await page.getByRole('group', { name: 'Bahasa' }).getByRole('button', { name: /^EN/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Check a medicine' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Result: Suspect' }).waitFor();
      await page.getByText('This code was issued, but the manufacturer has not released this pack for sale.').waitFor();
      await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: /^ID/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Cek keaslian obat' }).waitFor();
    });
  });

  describe('typing the code part by part', () => {
    for (const [size, options] of [
      ['laptop', {}],
      ['phone', PHONE],
    ] as const) {
      it(`checks each part as typed and checks the code they make (${size})`, async () => {
        const { context, page, errors, checks } = await openTab(options);
        try {
          await page.goto(at('/verify'));
          const parts = page.getByRole('group', { name: 'Atau isi per bagian' });
          await parts.waitFor();
          const key = parts.getByLabel('GTIN atau NIE');
          const expiry = parts.getByLabel('Tanggal kedaluwarsa');

          // A GTIN with a wrong last digit is named at once, in words.
          await key.fill('09520123456789');
          await parts.getByText('Angka terakhir GTIN tidak cocok dengan angka lainnya; mungkin ada angka yang salah ketik.').waitFor();
          // A GTIN still being typed is not scolded until the field is left.
          await key.fill('0952012');
          expect(await parts.locator('.field-error').count()).toBe(0);
          await expiry.focus();
          await parts.getByText('GTIN berisi 8, 12, 13, atau 14 angka.').waitFor();
          // A month 13 is not a date; 31-08-2029 is taken as written.
          await expiry.fill('291331');
          await parts.getByText('Ini bukan tanggal yang benar (bulan 01–12, hari sesuai bulannya).').waitFor();
          await page.screenshot({ path: path.join(SCREENSHOTS, `verify-parts-errors-${size}.png`), fullPage: true });

          const code = parse(activated.text);
          expect(code.valid).toBe(true);
          await key.fill(code.nie!);
          await expiry.fill('31-08-2029');
          await parts.getByLabel('Nomor bets').fill(code.batch!);
          // Submitted without the serial: the field that is missing is named.
          await page.getByRole('button', { name: 'Periksa', exact: true }).click();
          await parts.getByText('Isi bagian ini; tanpanya kemasan tidak dapat dikenali.').waitFor();
          expect(checks).toEqual([]);
          await parts.getByLabel('Nomor seri').fill(code.serial!);
          expect(await parts.locator('.field-error').count()).toBe(0);
          // The parts make the code, shown in the one code box.
          const same = (text: string) => {
            const { valid, nie, batch, expiry, serial } = parse(text);
            return { valid, nie, batch, expiry, serial };
          };
          expect(same(await page.getByLabel('Kode pada kemasan').inputValue())).toEqual(same(activated.text));
          await page.getByRole('button', { name: 'Periksa', exact: true }).click();
          const { value, text } = await verdictOf(page);
          expect(value).toBe('GENUINE');
          expect(text).toContain(bpomProduct.name);
          expect(checks).toHaveLength(1);
          expect(same(checks[0]!)).toEqual(same(activated.text));
          await page.screenshot({ path: path.join(SCREENSHOTS, `verify-parts-genuine-${size}.png`), fullPage: true });
          expect(await overflowing(page, {})).toEqual([]);

          // A code typed whole shows its parts.
          const field = page.getByLabel('Kode pada kemasan');
          await field.fill(notActivated.text);
          expect(await parts.getByLabel('Nomor seri').inputValue()).toBe(parse(notActivated.text).serial);
          expect(errors).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  });

  describe('each kind of caution has its own presentation', () => {
    for (const [size, options] of [
      ['laptop', {}],
      ['phone', PHONE],
    ] as const) {
      it(`recalled is not dispensed (${size})`, async () => {
        const { context, page, errors } = await openTab(options);
        try {
          await page.goto(at(`/verify?code=${encodeURIComponent(recalledPack.text)}`));
          let answer = await verdictOf(page);
          expect(answer.value).toBe('CAUTION');
          expect(await answer.verdict.getAttribute('data-presentation')).toBe('RECALLED');
          await page.getByRole('heading', { level: 2, name: 'Hasil pemeriksaan: Ditarik — jangan digunakan' }).waitFor();
          expect(answer.text).toContain('Jangan minum atau berikan obat ini');
          const recalledLook = await answer.verdict.locator('.verdict-banner').evaluate((element) => getComputedStyle(element).backgroundColor);
          await page.screenshot({ path: path.join(SCREENSHOTS, `verify-recalled-${size}.png`), fullPage: true });
          expect(await overflowing(page, {})).toEqual([]);

          await typeCode(page, dispensedPack.text);
          await page.getByRole('heading', { level: 2, name: 'Hasil pemeriksaan: Sudah diserahkan kepada pasien' }).waitFor();
          answer = await verdictOf(page);
          expect(answer.value).toBe('CAUTION');
          expect(await answer.verdict.getAttribute('data-presentation')).toBe('DISPENSED');
          expect(answer.text).not.toContain('Ditarik');
          const dispensedLook = await answer.verdict.locator('.verdict-banner').evaluate((element) => getComputedStyle(element).backgroundColor);
          expect(dispensedLook).not.toBe(recalledLook);
          await page.screenshot({ path: path.join(SCREENSHOTS, `verify-dispensed-${size}.png`), fullPage: true });
          expect(await overflowing(page, {})).toEqual([]);

          await typeCode(page, clonedPack.text);
          await page.getByRole('heading', { level: 2, name: 'Hasil pemeriksaan: Perhatian — kode mungkin disalin' }).waitFor();
          answer = await verdictOf(page);
          expect(answer.value).toBe('CAUTION');
          expect(await answer.verdict.getAttribute('data-presentation')).toBe('CLONE_SUSPECTED');
          const clonedLook = await answer.verdict.locator('.verdict-banner').evaluate((element) => getComputedStyle(element).backgroundColor);
          expect(new Set([recalledLook, dispensedLook, clonedLook]).size).toBe(3);
          await page.screenshot({ path: path.join(SCREENSHOTS, `verify-clone-${size}.png`), fullPage: true });
          // Back to the dispensed pack, so the history below reads newest first as expected.
          await typeCode(page, dispensedPack.text);
          await page.getByRole('heading', { level: 2, name: 'Hasil pemeriksaan: Sudah diserahkan kepada pasien' }).waitFor();

          // The history keeps each presentation.
          const items = page.locator('.recent-list > li');
          const texts = (await items.allInnerTexts()).map((line) => line.replace(/\s+/g, ' '));
          expect(texts[0]).toContain('Sudah diserahkan kepada pasien');
          expect(texts[1]).toContain('Perhatian — kode mungkin disalin');
          expect(texts[2]).toContain('Ditarik — jangan digunakan');

          // In English too.
          await page.getByRole('group', { name: 'Bahasa' }).getByRole('button', { name: /^EN/ }).click();
          await page.getByRole('heading', { level: 2, name: 'Result: Already dispensed to a patient' }).waitFor();
          await items.nth(2).getByRole('button').click();
          await page.getByRole('heading', { level: 2, name: 'Result: Recalled — do not use' }).waitFor();
          await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: /^ID/ }).click();
          expect(errors).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }

    it('an unreadable code is explained in plain words only, in either language', async () => {
      const { context, page, errors } = await openTab();
      try {
        await page.goto(at('/verify'));
        await typeCode(page, '(01)08997001000012(17)291399(21)XYZ');
        const { value, text } = await verdictOf(page);
        expect(value).toBe('INVALID');
        // The parser's own (English) words never show.
        const technical = parse('(01)08997001000012(17)291399(21)XYZ').errors.map((error) => error.message);
        expect(technical.length).toBeGreaterThan(0);
        for (const message of technical) expect(text).not.toContain(message);
        expect(text).not.toMatch(/Keterangan teknis|AI \(/);
        await page.getByRole('group', { name: 'Bahasa' }).getByRole('button', { name: /^EN/ }).click();
        await page.getByRole('heading', { level: 2, name: 'Result: Invalid code' }).waitFor();
        const english = (await page.locator('section.verdict').innerText()).replace(/\s+/g, ' ');
        for (const message of technical) expect(english).not.toContain(message);
        expect(english).toContain('The check digit of the GTIN (01) is wrong');
        await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: /^ID/ }).click();
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });

  describe('installs as an app on a phone', () => {
    it('serves a web app manifest whose icons are there at the sizes it names', async () => {
      const response = await fetch(at('/manifest.webmanifest'));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
      const manifest = (await response.json()) as {
        name: string;
        short_name: string;
        start_url: string;
        scope: string;
        display: string;
        icons: Array<{ src: string; sizes: string; type: string; purpose: string }>;
      };
      expect(manifest).toMatchObject({ start_url: '/verify', scope: '/verify', display: 'standalone' });
      expect(manifest.name).toContain('Cek keaslian obat');
      expect(manifest.short_name.length).toBeLessThanOrEqual(12);
      for (const icon of manifest.icons) {
        const file = await fetch(at(icon.src));
        expect(file.status, icon.src).toBe(200);
        expect(file.headers.get('content-type')).toBe('image/png');
        const bytes = Buffer.from(await file.arrayBuffer());
        expect(bytes.subarray(1, 4).toString('latin1'), icon.src).toBe('PNG');
        // The size written in the PNG header is the size the manifest names.
        expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
      }
      const sizes = manifest.icons.filter((icon) => icon.purpose.includes('any')).map((icon) => icon.sizes);
      expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
      expect(manifest.icons.some((icon) => icon.purpose.includes('maskable'))).toBe(true);
    });

    it('registers its service worker, and opens offline with the page and the history of checks', async () => {
      const { context, page, errors, checks } = await openTab(PHONE);
      try {
        await page.goto(at('/verify'));
        await typeCode(page, activated.text);
        await page.getByRole('heading', { level: 2, name: 'Hasil pemeriksaan: Asli' }).waitFor();
        expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
        const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
        expect(new URL(scope).pathname).toBe('/verify');
        // Reopened, the page is in the worker's hands.
        await page.goto(at('/verify'));
        await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toMatch(/\/verify-sw\.js$/);

        await context.setOffline(true);
        expect(await page.evaluate(() => navigator.onLine)).toBe(false);
        await page.reload();
        await page.getByRole('heading', { level: 1, name: 'Cek keaslian obat' }).waitFor();
        const recent = page.getByRole('region', { name: 'Terakhir diperiksa' });
        const first = (await recent.getByRole('listitem').first().innerText()).replace(/\s+/g, ' ');
        expect(first).toContain('Asli');
        expect(first).toContain(bpomProduct.name);
        await page.getByRole('group', { name: 'Atau isi per bagian' }).waitFor();
        await page.screenshot({ path: path.join(SCREENSHOTS, 'verify-offline-phone.png'), fullPage: true });
        expect(await overflowing(page, {})).toEqual([]);

        // A check needs the network: offline, it says so rather than answering from a cache.
        const before = checks.length;
        await typeCode(page, activated.text);
        await page.getByRole('alert').getByText('Server tidak dapat dihubungi. Periksa koneksi Anda.').waitFor();
        expect(await page.locator('section.verdict').count()).toBe(0);
        expect(checks.length).toBe(before + 1);
        await context.setOffline(false);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });

  it('/verify?code=… checks the code as the page opens', async () => {
    const { context, page, errors } = await openTab();
    try {
      // Raw scanner data, symbology identifier and separators included, as a link would carry it.
      await page.goto(at(`/verify?code=${encodeURIComponent(`]d2${activated.raw}`)}`));
      const { value, text } = await verdictOf(page);
      expect(value).toBe('GENUINE');
      expect(text).toContain(bpomProduct.name);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a GS1 Digital Link address of a pack opens the page with its answer', async () => {
    const { context, page, errors, checks } = await openTab();
    try {
      expect(gtinProduct.digitalLinkPath).toMatch(/^\/01\/\d{14}\//);
      await page.goto(at(gtinProduct.digitalLinkPath));
      await page.getByRole('heading', { level: 1, name: 'Cek keaslian obat' }).waitFor();
      const { value, text } = await verdictOf(page);
      expect(value).toBe('GENUINE');
      expect(text).toContain(gtinProduct.name);
      // The address stays the pack's own.
      expect(new URL(page.url()).pathname).toBe(gtinProduct.digitalLinkPath.split('?')[0]);

      // Another code checked from here moves to /verify?code=…, asking the server once.
      await typeCode(page, notActivated.text);
      await page.getByRole('heading', { level: 2, name: 'Hasil pemeriksaan: Mencurigakan' }).waitFor();
      await page.waitForURL((address) => address.pathname === '/verify');
      expect(new URL(page.url()).searchParams.get('code')).toBe(notActivated.text);
      await page.waitForTimeout(500);
      expect(checks).toHaveLength(2);
      expect(checks[1]).toBe(notActivated.text);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('fits a 360 px phone', async () => {
    const { context, page, errors } = await openTab({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    try {
      await page.goto(at(`/verify?code=${encodeURIComponent(activated.text)}`));
      await verdictOf(page);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'verify-phone.png') });
      await page.screenshot({ path: path.join(SCREENSHOTS, 'verify-phone-full.png'), fullPage: true });
      expect(await overflowing(page, {})).toEqual([]);
      // The top of the page: the way in, the language and the camera.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(SCREENSHOTS, 'verify-phone-top.png') });

      await typeCode(page, notActivated.text);
      await page.getByRole('heading', { level: 2, name: 'Hasil pemeriksaan: Mencurigakan' }).waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, 'verify-phone-suspect.png') });
      expect(await overflowing(page, {})).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says how long to wait after too many unknown codes in a row', async () => {
    // A client of its own, behind the proxy the server trusts, so others are not held up.
    const client = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) JejakE2E/guessing', 'x-forwarded-for': '198.51.100.7' };
    const unknown = (n: number) => `(90)${bpomProduct.nie}(10)X1(17)290831(21)NOPE${String(n).padStart(6, '0')}`;
    let answer = await gql(system.url, `query($c: String!) { verify(code: $c) { verdict } }`, { c: unknown(0) }, undefined, client);
    for (let n = 1; n < 40 && !answer.errors; n++) {
      answer = await gql(system.url, `query($c: String!) { verify(code: $c) { verdict } }`, { c: unknown(n) }, undefined, client);
    }
    expect(answer.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ATTEMPTS');

    const { context, page, errors } = await openTab({ userAgent: client['user-agent'], extraHTTPHeaders: { 'x-forwarded-for': client['x-forwarded-for'] } });
    try {
      await page.goto(at('/verify'));
      await typeCode(page, unknown(99));
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = await alert.innerText();
      expect(text).toContain('Terlalu banyak kode tak dikenal diperiksa dari jaringan ini');
      expect(text).toMatch(/Coba lagi dalam \d+ (detik|menit)\./);
      expect(await page.locator('section.verdict').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('is linked from the login page and from the signed-in navigation', async () => {
    const { context, page, errors } = await openTab();
    try {
      await page.goto(at('/login'));
      await page.getByRole('link', { name: 'Cek keaslian obat' }).click();
      await page.getByRole('heading', { level: 1, name: 'Cek keaslian obat' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/verify');

      const token = await login(system.url, 'apotek@demo.test');
      await page.evaluate((value) => localStorage.setItem('jejak.token', value), token);
      await page.goto(at('/'));
      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Cek keaslian' }).click();
      await page.getByRole('heading', { level: 1, name: 'Cek keaslian obat' }).waitFor();
      // Signed in, the public header leads back to the dashboard.
      await page.getByRole('banner').getByRole('link', { name: 'Ke dasbor' }).click();
      await page.getByRole('heading', { level: 1, name: 'Beranda' }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
