import { mkdir, readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBatch, freshNie, gqlOk, loginAll } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { PHONE, SCREENSHOTS, overflowing, shot, signedInTab } from '../support/work.js';
import { startSystem, type RunningSystem } from '../support/system.js';

let system: RunningSystem;
let browser: Browser;
let tokens: { industri: string; bpom: string };
let requestId: string;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  system = await startSystem();
  tokens = await loginAll(system.url, ['industri', 'bpom']);
  const nie = freshNie();
  await gqlOk(system.url, `mutation($i: ProductInput!) { createProduct(input: $i) { id } }`, { i: { nie, name: `Ibuprofen Uji ${nie.slice(3, 8)}`, form: 'Tablet', packaging: 'Dus' } }, tokens.industri);
  const { requestCodes } = await gqlOk(system.url, `mutation($i: CodeRequestInput!) { requestCodes(input: $i) { id } }`, { i: { nie, batch: freshBatch(), expiry: '2029-08-31', quantity: 120 } }, tokens.industri);
  await gqlOk(system.url, `mutation($id: ID!) { approveCodeRequest(id: $id) { status } }`, { id: requestCodes.id }, tokens.bpom);
  requestId = requestCodes.id;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

/** The pages of a PDF, by its page objects. */
const pageCount = (pdf: string) => (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;

describe('labels as a PDF', () => {
  it('downloads a range or the whole request at the sheet’s size, and says what is wrong with a range', async () => {
    const { context, page, errors } = await signedInTab(browser, tokens.industri);
    try {
      await page.goto(new URL(`/code-requests/${requestId}/labels`, system.url).toString());
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByLabel('Ukuran simbol').selectOption({ label: '1,5 × 1,5 cm' });
      const form = page.getByRole('form', { name: 'Unduh label sebagai PDF' });
      await form.getByLabel('Rentang kode').check();
      await form.getByLabel('Dari kode ke-').fill('0');
      await form.getByRole('button', { name: 'Unduh PDF' }).click();
      await form.getByText('Isi nomor urut 1 sampai 120.').waitFor();
      await form.getByLabel('Dari kode ke-').fill('30');
      await form.getByLabel('Sampai kode ke-').fill('20');
      await form.getByRole('button', { name: 'Unduh PDF' }).click();
      await form.getByText('Nomor akhir tidak boleh lebih kecil dari nomor awal.').waitFor();

      // 1.5 cm: 24 labels a page. Positions 20 to 49 are 30 labels: two pages.
      await form.getByLabel('Sampai kode ke-').fill('49');
      await form.getByLabel('Dari kode ke-').fill('20');
      const [range] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Unduh PDF' }).click()]);
      expect(range.suggestedFilename()).toMatch(/-1,5cm-20-49\.pdf$/);
      const rangePdf = (await readFile(await range.path())).toString('latin1');
      expect(rangePdf.startsWith('%PDF-')).toBe(true);
      expect(pageCount(rangePdf)).toBe(2);
      await form.getByText('PDF berisi 30 label telah diunduh.').waitFor();

      await form.getByLabel(/Seluruh permintaan/).check();
      const [whole] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Unduh PDF' }).click()]);
      const wholePdf = (await readFile(await whole.path())).toString('latin1');
      expect(pageCount(wholePdf)).toBe(5);
      await form.getByText('PDF berisi 120 label telah diunduh.').waitFor();
      await shot(page, 'labels-pdf');
      await page.setViewportSize(PHONE.viewport!);
      await page.waitForTimeout(300);
      expect(await overflowing(page)).toEqual([]);
      await shot(page, 'labels-pdf-phone');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
