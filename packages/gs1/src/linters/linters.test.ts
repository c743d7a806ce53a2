import { describe, expect, test } from 'vitest';
import { AI_TABLE } from '../ai-table.js';
import type { Linter } from './common.js';
import { cset39 } from './cset39.js';
import { cset64 } from './cset64.js';
import { cset82 } from './cset82.js';
import { LINTERS, NO_OP_LINTERS } from './index.js';

const ok = (l: Linter, s: string) => l(s, 0, s.length) === null;
const code = (l: Linter, s: string) => l(s, 0, s.length)?.code;

describe('linters', () => {
  test('every linter named by the dictionary is implemented or a listed no-op', () => {
    const used = new Set(AI_TABLE.flatMap((e) => e.components.flatMap((c) => c.linters)));
    for (const name of used) expect(typeof LINTERS[name]).toBe('function');
    expect([...NO_OP_LINTERS].sort()).toEqual(['couponcode', 'couponposoffer']);
  });

  test('character sets', () => {
    expect(ok(cset82, `!"%&'()*+,-./09:;<=>?AZ_az`)).toBe(true);
    for (const bad of [' ', '#', '$', '@', '[', '\\', '^', '`', '{', '~', 'é', '\u001d']) expect(code(cset82, `A${bad}`)).toBe('BAD_CHARSET');
    expect(ok(cset39, '#-/09AZ')).toBe(true);
    expect(code(cset39, 'a')).toBe('BAD_CHARSET');
    expect(ok(cset64, 'AZaz09-_')).toBe(true);
    expect(ok(cset64, 'QUJD==')).toBe(true);
    expect(code(cset64, 'QU=JD')).toBe('BAD_CHARSET');
    expect(code(cset64, 'QUJD===')).toBe('BAD_CHARSET');
  });

  test('csum', () => {
    expect(ok(LINTERS.csum, '09520123456788')).toBe(true);
    expect(LINTERS.csum('09520123456789', 0, 14)).toEqual({ code: 'BAD_CHECK_DIGIT', message: '09520123456789: check digit 9 is wrong, expected 8', offset: 13 });
  });

  test('csumalpha (GS1 General Specifications examples)', () => {
    for (const s of ['22', '1987654Ad4X4bL5ttr2310c2K', '12345678901234567890123NT', '12345_ABCDEFGHIJKLMCP', '7907665Bm8v2AB']) {
      expect(ok(LINTERS.csumalpha, s), s).toBe(true);
    }
    expect(code(LINTERS.csumalpha, '1987654Ad4X4bL5ttr2310cXK')).toBe('BAD_CHECK_DIGIT');
    expect(code(LINTERS.csumalpha, '2')).toBe('BAD_LENGTH');
  });

  test('GS1 Company Prefix position', () => {
    expect(ok(LINTERS.gcppos1, '1234A')).toBe(true);
    expect(code(LINTERS.gcppos1, '123A')).toBe('BAD_VALUE');
    expect(ok(LINTERS.gcppos2, 'X1234')).toBe(true);
    expect(code(LINTERS.gcppos2, '1234')).toBe('BAD_VALUE');
  });

  test('dates and times', () => {
    expect(ok(LINTERS.yymmd0, '250200')).toBe(true);
    expect(ok(LINTERS.yymmd0, '240229')).toBe(true);
    expect(LINTERS.yymmd0('250229', 0, 6)?.message).toBe('date 250229: day 29 is not 00-28 for month 02');
    expect(LINTERS.yymmd0('251300', 0, 6)?.message).toBe('date 251300: month 13 is not 01-12');
    expect(code(LINTERS.yymmdd, '250200')).toBe('BAD_DATE');
    expect(ok(LINTERS.yymmdd, '000229')).toBe(true);
    expect(ok(LINTERS.yyyymmdd, '20000229')).toBe(true);
    expect(code(LINTERS.yyyymmdd, '21000229')).toBe('BAD_DATE');
    expect(ok(LINTERS.hhmi, '2359')).toBe(true);
    expect(code(LINTERS.hhmi, '2360')).toBe('BAD_TIME');
    expect(code(LINTERS.hh, '24')).toBe('BAD_TIME');
    expect(code(LINTERS.mi, '60')).toBe('BAD_TIME');
    expect(code(LINTERS.ss, '60')).toBe('BAD_TIME');
  });

  test('code lists', () => {
    expect(ok(LINTERS.iso3166, '360')).toBe(true); // Indonesia
    expect(code(LINTERS.iso3166, '999')).toBe('BAD_VALUE');
    expect(ok(LINTERS.iso3166999, '999')).toBe(true);
    expect(ok(LINTERS.iso3166alpha2, 'ID')).toBe(true);
    expect(code(LINTERS.iso3166alpha2, 'XX')).toBe('BAD_VALUE');
    expect(ok(LINTERS.iso4217, '360')).toBe(true); // rupiah
    expect(code(LINTERS.iso4217, '001')).toBe('BAD_VALUE');
    expect(ok(LINTERS.packagetype, 'BX')).toBe(true);
    expect(code(LINTERS.packagetype, 'QQQ')).toBe('BAD_VALUE');
    expect(ok(LINTERS.mediatype, '10')).toBe(true);
    expect(code(LINTERS.mediatype, '11')).toBe('BAD_VALUE');
    expect(ok(LINTERS.iso5218, '9')).toBe(true);
    expect(code(LINTERS.iso5218, '3')).toBe('BAD_VALUE');
  });

  test('structural linters', () => {
    expect(ok(LINTERS.pieceoftotal, '0102')).toBe(true);
    expect(code(LINTERS.pieceoftotal, '0302')).toBe('BAD_VALUE');
    expect(code(LINTERS.pieceoftotal, '0002')).toBe('BAD_VALUE');
    expect(ok(LINTERS.posinseqslash, '1/2')).toBe(true);
    expect(code(LINTERS.posinseqslash, '3/2')).toBe('BAD_VALUE');
    expect(code(LINTERS.posinseqslash, '0/2')).toBe('BAD_VALUE');
    expect(ok(LINTERS.pcenc, 'a%20b')).toBe(true);
    expect(code(LINTERS.pcenc, 'a%2')).toBe('BAD_VALUE');
    expect(ok(LINTERS.iban, 'GB82WEST12345698765432')).toBe(true);
    expect(code(LINTERS.iban, 'GB83WEST12345698765432')).toBe('BAD_CHECK_DIGIT');
    expect(ok(LINTERS.latitude, '1800000000')).toBe(true);
    expect(code(LINTERS.latitude, '1800000001')).toBe('BAD_VALUE');
    expect(code(LINTERS.longitude, '3600000001')).toBe('BAD_VALUE');
    expect(ok(LINTERS.nozeroprefix, '0')).toBe(true);
    expect(code(LINTERS.nozeroprefix, '01')).toBe('BAD_VALUE');
    expect(code(LINTERS.hasnondigit, '123')).toBe('BAD_VALUE');
    expect(code(LINTERS.nonzero, '000')).toBe('BAD_VALUE');
    expect(code(LINTERS.zero, '1')).toBe('BAD_VALUE');
    expect(code(LINTERS.winding, '2')).toBe('BAD_VALUE');
    expect(code(LINTERS.yesno, '2')).toBe('BAD_VALUE');
    expect(code(LINTERS.hyphen, '+')).toBe('BAD_VALUE');
    expect(ok(LINTERS.importeridx, '_')).toBe(true);
    expect(code(LINTERS.importeridx, '!')).toBe('BAD_VALUE');
  });
});
