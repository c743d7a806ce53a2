import { describe, expect, it } from 'vitest';
import { planOf } from './custody.js';

const object = (bizStep: string, extra: Record<string, unknown> = {}) => ({
  type: 'ObjectEvent',
  eventTime: '2026-11-29T01:00:00Z',
  eventTimeZoneOffset: '+07:00',
  epcList: ['urn:epc:id:sgtin:8999999.012345.A1', 'urn:jejak:nie:DKL2012345678A1:S%2F1'],
  action: 'OBSERVE',
  bizStep,
  ...extra,
});

describe('planOf', () => {
  it('maps the CBV business steps Jejak knows to its movements, with the EPCs as codes it reads', () => {
    expect(planOf(object('commissioning'))).toEqual({
      kind: 'move',
      movement: { kind: 'activate' },
      codes: ['https://id.gs1.org/01/08999999123451/21/A1', '(90)DKL2012345678A1(21)S/1'],
    });
    expect(planOf(object('shipping'))?.kind).toBe('ship');
    expect(planOf(object('https://ref.gs1.org/cbv/BizStep-receiving'))).toMatchObject({ movement: { kind: 'receive' } });
    expect(planOf(object('dispensing'))).toMatchObject({ movement: { kind: 'dispense' } });
    expect(planOf(object('retail_selling'))).toMatchObject({ movement: { kind: 'dispense' } });
    expect(planOf(object('destroying'))).toMatchObject({ movement: { kind: 'decommission', reason: 'DESTROYED' } });
    expect(planOf(object('decommissioning', { disposition: 'stolen' }))).toMatchObject({ movement: { reason: 'STOLEN' } });
    expect(planOf(object('decommissioning', { disposition: 'disposed' }))).toMatchObject({ movement: { reason: 'DESTROYED' } });
    expect(planOf(object('decommissioning'))).toMatchObject({ movement: { reason: 'LOCKED' } });
  });

  it('reads packing and unpacking from AggregationEvents', () => {
    const aggregation = (action: string, bizStep?: string, childEPCs?: string[]) => ({
      type: 'AggregationEvent',
      parentID: 'urn:epc:id:sscc:8999999.0000000001',
      action,
      ...(bizStep ? { bizStep } : {}),
      ...(childEPCs ? { childEPCs } : {}),
    });
    expect(planOf(aggregation('ADD', 'packing', ['urn:epc:id:sgtin:8999999.012345.A1']))).toEqual({
      kind: 'aggregate',
      parent: 'https://id.gs1.org/00/089999990000000011',
      codes: ['https://id.gs1.org/01/08999999123451/21/A1'],
    });
    expect(planOf(aggregation('DELETE', 'unpacking'))).toMatchObject({ kind: 'disaggregate', codes: null });
    expect(planOf(aggregation('DELETE'))).toMatchObject({ kind: 'disaggregate' });
    expect(planOf(aggregation('ADD', 'shipping', ['urn:epc:id:sgtin:8999999.012345.A1']))).toBeNull();
    expect(planOf(aggregation('ADD', 'packing'))).toBeNull();
  });

  it('keeps every other event as a repository keeps it', () => {
    expect(planOf(object('inspecting'))).toBeNull();
    expect(planOf(object('shipping', { epcList: [] }))).toBeNull();
    expect(planOf({ type: 'TransformationEvent', bizStep: 'commissioning', inputEPCList: ['urn:epc:id:sgtin:8999999.012345.A1'] })).toBeNull();
    expect(planOf({ ...object('commissioning'), type: 'TransactionEvent' })).toBeNull();
  });
});
