import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshNie, loginAll } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { startSystem, type RunningSystem } from '../support/system.js';
import { PHONE, SCREENSHOTS, endFlow, overflowing, shot, signedInTab, type Tab } from '../support/work.js';

/**
 * The scan session every movement screen shares: a paste of 2,000 codes is read in chunks,
 * with its progress on screen and the page answering throughout; codes are echoed as typed.
 */
let system: RunningSystem;
let browser: Browser;
let tab: Tab;
const PASTED = 2_000;

const at = (pathname: string) => new URL(pathname, system.url).toString();

beforeAll(async () => {
  system = await startSystem();
  const { apotek } = await loginAll(system.url, ['apotek']);
  browser = await launchBrowser();
  tab = await signedInTab(browser, apotek);
  await mkdir(SCREENSHOTS, { recursive: true });
  // What the page does while a paste is read: its long tasks, and each progress it shows.
  await tab.context.addInitScript(() => {
    const record = window as unknown as { longTasks: number[]; progress: string[] };
    record.longTasks = [];
    record.progress = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) record.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
    new MutationObserver(() => {
      const label = document.querySelector('.scan-importing label')?.textContent;
      if (label && record.progress.at(-1) !== label) record.progress.push(label);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
});

afterAll(() => endFlow({ tab, browser, system }));

describe('the scan session', () => {
  it(`reads a paste of ${PASTED} codes in chunks, showing its progress, without freezing the page`, async () => {
    const { page } = tab;
    await page.goto(at('/dispense'));
    await page.getByRole('heading', { level: 1, name: 'Serahkan ke pasien' }).waitFor();
    const nie = freshNie();
    const codes = Array.from({ length: PASTED }, (_, i) => `(90)${nie}(10)TEMPEL1(17)291231(21)S${String(i).padStart(6, '0')}`);
    await page.getByText('Tempel banyak kode').click();
    await page.getByLabel('Kode, satu per baris').fill(codes.join('\n'));
    await page.evaluate(() => {
      (window as unknown as { longTasks: number[] }).longTasks.length = 0;
    });
    const started = Date.now();
    await page.getByRole('button', { name: 'Tambahkan ke daftar' }).click();
    await page.getByText(`${PASTED} kode ditambahkan, 0 tidak valid, 0 ganda diabaikan.`).waitFor({ timeout: 30_000 });
    const took = Date.now() - started;
    const { longTasks, progress } = await page.evaluate(() => {
      const record = window as unknown as { longTasks: number[]; progress: string[] };
      return { longTasks: [...record.longTasks], progress: [...record.progress] };
    });
    const longest = Math.max(0, ...longTasks);
    console.log(`paste of ${PASTED} codes: read in ${took} ms; ${progress.length} progress steps shown; longest task ${Math.round(longest)} ms`);
    // The progress moved on screen, chunk by chunk, up to the whole paste.
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress[0]).toMatch(new RegExp(`^Memeriksa \\d+ dari ${PASTED} kode…$`));
    const done = progress.map((text) => Number(/^Memeriksa (\d+)/.exec(text)?.[1]));
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBeGreaterThanOrEqual(PASTED - 500);
    // No single task held the page for long: it kept painting and answering.
    expect(longest).toBeLessThan(400);
    // The list counts them all, and sends them (the server refuses codes it never issued).
    await page.getByText(`${PASTED} ditolak`).waitFor({ timeout: 60_000 });
    await shot(page, 'scan-session-paste');
  });

  it('echoes a code as it was typed', async () => {
    const { page } = tab;
    const field = page.getByLabel('Kode (pemindai USB atau ketik)');
    await field.fill('12345');
    await field.press('Enter');
    await page.getByText('Kode tidak valid, tidak dikirim: 12345').waitFor();
    const item = page.locator('.scan-item').first();
    expect(await item.locator('.scan-item-code').innerText()).toBe('12345');
    expect(await page.getByText('(12)345').count()).toBe(0);
    await page.setViewportSize(PHONE.viewport!);
    await shot(page, 'scan-session-phone');
    expect(await overflowing(page)).toEqual([]);
  });
});
