import { act, renderHook, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkOutcome } from './reducer';
import { LINES_PER_CHUNK, useScanSession, type Importing } from './useScanSession';

const code = (n: number) => `(90)DKL1234567890A1(10)B1(17)291231(21)S${String(n).padStart(5, '0')}`;

describe('useScanSession', () => {
  // The hook works between frames on its own, as in the browser: its renders are watched as they come, not batched by act().
  const flag = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  let before: boolean | undefined;
  beforeAll(() => {
    before = flag.IS_REACT_ACT_ENVIRONMENT;
    flag.IS_REACT_ACT_ENVIRONMENT = false;
  });
  afterAll(() => {
    flag.IS_REACT_ACT_ENVIRONMENT = before;
  });

  it('reads a big paste chunk by chunk, showing progress, then sends it in batches and keeps it on the device', async () => {
    const sent: string[][] = [];
    const send = (codes: string[]): Promise<BulkOutcome> => {
      sent.push(codes);
      return Promise.resolve({ accepted: codes.length, units: codes.length, rejected: [] });
    };
    // Every progress the page rendered.
    const seen: Importing[] = [];
    const { result } = renderHook(() => {
      const session = useScanSession({ storageKey: 'test.session', context: { to: 'A' }, send, batchSize: 300, intervalMs: 20 });
      if (session.importing && seen.at(-1) !== session.importing) seen.push(session.importing);
      return session;
    });
    const lines = [...Array.from({ length: 1000 }, (_, i) => ({ text: code(i) })), { text: code(3) }, { text: '12345' }];
    const totals = await result.current.addMany(lines, 'paste');
    await waitFor(() => expect(result.current.importing).toBeNull());
    expect(totals).toEqual({ added: 1000, duplicates: 1, invalid: 1 });
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen[0]!.total).toBe(lines.length);
    expect(seen.every((step) => step.done % LINES_PER_CHUNK === 0 || step.done === lines.length)).toBe(true);
    expect(result.current.importing).toBeNull();
    // The invalid line is kept as typed, never sent.
    expect(result.current.items.find((item) => item.state === 'invalid')?.code).toBe('12345');

    await waitFor(() => expect(result.current.counts.accepted).toBe(1000), { timeout: 5_000 });
    // Sending starts as soon as the first chunk is in (so batches may be cut by the chunks), at most 300 a call, each code once.
    expect(sent.every((batch) => batch.length <= 300)).toBe(true);
    expect(sent.length).toBeGreaterThanOrEqual(4);
    expect(new Set(sent.flat()).size).toBe(1000);
    expect(sent.flat()).toHaveLength(1000);
    expect(result.current.units).toBe(1000);
    await waitFor(() => expect(JSON.parse(localStorage.getItem('test.session') ?? '{}').items).toHaveLength(1001));
  });

  it('accepts nothing before the screen is ready, and answers a duplicate read as such', () => {
    const send = () => Promise.resolve({ accepted: 0, units: 0, rejected: [] });
    const { result, rerender } = renderHook(({ context }: { context: { to: string } | null }) => useScanSession({ storageKey: 'test.ready', context, send, autoSend: false }), {
      initialProps: { context: null as { to: string } | null },
    });
    const read = { text: code(1), parsed: { valid: true, bracketed: code(1) } as never, source: 'keyboard' as const, at: 1 };
    expect(result.current.add(read, 'keyboard')).toBe('not-ready');
    rerender({ context: { to: 'A' } });
    let first: string | undefined;
    let second: string | undefined;
    act(() => {
      first = result.current.add(read, 'keyboard');
    });
    act(() => {
      second = result.current.add(read, 'keyboard');
    });
    expect([first, second]).toEqual(['added', 'duplicate']);
  });
});
