import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activate, freshBatch, freshNie, issueCodes, loginAll, type IssuedCode } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { PBF, SCREENSHOTS, facilityId, loggedIn, move, screenshots } from '../support/work.js';
import { startSystem, type RunningSystem } from '../support/system.js';
import { gs1DataMatrix, y4mOf } from '../support/y4m.js';

let system: RunningSystem;
let browser: Browser;
let workDir: string;
let pack: IssuedCode;
const product = { nie: '', name: '' };

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  workDir = await mkdtemp(path.join(os.tmpdir(), 'jejak-e2e-inspector-'));
  system = await startSystem();
  const url = system.url;
  const { industri, bpom, pbf } = await loginAll(url, ['industri', 'bpom', 'pbf']);
  product.nie = freshNie();
  product.name = `Amlodipin Inspeksi ${product.nie.slice(3, 8)}`;
  const units = await issueCodes(url, { industri, bpom }, { nie: product.nie, name: product.name }, { batch: freshBatch(), expiry: '2029-09-30', quantity: 2 });
  pack = units[0]!;
  await activate(url, industri, [pack.text]);
  await move(url, industri, 'ship', [pack.text], await facilityId(url, industri, PBF));
  await move(url, pbf, 'receive', [pack.text]);
  const video = path.join(workDir, 'pack.y4m');
  await writeFile(video, y4mOf(gs1DataMatrix(pack.text)));
  browser = await launchBrowser(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('the inspector', () => {
  it('scans a pack with the webcam and sees the verdict and the full trace in one view', async () => {
    const { context, page, errors } = await loggedIn(browser, system.url, 'inspektur@demo.test');
    try {
      await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Inspeksi' }).click();
      await page.getByRole('heading', { level: 1, name: 'Inspeksi kemasan' }).waitFor();
      await page.getByRole('button', { name: 'Nyalakan kamera' }).click();
      const verdict = page.locator('section.verdict');
      await verdict.waitFor({ timeout: 60_000 });
      expect(await verdict.getAttribute('data-verdict')).toBe('GENUINE');
      expect(await verdict.innerText()).toContain(product.name);
      const timeline = page.locator('ol.timeline');
      await timeline.waitFor();
      const steps = await timeline.locator('li').allInnerTexts();
      expect(steps).toHaveLength(3);
      expect(steps[2]).toContain('Diterima');
      expect(steps[2]).toContain('Gudang PBF Nusantara Jakarta Timur');
      expect(await screenshots(page, 'inspector')).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
