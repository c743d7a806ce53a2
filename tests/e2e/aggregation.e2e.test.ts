import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activate, freshBatch, freshNie, gqlOk, issueAllCodes, loginAll } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { startSystem, type RunningSystem } from '../support/system.js';
import { PBF, SCREENSHOTS, endFlow, facilityId, move, scanItem, shot, signedInTab, waitForState, type Tab } from '../support/work.js';


let system: RunningSystem;
let browser: Browser;
let tokens: { industri: string; bpom: string; pbf: string };
let tab: Tab;
let units: string[];
let cases: string[];
let pallet: string;
const product = { nie: freshNie(), name: '' };
product.name = `Simvastatin Uji ${product.nie.slice(3, 8)}`;

const at = (pathname: string) => new URL(pathname, system.url).toString();

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  system = await startSystem();
  tokens = await loginAll(system.url, ['industri', 'bpom', 'pbf']);
  // Six units, three to a case, two cases to a pallet.
  const codes = await issueAllCodes(
    system.url,
    tokens,
    { nie: product.nie, name: product.name, form: 'Tablet', packaging: 'Dus, 3 strip' },
    { batch: freshBatch(), expiry: '2029-03-31', quantity: 6, unitsPerCase: 3, casesPerPallet: 2 },
  );
  const of = (level: string) => codes.filter((code) => code.level === level).map((code) => code.text);
  [units, cases, [pallet]] = [of('UNIT'), of('CASE'), of('PALLET') as [string]];
  expect([units.length, cases.length]).toEqual([6, 2]);
  await activate(system.url, tokens.industri, units);
  browser = await launchBrowser();
  tab = await signedInTab(browser, tokens.industri);
});

afterAll(() => endFlow({ tab, browser, system }));

/** Scans a parent code into the aggregation screen's first field. */
async function chooseParent(page: Page, code: string) {
  const field = page.getByLabel('Kode induk (dus atau palet)');
  await field.fill(code);
  await field.press('Enter');
  await page.locator('.parent-card').getByText(code).waitFor();
}

/** Scans children into the scan session, one read each, as a USB scanner types them. */
async function scanChildren(page: Page, codes: string[]) {
  const field = page.getByLabel('Kode (pemindai USB atau ketik)');
  for (const code of codes) {
    await field.fill(code);
    await field.press('Enter');
  }
}

const trace = (code: string) =>
  gqlOk<{ trace: { pack: { status: string; childCount: number; custodian: { name: string } | null }; parent: { code: string } | null } }>(
    system.url,
    `query($c: String!) { trace(code: $c) { pack { status childCount custodian { name } } parent { code } } }`,
    { c: code },
    tokens.industri,
  ).then((data) => data.trace);

describe('a manufacturer packs units into cases and cases onto a pallet', () => {
  it('fills a case to its capacity, counting against it, and refuses a unit that is already in another case', async () => {
    const { page } = tab;
    await page.goto(at('/aggregate'));
    await page.getByRole('heading', { level: 1, name: 'Agregasi' }).waitFor();
    await page.getByText('Pindai kode induk dulu.').waitFor();

    await chooseParent(page, cases[0]!);
    await page.getByText('Isi: 0 dari 3').waitFor();
    await scanChildren(page, units.slice(0, 3));
    await waitForState(page, 'accepted', 3);
    await page.getByText('Isi: 3 dari 3').waitFor();
    await page.getByText('Induk sudah penuh.').waitFor();
    expect(await page.getByRole('progressbar', { name: 'Isi induk' }).getAttribute('value')).toBe('3');
    await shot(page, 'industry-aggregate');

    // The second case, on a new list: a unit of the first is refused with the reason in words.
    await page.getByRole('button', { name: 'Ganti induk' }).click();
    await page.getByRole('button', { name: 'Mulai daftar baru' }).click();
    await chooseParent(page, cases[1]!);
    await page.getByText('Isi: 0 dari 3').waitFor();
    await scanChildren(page, [units[0]!, ...units.slice(3, 6)]);
    await waitForState(page, 'accepted', 3);
    await scanItem(page, units[0]!).getByText('Kemasan ini sudah berada di dalam dus atau palet lain.').waitFor();
    expect(await scanItem(page, units[0]!).getAttribute('data-state')).toBe('rejected');
    await page.getByText('Isi: 3 dari 3').waitFor();

    expect(await trace(cases[0]!)).toMatchObject({ pack: { status: 'ACTIVE', childCount: 3 }, parent: null });
    expect((await trace(units[0]!)).parent?.code).toBe(cases[0]);
    expect((await trace(units[5]!)).parent?.code).toBe(cases[1]);
  });

  it('puts both cases onto the pallet, and the pallet then stands for all six units', async () => {
    const { page } = tab;
    await page.getByRole('button', { name: 'Ganti induk' }).click();
    await page.getByRole('button', { name: 'Mulai daftar baru' }).click();
    await chooseParent(page, pallet);
    await page.getByText('Isi: 0 dari 2').waitFor();
    await scanChildren(page, cases);
    await waitForState(page, 'accepted', 2);
    await page.getByText('Isi: 2 dari 2').waitFor();
    expect((await trace(cases[1]!)).parent?.code).toBe(pallet);

    // One code ships the pallet, its cases and their units.
    await move(system.url, tokens.industri, 'ship', [pallet], await facilityId(system.url, tokens.industri, PBF));
    for (const code of [cases[0]!, units[0]!, units[5]!]) expect((await trace(code)).pack.status).toBe('IN_TRANSIT');
    await move(system.url, tokens.pbf, 'receive', [pallet]);
    expect((await trace(units[3]!)).pack).toMatchObject({ status: 'ACTIVE', custodian: { name: PBF } });
  });
});
