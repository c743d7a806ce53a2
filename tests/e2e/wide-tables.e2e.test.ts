import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activate, freshBatch, freshNie, gqlOk, issueCodes, loginAll } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { LAPTOP, PHONE, SCREENSHOTS, downTheChain, overflowing, shot, sidewaysTables, signedInTab } from '../support/work.js';
import { startSystem, type RunningSystem } from '../support/system.js';

let system: RunningSystem;
let browser: Browser;
let tokens: { industri: string; bpom: string; pbf: string; apotek: string };
const LONG_NAME = 'Amoksisilin Trihidrat Kapsul Keras Lepas Lambat Dengan Nama Dagang Yang Panjang Sekali';

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  system = await startSystem();
  tokens = await loginAll(system.url, ['industri', 'bpom', 'pbf', 'apotek']);
  const nie = freshNie();
  const units = await issueCodes(system.url, tokens, { nie, name: `${LONG_NAME} ${nie.slice(3, 8)}`, form: 'Kapsul', packaging: 'Dus, 10 strip' }, { batch: freshBatch(), expiry: '2029-06-30', quantity: 6 });
  const codes = units.map((unit) => unit.text);
  await activate(system.url, tokens.industri, codes);
  await downTheChain(system.url, tokens, codes, { toPharmacy: 3, dispensed: 1 });
  // Requests waiting for BPOM, so the approvals table has rows with their actions.
  for (let i = 0; i < 3; i++) {
    await gqlOk(system.url, `mutation($i: CodeRequestInput!) { requestCodes(input: $i) { id } }`, { i: { nie, batch: freshBatch(), expiry: '2030-01-31', quantity: 1000 + i, unitsPerCase: 10 } }, tokens.industri);
  }
  // An unknown code checked by the public: an alert for the inbox.
  await gqlOk(system.url, `query($c: String!) { verify(code: $c) { verdict } }`, { c: `(90)${nie}(10)X1(17)290630(21)UNKNOWN${nie.slice(3, 9)}` });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

/** Each screen, by who sees it: [role, route, screenshot name, what the table must show]. */
const SCREENS = [
  ['bpom', '/approvals', 'wide-approvals', 'Setujui'],
  ['industri', '/code-requests', 'wide-code-requests', 'Jumlah'],
  ['pbf', '/reports/stock', 'wide-stock-report', 'Kedaluwarsa'],
  ['industri', '/reports/stock', 'wide-stock-report-industry', 'Kedaluwarsa'],
  ['pbf', '/stock', 'wide-stock', 'Kedaluwarsa'],
  ['bpom', '/alerts?status=all', 'wide-alerts', 'Status'],
] as const;

describe('wide tables at a laptop and a phone', () => {
  it.each(SCREENS)('%s %s: the whole table fits, its action and status in view', async (who, route, name, mustShow) => {
    const tab = await signedInTab(browser, tokens[who], { viewport: LAPTOP });
    try {
      await tab.page.goto(new URL(route, system.url).toString());
      await tab.page.getByRole('heading', { level: 1 }).waitFor();
      await tab.page.locator('.table-wrap').first().waitFor();
      await tab.page.waitForTimeout(400);
      await shot(tab.page, name);
      expect(await sidewaysTables(tab.page), route).toEqual([]);
      expect(await overflowing(tab.page, { within: '.recharts-wrapper' }), route).toEqual([]);
      // What the table must show is inside the visible width.
      const cell = tab.page.locator('.table-wrap').first().getByText(mustShow, { exact: false }).first();
      const box = await cell.boundingBox();
      expect(box, `${mustShow} on ${route}`).not.toBeNull();
      expect(box!.x + box!.width).toBeLessThanOrEqual(LAPTOP.width);
      await tab.page.setViewportSize(PHONE.viewport!);
      await tab.page.waitForTimeout(400);
      expect(await overflowing(tab.page), `${route} on a phone`).toEqual([]);
      await shot(tab.page, `${name}-phone`);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.context.close();
    }
  });
});
