import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { gqlOk } from './api.js';

export const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../artifacts/screenshots');
export const LAPTOP = { width: 1366, height: 768 };
export const PHONE = { width: 360, height: 740 };

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page: there should be none. */
  errors: string[];
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

/** Elements that stick out to the right of the viewport (none should, on any width). */
export async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .filter((element) => !element.closest('.table-wrap, .app-nav, .recharts-wrapper'))
      .map((element) => `${element.tagName.toLowerCase()}.${element.className} (${Math.round(element.getBoundingClientRect().right)} px)`);
  });
}

/**
 * Screenshots of the current screen at a laptop's and a phone's size (`<name>.png`,
 * `<name>-phone.png`), returning what overflows on the phone.
 */
export async function screenshots(page: Page, name: string): Promise<string[]> {
  await page.setViewportSize(LAPTOP);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-phone.png`), fullPage: true });
  const wide = await overflowing(page);
  await page.setViewportSize(LAPTOP);
  return wide;
}

/** A facility's id by a part of its name, as the given user sees it. */
export async function facilityId(url: string, token: string, search: string): Promise<string> {
  const data = await gqlOk<{ facilities: Array<{ id: string; name: string }> }>(url, `query($s: String) { facilities(search: $s) { id name } }`, { s: search }, token);
  const found = data.facilities[0];
  if (!found) throw new Error(`no facility matching ${search}`);
  return found.id;
}

/** Runs a movement mutation (ship, receive, dispense, …) and fails on any rejection. */
export async function move(url: string, token: string, kind: 'ship' | 'receive' | 'dispense' | 'returnPacks', codes: string[], to?: string) {
  const args = to ? '$c: [String!]!, $to: ID!' : '$c: [String!]!';
  const call = to ? `${kind}(codes: $c, to: $to)` : `${kind}(codes: $c)`;
  const data = await gqlOk<Record<string, { accepted: number; rejected: unknown[] }>>(url, `mutation(${args}) { ${call} { accepted rejected { code reason message } } }`, { c: codes, to }, token);
  const result = data[kind]!;
  if (result.rejected.length) throw new Error(`${kind} refused: ${JSON.stringify(result.rejected)}`);
}
