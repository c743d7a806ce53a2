import { describe, expect, it } from 'vitest';
import { cloneFinding } from '../verification/clone.js';
import { legacyObservation } from './observations.js';

describe('evidence stored before observation codes', () => {
  it.each([
    ['NOT_SHIPPED_TO_YOU', 'the pack is in transit to Gudang X, not to you', 'c', { what: 'RECEIVED_NOT_SHIPPED', params: {} }],
    ['SHIPMENT_DISCREPANCY', '3 units missing, 1 codes extra', 'SJ-1', { what: 'SHIPMENT_MISMATCH', params: { missingUnits: 3, extraCodes: 1 } }],
    ['DECOMMISSIONED', 'the pack was decommissioned (DESTROYED) and is seen again', 'c', { what: 'SEEN_AFTER_DECOMMISSION', params: { status: 'DESTROYED' } }],
    [
      'DATA_MISMATCH',
      'printed batch B1 / expiry 2029-01-31, issued B2 / 2029-02-28',
      'c',
      { what: 'BATCH_EXPIRY_MISMATCH', params: { printedBatch: 'B1', printedExpiry: '2029-01-31', issuedBatch: 'B2', issuedExpiry: '2029-02-28' } },
    ],
    ['DATA_MISMATCH', 'a serialised product’s code without a serial', 'c', { what: 'SERIAL_MISSING', params: {} }],
    ['NOT_FOUND', 'no product is registered under this code', 'c', { what: 'UNREGISTERED_PRODUCT', params: {} }],
    ['NOT_FOUND', 'no pack with this code was ever issued', 'c', { what: 'NEVER_ISSUED', params: {} }],
    ['CLONE_SUSPECTED', 'checked by two devices 712 km apart within 1.5 hours', 'c', { what: 'CLONE_FAR_APART', params: { km: 712, minutes: 90 } }],
    ['CLONE_SUSPECTED', 'checked by two devices 300 km apart within 12 minutes', 'c', { what: 'CLONE_FAR_APART', params: { km: 300, minutes: 12 } }],
    ['CLONE_SUSPECTED', 'checked from 6 different devices within 30 days', 'c', { what: 'CLONE_MANY_DEVICES', params: { devices: 6, days: 30 } }],
    ['LEDGER_BROKEN', 'event 42 is gone; publishing stops', 'event 42', { what: 'LEDGER_MISMATCH', params: { eventId: '42' } }],
    ['SHIPMENT_DISCREPANCY', 'something else', 'SJ-1', { what: 'OTHER', params: {} }],
    ['SOMETHING_NEW', 'whatever', 'c', { what: 'OTHER', params: {} }],
  ])('%s: "%s"', (reason, detail, code, expected) => {
    expect(legacyObservation(reason, detail, code)).toEqual(expected);
  });

  it('reads back what the clone check writes today', () => {
    const at = new Date('2026-11-29T10:00:00Z');
    const finding = cloneFinding({ at, latitude: -6.2, longitude: 106.8, device: 'a' }, [
      { at: new Date(at.getTime() - 30 * 60_000), latitude: 3.59, longitude: 98.67, device: 'b' },
    ])!;
    expect(finding.what).toBe('CLONE_FAR_APART');
    expect(legacyObservation('CLONE_SUSPECTED', finding.detail, 'c')).toEqual({ what: finding.what, params: finding.params });
  });
});
