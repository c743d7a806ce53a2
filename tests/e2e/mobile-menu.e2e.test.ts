import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAll } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { LAPTOP, PHONE, SCREENSHOTS, overflowing, shot, signedInTab } from '../support/work.js';
import { startSystem, type RunningSystem } from '../support/system.js';

let system: RunningSystem;
let browser: Browser;
let tokens: { bpom: string; apotek: string };

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  system = await startSystem();
  tokens = await loginAll(system.url, ['bpom', 'apotek']);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

describe('the menu on a phone', () => {
  it('opens as a drawer with every screen’s label and its section, and closes on a choice or Escape', async () => {
    const { context, page, errors } = await signedInTab(browser, tokens.bpom, PHONE);
    try {
      await page.goto(new URL('/', system.url).toString());
      await page.getByRole('heading', { level: 1, name: 'Beranda' }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
      const menu = page.getByRole('button', { name: 'Menu' });
      expect(await nav.isVisible()).toBe(false);
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      // The facilities table arrives after the heading; its column headers (hidden on a phone) must not stick out either.
      await page.getByRole('table', { name: 'Fasilitas saya' }).waitFor();
      // Nothing sticks out sideways, with no exemption for the navigation.
      expect(await overflowing(page, {})).toEqual([]);
      await shot(page, 'mobile-menu-closed');

      await menu.click();
      await nav.waitFor();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      for (const label of ['Beranda', 'Persetujuan kode', 'Telusur kode', 'Peringatan & pengaduan', 'Realisasi']) {
        const link = nav.getByRole('link', { name: label, exact: true });
        expect(await link.isVisible(), label).toBe(true);
        const box = (await link.boundingBox())!;
        expect(box.x + box.width, label).toBeLessThanOrEqual(PHONE.viewport!.width);
      }
      expect(await nav.getByText('Pengawasan', { exact: true }).isVisible()).toBe(true);
      await page.waitForTimeout(400);
      await shot(page, 'mobile-menu-open', false);

      await nav.getByRole('link', { name: 'Peringatan & pengaduan' }).click();
      await page.getByRole('heading', { level: 1, name: 'Peringatan dan pengaduan' }).waitFor();
      await nav.waitFor({ state: 'hidden' });

      await menu.click();
      await nav.waitFor();
      await page.keyboard.press('Escape');
      await nav.waitFor({ state: 'hidden' });
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Menu');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('stays a side column with no menu button at a laptop’s width', async () => {
    const { context, page } = await signedInTab(browser, tokens.apotek, { viewport: LAPTOP });
    try {
      await page.goto(new URL('/', system.url).toString());
      await page.getByRole('heading', { level: 1, name: 'Beranda' }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Navigasi utama' }).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
      expect(await overflowing(page, {})).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
