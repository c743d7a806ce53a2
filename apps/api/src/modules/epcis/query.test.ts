import { describe, expect, it } from 'vitest';
import { readQuery, readToken, writeToken } from './query.js';

describe('readQuery', () => {
  it('reads pipe-delimited and repeated values, CBV words in any form, identifiers in their canonical form', () => {
    const query = readQuery({
      EQ_bizStep: 'shipping|https://ref.gs1.org/cbv/BizStep-receiving',
      EQ_disposition: ['urn:epcglobal:cbv:disp:in_transit'],
      MATCH_epc: 'urn:epc:id:sgtin:0614141.107346.2018|https://example.com/01/10614141073464/21/2019?17=270101',
      EQ_readPoint: 'urn:epc:id:sgln:0614141.00777.0',
      GE_eventTime: '2026-11-29T10:00:00+07:00',
      orderBy: 'eventTime',
    });
    expect(query).toEqual({
      EQ_bizStep: ['shipping', 'receiving'],
      EQ_disposition: ['in_transit'],
      MATCH_epc: ['https://id.gs1.org/01/10614141073464/21/2018', 'https://id.gs1.org/01/10614141073464/21/2019'],
      EQ_readPoint: ['https://id.gs1.org/414/0614141007776'],
      GE_eventTime: new Date('2026-11-29T03:00:00Z'),
      orderBy: 'eventTime',
      orderDirection: 'DESC',
    });
  });

  it('answers a QueryParameterException naming what is wrong', () => {
    const refusal = (params: Record<string, unknown>) => {
      try {
        readQuery(params);
      } catch (error) {
        return [(error as { exception: string }).exception, (error as Error).message];
      }
      return null;
    };
    expect(refusal({ EQ_colour: 'red' })).toEqual(['QueryParameterException', expect.stringContaining('EQ_colour')]);
    expect(refusal({ LT_recordTime: '29/11/2026' })).toEqual(['QueryParameterException', expect.stringContaining('LT_recordTime')]);
    expect(refusal({ orderDirection: 'ASC' })).toEqual(['QueryParameterException', 'orderDirection needs orderBy']);
    expect(refusal({ orderBy: 'eventTime', eventCountLimit: '-1' })).toEqual(['QueryParameterException', expect.stringContaining('eventCountLimit')]);
    expect(refusal({ MATCH_epc: '|' })).toEqual(['QueryParameterException', 'MATCH_epc is empty']);
    expect(refusal({ MATCH_anyEPC: Array.from({ length: 101 }, (_v, i) => `urn:x:${i}`) })).toEqual(['QueryParameterException', expect.stringContaining('101')]);
  });
});

describe('page tokens', () => {
  it('carry where a page ended and what eventCountLimit leaves, and refuse anything else', () => {
    const token = { time: '2026-11-29T03:00:00.000Z', eventId: 'urn:uuid:1', left: 5 };
    expect(readToken(writeToken(token))).toEqual(token);
    expect(() => readToken('not-a-token')).toThrow(/nextPageToken/);
  });
});
