import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { gqlOk } from './api.js';
import type { RunningSystem } from './system.js';
import { gs1DataMatrix, y4mOf } from './y4m.js';

/** Helpers for the dashboard's flows: signed-in tabs, screenshots, facilities and movements through the API. */

export const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../artifacts/screenshots');

/** The demo distributor's warehouse and the demo pharmacy. */
export const PBF = 'Gudang PBF Nusantara Jakarta Timur';
export const APOTEK = 'Apotek Sehat Sentosa Surabaya';

export const LAPTOP = { width: 1366, height: 768 };
export const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page: there should be none. */
  errors: string[];
}

/** Ends a role's flow: its tab saw no uncaught error; the tab, the browser and the system close. */
export async function endFlow({ tab, browser, system }: { tab?: Tab; browser?: Browser; system?: RunningSystem }) {
  try {
    await tab?.context.close();
  } finally {
    try {
      await browser?.close();
    } finally {
      await system?.stop();
    }
  }
  expect(tab?.errors ?? []).toEqual([]);
}

/** A fresh profile at a laptop's size, logged in through the login form. */
export async function loggedIn(browser: Browser, url: string, email: string, options: BrowserContextOptions = {}): Promise<Tab> {
  const context = await browser.newContext({ viewport: LAPTOP, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(new URL('/login', url).toString());
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill('demo12345');
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Beranda' }).waitFor();
  return { context, page, errors };
}

/** A tab already logged in with `token` (kept where the dashboard keeps it). */
export async function signedInTab(browser: Browser, token: string, options: BrowserContextOptions = {}): Promise<Tab> {
  const context = await browser.newContext({ viewport: LAPTOP, acceptDownloads: true, ...options });
  await context.addInitScript((value) => {
    if (!sessionStorage.getItem('jejak.e2e.started')) {
      sessionStorage.setItem('jejak.e2e.started', '1');
      localStorage.setItem('jejak.token', value);
    }
  }, token);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** What may stick out to the right without the page scrolling sideways. */
export interface OverflowExemption {
  /** Inside a container that scrolls or clips sideways (the navigation strip on phones, tables). */
  scrolling?: boolean;
  /** Inside an element matching this selector. */
  within?: string;
}

/**
 * Elements that stick out to the right of the viewport (none should, on any width), except those
 * the exemption allows; `{}` allows none.
 */
export async function overflowing(page: Page, exempt: OverflowExemption = { scrolling: true }): Promise<string[]> {
  return page.evaluate(({ scrolling, within }) => {
    const width = document.documentElement.clientWidth;
    const contained = (element: HTMLElement) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      }
      return false;
    };
    return Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .filter((element) => !(scrolling && contained(element)) && !(within && element.closest(within)))
      .map((element) => `${element.tagName.toLowerCase()}.${element.className} (${Math.round(element.getBoundingClientRect().right)} px)`);
  }, exempt);
}

/** Tables that scroll sideways in their frame (none should, at a laptop's width), by their caption. */
export async function sidewaysTables(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.table-wrap'))
      .filter((wrap) => wrap.scrollWidth > wrap.clientWidth + 1)
      .map((wrap) => `${wrap.querySelector('caption')?.textContent ?? 'table'} (${wrap.scrollWidth} > ${wrap.clientWidth} px)`),
  );
}

export async function shot(page: Page, name: string, fullPage = true) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

/**
 * Screenshots of the current screen at a laptop's and a phone's size (`<name>.png`,
 * `<name>-phone.png`), returning what overflows on the phone outside tables, the navigation and charts.
 */
export async function screenshots(page: Page, name: string): Promise<string[]> {
  await page.setViewportSize(LAPTOP);
  await page.waitForTimeout(300);
  await shot(page, name);
  await page.setViewportSize(PHONE.viewport!);
  await page.waitForTimeout(300);
  await shot(page, `${name}-phone`);
  const wide = await overflowing(page, { within: '.table-wrap, .app-nav, .recharts-wrapper' });
  await page.setViewportSize(LAPTOP);
  return wide;
}

/**
 * Opens each `[route, screenshot]` on a 360-px phone signed in with `token`: a screenshot of each,
 * nothing sticking out sideways, no uncaught error.
 */
export async function phoneScreens(browser: Browser, url: string, token: string, screens: ReadonlyArray<readonly [string, string]>) {
  const phone = await signedInTab(browser, token, PHONE);
  try {
    for (const [route, name] of screens) {
      await phone.page.goto(new URL(route, url).toString());
      await phone.page.getByRole('heading', { level: 1 }).waitFor();
      await phone.page.waitForTimeout(300);
      await shot(phone.page, name);
      expect(await overflowing(phone.page), route).toEqual([]);
    }
    expect(phone.errors).toEqual([]);
  } finally {
    await phone.context.close();
  }
}

export async function facilityId(url: string, token: string, name: string): Promise<string> {
  const { facilities } = await gqlOk<{ facilities: Array<{ id: string; name: string }> }>(url, `query($s: String) { facilities(search: $s) { id name } }`, { s: name }, token);
  const found = facilities.find((facility) => facility.name === name);
  if (!found) throw new Error(`No facility named ${name}`);
  return found.id;
}

interface Bulk {
  accepted: number;
  rejected: Array<{ code: string; reason: string }>;
}

/** A movement through the API (`to` for ship and return), every code expected to be accepted. */
export async function move(url: string, token: string, mutation: 'ship' | 'returnPacks' | 'receive' | 'dispense', codes: string[], to?: string) {
  const args = to ? '(codes: $c, to: $to)' : '(codes: $c)';
  const vars = to ? '($c: [String!]!, $to: ID!)' : '($c: [String!]!)';
  const data = await gqlOk<Record<string, Bulk>>(url, `mutation${vars} { ${mutation}${args} { accepted rejected { code reason message } } }`, { c: codes, to }, token);
  const result = data[mutation]!;
  if (result.accepted !== codes.length || result.rejected.length) throw new Error(`${mutation} refused: ${JSON.stringify(result.rejected)}`);
}

/**
 * Sends activated units down the demo chain through the API: all to the distributor, which
 * receives them and ships the first `toPharmacy` on; the pharmacy receives those and dispenses the
 * first `dispensed`.
 */
export async function downTheChain(
  url: string,
  tokens: { industri: string; pbf: string; apotek: string },
  codes: string[],
  { toPharmacy, dispensed }: { toPharmacy: number; dispensed: number },
) {
  await move(url, tokens.industri, 'ship', codes, await facilityId(url, tokens.industri, PBF));
  await move(url, tokens.pbf, 'receive', codes);
  await move(url, tokens.pbf, 'ship', codes.slice(0, toPharmacy), await facilityId(url, tokens.industri, APOTEK));
  await move(url, tokens.apotek, 'receive', codes.slice(0, toPharmacy));
  await move(url, tokens.apotek, 'dispense', codes.slice(0, dispensed));
}

/** A webcam video showing each code in turn (`framesEach` frames of 0.1 s), looped by Chromium. */
export function y4mOfCodes(codes: string[], framesEach = 6): Buffer {
  const parts = codes.map((code) => y4mOf(gs1DataMatrix(code), { frames: framesEach }));
  const header = parts[0]!.subarray(0, parts[0]!.indexOf(0x0a) + 1);
  return Buffer.concat([header, ...parts.map((part) => part.subarray(part.indexOf(0x0a) + 1))]);
}

/**
 * Chooses a file for the scan session's upload field once the screen is ready for it: the field
 * stays disabled until the acting facility is known, and Playwright would fill a disabled one.
 */
export async function uploadCsv(page: Page, name: string, csv: string) {
  const field = page.getByLabel('Unggah file CSV');
  await (await field.elementHandle())!.waitForElementState('enabled');
  await field.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
}

/** The line of the scan list for a code, and its state. */
export function scanItem(page: Page, code: string) {
  return page.locator('.scan-item').filter({ hasText: code });
}

/** Waits until the scan list has this many reads in `state`. */
export async function waitForState(page: Page, state: string, count: number, timeout = 30_000) {
  await page.waitForFunction(
    ([wanted, n]) => document.querySelectorAll(`.scan-item[data-state="${wanted}"]`).length >= (n as number),
    [state, count] as const,
    { timeout },
  );
}
