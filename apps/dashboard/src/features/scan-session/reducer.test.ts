import { parse } from '@jejak/gs1';
import { describe, expect, it } from 'vitest';
import { RestError } from '../../shared/errors';
import { loadSession, saveSession, trim } from './persistence';
import { EMPTY, countStates, itemOf, liveKeys, nextBatch, readLines, scanReducer, type BulkOutcome, type NewItem, type ScanItem, type Stored } from './reducer';
import { deliver } from './sender';

const NIE = 'DKL1234567890A1';
const code = (serial: string) => `(90)${NIE}(10)B1(17)291231(21)${serial}`;
const read = (text: string) => ({ text, parsed: parse(text), at: 1 });
const to = (destination: string) => JSON.stringify({ to: destination });

function withItems(...items: NewItem[]): Stored {
  return scanReducer(EMPTY, { type: 'add', items });
}

describe('what a read becomes', () => {
  it('a valid code is queued under its bracketed form, whatever way it was written', () => {
    const raw = `]d2${parse(code('S1')).raw}`;
    const item = itemOf(read(raw), 'camera', to('A'));
    expect(item).toMatchObject({ state: 'queued', key: parse(code('S1')).bracketed, code: parse(code('S1')).bracketed, source: 'camera' });
  });

  it('an invalid one is kept exactly as typed: "12345" stays "12345", not "(12)345"', () => {
    expect(parse('12345').bracketed).toBe('(12)345');
    const item = itemOf(read('12345'), 'keyboard', to('A'));
    expect(item).toMatchObject({ state: 'invalid', code: '12345', key: '12345' });
  });
});

describe('lines pasted or read from a file', () => {
  it('skips blanks, drops duplicates of the list and of each other, counts the invalid', () => {
    const seen = liveKeys([{ ...itemOf(read(code('S1')), 'keyboard', to('A')), id: 1 }]);
    const result = readLines(
      [{ text: code('S1') }, { text: '  ' }, { text: code('S2') }, { text: ` ${code('S2')} ` }, { text: 'bukan kode' }, { text: code('S3'), row: 7 }],
      seen,
      'paste',
      to('A'),
      5,
    );
    expect(result.duplicates).toBe(2);
    expect(result.invalid).toBe(1);
    expect(result.items.map((item) => item.code)).toEqual([parse(code('S2')).bracketed, 'bukan kode', parse(code('S3')).bracketed]);
    expect(result.items[2]).toMatchObject({ row: 7, at: 5, source: 'paste' });
    expect(seen.has(parse(code('S3')).bracketed!)).toBe(true);
  });
});

describe('the reducer', () => {
  it('numbers new reads, and a new read of a failed code replaces it', () => {
    let state = withItems(itemOf(read(code('S1')), 'keyboard', to('A')), itemOf(read(code('S2')), 'keyboard', to('A')));
    expect(state.items.map((item) => item.id)).toEqual([1, 2]);
    state = scanReducer(state, { type: 'failed', batch: [state.items[0]!], error: 'INTERNAL_SERVER_ERROR' });
    expect(liveKeys(state.items).has(state.items[0]!.key)).toBe(false);
    state = scanReducer(state, { type: 'add', items: [itemOf(read(code('S1')), 'camera', to('A'))] });
    expect(state.items).toHaveLength(2);
    expect(state.items.map((item) => [item.id, item.state, item.source])).toEqual([
      [2, 'queued', 'keyboard'],
      [3, 'queued', 'camera'],
    ]);
  });

  it('settles an answer: rejections by code (in any spelling), recalled flags, units', () => {
    let state = withItems(...['S1', 'S2', 'S3'].map((serial) => itemOf(read(code(serial)), 'keyboard', to('A'))));
    const batch = nextBatch(state.items, 10, 10);
    state = scanReducer(state, { type: 'sending', batch });
    expect(countStates(state.items).sending).toBe(3);
    const outcome: BulkOutcome = {
      accepted: 2,
      units: 5,
      rejected: [{ code: `]d2${parse(code('S2')).raw}`, reason: 'WRONG_STATE', rule: null, message: 'already dispensed' }],
      recalled: [code('S3')],
    };
    state = scanReducer(state, { type: 'answered', batch, outcome, csv: false });
    expect(state.items.map((item) => item.state)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(state.items[1]).toMatchObject({ reason: 'WRONG_STATE', message: 'already dispensed' });
    expect(state.items[2]!.recalled).toBe(true);
    expect(state.items[0]!.recalled).toBeUndefined();
    expect(state.units).toBe(5);
  });

  it('matches a file’s rejections by row', () => {
    const lines: NewItem[] = [1, 2].map((row) => ({ key: `f:${row}`, code: code(`R${row}`), source: 'csv', row, line: `l${row}`, csvHeader: 'h', context: '', at: 1, state: 'queued' }));
    let state = withItems(...lines);
    const batch = nextBatch(state.items, 10, 10);
    state = scanReducer(state, { type: 'answered', batch, outcome: { accepted: 1, units: 1, rejected: [{ code: '', reason: 'NOT_FOUND', message: 'x', row: 2 }] }, csv: true });
    expect(state.items.map((item) => item.state)).toEqual(['accepted', 'rejected']);
  });

  it('puts a batch back in the queue, retries failures, and a new list keeps what still waits', () => {
    let state = withItems(...['S1', 'S2', 'S3'].map((serial) => itemOf(read(code(serial)), 'keyboard', to('A'))));
    const [a, b, c] = state.items as [ScanItem, ScanItem, ScanItem];
    state = scanReducer(state, { type: 'sending', batch: [a, b] });
    state = scanReducer(state, { type: 'requeue', batch: [a] });
    state = scanReducer(state, { type: 'failed', batch: [b], error: 'INTERNAL_SERVER_ERROR' });
    expect(state.items.map((item) => item.state)).toEqual(['queued', 'failed', 'queued']);
    state = scanReducer(state, { type: 'retryFailed' });
    expect(state.items[1]).toMatchObject({ state: 'queued', error: undefined });
    state = scanReducer(state, { type: 'answered', batch: [c], outcome: { accepted: 1, units: 1, rejected: [] }, csv: false });
    state = scanReducer(state, { type: 'clear' });
    expect(state.items.map((item) => item.id)).toEqual([a.id, b.id]);
    expect(state.units).toBe(0);
  });
});

describe('the next batch', () => {
  it('takes queued reads of the first one’s context only, up to the size', () => {
    const state = withItems(
      itemOf(read(code('S1')), 'keyboard', to('A')),
      itemOf(read(code('S2')), 'keyboard', to('B')),
      itemOf(read('rusak'), 'keyboard', to('A')),
      itemOf(read(code('S3')), 'keyboard', to('A')),
      itemOf(read(code('S4')), 'keyboard', to('A')),
    );
    expect(nextBatch(state.items, 2, 10).map((item) => item.code)).toEqual([parse(code('S1')).bracketed, parse(code('S3')).bracketed]);
    expect(nextBatch([], 2, 10)).toEqual([]);
  });

  it('keeps a file’s rows together with their header, at the file size', () => {
    const rows: NewItem[] = [1, 2, 3].map((row) => ({ key: `f:${row}`, code: '', source: 'csv', row, line: `l${row}`, csvHeader: 'h', context: '', at: 1, state: 'queued' }));
    const state = withItems(...rows, itemOf(read(code('S1')), 'keyboard', to('A')));
    expect(nextBatch(state.items, 10, 2).map((item) => item.row)).toEqual([1, 2]);
  });
});

describe('persistence', () => {
  it('loads what was saved, a batch cut off by a reload back in the queue; nothing readable is empty', () => {
    let state = withItems(itemOf(read(code('S1')), 'keyboard', to('A')));
    state = scanReducer(state, { type: 'sending', batch: state.items });
    expect(saveSession('k', state)).toBe(true);
    expect(loadSession('k').items[0]!.state).toBe('queued');
    localStorage.setItem('broken', '{not json');
    expect(loadSession('broken')).toEqual(EMPTY);
    expect(loadSession('absent')).toEqual(EMPTY);
  });

  it('keeps at most so many reads, dropping answered ones first and never one still to send', () => {
    const items = ['accepted', 'queued', 'rejected', 'sending', 'accepted'].map((state, id) => ({ id, state }) as ScanItem);
    expect(trim(items, 3).map((item) => item.id)).toEqual([1, 3, 4]);
    expect(trim(items, 10)).toBe(items);
  });

  it('says when the device refuses to keep the list', () => {
    const full = { setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    expect(saveSession('k', EMPTY, full)).toBe(false);
  });
});

describe('the sender', () => {
  const batch = withItems(itemOf(read(code('S1')), 'keyboard', to('A'))).items;

  it('sends codes with their context', async () => {
    const calls: unknown[] = [];
    const delivery = await deliver(batch, {
      send: (codes, context) => {
        calls.push([codes, context]);
        return Promise.resolve({ accepted: 1, units: 1, rejected: [] });
      },
    });
    expect(calls).toEqual([[[parse(code('S1')).bracketed], { to: 'A' }]]);
    expect(delivery).toMatchObject({ kind: 'answered', csv: false });
  });

  it('keeps the batch for later without network or login, and fails it on a server error', async () => {
    const failing = (error: unknown) => ({ send: () => Promise.reject(error) });
    expect(await deliver(batch, failing(new TypeError('Failed to fetch')))).toEqual({ kind: 'requeue', network: true });
    expect(await deliver(batch, failing(new RestError('TOKEN_EXPIRED', 'expired')))).toEqual({ kind: 'requeue', network: false });
    expect(await deliver(batch, failing(new RestError('INTERNAL_SERVER_ERROR', 'boom')))).toEqual({ kind: 'failed', error: 'INTERNAL_SERVER_ERROR' });
  });
});
