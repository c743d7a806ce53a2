import { checkDigit } from '@jejak/gs1';
import { describe, expect, it } from 'vitest';
import { canonicalDigitalLink, canonicalIdentifier, epcUriToDigitalLink, gs1CheckDigit } from './canonical-epc.js';

const DL = 'https://id.gs1.org';

describe('gs1CheckDigit', () => {
  it.each(['0401234511111', '1061414107346', '401234500000', '40123450000006765', '4012345222333444', '0', '9999999999999'])('agrees with @jejak/gs1 for %s', (digits) => {
    expect(gs1CheckDigit(digits)).toBe(checkDigit(digits));
  });
});

describe('EPC URIs to canonical Digital Links', () => {
  it.each([
    ['urn:epc:id:sgtin:4012345.011111.9876', `${DL}/01/04012345111118/21/9876`],
    ['urn:epc:id:sgtin:0614141.107346.2017', `${DL}/01/10614141073464/21/2017`],
    ['urn:epc:id:sgtin:415056789012.0.987654', `${DL}/01/04150567890128/21/987654`],
    // EPC URI escapes are decoded, then everything but unreserved characters and ' ; = is %-encoded.
    ['urn:epc:id:sgtin:0614141.812345.6789%2F%26%25%22!%3F()', `${DL}/01/80614141123458/21/6789%2F%26%25%22%21%3F%28%29`],
    ['urn:epc:id:sgtin:4012345.011111.A.B', `${DL}/01/04012345111118/21/A.B`],
    ['urn:epc:id:sscc:4012345.0000000333', `${DL}/00/040123450000003338`],
    ['urn:epc:id:sgln:4012345.00011.987', `${DL}/414/4012345000115/254/987`],
    ['urn:epc:id:sgln:4012345.00011.0', `${DL}/414/4012345000115`],
    ['urn:epc:id:grai:4012345.00022.334455', `${DL}/8003/04012345000221334455`],
    ['urn:epc:id:giai:4000001.111', `${DL}/8004/4000001111`],
    ['urn:epc:id:gsrn:4012345.0000006765', `${DL}/8018/401234500000067657`],
    ['urn:epc:id:gsrnp:4012345.0000000007', `${DL}/8017/401234500000000074`],
    ['urn:epc:id:gdti:4012345.11111.123', `${DL}/253/4012345111118123`],
    ['urn:epc:id:gdti:987659999999..9', `${DL}/253/98765999999929`],
    ['urn:epc:id:cpi:0614141.11111111111111-A%23%2F.1234', `${DL}/8010/061414111111111111111-A%23%2F/8011/1234`],
    ['urn:epc:id:sgcn:4012345.99999.44', `${DL}/255/401234599999044`],
    ['urn:epc:id:ginc:0614141.xyz47%2F11', `${DL}/401/0614141xyz47%2F11`],
    ['urn:epc:id:gsin:4012345.222333444', `${DL}/402/40123452223334442`],
    ['urn:epc:id:itip:4012345.011111.01.02.987', `${DL}/8006/040123451111180102/21/987`],
    ["urn:epc:id:upui:1234567.098765.51qIgY)%3C%26Jp3*j7'SDB", `${DL}/01/01234567987651/235/51qIgY%29%3C%26Jp3%2Aj7'SDB`],
    ['urn:epc:id:pgln:4012345.00000', `${DL}/417/4012345000009`],
    ['urn:epc:id:pgln:999999999999.', `${DL}/417/9999999999994`],
    ['urn:epc:class:lgtin:4012345.012345.Lot987', `${DL}/01/04012345123456/10/Lot987`],
    ['urn:epc:idpat:sgtin:4012345.066666.*', `${DL}/01/04012345666663`],
    ['urn:epc:idpat:grai:4012345.66666.*', `${DL}/8003/04012345666663`],
    ['urn:epc:idpat:gdti:4012345.55555.*', `${DL}/253/4012345555554`],
    ['urn:epc:idpat:sgcn:4012345.99999.*', `${DL}/255/4012345999990`],
    ['urn:epc:idpat:cpi:4012345.ABC.*', `${DL}/8010/4012345ABC`],
    ['urn:epc:idpat:itip:4012345.012345.01.02.*', `${DL}/8006/040123451234560102`],
    ['urn:epc:idpat:upui:4012345.012345.*', `${DL}/01/04012345123456`],
  ])('%s', (uri, expected) => {
    expect(epcUriToDigitalLink(uri)).toBe(expected);
    expect(canonicalIdentifier(uri)).toBe(expected);
    // The Digital Link is already canonical.
    expect(canonicalDigitalLink(expected)).toBe(expected);
  });

  it.each([
    'urn:epc:id:gid:95100000.12345.400', // not a GS1 key
    'urn:epc:idpat:sgtin:4012345.*.*', // a partial pattern names no class
    'urn:epc:id:sgtin:4012345.01111.9876', // company prefix and item reference one digit short
    'urn:epc:id:sgtin:4012345.011111.', // no serial
    'urn:epc:id:sgtin:40123.0111111.9876', // company prefix too short
    'urn:epc:id:sscc:4012345.000000033', // SSCC one digit short
    'urn:epc:id:sgtin:4012345.011111.98%2', // broken escape
    'urn:epcglobal:cbv:bt:0614141073467:1152',
    'urn:epc:id:',
  ])('leaves %s alone', (uri) => {
    expect(epcUriToDigitalLink(uri)).toBeNull();
    expect(canonicalIdentifier(uri)).toBeNull();
  });
});

describe('GS1 Digital Links to the constrained canonical form', () => {
  it.each([
    ['https://id.gs1.org/gtin/09780345418913', `${DL}/01/09780345418913`],
    ['https://example.com/gtin/09780345418913/21/765tz?abc=211121', `${DL}/01/09780345418913/21/765tz`],
    ['https://id.gs1.de/00/040123451111111110', `${DL}/00/040123451111111110`],
    ['http://id.gs1.org/414/4012345000115/', `${DL}/414/4012345000115`],
    ['https://id.example.com/253/4012345000054987', `${DL}/253/4012345000054987`],
    // A path before the key, a GTIN-13, a lot beside the serial, attributes in the query string.
    ['https://brand.example.com/shop/01/4012345111118/10/L1/21/9876?17=270101#x', `${DL}/01/04012345111118/21/9876`],
    ['https://id.gs1.org/01/12345670/21/1', `${DL}/01/00000012345670/21/1`],
    // The consumer product variant is not an identification level of its own.
    ['https://id.gs1.org/01/04012345111118/22/V1/10/L1', `${DL}/01/04012345111118/10/L1`],
    ['https://id.gs1.org/8006/040123451111180102/10/L1/21/S1', `${DL}/8006/040123451111180102/21/S1`],
    ['https://id.gs1.org/8010/4012345ABC/8011/123', `${DL}/8010/4012345ABC/8011/123`],
    // The same serial, written literally or percent-encoded in either case.
    ['https://id.gs1.org/01/04012345111118/21/A!b%2fc', `${DL}/01/04012345111118/21/A%21b%2Fc`],
    ['https://id.gs1.org/01/04012345111118/ser/A%21b%2Fc', `${DL}/01/04012345111118/21/A%21b%2Fc`],
  ])('%s', (uri, expected) => {
    expect(canonicalDigitalLink(uri)).toBe(expected);
    expect(canonicalIdentifier(uri)).toBe(expected);
  });

  it.each([
    'http://transaction.acme.com/po/12345678',
    'https://www.ncbi.nlm.nih.gov/taxonomy/1126011',
    'http://www.opengis.net/def/crs/EPSG/0/27700',
    'https://example.com/2023/01/15/report', // "01" followed by no GS1 key
    'https://id.gs1.org/01/123456789', // no GTIN length
    'https://id.gs1.org/01/04012345111118/21', // qualifier without its value
    'https://id.gs1.org/00/04012345111111111', // SSCC one digit short
    'https://id.gs1.org/01/04012345111118/21/%zz',
    'geo:50.947573340894124,6.922120147375441',
    'https://id.gs1.org',
  ])('leaves %s alone', (uri) => {
    expect(canonicalDigitalLink(uri)).toBeNull();
  });

  it('gives an EPC URI and its Digital Links one form', () => {
    const forms = [
      'urn:epc:id:sgtin:4012345.011111.9876',
      'https://id.gs1.org/01/04012345111118/21/9876',
      'https://id.gs1.org/gtin/04012345111118/ser/9876',
      'https://example.org/01/4012345111118/10/LOT/21/9876?17=291231',
    ];
    expect(new Set(forms.map(canonicalIdentifier))).toEqual(new Set([`${DL}/01/04012345111118/21/9876`]));
  });
});
