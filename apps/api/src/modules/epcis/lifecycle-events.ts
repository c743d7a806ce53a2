/**
 * Jejak's own movements (the event log) served as EPCIS 2.0 events.
 */
import type { Context } from '../../context.js';
import type { Principal } from '../../shared/auth.js';
import type { EventQuery, Found, PageToken } from './query.js';

export class LifecycleEvents {
  async find(_ctx: Context, _principal: Principal, _query: EventQuery, _after: PageToken | null, _limit: number): Promise<Found[]> {
    return [];
  }
}
