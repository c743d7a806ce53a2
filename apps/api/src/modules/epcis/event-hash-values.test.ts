import { describe, expect, it } from 'vitest';
import {
  canonicalDecimal,
  canonicalTimestamp,
  canonicalValue,
  cbvWebUri,
  compareCodePoints,
  EPCIS_CONTEXT_PREFIXES,
  expandCompactIri,
  expandedName,
  VOCABULARY,
} from './event-hash-values.js';

const namespaces = new Map([...Object.entries(EPCIS_CONTEXT_PREFIXES), ['example', 'https://ns.example.com/epcis/']]);

describe('timestamps', () => {
  it.each([
    ['2020-03-04T11:00:30.000+01:00', '2020-03-04T10:00:30.000Z'],
    ['2020-03-04T11:00:30+01:00', '2020-03-04T10:00:30.000Z'],
    ['2005-04-03T20:33:31.116000-06:00', '2005-04-04T02:33:31.116Z'],
    ['2023-02-02T11:04:03.1415Z', '2023-02-02T11:04:03.142Z'],
    ['2023-02-02T11:04:03.1414Z', '2023-02-02T11:04:03.141Z'],
    ['2023-02-02T11:04:03.1425Z', '2023-02-02T11:04:03.143Z'],
    ['2023-12-31T23:59:59.9996Z', '2024-01-01T00:00:00.000Z'],
    ['2023-02-02T11:04:03.1z', '2023-02-02T11:04:03.100Z'],
    ['2024-02-29T00:30:00+0100', '2024-02-28T23:30:00.000Z'],
    ['2023-02-02T24:00:00Z', '2023-02-03T00:00:00.000Z'],
    ['2023-02-02T11:04:03', '2023-02-02T11:04:03.000Z'], // no offset: read as UTC
  ])('%s → %s', (text, expected) => {
    expect(canonicalTimestamp(text)).toBe(expected);
  });

  it.each(['yesterday', '2023-02-30T10:00:00Z', '2023-13-01T10:00:00Z', '2023-02-02T24:00:01Z', '2023-02-02T10:00:00+15:00', '2023-02-02'])(
    'leaves %s as it is',
    (text) => {
      expect(canonicalTimestamp(text)).toBe(text);
    },
  );
});

describe('decimals', () => {
  it.each([
    ['1.0', '1'],
    ['0.3434', '0.3434'],
    ['0.34340', '0.3434'],
    ['+26', '26'],
    ['007', '7'],
    ['-0.0', '0'],
    ['2.50E2', '250'],
    ['1e-7', '0.0000001'],
    ['.5', '0.5'],
    ['12345678901234567890', '12345678901234567890'],
  ])('%s → %s', (text, expected) => {
    expect(canonicalDecimal(text)).toBe(expected);
  });

  it.each(['', '.', '+', '1,5', '0x10', '1e', 'Infinity', '12 kg'])('%j is no decimal', (text) => {
    expect(canonicalDecimal(text)).toBeNull();
  });
});

describe('vocabulary, compact IRIs and names', () => {
  it('writes CBV URNs as Web URIs', () => {
    expect(cbvWebUri('urn:epcglobal:cbv:bizstep:receiving')).toBe('https://ref.gs1.org/cbv/BizStep-receiving');
    expect(cbvWebUri('urn:epcglobal:cbv:disp:in_transit')).toBe('https://ref.gs1.org/cbv/Disp-in_transit');
    expect(cbvWebUri('urn:epcglobal:cbv:btt:po')).toBe('https://ref.gs1.org/cbv/BTT-po');
    expect(cbvWebUri('urn:epcglobal:cbv:sdt:owning_party')).toBe('https://ref.gs1.org/cbv/SDT-owning_party');
    expect(cbvWebUri('urn:epcglobal:cbv:er:did_not_occur')).toBe('https://ref.gs1.org/cbv/ER-did_not_occur');
    expect(cbvWebUri('urn:epcglobal:cbv:bt:0614141073467:1152')).toBe('urn:epcglobal:cbv:bt:0614141073467:1152');
  });

  it('expands compact IRIs with known prefixes only', () => {
    expect(expandCompactIri('gs1:Temperature', namespaces)).toBe('https://gs1.org/voc/Temperature');
    expect(expandCompactIri('cbv:BizStep-shipping', namespaces)).toBe('https://ref.gs1.org/cbv/BizStep-shipping');
    expect(expandCompactIri('example:x', namespaces)).toBe('https://ns.example.com/epcis/x');
    expect(expandCompactIri('geo:50.9,6.9', namespaces)).toBe('geo:50.9,6.9');
    expect(expandCompactIri('https://example.com/x', new Map([['https', 'urn:x:']]))).toBe('https://example.com/x');
    expect(expandCompactIri('constructor:x', namespaces)).toBe('constructor:x');
  });

  it('names extension fields by namespace and local name, however they are spelled', () => {
    expect(expandedName('example:myField', namespaces)).toBe('{https://ns.example.com/epcis/}myField');
    expect(expandedName('https://ns.example.com/epcis/myField', namespaces)).toBe('{https://ns.example.com/epcis/}myField');
    expect(expandedName('cbvmda:lotNumber', namespaces)).toBe('{urn:epcglobal:cbv:mda:}lotNumber');
    expect(expandedName('urn:epcglobal:cbv:mda:lotNumber', namespaces)).toBe('{urn:epcglobal:cbv:mda:}lotNumber');
    expect(expandedName('unknown:field', namespaces)).toBe('unknown:field');
    expect(expandedName('plain', namespaces)).toBe('plain');
  });
});

describe('values', () => {
  it.each([
    ['  OBSERVE  ', { kind: 'text' } as const, 'OBSERVE'],
    ['departing', { kind: 'vocabulary', prefix: VOCABULARY.bizStep } as const, 'https://ref.gs1.org/cbv/BizStep-departing'],
    ['urn:epcglobal:cbv:bizstep:departing', { kind: 'vocabulary', prefix: VOCABULARY.bizStep } as const, 'https://ref.gs1.org/cbv/BizStep-departing'],
    ['https://example.com/bizstep/x', { kind: 'vocabulary', prefix: VOCABULARY.bizStep } as const, 'https://example.com/bizstep/x'],
    ['Temperature', { kind: 'vocabulary', prefix: VOCABULARY.gs1 } as const, 'https://gs1.org/voc/Temperature'],
    ['gs1:Temperature', { kind: 'vocabulary', prefix: VOCABULARY.gs1 } as const, 'https://gs1.org/voc/Temperature'],
    ['urn:epc:id:sscc:4012345.0000000333', { kind: 'text' } as const, 'https://id.gs1.org/00/040123450000003338'],
    ['12.50', { kind: 'decimal' } as const, '12.5'],
    ['0042', { kind: 'extension' } as const, '42'],
    ['0042', { kind: 'text' } as const, '0042'],
    ['example:x', { kind: 'extension' } as const, 'https://ns.example.com/epcis/x'],
    ['2019-10-21', { kind: 'extension' } as const, '2019-10-21'],
    ['   ', { kind: 'text' } as const, ''],
  ])('%j as %j → %s', (value, kind, expected) => {
    expect(canonicalValue(value, kind, namespaces)).toBe(expected);
  });

  it('writes JSON numbers and booleans', () => {
    expect(canonicalValue(26.0, { kind: 'text' }, namespaces)).toBe('26');
    expect(canonicalValue(0.1, { kind: 'decimal' }, namespaces)).toBe('0.1');
    expect(canonicalValue(1e21, { kind: 'decimal' }, namespaces)).toBe('1000000000000000000000');
    expect(canonicalValue(true, { kind: 'text' }, namespaces)).toBe('true');
  });
});

describe('ordering', () => {
  it('sorts by code point, as UTF-8 bytes do', () => {
    const words = ['b', 'B', '{x}', 'a=2', 'a2', '\u{1F600}', '\uFF5E', ''];
    expect([...words].sort(compareCodePoints)).toEqual(['', 'B', 'a2', 'a=2', 'b', '{x}', '\uFF5E', '\u{1F600}']);
  });
});
