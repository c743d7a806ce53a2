import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activate, freshBatch, freshNie, gqlOk, issueCodes, loginAll, type IssuedCode } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { gradientPng } from '../support/png.js';
import { startSystem, type RunningSystem } from '../support/system.js';
import { LAPTOP } from '../support/work.js';
import { gs1DataMatrix, y4mOf } from '../support/y4m.js';

/**
 * The dashboard under its Content-Security-Policy: the main screens, each doing what it really
 * does (the webcam, photos shrunk in the browser and shown back, DataMatrix labels, charts, CSV
 * exports), with not one violation reported by the browser.
 */
let system: RunningSystem;
let browser: Browser;
let workDir: string;
let tokens: { industri: string; bpom: string };
let activated: IssuedCode;
let notActivated: IssuedCode;
let requestId: string;
/** A product whose name a spreadsheet would run as a formula. */
const product = { nie: '', name: '=HYPERLINK("http://contoh.invalid","klik")', batch: '' };

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'jejak-e2e-csp-'));
  system = await startSystem();
  tokens = await loginAll(system.url, ['industri', 'bpom']);
  product.nie = freshNie();
  product.batch = freshBatch();
  [activated, notActivated] = (await issueCodes(system.url, tokens, { nie: product.nie, name: product.name, form: 'Tablet', packaging: 'Dus' }, { batch: product.batch, expiry: '2029-08-31', quantity: 3 })) as [
    IssuedCode,
    IssuedCode,
  ];
  await activate(system.url, tokens.industri, [activated.text]);
  const { codeRequests } = await gqlOk<{ codeRequests: Array<{ id: string; batch: string }> }>(system.url, `{ codeRequests(first: 20) { id batch } }`, {}, tokens.industri);
  requestId = codeRequests.find((request) => request.batch === product.batch)!.id;

  const video = path.join(workDir, 'pack.y4m');
  await writeFile(video, y4mOf(gs1DataMatrix(activated.text)));
  browser = await launchBrowser(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

interface WatchedTab {
  context: BrowserContext;
  page: Page;
  /** Every CSP violation the pages reported: events and console messages alike. */
  violations: string[];
  errors: string[];
}

/** A tab whose every page reports CSP violations, as `securitypolicyviolation` events and console messages. */
async function watchedTab(): Promise<WatchedTab> {
  const context = await browser.newContext({ viewport: LAPTOP, acceptDownloads: true, permissions: ['geolocation'], geolocation: { latitude: -6.2, longitude: 106.8 } });
  const violations: string[] = [];
  await context.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
      void report(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  return { context, page, violations, errors };
}

/** Opens a screen, checks it came with the CSP, and returns the policy. */
async function open(page: Page, pathname: string): Promise<string> {
  const response = await page.goto(new URL(pathname, system.url).toString());
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy, `${pathname} has a Content-Security-Policy`).toContain("frame-ancestors 'none'");
  return policy;
}

async function logIn(page: Page, email: string) {
  await open(page, '/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill('demo12345');
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Beranda' }).waitFor();
}

describe('the dashboard under its Content-Security-Policy', () => {
  it('the public page: the webcam reads a pack, and a problem is reported with a photo', async () => {
    const { context, page, violations, errors } = await watchedTab();
    try {
      const policy = await open(page, '/verify');
      console.log(`Content-Security-Policy: ${policy}`);
      await page.getByRole('button', { name: 'Nyalakan kamera' }).click();
      await page.locator('section.verdict[data-verdict="GENUINE"]').waitFor({ timeout: 60_000 });

      const field = page.getByLabel('Kode pada kemasan');
      await field.fill(notActivated.text);
      await field.press('Enter');
      await page.locator('section.verdict[data-verdict="SUSPECT"]').waitFor();
      const report = page.getByRole('region', { name: 'Laporkan masalah' });
      await report.getByRole('button', { name: 'Laporkan masalah' }).click();
      await report.getByLabel('Apa yang Anda temukan?').fill(`Kemasan mencurigakan ${product.nie}`);
      await report.getByLabel('Foto kemasan').setInputFiles({ name: 'kemasan.png', mimeType: 'image/png', buffer: gradientPng() });
      await report.getByText(/^Foto siap dikirim/).waitFor();
      await report.getByRole('button', { name: 'Kirim laporan' }).click();
      await report.getByText('Foto Anda terlampir.').waitFor();

      // The page installs as an app: its manifest is fetched and its service worker runs, both allowed.
      expect(policy).toContain("worker-src 'self'");
      expect(policy).toContain("manifest-src 'self'");
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      expect(new URL(scope).pathname).toBe('/verify');
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Cek keaslian obat' }).waitFor();
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toMatch(/\/verify-sw\.js$/);
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the manufacturer: logging in, the home page and a sheet of DataMatrix labels', async () => {
    const { context, page, violations, errors } = await watchedTab();
    try {
      await logIn(page, 'industri@demo.test');
      await open(page, `/code-requests/${requestId}/labels`);
      const symbols = page.locator('.label-symbol svg');
      await expect.poll(() => symbols.count()).toBe(3);
      expect((await symbols.first().boundingBox())!.width).toBeGreaterThan(10);
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('BPOM: a report with its chart and CSV export, and the complaint with its photo', async () => {
    const { context, page, violations, errors } = await watchedTab();
    try {
      await logIn(page, 'bpom@demo.test');
      await open(page, '/reports/realisation');
      await page.getByRole('heading', { level: 1, name: 'Realisasi' }).waitFor();
      await page.getByRole('link', { name: /Sehat Farma/ }).first().click();
      await page.getByRole('heading', { name: 'Realisasi per Produk' }).waitFor();
      await page.getByRole('row').filter({ hasText: product.name }).waitFor();
      expect(await page.locator('.recharts-wrapper').count()).toBeGreaterThan(0);
      // The export: the product's name, which a spreadsheet would run, comes out as text.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Unduh CSV: Realisasi/ }).first().click()]);
      const csv = await readFile(await download.path(), 'utf8');
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const line = csv.split('\r\n').find((text) => text.includes(product.nie));
      expect(line).toContain(`"'=HYPERLINK(""http://contoh.invalid"",""klik"")"`);
      for (const cell of line!.split(',')) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

      await open(page, '/alerts');
      await page.getByRole('heading', { level: 1, name: 'Peringatan dan pengaduan' }).waitFor();
      const complaint = page.locator('.complaint-item').filter({ hasText: `Kemasan mencurigakan ${product.nie}` });
      const photo = complaint.locator('img');
      await photo.waitFor();
      await expect.poll(() => photo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
      expect(await photo.getAttribute('src')).toMatch(/^blob:/);
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
