import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { activate, freshBatch, freshNie, issueCodes, loginAll } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { startSystem, type RunningSystem } from '../support/system.js';
import { PBF, SCREENSHOTS, facilityId, move, screenshots, sidewaysTables, signedInTab, type Tab } from '../support/work.js';

/**
 * The ledger for BPOM: a trace event says it is sealed until its day's root is published; once
 * published, "Bukti" checks the event's proof in the browser against the day's signed root as
 * served to anyone, the downloaded proof passes the standalone verifier, and a root or signature
 * changed on the way is refused. The ledger page shows the days and runs an audit.
 *
 * Publishing closes a day for good, so this file has a database of its own.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const VERIFIER = path.join(ROOT, 'scripts/verify-ledger-proof.mjs');
const today = new Date().toISOString().slice(0, 10);

interface Publisher {
  useKey(pool: pg.Pool): Promise<void>;
  publishThrough(pool: pg.Pool, last: string): Promise<string[]>;
}

/** The API's own publishing, as its daily timer runs it, brought forward to today. */
async function publishToday(databaseUrl: string, keyFile: string): Promise<string[]> {
  const dist = (file: string) => import(pathToFileURL(path.join(ROOT, 'apps/api/dist', file)).href);
  const { LedgerService } = (await dist('modules/ledger/ledger.service.js')) as { LedgerService: new (alerts: unknown, keyFile: string, demo: boolean) => Publisher };
  const { AlertService } = (await dist('modules/alerts/alert.service.js')) as { AlertService: new () => unknown };
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const ledger = new LedgerService(new AlertService(), keyFile, true);
    await ledger.useKey(pool);
    return await ledger.publishThrough(pool, today);
  } finally {
    await pool.end();
  }
}

let system: RunningSystem;
let browser: Browser;
let tab: Tab;
let keyDir: string;
let databaseUrl: string;
let unit: string;
const serverUrl = () => Object.assign(new URL(inject('databaseUrl')), { pathname: '/postgres' }).toString();
const databaseName = `${new URL(inject('databaseUrl')).pathname.slice(1)}_ledger`;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const at = (pathname: string) => new URL(pathname, system.url).toString();

/** Opens the trace of the unit and asks for the proof of its first event (the activation). */
async function proveFirstEvent(page: Page) {
  await page.goto(at(`/trace?code=${encodeURIComponent(unit)}`));
  const first = page.locator('.timeline-item').first();
  await first.getByRole('button', { name: 'Bukti' }).click();
  return first.locator('.proof-result');
}

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  keyDir = await mkdtemp(path.join(os.tmpdir(), 'jejak-e2e-ledger-'));
  await admin(`drop database if exists ${databaseName}`);
  await admin(`create database ${databaseName}`);
  databaseUrl = Object.assign(new URL(inject('databaseUrl')), { pathname: `/${databaseName}` }).toString();
  system = await startSystem({ env: { DATABASE_URL: databaseUrl, LEDGER_KEY_FILE: path.join(keyDir, 'ledger-key.pem') } });
  const tokens = await loginAll(system.url, ['industri', 'bpom']);
  const product = { nie: freshNie(), name: 'Amlodipin Buku Besar', form: 'Tablet', strength: '5 mg' };
  const codes = await issueCodes(system.url, tokens, product, { batch: freshBatch(), expiry: '2029-03-31', quantity: 2 });
  unit = codes[0]!.text;
  await activate(system.url, tokens.industri, [unit]);
  await move(system.url, tokens.industri, 'ship', [unit], await facilityId(system.url, tokens.industri, PBF));
  browser = await launchBrowser();
  tab = await signedInTab(browser, tokens.bpom);
});

afterAll(async () => {
  await tab?.context.close().catch(() => undefined);
  await browser?.close();
  await system?.stop();
  await admin(`drop database if exists ${databaseName}`).catch(() => undefined);
  if (keyDir) await rm(keyDir, { recursive: true, force: true });
  expect(tab?.errors ?? []).toEqual([]);
});

describe('the ledger in the dashboard', () => {
  it('says an event of today is sealed and its proof comes when the day is published', async () => {
    const result = await proveFirstEvent(tab.page);
    await expect.poll(() => result.textContent()).toContain('Sudah disegel di buku besar');
    await tab.page.goto(at('/ledger'));
    await tab.page.getByText('Belum ada hari yang diterbitkan').waitFor();
  });

  it('checks a published event’s proof in the browser, and the downloaded proof with the standalone verifier', async () => {
    expect(await publishToday(databaseUrl, path.join(keyDir, 'ledger-key.pem'))).toEqual([today]);
    const result = await proveFirstEvent(tab.page);
    await expect.poll(() => result.textContent()).toMatch(/Terbukti: peristiwa ke-\d+ dari \d+ dalam akar bertanda tangan/);
    expect(await result.textContent()).toContain(today);
    await screenshots(tab.page, 'trace-proof');

    const download = tab.page.waitForEvent('download');
    await result.getByRole('button', { name: 'Unduh bukti (JSON)' }).click();
    const file = path.join(keyDir, 'proof.json');
    await (await download).saveAs(file);
    const { stdout } = await promisify(execFile)(process.execPath, [VERIFIER, file, `${system.url}/api/ledger/days/${today}`]);
    expect(stdout).toMatch(/^OK: event \d+ is leaf \d+ of /);
  });

  it('refuses a proof whose day root, signature, key id or size was changed on the way', async () => {
    const flip = (hex: string) => `${hex[0] === '0' ? '1' : '0'}${hex.slice(1)}`;
    type Day = { root: string; signature: string; keyId: string; events: number };
    for (const [change, expected] of [
      [(day: Day) => ({ ...day, root: flip(day.root) }), 'Tidak terbukti: bukti tidak mengarah ke akar hari yang diterbitkan'],
      [(day: Day) => ({ ...day, signature: `${day.signature[0] === 'A' ? 'B' : 'A'}${day.signature.slice(1)}` }), 'Tidak terbukti: tanda tangan hari itu tidak cocok'],
      [(day: Day) => ({ ...day, keyId: 'ffffffffffffffff' }), 'Tidak terbukti: hari itu menyebut kunci yang lain'],
      [(day: Day) => ({ ...day, events: day.events * 2 + 1 }), 'Tidak terbukti: posisi bukti di pohon hari itu tidak sesuai'],
    ] as const) {
      await tab.page.route(`**/api/ledger/days/${today}`, async (route) => {
        const answer = await route.fetch();
        await route.fulfill({ response: answer, json: change((await answer.json()) as Day) });
      });
      const result = await proveFirstEvent(tab.page);
      await expect.poll(() => result.textContent()).toContain(expected);
      await tab.page.unroute(`**/api/ledger/days/${today}`);
    }
  });

  it('lists the published days and audits the record on request', async () => {
    const page = tab.page;
    await page.goto(at('/ledger'));
    await page.getByRole('heading', { level: 1, name: 'Buku besar anti-rusak' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: today });
    await row.waitFor();
    await page.getByRole('button', { name: 'Periksa sekarang' }).click();
    await page.getByText('Catatan cocok dengan buku besarnya').waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'Audit catatan' }).textContent()).toMatch(/\d+ peristiwa diperiksa \(awal s\.d\. hari ini\)/);
    expect(await sidewaysTables(page)).toEqual([]);
    expect(await screenshots(page, 'ledger')).toEqual([]);
  });
});
