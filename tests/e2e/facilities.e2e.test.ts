import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlOk, login } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { PHONE, SCREENSHOTS, overflowing, shot, sidewaysTables, signedInTab } from '../support/work.js';
import { startSystem, type RunningSystem } from '../support/system.js';

let system: RunningSystem;
let browser: Browser;
let admin: string;
/** Organisations of this file's own, so the demo ones keep their one facility each for the other flows. */
let distributor: { id: string; name: string };
let pharmacyAdmin: string;

/** The GS1 check digit of 12 digits. */
function checkDigit(body: string): string {
  const sum = [...body].reverse().reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 3 : 1), 0);
  return String((10 - (sum % 10)) % 10);
}

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  system = await startSystem();
  admin = await login(system.url, 'admin@demo.test');
  const suffix = String(Date.now()).slice(-6);
  const made = async (name: string, type: string) =>
    (await gqlOk(system.url, `mutation($i: OrganizationInput!) { createOrganization(input: $i) { id name } }`, { i: { name, type, facility: { name: `${name} Pusat` } } }, admin)).createOrganization;
  distributor = await made(`PBF Uji Fasilitas ${suffix}`, 'DISTRIBUTOR');
  const pharmacy = await made(`Apotek Uji Fasilitas ${suffix}`, 'PHARMACY');
  const email = `admin-${suffix}@facilities.test`;
  await gqlOk(system.url, `mutation($i: UserInput!) { createUser(input: $i) { id } }`, { i: { email, name: 'Admin Apotek Uji', password: 'demo12345-uji', role: 'ADMIN', organizationId: pharmacy.id } }, admin);
  pharmacyAdmin = await login(system.url, email, 'demo12345-uji');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

describe('adding a facility to an existing organisation', () => {
  it('BPOM’s administrator picks the organisation; the GLN is checked as typed', async () => {
    const { context, page, errors } = await signedInTab(browser, admin);
    try {
      await page.goto(new URL('/facilities', system.url).toString());
      const form = page.getByRole('form', { name: 'Tambah fasilitas' });
      await form.getByLabel('Organisasi').selectOption({ label: distributor.name });
      await form.getByText(`Fasilitas ${distributor.name} berjenis`).waitFor();
      await form.getByLabel('Nama', { exact: true }).fill('Gudang Cabang Bekasi Uji');
      const body = `8991${String(Date.now()).slice(-8)}`;
      const right = checkDigit(body);
      await form.getByLabel(/^GLN/).fill(body.slice(0, 9));
      await form.getByText('GLN terdiri dari 13 angka; ada 9 angka.').waitFor();
      await form.getByLabel(/^GLN/).fill(`${body}${(Number(right) + 1) % 10}`);
      await form.getByText(`Digit periksa salah: angka terakhir seharusnya ${right}.`).waitFor();
      await shot(page, 'add-facility-gln');
      await form.getByLabel(/^GLN/).fill(`${body}${right}`);
      expect(await form.getByText('Digit periksa salah').count()).toBe(0);
      await form.getByRole('button', { name: 'Tambah fasilitas' }).click();
      await form.getByText(`Fasilitas Gudang Cabang Bekasi Uji ditambahkan ke ${distributor.name}.`).waitFor();
      const { facilities } = await gqlOk(system.url, `query($s: String) { facilities(search: $s) { name type gln } }`, { s: 'Cabang Bekasi Uji' }, admin);
      expect(facilities).toEqual([{ name: 'Gudang Cabang Bekasi Uji', type: 'DISTRIBUTOR', gln: `${body}${right}` }]);

      // The same GLN again: refused, next to the field.
      await form.getByLabel('Nama', { exact: true }).fill('Gudang Kedua');
      await form.getByLabel(/^GLN/).fill(`${body}${right}`);
      await form.getByRole('button', { name: 'Tambah fasilitas' }).click();
      await form.getByText('GLN ini sudah dipakai fasilitas lain.').waitFor();
      // The directory above the form: its table fits a laptop's width.
      expect(await sidewaysTables(page)).toEqual([]);
      expect(await overflowing(page, {})).toEqual([]);
      await shot(page, 'add-facility');
      await page.setViewportSize(PHONE.viewport!);
      await page.waitForTimeout(300);
      expect(await overflowing(page)).toEqual([]);
      await shot(page, 'add-facility-phone');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('an organisation’s administrator adds one to its own organisation', async () => {
    const { context, page, errors } = await signedInTab(browser, pharmacyAdmin, PHONE);
    try {
      await page.goto(new URL('/facilities', system.url).toString());
      const form = page.getByRole('form', { name: 'Tambah fasilitas' });
      expect(await form.getByLabel('Organisasi').count()).toBe(0);
      await form.getByLabel('Nama', { exact: true }).fill('Apotek Cabang Sidoarjo Uji');
      await form.getByRole('button', { name: 'Tambah fasilitas' }).click();
      await form.getByText(/^Fasilitas Apotek Cabang Sidoarjo Uji ditambahkan ke /).waitFor();
      const { facilities } = await gqlOk(system.url, `query($s: String) { facilities(search: $s) { type } }`, { s: 'Cabang Sidoarjo Uji' }, pharmacyAdmin);
      expect(facilities).toEqual([{ type: 'PHARMACY' }]);
      expect(await overflowing(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
