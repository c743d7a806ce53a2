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
    ['a delimiter as the very last character', 'a,b\n1,', [['a', 'b'], ['1', '']]],
    ['a quoted field at the end without a line break', 'a,b\n1,"2"', [['a', 'b'], ['1', '2']]],
    ['old Mac line breaks (CR alone)', 'a,b\r1,2\r', [['a', 'b'], ['1', '2']]],
    ['a quote inside an unquoted field, kept as it is', 'a,b\n5" tablet,2\n', [['a', 'b'], ['5" tablet', '2']]],
    ['text after a closing quote, kept with the field', 'a,b\n"x"y,2\n', [['a', 'b'], ['xy', '2']]],
    ['an unclosed quote, running to the end', 'a,b\n1,"2\n3', [['a', 'b'], ['1', '2\n3']]],
    ['empty fields between delimiters', 'a;b;c\n;;\n1;;3\n', [['a', 'b', 'c'], ['1', '', '3']]],
  ])('reads %s', (_name, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it('normalises header names', () => {
    expect(['No. Bets', '2D Barcode', 'ID Rekanan', 'is_active'].map(normaliseHeader)).toEqual(['nobets', '2dbarcode', 'idrekanan', 'isactive']);
  });
});
