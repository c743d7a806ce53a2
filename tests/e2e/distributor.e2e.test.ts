import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activate, freshBatch, freshNie, gqlOk, issueCodes, loginAll, type IssuedCode } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { startSystem, type RunningSystem } from '../support/system.js';
import { APOTEK, PBF, SCREENSHOTS, endFlow, facilityId, move, phoneScreens, scanItem, shot, signedInTab, waitForState, type Tab } from '../support/work.js';


let system: RunningSystem;
let browser: Browser;
let tokens: { industri: string; bpom: string; pbf: string };
let tab: Tab;
let shipped: IssuedCode[];
/** Activated but never shipped to the distributor. */
let notShipped: IssuedCode;
const product = { nie: freshNie(), name: '' };
product.name = `Simvastatin Uji ${product.nie.slice(3, 8)}`;
const batch = freshBatch();

const at = (pathname: string) => new URL(pathname, system.url).toString();

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  system = await startSystem();
  tokens = await loginAll(system.url, ['industri', 'bpom', 'pbf']);
  const units = await issueCodes(system.url, tokens, { nie: product.nie, name: product.name, form: 'Tablet', packaging: 'Dus, 3 strip' }, { batch, expiry: '2029-10-31', quantity: 5 });
  await activate(system.url, tokens.industri, units.map((unit) => unit.text));
  shipped = units.slice(0, 4);
  notShipped = units[4]!;
  await move(system.url, tokens.industri, 'ship', shipped.map((unit) => unit.text), await facilityId(system.url, tokens.industri, PBF));
  browser = await launchBrowser();
  tab = await signedInTab(browser, tokens.pbf);
});

afterAll(() => endFlow({ tab, browser, system }));

describe('a distributor receives and ships on', () => {
  it('receives what was shipped to it; a pack never shipped to it is refused with the reason', async () => {
    const { page } = tab;
    await page.goto(at('/'));
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Terima' }).click();
    await page.getByRole('heading', { level: 1, name: 'Terima' }).waitFor();
    await page.getByText(`Dicatat atas nama: ${PBF}`).waitFor();
    await page.getByText('Tempel banyak kode').click();
    await page.getByLabel('Kode, satu per baris').fill([...shipped.map((unit) => unit.text), notShipped.text].join('\n'));
    await page.getByRole('button', { name: 'Tambahkan ke daftar' }).click();
    await waitForState(page, 'accepted', 4);
    await scanItem(page, notShipped.text).getByText('Kemasan ini tidak dikirim ke fasilitas Anda. BPOM diberi tahu.').waitFor();
    expect(await scanItem(page, notShipped.text).getAttribute('data-state')).toBe('rejected');
    await page.getByText('4 diterima').waitFor();
    await shot(page, 'distributor-receive');
  });

  it('sees the batch in its stock', async () => {
    const { page } = tab;
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Stok', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Stok' }).waitFor();
    await page.getByLabel('Cari').fill(batch);
    const row = page.getByRole('row').filter({ hasText: batch });
    await row.waitFor();
    expect(await row.innerText()).toContain(product.name);
    expect(await row.getByRole('cell').nth(4).innerText()).toContain('4');
    await page.getByLabel('Cari').fill('');
    await shot(page, 'distributor-stock');
  });

  it('ships on to a pharmacy with a USB scanner, on a delivery note', async () => {
    const { page } = tab;
    await page.goto(at('/ship'));
    await page.getByRole('heading', { level: 1, name: 'Kirim' }).waitFor();
    await page.getByLabel('Jenis tujuan').selectOption({ label: 'Apotek' });
    await page.getByLabel('Cari tujuan').fill('Sentosa');
    await page.getByLabel('Fasilitas tujuan').selectOption(await facilityId(system.url, tokens.pbf, APOTEK));
    await page.getByRole('button', { name: 'Buka surat jalan' }).click();
    await page.getByRole('heading', { level: 2, name: /^Surat jalan SJ-/ }).waitFor();
    const field = page.getByLabel('Kode (pemindai USB atau ketik)');
    for (const unit of shipped.slice(0, 3)) {
      await field.fill(unit.raw.replace(/\u001d/g, '<GS>'));
      await field.press('Enter');
    }
    await waitForState(page, 'accepted', 3);
    await page.getByText('3 masuk surat jalan').waitFor();
    await shot(page, 'distributor-ship');
    await page.getByRole('button', { name: 'Berangkatkan' }).click();
    await page.getByRole('button', { name: 'Ya, berangkatkan' }).click();
    await page.getByText(new RegExp(`diberangkatkan ke ${APOTEK}: 3 unit\\.$`)).waitFor();
    for (const unit of shipped.slice(0, 3)) {
      const { pack } = await gqlOk<{ pack: { status: string; destination: { name: string } } }>(system.url, `query($c: String!) { pack(code: $c) { status destination { name } } }`, { c: unit.text }, tokens.pbf);
      expect(pack).toMatchObject({ status: 'IN_TRANSIT', destination: { name: APOTEK } });
    }
  });

  it('fits a 360 px phone', async () => {
    await phoneScreens(browser, system.url, tokens.pbf, [
      ['/receive', 'distributor-receive-phone'],
      ['/ship', 'distributor-ship-phone'],
      ['/stock', 'distributor-stock-phone'],
    ]);
  });
});
