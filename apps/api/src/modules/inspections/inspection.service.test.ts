import { describe, expect, it } from 'vitest';
import { custodyOf } from './inspection.service.js';

const HERE = '11111111-1111-4111-8111-111111111111';
const THERE = '22222222-2222-4222-8222-222222222222';

describe('custody of a pack read during a visit', () => {
  it('is HERE only when the records hold it at the facility visited', () => {
    expect(custodyOf({ status: 'ACTIVE', custodianId: HERE, destinationId: null }, HERE)).toEqual({ custody: 'HERE', expected: HERE });
    expect(custodyOf({ status: 'ACTIVE', custodianId: THERE, destinationId: null }, HERE)).toEqual({ custody: 'ELSEWHERE', expected: THERE });
  });

  it('names where a pack in transit is going, even when that is here', () => {
    expect(custodyOf({ status: 'IN_TRANSIT', custodianId: THERE, destinationId: HERE }, HERE)).toEqual({ custody: 'IN_TRANSIT', expected: HERE });
    expect(custodyOf({ status: 'IN_TRANSIT', custodianId: THERE, destinationId: null }, HERE)).toEqual({ custody: 'IN_TRANSIT', expected: THERE });
  });

  it('is out of the chain for packs never activated or gone from it, and unknown without a pack', () => {
    for (const status of ['ISSUED', 'DISPENSED', 'DESTROYED', 'SAMPLE', 'EXPORTED', 'STOLEN', 'LOCKED']) {
      expect(custodyOf({ status, custodianId: HERE, destinationId: null }, HERE)).toEqual({ custody: 'OUT_OF_CHAIN', expected: null });
    }
    expect(custodyOf({ status: 'ACTIVE', custodianId: null, destinationId: null }, HERE).custody).toBe('OUT_OF_CHAIN');
    expect(custodyOf(null, HERE)).toEqual({ custody: 'UNKNOWN', expected: null });
  });
});
