import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activate, freshBatch, freshNie, gqlOk, issueCodes, loginAll } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { startSystem, type RunningSystem } from '../support/system.js';
import { APOTEK, SCREENSHOTS, facilityId, move, overflowing, phoneScreens, shot, signedInTab } from '../support/work.js';

/**
 * Home shows each role the work waiting for it, counted by the API's work queue, each count a link
 * to the screen (filtered) where that work is done; and the shortcuts that role starts from.
 */

type Role = 'bpom' | 'industri' | 'pbf' | 'apotek';
let system: RunningSystem;
let browser: Browser;
let tokens: Record<Role, string>;

/** Where each count leads, per role: the screen that does the work, filtered to it. */
const LINKS: Record<Role, Record<string, string>> = {
  bpom: {
    REQUESTS_AWAITING_DECISION: '/approvals?status=REQUESTED',
    ALERTS_CRITICAL: '/alerts?severity=CRITICAL',
    ALERTS_HIGH: '/alerts?severity=HIGH',
    ALERTS_MEDIUM: '/alerts?severity=MEDIUM',
    ALERTS_LOW: '/alerts?severity=LOW',
    ACTIVE_RECALLS: '/recalls',
  },
  industri: {
    REQUESTS_DECIDED: '/code-requests',
    CODES_NOT_ACTIVATED: '/activate',
    SHIPMENT_DISCREPANCIES: '/shipments?direction=out&status=RECEIVED_WITH_DISCREPANCIES',
    RETURNS_INCOMING: '/receive',
    INCOMING_SHIPMENTS: '/receive',
    RECALLED_STOCK: '/stock?recalled=1',
    STOCK_EXPIRING: '/stock?expiring=1',
  },
  pbf: { INCOMING_SHIPMENTS: '/receive', RECALLED_STOCK: '/pull-lists', STOCK_EXPIRING: '/stock?expiring=1' },
  apotek: { INCOMING_SHIPMENTS: '/receive', RECALLED_STOCK: '/pull-lists', STOCK_EXPIRING: '/stock?expiring=1' },
};
const SHORTCUTS: Record<Role, string[]> = {
  bpom: ['Telusur kode', 'Inspeksi', 'Realisasi', 'Stok & kedaluwarsa'],
  industri: ['Permintaan kode', 'Aktivasi', 'Kirim', 'Surat jalan'],
  pbf: ['Terima', 'Kirim', 'Surat jalan', 'Stok'],
  apotek: ['Terima', 'Serahkan ke pasien', 'Stok', 'Surat jalan'],
};

const at = (pathname: string) => new URL(pathname, system.url).toString();
const workQueueOf = async (role: Role) =>
  (await gqlOk<{ workQueue: Array<{ kind: string; count: number }> }>(system.url, `{ workQueue { kind count } }`, {}, tokens[role])).workQueue;

/** The counts Home shows, in order, with where each leads. */
async function homeCounts(page: Page) {
  await page.goto(at('/'));
  await page.getByRole('heading', { level: 1, name: 'Beranda' }).waitFor();
  const work = page.getByRole('region', { name: 'Pekerjaan yang menunggu' });
  await work.locator('[data-kind]').first().waitFor();
  return work.locator('[data-kind]').evaluateAll((items) =>
    items.map((item) => ({
      kind: item.getAttribute('data-kind')!,
      count: Number(item.querySelector('.work-count')!.textContent!.replace(/\D/g, '')),
      href: item.querySelector('a')?.getAttribute('href') ?? null,
    })),
  );
}

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  system = await startSystem();
  tokens = await loginAll(system.url, ['bpom', 'industri', 'pbf', 'apotek']);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

describe('Home: the work waiting for each role', () => {
  for (const role of ['bpom', 'industri', 'pbf', 'apotek'] as const) {
    it(`${role}: every count of its work queue, each leading to its screen, and its shortcuts`, async () => {
      const tab = await signedInTab(browser, tokens[role]);
      try {
        const shown = await homeCounts(tab.page);
        const queue = await workQueueOf(role);
        expect(shown.map(({ kind, count }) => ({ kind, count }))).toEqual(queue);
        expect(Object.fromEntries(shown.map(({ kind, href }) => [kind, href]))).toEqual(LINKS[role]);
        const shortcuts = tab.page.getByRole('region', { name: 'Pintasan' }).locator('.shortcut-title');
        expect(await shortcuts.allInnerTexts()).toEqual(SHORTCUTS[role]);
        expect(await overflowing(tab.page)).toEqual([]);
        await shot(tab.page, `home-work-${role}`);
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.context.close();
      }
    });
  }

  it('counts what the registers hold: requests waiting, units of recalled batches held, shipments on their way', async () => {
    const bpom = Object.fromEntries((await workQueueOf('bpom')).map((item) => [item.kind, item.count]));
    const { codeRequests } = await gqlOk<{ codeRequests: unknown[] }>(system.url, `{ codeRequests(status: REQUESTED, first: 200) { id } }`, {}, tokens.bpom);
    expect(bpom.REQUESTS_AWAITING_DECISION).toBe(codeRequests.length);
    expect(bpom.REQUESTS_AWAITING_DECISION).toBeGreaterThan(0);

    const pbf = Object.fromEntries((await workQueueOf('pbf')).map((item) => [item.kind, item.count]));
    const { stock } = await gqlOk<{ stock: { rows: Array<{ units: number; recalled: boolean }> } }>(system.url, `{ stock(level: FACILITY) { rows { units recalled } } }`, {}, tokens.pbf);
    const recalledUnits = stock.rows.filter((row) => row.recalled).reduce((sum, row) => sum + row.units, 0);
    expect(pbf.RECALLED_STOCK).toBe(recalledUnits);
    expect(recalledUnits).toBeGreaterThan(0);

    const apotek = Object.fromEntries((await workQueueOf('apotek')).map((item) => [item.kind, item.count]));
    const { incomingShipments } = await gqlOk<{ incomingShipments: Array<{ kind: string }> }>(system.url, `{ incomingShipments { kind } }`, {}, tokens.apotek);
    expect(apotek.INCOMING_SHIPMENTS).toBe(incomingShipments.filter((shipment) => shipment.kind === 'SHIPMENT').length);
  });

  it('a shipment sent to the pharmacy adds one to its Home count, and the count opens it', async () => {
    const tab = await signedInTab(browser, tokens.apotek);
    try {
      const before = (await homeCounts(tab.page)).find((item) => item.kind === 'INCOMING_SHIPMENTS')!.count;
      const nie = freshNie();
      const [unit] = await issueCodes(system.url, tokens, { nie, name: `Parasetamol Rumah ${nie.slice(3, 8)}` }, { batch: freshBatch(), expiry: '2029-12-31', quantity: 1 });
      await activate(system.url, tokens.industri, [unit!.text]);
      await move(system.url, tokens.industri, 'ship', [unit!.text], await facilityId(system.url, tokens.industri, APOTEK));
      const after = (await homeCounts(tab.page)).find((item) => item.kind === 'INCOMING_SHIPMENTS')!.count;
      expect(after).toBe(before + 1);
      await tab.page.locator('[data-kind="INCOMING_SHIPMENTS"]').getByRole('link').click();
      await tab.page.getByRole('heading', { level: 1, name: 'Terima' }).waitFor();
      const incoming = tab.page.getByRole('region', { name: 'Surat jalan menuju Anda' });
      await incoming.getByRole('row').nth(1).waitFor();
      expect(await incoming.getByRole('row').count()).toBe(after + 1);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.context.close();
    }
  });

  it('each count opens its screen filtered to that work', async () => {
    const bpom = await signedInTab(browser, tokens.bpom);
    const pbf = await signedInTab(browser, tokens.pbf);
    try {
      await homeCounts(bpom.page);
      await bpom.page.locator('[data-kind="ALERTS_HIGH"]').getByRole('link').click();
      await bpom.page.getByRole('heading', { level: 1, name: 'Peringatan dan pengaduan' }).waitFor();
      expect(await bpom.page.getByLabel('Tingkat').inputValue()).toBe('HIGH');
      await bpom.page.getByText(/^\d+ peringatan · halaman 1$/).waitFor();
      // Each row's severity (the first of its badges; the second is its status).
      for (const badge of await bpom.page.locator('.table .badge-stack .badge:first-child').allInnerTexts()) expect(['Tinggi']).toContain(badge);

      await homeCounts(pbf.page);
      await pbf.page.locator('[data-kind="RECALLED_STOCK"]').getByRole('link').click();
      await pbf.page.getByRole('heading', { level: 1, name: 'Penarikan obat' }).waitFor();
      // The demo batch recalled while at the distributor, with what it holds of it.
      const row = pbf.page.getByRole('region', { name: 'Penarikan yang mengenai Anda' }).getByRole('row').filter({ hasText: 'AML2410' });
      await row.getByRole('link', { name: 'Daftar tarik bets AML2410' }).waitFor();

      await homeCounts(pbf.page);
      await pbf.page.locator('[data-kind="STOCK_EXPIRING"]').getByRole('link').click();
      await pbf.page.getByRole('heading', { level: 1, name: 'Stok' }).waitFor();
      expect(await pbf.page.getByLabel('Kedaluwarsa atau segera kedaluwarsa').isChecked()).toBe(true);
      const rows = pbf.page.getByRole('table').getByRole('row');
      await rows.nth(1).waitFor();
      const count = await rows.count();
      for (let i = 1; i < count; i++) await rows.nth(i).locator('.expiry-near, .expiry-past').waitFor();
      expect(bpom.errors).toEqual([]);
      expect(pbf.errors).toEqual([]);
    } finally {
      await bpom.context.close();
      await pbf.context.close();
    }
  });

  it('fits a 360 px phone', async () => {
    await phoneScreens(browser, system.url, tokens.pbf, [['/', 'home-work-pbf-phone']]);
    await phoneScreens(browser, system.url, tokens.bpom, [['/', 'home-work-bpom-phone']]);
  });
});
