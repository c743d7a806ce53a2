import { mkdir } from 'node:fs/promises';
import { hasValidCheckDigit, parse } from '@jejak/gs1';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activate, freshBatch, freshNie, gqlOk, issueAllCodes, loginAll } from '../support/api.js';
import { decodeBarcode } from '../support/barcode.js';
import { launchBrowser } from '../support/browser.js';
import { startSystem, type RunningSystem } from '../support/system.js';
import {
  APOTEK,
  LAPTOP,
  PBF,
  SCREENSHOTS,
  endFlow,
  facilityId,
  move,
  overflowing,
  phoneScreens,
  scanItem,
  shot,
  sidewaysTables,
  signedInTab,
  waitForState,
  type Tab,
} from '../support/work.js';

/**
 * Shipments as documents: a distributor fills a delivery note by scanner, prints its packing list
 * (whose barcode a scanner reads back), dispatches it; a pharmacy opens it by that barcode or its
 * number, receives part or all of it, and is told what is missing.
 */

let system: RunningSystem;
let browser: Browser;
let tokens: { industri: string; bpom: string; pbf: string; apotek: string };
let pbfTab: Tab;
let apotekTab: Tab;
let apotekId: string;
const GS = '\u001d';

const product = { nie: freshNie(), name: '' };
product.name = `Amoksisilin Uji ${product.nie.slice(3, 8)}`;
const batch = freshBatch();
const recalledProduct = { nie: freshNie(), name: '' };
recalledProduct.name = `Amlodipin Tarik ${recalledProduct.nie.slice(3, 8)}`;
const recalledBatch = freshBatch();

/** Eight units of `product`: the first four in `box`, the rest loose. */
let units: Array<{ text: string; raw: string }>;
let box: string;
let recalledUnit: string;
/** The delivery note filled on screen. */
const note = { id: '', number: '' };

const at = (pathname: string) => new URL(pathname, system.url).toString();

interface ShipmentState {
  status: string;
  number: string;
  gsin: string;
  barcode: string;
  units: number;
  receivedUnits: number;
}
const shipmentOf = async (id: string, token = tokens.pbf) =>
  (await gqlOk<{ shipment: ShipmentState }>(system.url, `query($id: ID!) { shipment(id: $id) { status number gsin barcode units receivedUnits } }`, { id }, token)).shipment;
const packOf = async (code: string, token = tokens.pbf) =>
  (await gqlOk<{ pack: { status: string; custodian: { name: string } | null } }>(system.url, `query($c: String!) { pack(code: $c) { status custodian { name } } }`, { c: code }, token)).pack;

/** A delivery note sent from the distributor to the pharmacy through the API, as an integrator would. */
async function shipThroughApi(codes: string[]): Promise<{ id: string; number: string; gsin: string }> {
  const opened = await gqlOk<{ openShipment: { id: string; number: string; gsin: string } }>(
    system.url,
    `mutation($to: ID!) { openShipment(to: $to) { id number gsin } }`,
    { to: apotekId },
    tokens.pbf,
  );
  const { id } = opened.openShipment;
  const filled = await gqlOk<{ ship: { accepted: number } }>(
    system.url,
    `mutation($c: [String!]!, $to: ID!, $s: ID) { ship(codes: $c, to: $to, shipment: $s) { accepted } }`,
    { c: codes, to: apotekId, s: id },
    tokens.pbf,
  );
  expect(filled.ship.accepted).toBe(codes.length);
  await gqlOk(system.url, `mutation($id: ID!) { dispatchShipment(id: $id) { accepted } }`, { id }, tokens.pbf);
  return opened.openShipment;
}

/** Types codes into the scan session's field, as a USB scanner in keyboard mode does. */
async function scan(page: Page, codes: string[]) {
  const field = page.getByLabel('Kode (pemindai USB atau ketik)');
  for (const code of codes) {
    await field.fill(code);
    await field.press('Enter');
  }
}

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  system = await startSystem();
  const url = system.url;
  tokens = await loginAll(url, ['industri', 'bpom', 'pbf', 'apotek']);
  const codes = await issueAllCodes(url, tokens, { nie: product.nie, name: product.name, form: 'Kapsul', packaging: 'Dus, 4 strip' }, { batch, expiry: '2029-08-31', quantity: 8, unitsPerCase: 4 });
  units = codes.filter((code) => code.level === 'UNIT');
  box = codes.find((code) => code.level === 'CASE')!.text;
  expect(units).toHaveLength(8);
  await activate(url, tokens.industri, units.map((unit) => unit.text));
  await gqlOk(url, `mutation($p: String!, $c: [String!]!) { aggregate(parent: $p, children: $c) { accepted } }`, { p: box, c: units.slice(0, 4).map((unit) => unit.text) }, tokens.industri);

  const recalled = await issueAllCodes(url, tokens, { nie: recalledProduct.nie, name: recalledProduct.name, form: 'Tablet' }, { batch: recalledBatch, expiry: '2029-02-28', quantity: 1 });
  recalledUnit = recalled[0]!.text;
  await activate(url, tokens.industri, [recalledUnit]);

  const pbf = await facilityId(url, tokens.industri, PBF);
  const sent = [box, ...units.slice(4).map((unit) => unit.text), recalledUnit];
  await move(url, tokens.industri, 'ship', sent, pbf);
  await move(url, tokens.pbf, 'receive', sent);
  await gqlOk(url, `mutation($n: String!, $b: String!) { recallBatch(nie: $n, batch: $b, reason: "Uji: kemasan primer bocor") { id } }`, { n: recalledProduct.nie, b: recalledBatch }, tokens.bpom);
  apotekId = await facilityId(url, tokens.pbf, APOTEK);

  browser = await launchBrowser();
  pbfTab = await signedInTab(browser, tokens.pbf);
  apotekTab = await signedInTab(browser, tokens.apotek);
});

afterAll(async () => {
  try {
    await apotekTab?.context.close();
  } finally {
    await endFlow({ tab: pbfTab, browser, system });
  }
  expect(apotekTab?.errors ?? []).toEqual([]);
});

describe('a distributor ships on a delivery note', () => {
  it('opens a delivery note to the pharmacy and fills it by scanner; a recalled pack is refused and marked; nothing moves yet', async () => {
    const { page } = pbfTab;
    await page.goto(at('/ship'));
    await page.getByRole('heading', { level: 1, name: 'Kirim' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Surat jalan baru' }).waitFor();
    expect(await page.getByRole('button', { name: 'Buka surat jalan' }).isDisabled()).toBe(true);
    await page.getByLabel('Jenis tujuan').selectOption({ label: 'Apotek' });
    await page.getByLabel('Cari tujuan').fill('Sentosa');
    await page.getByLabel('Fasilitas tujuan').selectOption(apotekId);
    await page.getByRole('button', { name: 'Buka surat jalan' }).click();

    const heading = page.getByRole('heading', { level: 2, name: /^Surat jalan SJ-\d{4}-\d{6}$/ });
    await heading.waitFor();
    note.number = (await heading.innerText()).replace('Surat jalan ', '');
    const document = page.getByRole('region', { name: `Surat jalan ${note.number}` });
    expect(await document.innerText()).toContain(APOTEK);
    await document.getByText('Sedang diisi').waitFor();

    // The case by its SSCC, a loose unit as a USB scanner sends it (GS as <GS>), the recalled unit pasted.
    await scan(page, [box, units[4]!.raw.replaceAll(GS, '<GS>')]);
    await page.getByText('Tempel banyak kode').click();
    await page.getByLabel('Kode, satu per baris').fill(recalledUnit);
    await page.getByRole('button', { name: 'Tambahkan ke daftar' }).click();
    await waitForState(page, 'accepted', 2);
    await waitForState(page, 'rejected', 1);
    const refused = scanItem(page, recalledUnit);
    await refused.getByText('Ditarik', { exact: true }).waitFor();
    await refused.getByText('Bets ini sedang ditarik: hanya boleh dikembalikan ke arah produsen atau dimusnahkan.').waitFor();
    expect(await scanItem(page, box).getByText('Ditarik', { exact: true }).count()).toBe(0);
    // Each line says which delivery note and destination it went into.
    await scanItem(page, box).getByText(`dalam ${note.number} ke ${APOTEK}`).waitFor();
    await page.getByTestId('shipment-units').getByText('5', { exact: true }).waitFor();
    const contents = page.getByRole('region', { name: `Isi ${note.number}` });
    await contents.getByText('Daftar kemasan: 5 unit').waitFor();
    expect(await contents.getByRole('row').filter({ hasText: batch }).first().innerText()).toContain(product.name);

    const open = await gqlOk<{ outgoingShipments: Array<{ id: string; number: string; units: number; to: { name: string } }> }>(
      system.url,
      `{ outgoingShipments(status: [OPEN]) { id number units to { name } } }`,
      {},
      tokens.pbf,
    );
    const mine = open.outgoingShipments.find((shipment) => shipment.number === note.number)!;
    expect(mine).toMatchObject({ units: 5, to: { name: APOTEK } });
    note.id = mine.id;
    // Filling moves nothing: the packs wait at the distributor until dispatch.
    expect(await packOf(box)).toMatchObject({ status: 'ACTIVE', custodian: { name: PBF } });
    await shot(page, 'distributor-ship-open');
  });

  it('finds the open delivery note again after a reload, with its list of reads', async () => {
    const { page } = pbfTab;
    await page.reload();
    await page.getByRole('heading', { level: 2, name: `Surat jalan ${note.number}` }).waitFor();
    await page.getByTestId('shipment-units').getByText('5', { exact: true }).waitFor();
    await waitForState(page, 'accepted', 2);
    expect(await page.locator('.scan-item').count()).toBe(3);
  });

  it('prints a packing list whose barcodes scan back to the delivery note', async () => {
    const { page } = pbfTab;
    await page.getByRole('region', { name: `Surat jalan ${note.number}` }).getByRole('link', { name: 'Daftar kemasan' }).click();
    await page.getByRole('heading', { level: 1, name: `Surat jalan ${note.number}` }).waitFor();
    const { gsin, barcode } = await shipmentOf(note.id);
    expect(gsin).toMatch(/^\d{17}$/);
    expect(hasValidCheckDigit(gsin)).toBe(true);
    expect(barcode).toBe(`(402)${gsin}`);

    const list = page.getByRole('article', { name: `Surat jalan ${note.number}` });
    expect(await list.locator('.shipment-barcode-text').innerText()).toBe(`(402)${gsin}`);
    const sender = await list.getByRole('region', { name: 'Pengirim' }).innerText();
    const receiver = await list.getByRole('region', { name: 'Penerima' }).innerText();
    expect(sender).toContain(PBF);
    expect(receiver).toContain(APOTEK);
    const line = list.getByRole('table', { name: 'Unit per produk, bets, dan kedaluwarsa' }).getByRole('row').filter({ hasText: batch });
    expect((await line.innerText()).replace(/\s+/g, ' ')).toMatch(new RegExp(`${product.name}.*${product.nie}.*${batch}.*31 Agustus 2029.*5`));
    const items = list.getByRole('table', { name: 'Kode dus, palet, dan unit dalam surat jalan' });
    expect((await items.getByRole('row').filter({ hasText: box }).innerText()).replace(/\s+/g, ' ')).toMatch(/Dus.*4/);
    await items.getByRole('row').filter({ hasText: units[4]!.text }).waitFor();

    // What a receiver's scanner reads off each symbol is the note's (402) GSIN.
    for (const [symbology, format] of [
      ['gs1datamatrix', 'DATA_MATRIX'],
      ['gs1-128', 'CODE_128'],
    ] as const) {
      const symbol = list.locator(`[data-symbology="${symbology}"]`);
      expect(await symbol.locator('svg').count()).toBe(1);
      const read = decodeBarcode(await symbol.screenshot(), format);
      expect(parse(read).bracketed, symbology).toBe(`(402)${gsin}`);
    }
    await shot(page, 'packing-list');

    // On an A4 sheet (about 720 CSS pixels wide): no navigation, and the tables stay tables
    // rather than the cards a screen that narrow would get.
    await page.setViewportSize({ width: 720, height: 1018 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-nav').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Cetak' }).isVisible()).toBe(false);
    expect(await line.evaluate((element) => getComputedStyle(element).display)).toBe('table-row');
    expect(await list.locator('thead').first().isVisible()).toBe(true);
    await shot(page, 'packing-list-print');
    await page.pdf({ path: `${SCREENSHOTS}/packing-list.pdf`, format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(LAPTOP);
  });

  it('dispatches the delivery note: its packs are in transit to the pharmacy', async () => {
    const { page } = pbfTab;
    await page.getByRole('link', { name: `Lanjutkan mengisi ${note.number}` }).click();
    await page.getByRole('heading', { level: 2, name: `Surat jalan ${note.number}` }).waitFor();
    await page.getByRole('button', { name: 'Berangkatkan' }).click();
    await page.getByText(`Berangkatkan ${note.number} ke ${APOTEK} dengan 5 unit?`).waitFor();
    await page.getByRole('button', { name: 'Ya, berangkatkan' }).click();
    await page.getByText(`Surat jalan ${note.number} diberangkatkan ke ${APOTEK}: 5 unit.`).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Surat jalan baru' }).waitFor();
    expect(await shipmentOf(note.id)).toMatchObject({ status: 'DISPATCHED', units: 5 });
    expect(await packOf(units[0]!.text)).toMatchObject({ status: 'IN_TRANSIT' });
    expect(await packOf(units[4]!.text)).toMatchObject({ status: 'IN_TRANSIT' });
    expect(await packOf(recalledUnit)).toMatchObject({ status: 'ACTIVE', custodian: { name: PBF } });
    await shot(page, 'distributor-ship-dispatched');
  });

  it('cancels a delivery note it no longer needs; its packs stay', async () => {
    const { page } = pbfTab;
    await page.getByLabel('Jenis tujuan').selectOption({ label: 'Apotek' });
    await page.getByLabel('Fasilitas tujuan').selectOption(apotekId);
    await page.getByRole('button', { name: 'Buka surat jalan' }).click();
    const heading = page.getByRole('heading', { level: 2, name: /^Surat jalan SJ-/ });
    await heading.waitFor();
    const number = (await heading.innerText()).replace('Surat jalan ', '');
    expect(number).not.toBe(note.number);
    await scan(page, [units[5]!.text]);
    await waitForState(page, 'accepted', 1);
    await page.getByRole('button', { name: 'Batalkan surat jalan' }).click();
    await page.getByRole('button', { name: 'Ya, batalkan' }).click();
    await page.getByText(`Surat jalan ${number} dibatalkan; kemasannya tetap di tempat.`).waitFor();
    const all = await gqlOk<{ outgoingShipments: Array<{ number: string; status: string }> }>(system.url, `{ outgoingShipments { number status } }`, {}, tokens.pbf);
    expect(all.outgoingShipments.find((shipment) => shipment.number === number)?.status).toBe('CANCELLED');
    expect(await packOf(units[5]!.text)).toMatchObject({ status: 'ACTIVE', custodian: { name: PBF } });
  });
});

describe('a pharmacy receives delivery notes', () => {
  it('counts the incoming delivery note on Home and opens it from there', async () => {
    const { page } = apotekTab;
    await page.goto(at('/'));
    const { workQueue } = await gqlOk<{ workQueue: Array<{ kind: string; count: number }> }>(system.url, `{ workQueue { kind count } }`, {}, tokens.apotek);
    const incoming = workQueue.find((item) => item.kind === 'INCOMING_SHIPMENTS')!;
    expect(incoming.count).toBeGreaterThanOrEqual(1);
    const tile = page.locator('[data-kind="INCOMING_SHIPMENTS"]');
    await tile.getByText('Kiriman menuju Anda').waitFor();
    expect(await tile.locator('.work-count').innerText()).toBe(String(incoming.count));
    await tile.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Terima' }).waitFor();
    await page.getByRole('region', { name: 'Surat jalan menuju Anda' }).getByRole('link', { name: note.number, exact: true }).waitFor();
  });

  it('opens the delivery note by its GS1-128 barcode, receives the case it scanned, and is told the unit that did not arrive', async () => {
    const { page } = apotekTab;
    const { gsin } = await shipmentOf(note.id, tokens.apotek);
    // A laser scanner reading the GS1-128 symbol sends its symbology identifier and the raw data.
    const find = page.getByLabel('Barcode atau nomor surat jalan');
    await find.fill(`]C1402${gsin}`);
    await find.press('Enter');
    const detail = page.getByRole('region', { name: `Surat jalan ${note.number} dari ${PBF}` });
    await detail.waitFor();
    expect(new URL(page.url()).searchParams.get('shipment')).toBe(note.id);

    // What should arrive: the packing list, down to the units in the case.
    const expected = page.getByRole('region', { name: 'Isi yang seharusnya' });
    await expected.getByText('Daftar kemasan: 5 unit').waitFor();
    const caseRow = expected.getByRole('row').filter({ hasText: box });
    expect((await caseRow.innerText()).replace(/\s+/g, ' ')).toMatch(/Dus.*4.*Dalam pengiriman/);
    await caseRow.getByText('Lihat isinya (4 unit)').click();
    const inside = caseRow.getByRole('list', { name: `Isi ${box}` });
    for (const unit of units.slice(0, 4)) await inside.getByRole('listitem').filter({ hasText: unit.text }).getByText('Dalam pengiriman').waitFor();
    expect(await inside.getByRole('listitem').count()).toBe(4);
    await shot(page, 'pharmacy-receive-shipment');

    // Only the case came: scanned, then received together.
    await scan(page, [box]);
    const receive = page.getByRole('button', { name: 'Terima 1 kode yang dipindai' });
    await receive.waitFor();
    expect(await scanItem(page, box).getAttribute('data-state')).toBe('queued');
    await receive.click();
    await waitForState(page, 'accepted', 1);
    await detail.getByText(`4 unit dari ${note.number} diterima.`).waitFor();
    const missing = detail.getByRole('group', { name: 'Tidak tiba: 1 kode' });
    await missing.getByText(units[4]!.text).waitFor();
    await detail.getByText('Diterima dengan selisih').first().waitFor();
    await shot(page, 'pharmacy-receive-missing');

    expect(await shipmentOf(note.id, tokens.apotek)).toMatchObject({ status: 'RECEIVED_WITH_DISCREPANCIES', receivedUnits: 4 });
    expect(await packOf(units[0]!.text, tokens.apotek)).toMatchObject({ status: 'ACTIVE', custodian: { name: APOTEK } });
    expect(await packOf(units[4]!.text)).toMatchObject({ status: 'IN_TRANSIT' });
  });

  it('opens a delivery note by its typed number and receives everything on it', async () => {
    const { page } = apotekTab;
    const sent = await shipThroughApi([units[6]!.text]);
    await page.goto(at('/receive'));
    await page.getByLabel('Barcode atau nomor surat jalan').fill(sent.number.toLowerCase());
    await page.getByRole('button', { name: 'Buka', exact: true }).click();
    const detail = page.getByRole('region', { name: `Surat jalan ${sent.number} dari ${PBF}` });
    await detail.waitFor();
    await detail.getByRole('button', { name: 'Terima semua (1 unit)' }).click();
    await detail.getByText(`1 unit dari ${sent.number} diterima.`).waitFor();
    await detail.getByText('Sesuai surat jalan: tidak ada yang kurang atau lebih.').waitFor();
    expect(await shipmentOf(sent.id, tokens.apotek)).toMatchObject({ status: 'RECEIVED', receivedUnits: 1 });
  });

  it('opens a delivery note when its barcode is scanned into the list of codes', async () => {
    const { page } = apotekTab;
    const sent = await shipThroughApi([units[7]!.text]);
    await page.goto(at('/receive'));
    await page.getByRole('heading', { level: 2, name: 'Terima tanpa surat jalan' }).waitFor();
    await scan(page, [`(402)${sent.gsin}`]);
    await page.getByRole('region', { name: `Surat jalan ${sent.number} dari ${PBF}` }).waitFor();
    // The delivery note's barcode opened it; it was not taken for a pack.
    expect(await page.locator('.scan-item').filter({ hasText: sent.gsin }).count()).toBe(0);
    await page.getByRole('button', { name: 'Terima semua (1 unit)' }).click();
    await page.getByText(`1 unit dari ${sent.number} diterima.`).waitFor();
    expect(await packOf(units[7]!.text, tokens.apotek)).toMatchObject({ status: 'ACTIVE', custodian: { name: APOTEK } });
  });

  it('lists delivery notes in and out by status', async () => {
    await apotekTab.page.goto(at('/shipments?direction=in&status=RECEIVED_WITH_DISCREPANCIES'));
    const incoming = apotekTab.page.getByRole('region', { name: 'Masuk: Diterima dengan selisih' });
    await incoming.getByRole('link', { name: note.number, exact: true }).waitFor();
    // Only that status: the note received whole is not listed.
    for (const row of (await incoming.getByRole('row').all()).slice(1)) await row.getByText('Diterima dengan selisih').waitFor();
    await shot(apotekTab.page, 'pharmacy-shipments');

    const { page } = pbfTab;
    await page.goto(at('/shipments'));
    await page.getByRole('heading', { level: 1, name: 'Surat jalan' }).waitFor();
    const outgoing = page.getByRole('region', { name: 'Keluar' });
    const row = outgoing.getByRole('row').filter({ hasText: note.number });
    expect((await row.innerText()).replace(/\s+/g, ' ')).toMatch(new RegExp(`${APOTEK}.*4 / 5.*Diterima dengan selisih`));
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Dibatalkan' });
    await page.getByRole('region', { name: 'Keluar: Dibatalkan' }).getByRole('row').nth(1).waitFor();
    expect(await page.getByRole('region', { name: 'Keluar: Dibatalkan' }).getByRole('link', { name: note.number, exact: true }).count()).toBe(0);
    await shot(page, 'distributor-shipments');
  });

  it('fits a 360 px phone and a 1366 × 768 laptop', async () => {
    const screens = [
      ['/ship', 'distributor-ship-phone'],
      ['/shipments', 'distributor-shipments-phone'],
      [`/shipments/${note.id}`, 'packing-list-phone'],
    ] as const;
    await phoneScreens(browser, system.url, tokens.pbf, screens);
    await phoneScreens(browser, system.url, tokens.apotek, [
      ['/receive', 'pharmacy-receive-phone'],
      [`/receive?shipment=${note.id}`, 'pharmacy-receive-shipment-phone'],
    ]);
    for (const [route] of screens) {
      await pbfTab.page.goto(at(route));
      await pbfTab.page.getByRole('heading', { level: 1 }).waitFor();
      await pbfTab.page.waitForTimeout(300);
      expect(await overflowing(pbfTab.page), route).toEqual([]);
      expect(await sidewaysTables(pbfTab.page), route).toEqual([]);
    }
    for (const route of ['/receive', `/receive?shipment=${note.id}`, '/shipments?direction=in']) {
      await apotekTab.page.goto(at(route));
      await apotekTab.page.getByRole('heading', { level: 1 }).waitFor();
      await apotekTab.page.waitForTimeout(300);
      expect(await overflowing(apotekTab.page), route).toEqual([]);
      expect(await sidewaysTables(apotekTab.page), route).toEqual([]);
    }
  });
});
