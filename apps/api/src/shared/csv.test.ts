import { describe, expect, it } from 'vitest';
import { normaliseHeader, parseCsv } from './csv.js';

describe('parseCsv', () => {
  it.each([
    ['commas and LF', 'a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['semicolons and CRLF', 'a;b\r\n1;2\r\n', [['a', 'b'], ['1', '2']]],
    ['tabs', 'a\tb\n1\t2', [['a', 'b'], ['1', '2']]],
    ['quotes, doubled quotes, delimiters and line breaks inside', 'a,b\n"x,""y""","1\n2"\n', [['a', 'b'], ['x,"y"', '1\n2']]],
    ['a byte-order mark and blank lines', '\ufeffa,b\n\n1,2\n\n', [['a', 'b'], ['1', '2']]],
    ['an empty last field', 'a,b\n1,\n', [['a', 'b'], ['1', '']]],
    ['GS separators kept inside a field', 'code\n"90X\x1d10Y"\n', [['code'], ['90X\x1d10Y']]],
  ])('reads %s', (_name, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it('normalises header names', () => {
    expect(['No. Bets', '2D Barcode', 'ID Rekanan', 'is_active'].map(normaliseHeader)).toEqual(['nobets', '2dbarcode', 'idrekanan', 'isactive']);
  });
});
