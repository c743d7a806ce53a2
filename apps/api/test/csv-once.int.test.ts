import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { allCodes, demoTokens, facilityId, issueCodes, type Tokens } from './lifecycle-helpers.js';
import { runningAt, startMain } from './main-process.js';

/**
 * A CSV file is applied once: sent again (a retry, a double click, a crash between sending and
 * hearing back) it answers its first result and changes nothing; the API killed with SIGKILL in
 * the middle of a file leaves none of it applied, and the same file sent afterwards applies whole.
 */

let server: TestServer;
let tokens: Tokens;
let admin: pg.Client;
beforeAll(async () => {
  server = await startTestServer();
  tokens = await demoTokens(server);
  admin = new pg.Client({ connectionString: inject('databaseUrl') });
  await admin.connect();
});
afterAll(async () => {
  await admin?.end();
  await server?.close();
});

interface Upload {
  status: number;
  body: { accepted: number; units: number; rejected: Array<{ row: number; reason: string }>; replayed?: boolean; appliedAt?: string; errors?: Array<{ extensions: { code: string; field?: string } }> };
}

async function upload(csv: string, headers: Record<string, string> = {}, url = server.url): Promise<Upload> {
  const response = await fetch(`${url}/api/csv/movements`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${tokens.industri}`, ...headers },
    body: csv,
  });
  return { status: response.status, body: (await response.json()) as Upload['body'] };
}

/** A movements file that activates `codes`. */
const activation = (codes: string[]) => ['code,event,to,time', ...codes.map((code) => `"${code}",activate,,`)].join('\n');

/** Events recorded for the request's packs, and how many of them are active. */
async function state(requestId: string) {
  const { rows } = await admin.query<{ events: number; active: number }>(
    `select (select count(*)::int from event_pack ep join pack p on p.id = ep.pack_id where p.code_request_id = $1) as events,
            (select count(*)::int from pack where code_request_id = $1 and status = 'ACTIVE') as active`,
    [requestId],
  );
  return rows[0]!;
}

describe('a CSV file applied once', () => {
  it('answers the first result again for the same file, and nothing changes', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 3 });
    const csv = activation(issued.units.slice(0, 2));
    const first = await upload(csv);
    expect(first.body).toMatchObject({ accepted: 2, rejected: [] });
    expect(first.body.replayed).toBeUndefined();
    const again = await upload(csv);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ accepted: 2, rejected: [], replayed: true });
    expect(Date.parse(again.body.appliedAt!)).not.toBeNaN();
    expect(await state(issued.requestId)).toEqual({ events: 2, active: 2 });
    // One more row makes another file.
    const longer = await upload(activation(issued.units));
    expect(longer.body).toMatchObject({ accepted: 1 });
    expect(longer.body.rejected.map((rejection) => rejection.reason)).toEqual(['WRONG_STATE', 'WRONG_STATE']);
  });

  it('takes an Idempotency-Key as the name of the attempt, and refuses a malformed one by name', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 1 });
    const csv = activation(issued.units);
    const key = { 'idempotency-key': `key-${issued.requestId}` };
    expect((await upload(csv, key)).body).toMatchObject({ accepted: 1 });
    expect((await upload(csv, key)).body).toMatchObject({ accepted: 1, replayed: true });
    // Another key is another attempt: applied afresh, its rows refused as already done.
    const other = await upload(csv, { 'idempotency-key': `other-${issued.requestId}` });
    expect(other.body).toMatchObject({ accepted: 0 });
    expect(other.body.replayed).toBeUndefined();
    // A key names one file: the same key with another file is refused, naming why.
    const another = await upload(activation([...issued.units, issued.units[0]!]), key);
    expect(another.status).toBe(409);
    expect(another.body.errors?.[0]?.extensions.code).toBe('CONFLICT');
    const bad = await upload(csv, { 'idempotency-key': 'x'.repeat(201) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    expect(await state(issued.requestId)).toEqual({ events: 1, active: 1 });
  });

  it('does not keep a file that changed nothing: sent again once the packs are ready, it applies', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 2 });
    const pbf = await facilityId(server, tokens.industri, 'Nusantara');
    const shipping = ['code,event,to,time', ...issued.units.map((code) => `"${code}",ship,${pbf},`)].join('\n');
    const early = await upload(shipping);
    expect(early.body).toMatchObject({ accepted: 0 });
    expect(early.body.rejected.map((rejection) => rejection.reason)).toEqual(['WRONG_STATE', 'WRONG_STATE']);
    await upload(activation(issued.units));
    const ready = await upload(shipping);
    expect(ready.body).toMatchObject({ accepted: 2, rejected: [] });
    expect(ready.body.replayed).toBeUndefined();
  });

  it('applies one of two identical files sent at once; the other answers its result', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 200 });
    const csv = activation(issued.units);
    const both = await Promise.all([upload(csv), upload(csv)]);
    expect(both.map((answer) => answer.body.accepted)).toEqual([200, 200]);
    expect(both.filter((answer) => answer.body.replayed).length).toBe(1);
    expect(await state(issued.requestId)).toEqual({ events: 200, active: 200 });
  });
});

describe('the API killed in the middle of a file', () => {
  it('leaves none of it applied, and the same file sent afterwards applies once', async () => {
    const issued = await issueCodes(server, tokens, { quantity: 20_000 });
    const codes = (await allCodes(server, tokens.industri, issued.requestId)).filter((code) => code.level === 'UNIT').map((code) => code.text);
    const csv = activation(codes);
    const name = `jejak-kill-${issued.requestId.slice(0, 8)}`;
    const started = startMain({ DATABASE_URL: inject('databaseUrl'), LEDGER_KEY_FILE: inject('ledgerKeyFile'), PGAPPNAME: name, LOG_LEVEL: 'warn' });
    try {
      const url = await runningAt(started);
      const sent = upload(csv, {}, url).catch((error: unknown) => error);
      // Killed once its transaction has written rows and before it commits.
      const deadline = Date.now() + 30_000;
      for (;;) {
        const { rows } = await admin.query(
          `select 1 from pg_stat_activity where application_name = $1 and backend_xid is not null and state <> 'idle'`,
          [name],
        );
        if (rows.length) break;
        if (Date.now() > deadline) throw new Error('the import never began writing');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      started.child.kill('SIGKILL');
      expect(await sent).toBeInstanceOf(Error);
    } finally {
      started.child.kill('SIGKILL');
      await started.ended;
    }
    // Its sessions end with it; what they had written is rolled back.
    await expect
      .poll(async () => (await admin.query(`select 1 from pg_stat_activity where application_name = $1`, [name])).rows.length, { timeout: 20_000 })
      .toBe(0);
    expect(await state(issued.requestId)).toEqual({ events: 0, active: 0 });

    const again = await upload(csv);
    expect(again.body).toMatchObject({ accepted: codes.length, rejected: [] });
    expect(again.body.replayed).toBeUndefined();
    expect((await upload(csv)).body).toMatchObject({ accepted: codes.length, replayed: true });
    expect(await state(issued.requestId)).toEqual({ events: codes.length, active: codes.length });
  });
});
