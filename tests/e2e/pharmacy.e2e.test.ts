import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activate, freshBatch, freshNie, gqlOk, issueCodes, loginAll, type IssuedCode } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { startSystem, type RunningSystem } from '../support/system.js';
import { APOTEK, PBF, SCREENSHOTS, endFlow, facilityId, move, phoneScreens, scanItem, shot, signedInTab, uploadCsv, waitForState, type Tab } from '../support/work.js';


let system: RunningSystem;
let browser: Browser;
let tokens: { industri: string; bpom: string; pbf: string; apotek: string };
let tab: Tab;
let packs: IssuedCode[];
const product = { nie: freshNie(), name: '' };
product.name = `Omeprazol Uji ${product.nie.slice(3, 8)}`;
const batch = freshBatch();
/** Within the 90-day near-expiry window. */
const soon = new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10);

const at = (pathname: string) => new URL(pathname, system.url).toString();

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  system = await startSystem();
  tokens = await loginAll(system.url, ['industri', 'bpom', 'pbf', 'apotek']);
  packs = await issueCodes(system.url, tokens, { nie: product.nie, name: product.name, form: 'Kapsul', packaging: 'Dus, 3 strip' }, { batch, expiry: soon, quantity: 4 });
  const codes = packs.map((pack) => pack.text);
  await activate(system.url, tokens.industri, codes);
  await move(system.url, tokens.industri, 'ship', codes, await facilityId(system.url, tokens.industri, PBF));
  await move(system.url, tokens.pbf, 'receive', codes);
  await move(system.url, tokens.pbf, 'ship', codes, await facilityId(system.url, tokens.pbf, APOTEK));
  browser = await launchBrowser();
  tab = await signedInTab(browser, tokens.apotek);
});

afterAll(() => endFlow({ tab, browser, system }));

const statusOf = async (code: string) =>
  (await gqlOk<{ pack: { status: string } }>(system.url, `query($c: String!) { pack(code: $c) { status } }`, { c: code }, tokens.apotek)).pack.status;

describe('a pharmacy receives and dispenses', () => {
  it('receives a delivery from a CSV file, with a progress bar', async () => {
    const { page } = tab;
    await page.goto(at('/receive'));
    await page.getByRole('heading', { level: 1, name: 'Terima' }).waitFor();
    const csv = ['kode', ...packs.map((pack) => `"${pack.text}"`)].join('\n');
    await uploadCsv(page, 'penerimaan.csv', csv);
    await waitForState(page, 'accepted', 4);
    await page.getByText('Diproses 4 dari 4 baris').waitFor();
    expect(await page.locator('.scan-progress progress').getAttribute('value')).toBe('4');
    await shot(page, 'pharmacy-receive');
    expect(await statusOf(packs[0]!.text)).toBe('ACTIVE');
  });

  it('shows its stock with the batch marked as expiring soon', async () => {
    const { page } = tab;
    await page.goto(at('/stock'));
    await page.getByRole('heading', { level: 1, name: 'Stok' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: batch });
    await row.getByText('Segera kedaluwarsa').waitFor();
    expect(await row.innerText()).toContain(product.name);
    await shot(page, 'pharmacy-stock');
  });

  it('dispenses by scanner, refuses a second dispense with the reason, and undoes one', async () => {
    const { page } = tab;
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Serahkan ke pasien' }).click();
    await page.getByRole('heading', { level: 1, name: 'Serahkan ke pasien' }).waitFor();
    const field = page.getByLabel('Kode (pemindai USB atau ketik)');
    for (const pack of packs.slice(0, 2)) {
      await field.fill(`]d2${pack.raw}`);
      await field.press('Enter');
    }
    await waitForState(page, 'accepted', 2);
    await page.getByText('2 diserahkan').waitFor();
    expect(await statusOf(packs[0]!.text)).toBe('DISPENSED');

    // Once more, after a new list: the API refuses it, and the screen says why.
    await page.getByRole('button', { name: 'Mulai daftar baru' }).click();
    await field.fill(packs[0]!.text);
    await field.press('Enter');
    await scanItem(page, packs[0]!.text).getByText('Tindakan ini sudah dilakukan pada kemasan ini.').waitFor();
    await shot(page, 'pharmacy-dispense');

    await page.goto(at('/undo'));
    await page.getByRole('heading', { level: 1, name: 'Batalkan' }).waitFor();
    await field.fill(packs[1]!.text);
    await field.press('Enter');
    await scanItem(page, packs[1]!.text).and(page.locator('[data-state="accepted"]')).waitFor();
    expect(await statusOf(packs[1]!.text)).toBe('ACTIVE');
    await shot(page, 'pharmacy-undo');
  });

  it('takes a broken pack out of circulation as destroyed, once a reason is chosen', async () => {
    const { page } = tab;
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Keluarkan dari peredaran' }).click();
    await page.getByRole('heading', { level: 1, name: 'Keluarkan dari peredaran' }).waitFor();
    // The facility is known: only the missing reason keeps the scanner off.
    await page.getByText(APOTEK).first().waitFor();
    await page.getByText('Pilih alasan dulu.').waitFor();
    const field = page.getByLabel('Kode (pemindai USB atau ketik)');
    expect(await field.isDisabled()).toBe(true);
    await page.getByRole('combobox', { name: 'Alasan', exact: true }).selectOption({ label: 'Dimusnahkan' });
    await field.fill(packs[3]!.text);
    await field.press('Enter');
    await scanItem(page, packs[3]!.text).and(page.locator('[data-state="accepted"]')).waitFor();
    expect(await statusOf(packs[3]!.text)).toBe('DESTROYED');
    await shot(page, 'pharmacy-decommission');
  });

  it('works in English too', async () => {
    const { page } = tab;
    await page.goto(at('/dispense'));
    await page.getByRole('group', { name: 'Bahasa' }).getByRole('button', { name: /^EN/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Dispense' }).waitFor();
    await page.getByText('This has already been done to this pack.').or(page.getByText('No codes read yet.')).first().waitFor();
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: /^ID/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Serahkan ke pasien' }).waitFor();
  });

  it('fits a 360 px phone', async () => {
    await phoneScreens(browser, system.url, tokens.apotek, [
      ['/dispense', 'pharmacy-dispense-phone'],
      ['/stock', 'pharmacy-stock-phone'],
    ]);
  });
});
