import { errorCodeOf, isSessionEnded, type ErrorCode } from '../../shared/errors';
import type { BulkOutcome, ScanItem } from './reducer';

export interface Senders<Context> {
  send: (codes: string[], context: Context) => Promise<BulkOutcome>;
  /** Files the API reads itself (activation's 13 columns): a header and some of its lines. */
  sendCsv?: (header: string, lines: string[]) => Promise<BulkOutcome>;
}

/** How a batch ended: answered, back in the queue (no network, or the login ended), or failed at the server. */
export type Delivery =
  | { kind: 'answered'; outcome: BulkOutcome; csv: boolean }
  | { kind: 'requeue'; network: boolean }
  | { kind: 'failed'; error: ErrorCode };

/** Sends one batch (from `nextBatch`): its codes with their context, or its file lines with their header. */
export async function deliver<Context>(batch: readonly ScanItem[], senders: Senders<Context>): Promise<Delivery> {
  const first = batch[0];
  if (!first) return { kind: 'answered', outcome: { accepted: 0, units: 0, rejected: [] }, csv: false };
  const csv = first.csvHeader;
  try {
    if (csv) {
      if (!senders.sendCsv) throw new Error('This screen takes no files');
      return { kind: 'answered', outcome: await senders.sendCsv(csv, batch.map((item) => item.line ?? '')), csv: true };
    }
    const outcome = await senders.send(
      batch.map((item) => item.code),
      JSON.parse(first.context) as Context,
    );
    return { kind: 'answered', outcome, csv: false };
  } catch (failure) {
    const code = errorCodeOf(failure);
    if (code === 'NETWORK' || isSessionEnded(code)) return { kind: 'requeue', network: code === 'NETWORK' };
    return { kind: 'failed', error: code };
  }
}
