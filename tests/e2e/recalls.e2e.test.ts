import { mkdir } from 'node:fs/promises';
import { parse } from '@jejak/gs1';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activate, freshBatch, freshNie, gqlOk, issueAllCodes, loginAll } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { startSystem, type RunningSystem } from '../support/system.js';
import { APOTEK, PBF, SCREENSHOTS, facilityId, move, overflowing, phoneScreens, shot, sidewaysTables, signedInTab, type Tab } from '../support/work.js';

/**
 * A recall reaches every holder: BPOM recalls a batch picked from lists; the pharmacy holding it
 * sees a banner on every screen, a pull list by case and unit, the recalled badge in its stock and
 * a notification; BPOM follows each facility's part (held, returned, destroyed) and closes it.
 */

let system: RunningSystem;
let browser: Browser;
let tokens: { industri: string; bpom: string; pbf: string; apotek: string };
const tabs: Partial<Record<'bpom' | 'apotek' | 'pbf' | 'industri', Tab>> = {};
const product = { nie: freshNie(), name: '' };
product.name = `Kaptopril Tarik ${product.nie.slice(3, 8)}`;
const batch = freshBatch();
let units: string[];
let box: string;
let recallId: string;

const at = (pathname: string) => new URL(pathname, system.url).toString();
const unreadOf = async (token: string) =>
  (await gqlOk<{ notifications: { unread: number } }>(system.url, `{ notifications(first: 1) { unread } }`, {}, token)).notifications.unread;
const pullListOf = async (token: string) =>
  (await gqlOk<{ recall: { pullList: Array<{ code: string; level: string; units: number }> } }>(system.url, `query($id: ID!) { recall(id: $id) { pullList { code level units } } }`, { id: recallId }, token))
    .recall.pullList;

/** The banner's line for this test's batch, on whatever screen is open. */
const bannerLine = (page: Page) => page.getByRole('region', { name: 'Penarikan obat yang harus ditindaklanjuti' }).getByRole('listitem').filter({ hasText: `bets ${batch}` });

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  system = await startSystem();
  const url = system.url;
  tokens = await loginAll(url, ['industri', 'bpom', 'pbf', 'apotek']);
  const codes = await issueAllCodes(url, tokens, { nie: product.nie, name: product.name, form: 'Tablet', strength: '25 mg' }, { batch, expiry: '2029-05-31', quantity: 8, unitsPerCase: 4 });
  units = codes.filter((code) => code.level === 'UNIT').map((code) => code.text);
  box = codes.find((code) => code.level === 'CASE')!.text;
  await activate(url, tokens.industri, units);
  await gqlOk(url, `mutation($p: String!, $c: [String!]!) { aggregate(parent: $p, children: $c) { accepted } }`, { p: box, c: units.slice(0, 4) }, tokens.industri);
  // The pharmacy ends up with the case and one unit, the distributor with one unit.
  await move(url, tokens.industri, 'ship', [box, units[4]!, units[5]!], await facilityId(url, tokens.industri, PBF));
  await move(url, tokens.pbf, 'receive', [box, units[4]!, units[5]!]);
  await move(url, tokens.pbf, 'ship', [box, units[4]!], await facilityId(url, tokens.pbf, APOTEK));
  await move(url, tokens.apotek, 'receive', [box, units[4]!]);
  browser = await launchBrowser();
  for (const who of ['bpom', 'apotek', 'pbf', 'industri'] as const) tabs[who] = await signedInTab(browser, tokens[who]);
});

afterAll(async () => {
  const errors = Object.entries(tabs).flatMap(([who, tab]) => tab.errors.map((error) => `${who}: ${error}`));
  for (const tab of Object.values(tabs)) await tab.context.close().catch(() => undefined);
  await browser?.close();
  await system?.stop();
  expect(errors).toEqual([]);
});

describe('a recall reaches every holder', () => {
  it('BPOM recalls a batch picked from the product and batch lists, and sees where its units are', async () => {
    const page = tabs.bpom!.page;
    await page.goto(at('/recalls'));
    await page.getByRole('heading', { level: 1, name: 'Penarikan obat' }).waitFor();
    await page.getByLabel('Cari produk').fill(product.nie);
    const productList = page.getByLabel('Produk', { exact: true });
    await productList.locator(`option[value="${product.nie}"]`).waitFor({ state: 'attached' });
    await productList.selectOption(product.nie);
    const batchList = page.getByLabel('Nomor bets');
    await batchList.locator(`option[value="${batch}"]`).waitFor({ state: 'attached' });
    expect(await batchList.locator(`option[value="${batch}"]`).innerText()).toBe(`${batch} · kedaluwarsa 31 Mei 2029`);
    await batchList.selectOption(batch);
    await page.getByLabel('Kelas penarikan').selectOption('I');
    await page.getByLabel('Alasan penarikan').fill('Uji: hasil disolusi di bawah spesifikasi');
    await page.getByRole('button', { name: 'Tarik bets' }).click();
    await page.getByRole('button', { name: 'Ya, tarik bets ini' }).click();
    await page.getByText('Penarikan dimulai.').waitFor();
    recallId = new URL(page.url()).searchParams.get('recall')!;
    expect(recallId).toBeTruthy();
    // The batch is marked in the list: it cannot be recalled twice.
    const marked = batchList.locator(`option[value="${batch}"]`, { hasText: '(sudah ditarik)' });
    await marked.waitFor({ state: 'attached' });
    expect(await marked.isDisabled()).toBe(true);

    const facilities = page.getByRole('region', { name: 'Kemajuan per fasilitas' });
    const pharmacy = facilities.getByRole('row').filter({ hasText: APOTEK });
    await pharmacy.waitFor();
    expect(await pharmacy.getByRole('cell').nth(1).innerText()).toBe('5');
    expect(await facilities.getByRole('row').filter({ hasText: PBF }).getByRole('cell').nth(1).innerText()).toBe('1');

    // BPOM opens a holder's pull list from there.
    await pharmacy.getByRole('link', { name: `Daftar tarik ${APOTEK}` }).click();
    await page.getByRole('heading', { level: 1, name: `Daftar tarik ${product.name} bets ${batch}` }).waitFor();
    await page.getByText(`Yang dipegang ${APOTEK} dari bets ini`).waitFor();
    expect(await page.getByRole('table', { name: 'Yang harus ditarik' }).getByRole('row').count()).toBe(3);
  });

  it('the pharmacy holding it sees a banner on every screen and a notification in the bell', async () => {
    const page = tabs.apotek!.page;
    await page.goto(at('/'));
    const line = bannerLine(page);
    await line.getByText(`Penarikan kelas I: ${product.name} bets ${batch}.`).waitFor();
    await line.getByText('Fasilitas Anda masih memegang 5 unit. Jangan serahkan kepada pasien.').waitFor();
    const unread = await unreadOf(tokens.apotek);
    expect(unread).toBeGreaterThanOrEqual(1);
    await page.getByRole('link', { name: `Notifikasi, ${unread} belum dibaca` }).waitFor();
    await shot(page, 'pharmacy-recall-banner');
    // The banner follows the pharmacy to its other screens.
    await page.goto(at('/dispense'));
    await bannerLine(page).waitFor();
  });

  it('the pull list names the case by its SSCC and the loose unit by its serial', async () => {
    const page = tabs.apotek!.page;
    await bannerLine(page).getByRole('link', { name: `Lihat daftar tarik bets ${batch}` }).click();
    await page.getByRole('heading', { level: 1, name: `Daftar tarik ${product.name} bets ${batch}` }).waitFor();
    await page.getByText('Penarikan kelas I: jangan serahkan kepada pasien').waitFor();
    const table = page.getByRole('table', { name: 'Yang harus ditarik' });
    const expected = await pullListOf(tokens.apotek);
    expect(expected.map((item) => [item.code, item.level, item.units]).sort()).toEqual([
      [box, 'CASE', 4],
      [units[4]!, 'UNIT', 1],
    ].sort());
    const caseRow = table.getByRole('row').filter({ hasText: box });
    expect((await caseRow.innerText()).replace(/\s+/g, ' ')).toContain(`${parse(box).sscc} Dus 4`);
    const unitRow = table.getByRole('row').filter({ hasText: units[4]! });
    expect((await unitRow.innerText()).replace(/\s+/g, ' ')).toContain(`${parse(units[4]!).serial} Unit 1`);
    expect((await page.locator('.figures').innerText()).replace(/\s+/g, ' ')).toContain('Unit yang harus ditarik 5');
    await page.getByRole('link', { name: 'Buka layar Retur' }).waitFor();
    await shot(page, 'pharmacy-pull-list');
  });

  it('marks the recalled batch in the stock, and filters the stock to it', async () => {
    const page = tabs.apotek!.page;
    await page.goto(at('/stock?recalled=1'));
    await page.getByRole('heading', { level: 1, name: 'Stok' }).waitFor();
    expect(await page.getByLabel('Bets yang ditarik').isChecked()).toBe(true);
    const row = page.getByRole('row').filter({ hasText: batch });
    await row.getByText('Ditarik', { exact: true }).waitFor();
    const rows = page.getByRole('table').getByRole('row');
    const count = await rows.count();
    for (let i = 1; i < count; i++) expect(await rows.nth(i).getByText('Ditarik', { exact: true }).count()).toBe(1);
    await page.getByLabel('Bets yang ditarik').uncheck();
    expect(new URL(page.url()).searchParams.get('recalled')).toBeNull();
    await shot(page, 'pharmacy-stock-recalled');
  });

  it('reads the notification and marks notifications read; the bell follows', async () => {
    const page = tabs.apotek!.page;
    const before = await unreadOf(tokens.apotek);
    await page.getByRole('link', { name: `Notifikasi, ${before} belum dibaca` }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifikasi' }).waitFor();
    const item = page.locator('.notification').filter({ hasText: `${product.name} bets ${batch} ditarik. Anda memegang 5 unit` });
    await item.getByText('Penarikan obat').waitFor();
    expect(await item.getAttribute('data-read')).toBe('false');
    await shot(page, 'pharmacy-notifications');
    await item.getByRole('button', { name: 'Tandai sudah dibaca' }).click();
    await page.getByRole('link', { name: `Notifikasi, ${before - 1} belum dibaca` }).waitFor();
    await item.and(page.locator('[data-read="true"]')).waitFor();
    expect(await item.getByRole('button', { name: 'Tandai sudah dibaca' }).count()).toBe(0);
    expect(await unreadOf(tokens.apotek)).toBe(before - 1);
    if (before > 1) {
      await page.getByRole('button', { name: 'Tandai semua sudah dibaca' }).click();
      await page.getByRole('link', { name: 'Notifikasi, 0 belum dibaca' }).waitFor();
    }
    expect(await page.getByTestId('unread-count').count()).toBe(0);
    expect(await unreadOf(tokens.apotek)).toBe(0);
  });

  it('BPOM sees each facility’s part once the pharmacy returns the case and destroys the unit', async () => {
    const pbf = await facilityId(system.url, tokens.apotek, PBF);
    await move(system.url, tokens.apotek, 'returnPacks', [box], pbf);
    await move(system.url, tokens.pbf, 'receive', [box]);
    await gqlOk(system.url, `mutation($c: [String!]!) { decommission(codes: $c, reason: DESTROYED) { accepted } }`, { c: [units[4]!] }, tokens.apotek);

    const page = tabs.bpom!.page;
    await page.goto(at(`/recalls?recall=${recallId}`));
    const facilities = page.getByRole('region', { name: 'Kemajuan per fasilitas' });
    const pharmacy = facilities.getByRole('row').filter({ hasText: APOTEK });
    await pharmacy.waitFor();
    // Held, returned, destroyed, dispensed.
    const cells = async (row: typeof pharmacy) => (await row.getByRole('cell').allInnerTexts()).slice(1, 5);
    expect(await cells(pharmacy)).toEqual(['0', '4', '1', '0']);
    expect(await cells(facilities.getByRole('row').filter({ hasText: PBF }))).toEqual(['5', '0', '0', '0']);
    expect(await sidewaysTables(page)).toEqual([]);
    expect(await overflowing(page)).toEqual([]);
    await shot(page, 'bpom-recall-facilities');

    // The pharmacy holds nothing of it any more: its recall list says so, and the banner (read
    // from the same answer) is gone.
    const apotek = tabs.apotek!.page;
    await apotek.goto(at('/pull-lists'));
    const held = apotek.getByRole('region', { name: 'Penarikan yang mengenai Anda' }).getByRole('row').filter({ hasText: batch });
    await held.getByRole('cell', { name: '0', exact: true }).waitFor();
    expect(await bannerLine(apotek).count()).toBe(0);
  });

  it('BPOM closes the recall: the distributor’s banner goes, the manufacturer is told', async () => {
    const pbf = tabs.pbf!.page;
    await pbf.goto(at('/'));
    await bannerLine(pbf).getByText('Fasilitas Anda masih memegang 5 unit.', { exact: false }).waitFor();

    const page = tabs.bpom!.page;
    await page.getByRole('button', { name: 'Tutup penarikan' }).click();
    await page.getByText(`Tutup penarikan ${product.nie} bets ${batch}? Masih ada 5 unit di rantai pasok.`).waitFor();
    await page.getByRole('button', { name: 'Ya, tutup penarikan' }).click();
    await page.getByRole('region', { name: `Kemajuan penarikan ${product.nie} bets ${batch}` }).getByText(/^Selesai · ditutup /).waitFor();
    const { recall } = await gqlOk<{ recall: { status: string } }>(system.url, `query($id: ID!) { recall(id: $id) { status } }`, { id: recallId }, tokens.bpom);
    expect(recall.status).toBe('CLOSED');
    expect(await page.getByRole('button', { name: 'Tutup penarikan' }).count()).toBe(0);
    await shot(page, 'bpom-recall-closed');

    await pbf.goto(at('/pull-lists'));
    const row = pbf.getByRole('region', { name: 'Penarikan yang mengenai Anda' }).getByRole('row').filter({ hasText: batch });
    await row.getByText('Selesai').waitFor();
    expect(await bannerLine(pbf).count()).toBe(0);

    const industri = tabs.industri!.page;
    await industri.goto(at('/notifications'));
    const closed = industri.locator('.notification').filter({ hasText: `BPOM menutup penarikan ${product.name} bets ${batch}.` });
    await closed.getByText('Penarikan ditutup').waitFor();
    await closed.getByRole('link', { name: 'Lihat penarikan' }).click();
    await industri.getByRole('heading', { level: 2, name: `Kemajuan penarikan ${product.nie} bets ${batch}` }).waitFor();
  });

  it('fits a 360 px phone and a 1366 × 768 laptop', async () => {
    await phoneScreens(browser, system.url, tokens.apotek, [
      [`/pull-lists/${recallId}`, 'pharmacy-pull-list-phone'],
      ['/pull-lists', 'pharmacy-recalls-phone'],
      ['/notifications', 'pharmacy-notifications-phone'],
    ]);
    await phoneScreens(browser, system.url, tokens.bpom, [[`/recalls?recall=${recallId}`, 'bpom-recall-phone']]);
    const page = tabs.apotek!.page;
    for (const route of [`/pull-lists/${recallId}`, '/pull-lists', '/notifications', '/stock']) {
      await page.goto(at(route));
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForTimeout(300);
      expect(await overflowing(page), route).toEqual([]);
      expect(await sidewaysTables(page), route).toEqual([]);
    }
  });
});
