import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlOk, login } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { startSystem, type RunningSystem } from '../support/system.js';
import { LAPTOP, SCREENSHOTS, endFlow, loggedIn, screenshots, shot, type Tab } from '../support/work.js';

let system: RunningSystem;
let browser: Browser;
/** The pharmacy's administrator, in the dashboard. */
let admin: Tab;
let adminToken: string;
const user = { name: 'Kasir Uji', email: `kasir-${randomBytes(3).toString('hex')}@apotek.test`, password: 'kuda-laut-biru-7' };

const at = (pathname: string) => new URL(pathname, system.url).toString();
const ME = `{ me { email } }`;
const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigasi utama' });
const userRow = (page: Page) => page.getByRole('row').filter({ hasText: user.email });

/** A fresh profile at a laptop's size, on the login form. */
async function loginForm(): Promise<Tab> {
  const context = await browser.newContext({ viewport: LAPTOP });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(at('/login'));
  return { context, page, errors };
}

async function fillLogin(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
}

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  system = await startSystem();
  adminToken = await login(system.url, 'apotek@demo.test');
  await gqlOk(system.url, `mutation($i: UserInput!) { createUser(input: $i) { id } }`, { i: { ...user, role: 'OPERATOR' } }, adminToken);
  browser = await launchBrowser();
  admin = await loggedIn(browser, system.url, 'apotek@demo.test');
});

afterAll(() => endFlow({ tab: admin, browser, system }));

describe('accounts in the dashboard', () => {
  it('an administrator disables a user, whose logins end at once, and enables them again', async () => {
    const userToken = await login(system.url, user.email, user.password);
    const { page } = admin;
    await nav(page).getByRole('link', { name: 'Pengguna' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();
    await userRow(page).getByText('Aktif', { exact: true }).waitFor();
    // No action on one's own row.
    expect(await page.getByRole('row').filter({ hasText: 'apotek@demo.test' }).getByRole('button').count()).toBe(0);

    await userRow(page).getByRole('button', { name: `Nonaktifkan ${user.name}` }).click();
    const confirm = page.getByRole('group', { name: `Nonaktifkan ${user.name}` });
    await confirm.getByText(/Semua sesi masuknya langsung berakhir/).waitFor();
    await confirm.getByRole('button', { name: 'Ya, nonaktifkan' }).click();
    await page.getByText(`${user.name} telah dinonaktifkan; semua sesinya berakhir.`).waitFor();
    await userRow(page).getByText('Dinonaktifkan').waitFor();
    expect((await gql(system.url, ME, {}, userToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await shot(page, 'users-disabled');

    // The user is refused at the login form with the reason.
    const refused = await loginForm();
    try {
      await fillLogin(refused.page, user.email, user.password);
      await refused.page.getByRole('alert').getByText('Akun ini dinonaktifkan. Hubungi administrator organisasi Anda.').waitFor();
      expect(refused.errors).toEqual([]);
    } finally {
      await refused.context.close();
    }

    await userRow(page).getByRole('button', { name: `Aktifkan ${user.name}` }).click();
    await page.getByText(`${user.name} dapat masuk kembali.`).waitFor();
    await userRow(page).getByText('Aktif', { exact: true }).waitFor();
    await expect(login(system.url, user.email, user.password)).resolves.toMatch(/^jjs_/);
  });

  it('an administrator resets a password; the user logs in with it and must change it first', async () => {
    const { page } = admin;
    await page.goto(at('/users'));
    await userRow(page).getByRole('button', { name: `Atur ulang kata sandi ${user.name}` }).click();
    await page.getByRole('group', { name: `Atur ulang kata sandi ${user.name}` }).getByRole('button', { name: 'Ya, atur ulang' }).click();
    await page.getByRole('heading', { name: `Kata sandi sementara untuk ${user.email}` }).waitFor();
    const temporary = await page.getByLabel('Kata sandi sementara', { exact: true }).inputValue();
    expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await userRow(page).getByText('Harus ganti kata sandi').waitFor();
    await shot(page, 'users-reset');
    await page.getByRole('button', { name: 'Sudah saya sampaikan' }).click();
    expect(await page.getByLabel('Kata sandi sementara', { exact: true }).count()).toBe(0);

    const tab = await loginForm();
    try {
      await fillLogin(tab.page, user.email, temporary);
      await tab.page.getByRole('heading', { level: 1, name: 'Ganti kata sandi sementara' }).waitFor();
      expect(await tab.page.getByRole('navigation', { name: 'Navigasi utama' }).count()).toBe(0);
      // Other screens stay closed until the password is changed.
      await tab.page.goto(at('/facilities'));
      await tab.page.getByRole('heading', { level: 1, name: 'Ganti kata sandi sementara' }).waitFor();
      await tab.page.screenshot({ path: `${SCREENSHOTS}/account-forced-change.png`, fullPage: true });

      await tab.page.getByLabel('Kata sandi baru', { exact: true }).fill('password123');
      await tab.page.getByLabel('Ulangi kata sandi baru').fill('password123');
      await tab.page.getByRole('button', { name: 'Ganti kata sandi' }).click();
      await tab.page.getByText('Kata sandi ini terlalu umum dipakai; pilih yang lain.').waitFor();

      user.password = 'obat-aman-2026';
      await tab.page.getByLabel('Kata sandi baru', { exact: true }).fill(user.password);
      await tab.page.getByLabel('Ulangi kata sandi baru').fill(user.password);
      await tab.page.getByRole('button', { name: 'Ganti kata sandi' }).click();
      await tab.page.getByRole('heading', { level: 1, name: 'Fasilitas' }).waitFor();
      await nav(tab.page).waitFor();
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.context.close();
    }
    // The temporary password logged in once; the new one works.
    expect((await gql(system.url, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: user.email, p: temporary })).errors?.[0]?.extensions?.code).toBe(
      'INVALID_CREDENTIALS',
    );
    await expect(login(system.url, user.email, user.password)).resolves.toMatch(/^jjs_/);
  });

  it('a user sees their logins on the account page and ends another one', async () => {
    const elsewhere = await login(system.url, user.email, user.password);
    const tab = await loginForm();
    try {
      await fillLogin(tab.page, user.email, user.password);
      await tab.page.getByRole('heading', { level: 1, name: 'Beranda' }).waitFor();
      await nav(tab.page).getByRole('link', { name: 'Akun saya' }).click();
      await tab.page.getByRole('heading', { level: 1, name: 'Akun saya' }).waitFor();
      const sessions = tab.page.getByRole('region', { name: 'Sesi masuk' });
      await sessions.getByText('Sesi ini').waitFor();
      const rows = sessions.getByRole('row');
      await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(3);
      const ends = sessions.getByRole('button', { name: /^Akhiri sesi / });
      const before = await ends.count();
      expect(before).toBeGreaterThanOrEqual(1);
      await tab.page.screenshot({ path: `${SCREENSHOTS}/account.png`, fullPage: true });

      await ends.first().click();
      await sessions.getByText(/^Sesi .* telah diakhiri\.$/).waitFor();
      await expect.poll(() => ends.count()).toBe(before - 1);
      await sessions.getByRole('button', { name: 'Akhiri semua sesi lain' }).click();
      await expect.poll(() => ends.count()).toBe(0);
      expect((await gql(system.url, ME, {}, elsewhere)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

      // Changing the password here needs the current one.
      const form = tab.page.getByRole('region', { name: 'Ganti kata sandi' });
      await form.getByLabel('Kata sandi saat ini').fill('bukan-sandinya-1');
      await form.getByLabel('Kata sandi baru', { exact: true }).fill('gudang-timur-42');
      await form.getByLabel('Ulangi kata sandi baru').fill('gudang-timur-42');
      await form.getByRole('button', { name: 'Ganti kata sandi' }).click();
      await form.getByText('Kata sandi saat ini salah.').waitFor();
      await form.getByLabel('Kata sandi saat ini').fill(user.password);
      await form.getByRole('button', { name: 'Ganti kata sandi' }).click();
      await form.getByText(/^Kata sandi telah diganti\./).waitFor();
      user.password = 'gudang-timur-42';
      expect(await screenshots(tab.page, 'account-page')).toEqual([]);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.context.close();
    }
  });

  it('an administrator creates an API key with an expiry, sees it in the list, and reads the audit log', async () => {
    const { page } = admin;
    await nav(page).getByRole('link', { name: 'Kunci API' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kunci API' }).waitFor();
    const inThirtyDays = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Nama kunci').fill('Kasir POS');
    await page.getByLabel('Berlaku sampai tanggal').fill(inThirtyDays);
    await page.getByText(/Kunci berhenti bekerja pada/).waitFor();
    await page.getByRole('button', { name: 'Buat kunci' }).click();
    await page.getByText(/Kunci ini berhenti bekerja pada/).waitFor();
    const secret = await page.getByLabel('Kunci rahasia').inputValue();
    await page.getByRole('button', { name: 'Saya sudah menyimpannya' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Kasir POS' });
    await row.waitFor();
    const [year, month, day] = inThirtyDays.split('-').map(Number) as [number, number, number];
    const shown = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
    expect(await row.innerText()).toContain(shown);
    await shot(page, 'api-keys-expiry');
    expect((await gql(system.url, `{ facilities { id } }`, {}, secret)).errors).toBeUndefined();

    // Past dates are refused before anything is sent.
    await page.getByLabel('Nama kunci').fill('Kemarin');
    await page.getByLabel('Berlaku sampai tanggal').fill('2020-01-01');
    await page.getByRole('button', { name: 'Buat kunci' }).click();
    await page.getByText('Pilih tanggal setelah hari ini.').waitFor();

    await nav(page).getByRole('link', { name: 'Log audit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log audit' }).waitFor();
    const log = page.getByRole('region', { name: 'Daftar kejadian' });
    for (const event of ['Kunci API dibuat', 'Kata sandi diganti', 'Kata sandi diatur ulang', 'Pengguna diaktifkan', 'Pengguna dinonaktifkan', 'Pengguna ditambahkan']) {
      await log.getByRole('cell', { name: event }).first().waitFor();
    }
    await page.getByLabel('Kejadian', { exact: true }).selectOption('USER_DISABLED');
    await expect.poll(() => log.getByRole('row').count()).toBe(2);
    expect(await log.getByRole('row').nth(1).innerText()).toContain(user.email);
    expect(await screenshots(page, 'audit-log')).toEqual([]);
  });
});
