import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysAgo, startTestServer, wib, type TestServer } from './harness.js';
import { demoTokens, facilityId, issueCodes, op, packOf, type Tokens } from './lifecycle-helpers.js';

let server: TestServer;
let tokens: Tokens;
beforeAll(async () => {
  server = await startTestServer();
  tokens = await demoTokens(server);
});
afterAll(async () => {
  await server?.close();
});

const upload = async (kind: string, token: string | undefined, body: string, contentType = 'text/csv') => {
  const response = await fetch(`${server.url}/api/csv/${kind}`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: response.status, body: (await response.json()) as any };
};

const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

describe('POST /api/csv/activation', () => {
  it('activates good rows of the seed’s 13 columns, reports bad rows by number, and takes a repeated row once', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 4 });
    const [a, b, c, d] = issued.units as [string, string, string, string];
    const header = 'ID Rekanan;ID Kemasan;2D Barcode;NIE;Lot Number;Expired;Latitude;Longitude;No. Bets;GTIN;Is Active;Is Sample;Is Sold';
    const row = (code: string, extra: Partial<Record<'nie' | 'lot' | 'expired' | 'active' | 'sample' | 'lat', string>> = {}) =>
      ['R001', code.slice(-15), quote(code), extra.nie ?? issued.nie, extra.lot ?? issued.batch, extra.expired ?? '31/08/2029', extra.lat ?? '-6,9419', '107.6293', issued.batch, '', extra.active ?? '1', extra.sample ?? '0', '0'].join(';');
    const csv = [
      header,
      row(a),
      row(b, { sample: '1' }),
      row(`(90)${issued.nie}(10)${issued.batch}(17)290831(21)NOPE`),
      row(c, { lot: 'WRONGLOT' }),
      row(a),
      row('garbage'),
      row(d, { active: '0' }),
      row(d, { lat: 'north' }),
    ].join('\r\n');
    const { status, body } = await upload('activation', tokens.industri, csv);
    expect(status).toBe(200);
    expect(body.accepted).toBe(2);
    expect(body.rejected.map((r: any) => [r.row, r.reason])).toEqual([
      [3, 'NOT_FOUND'],
      [4, 'DATA_MISMATCH'],
      [6, 'MALFORMED'],
      [7, 'WRONG_STATE'],
      [8, 'MALFORMED'],
    ]);
    expect((await packOf(server, tokens.industri, a)).status).toBe('ACTIVE');
    expect((await packOf(server, tokens.industri, b)).status).toBe('SAMPLE');
    expect((await packOf(server, tokens.industri, c)).status).toBe('ISSUED');
    // The same file again is the same import: its first result, nothing applied twice.
    const again = await upload('activation', tokens.industri, csv);
    expect(again.body).toMatchObject({ accepted: 2, rejected: body.rejected, replayed: true });
    expect((await packOf(server, tokens.industri, c)).status).toBe('ISSUED');
  });

  it('reads a file longer than one statement as the database works: far repeats answered as one, late refusals and samples kept', async () => {
    const n = 20_500; // more than two statements' worth (activate-in-place.ts)
    const issued = await issueCodes(server, tokens, { quantity: n });
    const header = '2D Barcode;NIE;Lot Number;Is Sample';
    const row = (code: string, lot = issued.batch, sample = '0') => [code, issued.nie, lot, sample].join(';');
    const codes = issued.units;
    const rows = codes.map((code, k) => row(code, issued.batch, k === n - 100 ? '1' : '0'));
    // Far from their first rows: the same text again, and the same code printed with another batch.
    rows.push(row(codes[5]!), row(codes[6]!.replace(`(10)${issued.batch}`, `(10)${issued.batch}X`), ''), row('garbage'));
    const { status, body } = await upload('activation', tokens.industri, [header, ...rows].join('\n'));
    expect(status).toBe(200);
    expect(body.accepted).toBe(n);
    expect(body.rejected.map((r: any) => [r.row, r.reason])).toEqual([
      [n + 2, 'DATA_MISMATCH'],
      [n + 3, 'MALFORMED'],
    ]);
    const { rows: packs } = await server.pool.query(
      `select p.status, count(distinct p.id)::int as packs, count(distinct ep.event_id)::int as events
         from pack p join event_pack ep on ep.pack_id = p.id where p.code_request_id = $1 and p.level = 'UNIT' group by p.status order by p.status`,
      [issued.requestId],
    );
    // One activation event for them all; the sample has its decommissioning too.
    expect(packs).toEqual([
      { status: 'ACTIVE', packs: n - 1, events: 1 },
      { status: 'SAMPLE', packs: 1, events: 2 },
    ]);
  });

  it('builds the code from the columns when the barcode cell is empty', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 1 });
    const serial = issued.units[0]!.slice(-15);
    const csv = `NIE,Lot Number,Expired,ID Kemasan,2D Barcode\n${issued.nie},${issued.batch},2029-08-31,${serial},\n`;
    const { body } = await upload('activation', tokens.industri, csv);
    expect(body).toMatchObject({ accepted: 1, rejected: [] });
  });

  it('refuses files it cannot read, and callers who may not activate', async () => {
    expect((await upload('activation', tokens.industri, 'foo,bar\n1,2\n')).body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await upload('activation', tokens.industri, '2D Barcode\n')).status).toBe(400);
    expect((await upload('activation', undefined, '2D Barcode\nx\n')).status).toBe(401);
    expect((await upload('activation', tokens.pbf, '2D Barcode\nx\n')).status).toBe(403);
    expect((await upload('activation', tokens.industri, '{"a":1}', 'application/json')).status).toBe(400);
    expect((await upload('nonsense', tokens.industri, '2D Barcode\nx\n')).status).toBe(404);
  });
});

describe('POST /api/csv/movements', () => {
  it('applies ship, receive and dispense rows in order, in one transaction, with row-level rejections', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 3 });
    const [a, b, c] = issued.units as [string, string, string];
    server.setTime(daysAgo(2));
    await op.activate(server, tokens.industri, issued.units);
    server.setTime(null);
    const apotek = await facilityId(server, tokens.industri, 'Sentosa');
    const shippedAt = daysAgo(1);
    const shipped = await upload(
      'movements',
      tokens.industri,
      ['code,event,to,time', `${quote(a)},ship,${apotek},${wib(shippedAt)}`, `${quote(b)},kirim,${apotek},${wib(shippedAt)}`, `${quote(c)},teleport,${apotek},`, `${quote(c)},ship,,`, `${quote(c)},ship,${apotek},2999-01-01T00:00:00Z`].join('\n'),
    );
    expect(shipped.body.accepted).toBe(2);
    expect(shipped.body.rejected.map((r: any) => [r.row, r.reason, r.rule])).toEqual([
      [3, 'MALFORMED', 'ROW_MALFORMED'],
      [4, 'MALFORMED', 'ROW_MALFORMED'],
      [5, 'INVALID_TIME', 'TIME_IN_FUTURE'],
    ]);
    const received = await upload('movements', tokens.apotek, `code,event,to,time\n${quote(a)},terima,,\n${quote(b)},receive,,\n${quote(a)},jual,,\n${quote(c)},receive,,\n`);
    expect(received.body.accepted).toBe(3);
    expect(received.body.rejected).toEqual([expect.objectContaining({ row: 4, reason: 'NOT_SHIPPED_TO_YOU' })]);
    expect((await packOf(server, tokens.apotek, a)).status).toBe('DISPENSED');
    const trace = await server.gql(`query($c: String!) { trace(code: $c) { events { type at source } } }`, { c: a }, tokens.bpom);
    expect(trace.data.trace.events.find((e: any) => e.type === 'SHIPPED')).toMatchObject({ source: 'CSV', at: shippedAt.toISOString() });
  });

  it('decommissions with a reason column or a reason word', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 2 });
    await op.activate(server, tokens.industri, issued.units);
    const csv = `code,event,reason\n${quote(issued.units[0]!)},decommission,destroyed\n${quote(issued.units[1]!)},dicuri,\n`;
    const { body } = await upload('movements', tokens.industri, csv);
    expect(body).toMatchObject({ accepted: 2, rejected: [] });
    expect((await packOf(server, tokens.industri, issued.units[0]!)).status).toBe('DESTROYED');
    expect((await packOf(server, tokens.industri, issued.units[1]!)).status).toBe('STOLEN');
  });
});
