/**
 * EPCIS events that move Jejak's packs, applied through the lifecycle rules.
 */
import type { PoolClient } from 'pg';
import type { Context } from '../../context.js';
import type { Principal } from '../../shared/auth.js';
import type { ErrorBehaviour } from './epcis.service.js';
import type { Problem } from './problems.js';
import type { JsonObject } from './validation.js';

export interface CustodyOutcome {
  /** The events refused, by index. */
  refused: Set<number>;
  problems: Problem[];
  /** What to do once the transaction has committed (e-mails). */
  after: Array<() => Promise<void>>;
}

export class CustodyService {
  async apply(_ctx: Context, _client: PoolClient, _principal: Principal, _events: JsonObject[], _pointers: string[], _behaviour: ErrorBehaviour): Promise<CustodyOutcome> {
    return { refused: new Set(), problems: [], after: [] };
  }
}
