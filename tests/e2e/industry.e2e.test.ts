import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshBatch, freshNie, gqlOk, issueCodes, loginAll, type IssuedCode } from '../support/api.js';
import { launchBrowser } from '../support/browser.js';
import { startSystem, type RunningSystem } from '../support/system.js';
import { PBF, SCREENSHOTS, endFlow, facilityId, overflowing, phoneScreens, scanItem, shot, signedInTab, uploadCsv, waitForState, y4mOfCodes, type Tab } from '../support/work.js';

const GS = '\u001d';

let system: RunningSystem;
let browser: Browser;
let workDir: string;
let tokens: { industri: string; bpom: string };
let tab: Tab;
/** Packs of another batch, issued through the API, that the webcam shows one after another. */
let webcamCodes: IssuedCode[];

const product = { nie: freshNie(), name: '' };
product.name = `Amlodipin Uji ${product.nie.slice(3, 8)}`;
const batch = freshBatch();
const rejectedBatch = freshBatch();
/** A batch serialised by the manufacturer itself. */
const ownBatch = freshBatch();
let requestId = '';
let units: Array<{ text: string; raw: string; level: string; serial: string | null }> = [];

const at = (pathname: string) => new URL(pathname, system.url).toString();

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  workDir = await mkdtemp(path.join(os.tmpdir(), 'jejak-e2e-industry-'));
  system = await startSystem();
  tokens = await loginAll(system.url, ['industri', 'bpom']);

  const webcamNie = freshNie();
  webcamCodes = await issueCodes(
    system.url,
    tokens,
    { nie: webcamNie, name: `Metformin Uji ${webcamNie.slice(3, 8)}`, form: 'Tablet', packaging: 'Dus, 10 strip' },
    { batch: freshBatch(), expiry: '2029-06-30', quantity: 3 },
  );
  const video = path.join(workDir, 'packs.y4m');
  await writeFile(video, y4mOfCodes(webcamCodes.map((code) => code.text)));
  browser = await launchBrowser(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
  tab = await signedInTab(browser, tokens.industri);
});

afterAll(async () => {
  try {
    await endFlow({ tab, browser, system });
  } finally {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  }
});

describe('a manufacturer’s day: product, codes, activation and shipping', () => {
  it('registers a product, checking the fields as they are typed', async () => {
    const { page } = tab;
    await page.goto(at('/products'));
    await page.getByRole('heading', { level: 1, name: 'Produk' }).waitFor();
    const form = page.getByRole('region', { name: 'Tambah produk' });
    await form.getByLabel('NIE').fill('DKL 123');
    await form.getByText('NIE hanya boleh berisi huruf dan angka.').waitFor();
    await form.getByLabel('GTIN').fill('08997001000013');
    await form.getByText('Digit periksa GTIN salah.').waitFor();
    await form.getByLabel('GTIN').fill('');
    await form.getByLabel('NIE').fill(product.nie);
    await form.getByLabel('Nama produk').fill(product.name);
    await form.getByLabel('Bentuk sediaan').fill('Tablet');
    await form.getByLabel('Kekuatan').fill('5 mg');
    await form.getByLabel(/^Kemasan/).fill('Dus, 3 strip @ 10 tablet');
    await form.getByRole('button', { name: 'Tambah produk' }).click();
    await form.getByText(`Produk ${product.name} telah ditambahkan.`).waitFor();
    await page.getByRole('region', { name: 'Daftar produk' }).getByRole('link', { name: product.name }).waitFor();
    await shot(page, 'industry-products');
  });

  it('requests codes for a batch; the form says what is wrong while typing', async () => {
    const { page } = tab;
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Permintaan kode' }).click();
    await page.getByRole('heading', { level: 1, name: 'Permintaan kode' }).waitFor();
    const form = page.getByRole('region', { name: 'Kode baru' });
    await form.getByLabel('Produk').selectOption({ label: `${product.name} · ${product.nie}` });
    await form.getByLabel('Nomor bets').fill('AB 12');
    await form.getByText(/^Nomor bets berisi karakter yang tidak diperbolehkan/).waitFor();
    await form.getByLabel('Nomor bets').fill(batch);
    await form.getByLabel('Tanggal kedaluwarsa').fill('2029-08-31');
    await form.getByLabel('Jumlah kemasan (unit)').fill('6');
    await form.getByLabel('Unit per dus').fill('9');
    await form.getByText('Isi angka antara 1 dan 6 (jumlah kemasan).').waitFor();
    await form.getByLabel('Unit per dus').fill('3');
    await form.getByText('Akan diterbitkan 6 kode unit, 2 kode dus, dan 0 kode palet.').waitFor();
    await form.getByRole('button', { name: 'Ajukan ke BPOM' }).click();
    await form.getByText(`Permintaan untuk bets ${batch} telah diajukan ke BPOM.`).waitFor();
    const list = page.getByRole('region', { name: 'Permintaan saya' });
    await list.getByRole('row').filter({ hasText: batch }).getByText('Menunggu persetujuan').waitFor();
    await shot(page, 'industry-code-requests');
  });

  it('shows BPOM’s approval, and BPOM’s reason when a request is rejected', async () => {
    const { page } = tab;
    const mine = await gqlOk<{ codeRequests: Array<{ id: string; batch: string }> }>(system.url, `{ codeRequests(first: 50) { id batch } }`, {}, tokens.industri);
    requestId = mine.codeRequests.find((request) => request.batch === batch)!.id;
    await gqlOk(system.url, `mutation($id: ID!) { approveCodeRequest(id: $id) { status } }`, { id: requestId }, tokens.bpom);
    const other = await gqlOk<{ requestCodes: { id: string } }>(
      system.url,
      `mutation($i: CodeRequestInput!) { requestCodes(input: $i) { id } }`,
      { i: { nie: product.nie, batch: rejectedBatch, expiry: '2029-09-30', quantity: 1000000 } },
      tokens.industri,
    );
    const reason = 'Jumlah melebihi rencana produksi yang dilaporkan';
    await gqlOk(system.url, `mutation($id: ID!, $r: String!) { rejectCodeRequest(id: $id, reason: $r) { status } }`, { id: other.requestCodes.id, r: reason }, tokens.bpom);

    await page.reload();
    const list = page.getByRole('region', { name: 'Permintaan saya' });
    await list.getByRole('row').filter({ hasText: batch }).getByText('Diterbitkan').waitFor();
    const rejected = list.getByRole('row').filter({ hasText: rejectedBatch });
    await rejected.getByText('Ditolak').waitFor();
    await rejected.getByText(`Alasan BPOM: ${reason}`).waitFor();

    await page.goto(at(`/code-requests/${other.requestCodes.id}`));
    await page.getByRole('alert').getByText(`Alasan BPOM: ${reason}`).waitFor();
    await shot(page, 'industry-code-request-rejected');
  });

  it('pages through the issued codes and downloads them for the printer', async () => {
    const { page } = tab;
    await page.goto(at(`/code-requests/${requestId}`));
    const codes = page.getByRole('region', { name: '8 kode' });
    await codes.getByText('Kode 1–8 dari 8').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), codes.getByRole('button', { name: 'Unduh CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`kode-${product.nie}-${batch}.csv`);
    const csv = await readFile(await download.path(), 'utf8');
    const read = await gqlOk<{ codeRequest: { codes: { edges: Array<{ node: { text: string; raw: string; level: string; serial: string | null } }> } } }>(
      system.url,
      `query($id: ID!) { codeRequest(id: $id) { codes(first: 20) { edges { node { text raw level serial } } } } }`,
      { id: requestId },
      tokens.industri,
    );
    units = read.codeRequest.codes.edges.map((edge) => edge.node).filter((node) => node.level === 'UNIT');
    expect(units).toHaveLength(6);
    for (const unit of units) expect(csv).toContain(unit.serial!);
    const [xml] = await Promise.all([page.waitForEvent('download'), codes.getByRole('button', { name: 'Unduh XML' }).click()]);
    expect(await readFile(await xml.path(), 'utf8')).toContain(units[0]!.serial!);
    await shot(page, 'industry-codes');
  });

  it('prints an A4 sheet of DataMatrix labels of at least 0.6 × 0.6 cm, with the text under each', async () => {
    const { page } = tab;
    await page.getByRole('link', { name: 'Cetak label' }).click();
    await page.getByRole('heading', { level: 1, name: `Label ${product.name}, bets ${batch}` }).waitFor();
    const symbols = page.locator('.label-symbol svg');
    await expect.poll(() => symbols.count()).toBe(8);
    await page.getByText(units[0]!.text.split(/(?=\(10\))/)[0]!).first().waitFor();
    await page.getByLabel('Ukuran simbol').selectOption({ label: '0,6 × 0,6 cm' });
    const box = await symbols.first().boundingBox();
    const cm = 96 / 2.54;
    expect(box!.width).toBeGreaterThanOrEqual(0.6 * cm - 0.5);
    expect(box!.height).toBeGreaterThanOrEqual(0.6 * cm - 0.5);
    await page.getByLabel('Ukuran simbol').selectOption({ label: '1 × 1 cm' });
    await shot(page, 'industry-labels');
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'industry-labels-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('activates by CSV: good rows active, an unknown code refused with its reason, garbage flagged before sending', async () => {
    const { page } = tab;
    await page.goto(at('/activate'));
    await page.getByRole('heading', { level: 1, name: 'Aktivasi kode' }).waitFor();
    const header = 'ID Rekanan;ID Kemasan;2D Barcode;NIE;Lot Number;Expired;Latitude;Longitude;No. Bets;GTIN;Is Active;Is Sample;Is Sold';
    const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
    const row = (code: string) => ['R001', code.slice(-15), quote(code), product.nie, batch, '31/08/2029', '-6,9419', '107.6293', batch, '', '1', '0', '0'].join(';');
    const unknown = `(90)${product.nie}(10)${batch}(17)290831(21)TIDAKADA01`;
    const csv = [header, ...units.slice(0, 4).map((unit) => row(unit.text)), row(unknown), row('bukan kode')].join('\r\n');
    await uploadCsv(page, 'aktivasi.csv', csv);
    await waitForState(page, 'accepted', 4);
    await scanItem(page, 'TIDAKADA01').getByText('Kode ini tidak pernah diterbitkan.').waitFor();
    expect(await scanItem(page, 'TIDAKADA01').getAttribute('data-state')).toBe('rejected');
    expect(await page.locator('.scan-item[data-state="invalid"]').count()).toBe(1);
    await page.getByText('Diproses 6 dari 6 baris').waitFor();
    const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh laporan penolakan (CSV)' }).click()]);
    const text = await readFile(await report.path(), 'utf8');
    expect(text).toContain('NOT_FOUND');
    expect(text).toContain('MALFORMED');
    expect(text).toMatch(/^\uFEFFBaris,Kode,Alasan,Keterangan/);
    await shot(page, 'industry-activate-csv');
    const pack = await gqlOk<{ pack: { status: string } }>(system.url, `query($c: String!) { pack(code: $c) { status } }`, { c: units[0]!.text }, tokens.industri);
    expect(pack.pack.status).toBe('ACTIVE');
  });

  it('activates by webcam: each DataMatrix read once, answered in colour', async () => {
    const { page } = tab;
    await page.getByRole('button', { name: 'Mulai daftar baru' }).click();
    await page.getByRole('button', { name: 'Nyalakan kamera' }).click();
    for (const code of webcamCodes) {
      await scanItem(page, code.text).and(page.locator('[data-state="accepted"]')).waitFor({ timeout: 60_000 });
    }
    await page.getByRole('button', { name: 'Matikan kamera' }).click();
    // Seen again and again by the camera, each code is in the list once.
    expect(await page.locator('.scan-item').count()).toBe(3);
    await shot(page, 'industry-activate-webcam');
  });

  it('a code activated already is refused on screen with the reason in words', async () => {
    const { page } = tab;
    const field = page.getByLabel('Kode (pemindai USB atau ketik)');
    await field.fill(units[0]!.text);
    await field.press('Enter');
    await scanItem(page, units[0]!.text).getByText('Kode ini sudah aktif.').waitFor();
    // Typed twice: ignored the second time.
    await field.fill(units[0]!.text);
    await field.press('Enter');
    await page.getByText(/^Sudah ada di daftar, diabaikan:/).waitFor();
  });

  it('ships to a distributor by USB scanner, paste and camera; reads made offline wait and go when the network is back', async () => {
    const { page, context } = tab;
    await page.goto(at('/ship'));
    await page.getByRole('heading', { level: 1, name: 'Kirim' }).waitFor();
    // Codes go into a delivery note, opened once the destination is chosen.
    await page.getByText('Pilih fasilitas tujuan dulu.').waitFor();
    expect(await page.getByRole('button', { name: 'Buka surat jalan' }).isDisabled()).toBe(true);
    expect(await page.getByLabel('Kode (pemindai USB atau ketik)').count()).toBe(0);
    const pbf = await facilityId(system.url, tokens.industri, PBF);
    await page.getByLabel('Cari tujuan').fill('Nusantara');
    await page.getByLabel('Fasilitas tujuan').selectOption(pbf);
    await page.getByRole('button', { name: 'Buka surat jalan' }).click();
    const document = page.getByRole('region', { name: /^Surat jalan SJ-/ });
    await document.getByText(PBF).waitFor();

    // A USB scanner in keyboard mode: Ctrl+] for each group separator.
    const field = page.getByLabel('Kode (pemindai USB atau ketik)');
    await field.focus();
    for (const [index, part] of units[0]!.raw.split(GS).entries()) {
      if (index > 0) await page.keyboard.press('Control+BracketRight');
      await page.keyboard.type(part);
    }
    await page.keyboard.press('Enter');
    await scanItem(page, units[0]!.text).and(page.locator('[data-state="accepted"]')).waitFor();

    // Pasted lines, one of them not a code at all.
    await page.getByText('Tempel banyak kode').click();
    await page.getByLabel('Kode, satu per baris').fill([units[1]!.text, `]d2${units[2]!.raw}`, '(01)08997001000012(21)X'].join('\n'));
    await page.getByRole('button', { name: 'Tambahkan ke daftar' }).click();
    await page.getByText('2 kode ditambahkan, 1 tidak valid, 0 ganda diabaikan.').waitFor();
    await scanItem(page, '(01)08997001000012').getByText('Digit periksa pada GTIN (01) salah; mungkin ada angka yang salah ketik.').waitFor();
    await waitForState(page, 'accepted', 3);

    // The network drops: the read waits on the device, and goes when it is back.
    await context.setOffline(true);
    await field.fill(units[3]!.text);
    await field.press('Enter');
    await page.getByText('Perangkat sedang offline').waitFor();
    await page.getByText(/^1 kode tersimpan di perangkat ini dan akan dikirim otomatis/).waitFor();
    expect(await scanItem(page, units[3]!.text).getAttribute('data-state')).toBe('queued');
    // Kept on the device, so a reload would not lose it.
    const stored = () => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('jejak.scan.') && key.includes('.ship.')).map((key) => localStorage.getItem(key) ?? '').join(''));
    await expect.poll(stored).toContain(units[3]!.text.slice(-12));
    await shot(page, 'industry-ship-offline');
    await context.setOffline(false);
    await page.getByText('Koneksi kembali: 1 kode yang menunggu sudah dikirim.').waitFor({ timeout: 20_000 });
    await scanItem(page, units[3]!.text).and(page.locator('[data-state="accepted"]')).waitFor();

    // The camera's packs too.
    await page.getByRole('button', { name: 'Nyalakan kamera' }).click();
    for (const code of webcamCodes) {
      await scanItem(page, code.text).and(page.locator('[data-state="accepted"]')).waitFor({ timeout: 60_000 });
    }
    await page.getByRole('button', { name: 'Matikan kamera' }).click();
    await shot(page, 'industry-ship');
    // Nothing moves until the delivery note is dispatched.
    await page.getByRole('button', { name: 'Berangkatkan' }).click();
    await page.getByRole('button', { name: 'Ya, berangkatkan' }).click();
    await page.getByText(new RegExp(`diberangkatkan ke ${PBF}: \\d+ unit\\.$`)).waitFor();

    for (const code of [...units.slice(0, 4), ...webcamCodes]) {
      const { pack } = await gqlOk<{ pack: { status: string; destination: { name: string } } }>(
        system.url,
        `query($c: String!) { pack(code: $c) { status destination { name } } }`,
        { c: code.text },
        tokens.industri,
      );
      expect(pack).toMatchObject({ status: 'IN_TRANSIT', destination: { name: PBF } });
    }
  });

  it('registers serials from its own serialisation, and names a serial registered already', async () => {
    const { page } = tab;
    await page.goto(at('/code-requests'));
    const form = page.getByRole('region', { name: 'Kode baru' });
    await form.getByRole('radio', { name: 'Unggah nomor seri dari serialisasi sendiri' }).check();
    await form.getByLabel('Produk').selectOption({ label: `${product.name} · ${product.nie}` });
    await form.getByLabel('Nomor bets').fill(ownBatch);
    await form.getByLabel('Tanggal kedaluwarsa').fill('2030-01-31');
    const serials = form.getByLabel('Nomor seri, satu per baris');
    await serials.fill('OWN0001\nABC 1');
    await form.getByText('"ABC 1" bukan nomor seri GS1: paling banyak 20 karakter, tanpa spasi, dari set GS1.').waitFor();
    await serials.fill('OWN0001\n\nOWN0002\nOWN0001\n');
    await form.getByText('Nilai AI (21), paling banyak 20 karakter set GS1 per baris. 2 nomor seri.').waitFor();
    await form.getByRole('button', { name: 'Daftarkan nomor seri' }).click();
    await form.getByText(`2 nomor seri terdaftar untuk bets ${ownBatch}.`).waitFor();
    const list = page.getByRole('region', { name: 'Permintaan saya' });
    await list.getByRole('row').filter({ hasText: ownBatch }).getByText('Diterbitkan').waitFor();

    // Again from a spreadsheet's CSV: its serial column, unquoted; the serial registered already is refused, the new one taken.
    const csv = 'Nomor Seri;Catatan\r\n"OWN0002";ulang\r\nOWN0003;baru\r\n';
    await form.getByLabel('Atau baca dari file (.txt atau .csv, satu per baris)').setInputFiles({ name: 'seri.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    // The file is read in the background: the count says when it is in.
    await form.getByText('Nilai AI (21), paling banyak 20 karakter set GS1 per baris. 2 nomor seri.').waitFor();
    expect(await serials.inputValue()).toBe('OWN0002\nOWN0003');
    await form.getByRole('button', { name: 'Daftarkan nomor seri' }).click();
    await form.getByText(`1 nomor seri terdaftar untuk bets ${ownBatch}.`).waitFor();
    await form.getByText('1 ditolak:').waitFor();
    expect(await form.locator('.upload-refused li').allInnerTexts()).toEqual(['OWN0002: nomor seri ini sudah terdaftar untuk produk ini.']);
    await shot(page, 'industry-upload-serials');

    const { pack } = await gqlOk<{ pack: { status: string; serial: string } }>(
      system.url,
      `query($c: String!) { pack(code: $c) { status serial } }`,
      { c: `(90)${product.nie}(10)${ownBatch}(17)300131(21)OWN0003` },
      tokens.industri,
    );
    expect(pack).toEqual({ status: 'ISSUED', serial: 'OWN0003' });
  });

  it('fits a 360 px phone and a 1366 × 768 laptop', async () => {
    await phoneScreens(browser, system.url, tokens.industri, [
      ['/activate', 'industry-activate-phone'],
      ['/code-requests', 'industry-code-requests-phone'],
      [`/code-requests/${requestId}`, 'industry-codes-phone'],
      ['/products', 'industry-products-phone'],
    ]);
    for (const route of ['/activate', '/ship', '/code-requests', '/products']) {
      await tab.page.goto(at(route));
      await tab.page.getByRole('heading', { level: 1 }).waitFor();
      expect(await overflowing(tab.page), route).toEqual([]);
    }
  });
});
