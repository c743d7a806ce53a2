import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { startSystem, type RunningSystem } from '../support/system.js';

const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../artifacts/screenshots');
const PASSWORD = 'demo12345';

/** The navigation, in Bahasa Indonesia, each demo account should see, in order. */
const BPOM_NAV = ['Beranda', 'Cek keaslian', 'Akun saya', 'Persetujuan kode', 'Telusur kode', 'Inspeksi', 'Penarikan', 'Peringatan & pengaduan', 'Buku besar',
  'Realisasi', 'Barang masuk & keluar', 'Stok & kedaluwarsa', 'Konsumsi', 'Fasilitas', 'Organisasi'];
const INDUSTRY_NAV = ['Beranda', 'Cek keaslian', 'Akun saya', 'Produk', 'Permintaan kode', 'Aktivasi', 'Agregasi', 'Kirim', 'Terima', 'Surat jalan', 'Keluarkan dari peredaran', 'Batalkan', 'Stok',
  'Penarikan', 'Realisasi', 'Barang masuk & keluar', 'Stok & kedaluwarsa', 'Konsumsi', 'Fasilitas', 'Pengguna', 'Kunci API', 'Log audit'];
const DISTRIBUTOR_NAV = ['Beranda', 'Cek keaslian', 'Akun saya', 'Agregasi', 'Kirim', 'Terima', 'Surat jalan', 'Retur', 'Keluarkan dari peredaran', 'Batalkan', 'Stok', 'Penarikan',
  'Barang masuk & keluar',
  'Stok & kedaluwarsa', 'Fasilitas', 'Pengguna', 'Kunci API', 'Log audit'];
const PHARMACY_NAV = ['Beranda', 'Cek keaslian', 'Akun saya', 'Terima', 'Surat jalan', 'Retur', 'Serahkan ke pasien', 'Keluarkan dari peredaran', 'Batalkan', 'Stok', 'Penarikan',
  'Barang masuk & keluar',
  'Stok & kedaluwarsa', 'Fasilitas', 'Pengguna', 'Kunci API', 'Log audit'];
const ALL_ITEMS = [...new Set([...BPOM_NAV, ...INDUSTRY_NAV, ...DISTRIBUTOR_NAV, ...PHARMACY_NAV])];
const ACCOUNTS = [
  { key: 'bpom', email: 'bpom@demo.test', name: 'Siti Rahmawati', role: 'Pengawas', nav: BPOM_NAV },
  { key: 'industri', email: 'industri@demo.test', name: 'Dewi Lestari', role: 'Admin', nav: INDUSTRY_NAV },
  { key: 'pbf', email: 'pbf@demo.test', name: 'Agus Pratama', role: 'Admin', nav: DISTRIBUTOR_NAV },
  { key: 'apotek', email: 'apotek@demo.test', name: 'Rina Wulandari', role: 'Admin', nav: PHARMACY_NAV },
];

let system: RunningSystem;
let browser: Browser;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  [system, browser] = await Promise.all([startSystem(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page: there should be none. */
  errors: string[];
}

/** A fresh browser profile (empty localStorage) at a laptop's size. */
async function openDashboard(url: string, pathname = '/'): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(new URL(pathname, url).toString());
  return { context, page, errors };
}

async function logIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
}

describe('logging in to the dashboard', () => {
  for (const account of ACCOUNTS) {
    it(`${account.email} logs in, sees the navigation for the role, switches language and logs out`, async () => {
      const { context, page, errors } = await openDashboard(system.url);
      try {
        // Not logged in: any page leads to the login form.
        await page.waitForURL('**/login');
        await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
        if (account.key === 'bpom') await page.screenshot({ path: path.join(SCREENSHOTS, 'login.png') });

        await logIn(page, account.email, PASSWORD);
        // The one navigation landmark; its name follows the language.
        const nav = page.getByRole('navigation');
        await page.getByRole('navigation', { name: 'Navigasi utama' }).waitFor();
        await page.getByRole('heading', { level: 1, name: 'Beranda' }).waitFor();
        expect(new URL(page.url()).pathname).toBe('/');

        // The header says who is logged in.
        const header = page.getByRole('banner');
        expect(await header.getByText(account.name).count()).toBe(1);
        expect(await header.getByText(account.role, { exact: true }).count()).toBe(1);
        expect(await header.getByRole('button', { name: 'Keluar' }).count()).toBe(1);

        // Exactly the screens this organisation type and role may open.
        expect(await nav.getByRole('link').allTextContents()).toEqual(account.nav);
        for (const item of ALL_ITEMS) {
          const count = await nav.getByRole('link', { name: item, exact: true }).count();
          expect(count, `${item} in the navigation of ${account.email}`).toBe(account.nav.includes(item) ? 1 : 0);
        }
        // The home page shows the user's organisation and facilities.
        await page.getByRole('region', { name: 'Organisasi saya' }).waitFor();
        await page.getByRole('region', { name: 'Fasilitas saya' }).getByRole('table').waitFor();
        await page.screenshot({ path: path.join(SCREENSHOTS, `home-${account.key}.png`) });

        // The language switch relabels the screen and is remembered.
        const language = page.getByRole('group', { name: 'Bahasa' });
        await language.getByRole('button', { name: /^EN/ }).click();
        await nav.getByRole('link', { name: 'Home', exact: true }).waitFor();
        await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
        expect(await nav.getByRole('link', { name: 'Beranda', exact: true }).count()).toBe(0);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
        expect(await page.evaluate(() => localStorage.getItem('jejak.language'))).toBe('en');
        await page.reload();
        await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Facilities' }).waitFor();

        // Back to Bahasa Indonesia, then log out.
        await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: /^ID/ }).click();
        await nav.getByRole('link', { name: 'Beranda', exact: true }).waitFor();
        await page.getByRole('button', { name: 'Keluar' }).click();
        await page.waitForURL('**/login');
        await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
        await page.getByText('Anda telah keluar.').waitFor();
        expect(await page.evaluate(() => localStorage.getItem('jejak.token'))).toBeNull();

        // The old token is gone: protected pages lead back to the login form.
        await page.goto(new URL('/facilities', system.url).toString());
        await page.waitForURL('**/login');
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('a wrong password is refused with its own message', async () => {
    const { context, page, errors } = await openDashboard(system.url, '/login');
    try {
      await logIn(page, 'bpom@demo.test', 'not-the-password');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Email atau kata sandi salah.');
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(await page.getByRole('navigation', { name: 'Navigasi utama' }).count()).toBe(0);
      expect(await page.evaluate(() => localStorage.getItem('jejak.token'))).toBeNull();
      await page.screenshot({ path: path.join(SCREENSHOTS, 'login-wrong-password.png') });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a token the server no longer accepts sends the user to the login page with a message', async () => {
    const { context, page, errors } = await openDashboard(system.url, '/login');
    try {
      await page.evaluate(() => localStorage.setItem('jejak.token', 'jjk_s_not-a-real-token'));
      await page.goto(new URL('/facilities', system.url).toString());
      await page.waitForURL('**/login');
      await page.getByText('Sesi Anda tidak berlaku lagi. Silakan masuk kembali.').waitFor();
      expect(await page.evaluate(() => localStorage.getItem('jejak.token'))).toBeNull();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('an expired login', () => {
  let shortSessions: RunningSystem;

  beforeAll(async () => {
    // Logins that last about two seconds.
    shortSessions = await startSystem({ env: { SESSION_HOURS: '0.0005' } });
  });

  afterAll(async () => {
    await shortSessions?.stop();
  });

  it('is told apart from a wrong password: the login page says the session has ended', async () => {
    const { context, page, errors } = await openDashboard(shortSessions.url, '/login');
    try {
      await logIn(page, 'pbf@demo.test', PASSWORD);
      await page.waitForURL((url) => url.pathname !== '/login');
      await page.waitForTimeout(2_500);
      await page.goto(new URL('/facilities', shortSessions.url).toString());
      await page.waitForURL('**/login');
      await page.getByText('Sesi Anda telah berakhir. Silakan masuk kembali.').waitFor();
      expect(await page.evaluate(() => localStorage.getItem('jejak.token'))).toBeNull();

      // Logging in again returns to the page that was asked for.
      await logIn(page, 'pbf@demo.test', PASSWORD);
      await page.getByRole('heading', { level: 1, name: 'Fasilitas' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/facilities');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
