import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvLine, toCsv } from './index.js';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['Parasetamol 500 mg', 'Parasetamol 500 mg'],
    ['(90)DKL1234567890A1(10)AB1', '(90)DKL1234567890A1(10)AB1'],
    ["it's", "it's"],
  ])('leaves %j as it is', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it.each([
    ['a,b', '"a,b"'],
    ['a;b', '"a;b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['90DKL\x1d10AB1', '"90DKL\x1d10AB1"'],
    [' padded', '" padded"'],
    ['padded ', '"padded "'],
  ])('quotes %j as RFC 4180 says', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it.each([
    ['=1+2', "'=1+2"],
    ['+SUM(1)', "'+SUM(1)"],
    ['-2+3', "'-2+3"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['=HYPERLINK("http://contoh.invalid","klik")', `"'=HYPERLINK(""http://contoh.invalid"",""klik"")"`],
    ['=1;2', `"'=1;2"`],
  ])('starts %j, which a spreadsheet would run, with a single quote', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('neutralises only the first character: the same characters further on are left', () => {
    expect(csvCell('1+2=3')).toBe('1+2=3');
    expect(csvCell('a@b.test')).toBe('a@b.test');
    expect(csvCell('2029-08-31')).toBe('2029-08-31');
  });

  it('writes numbers as they are, except negative ones, which would start with a minus', () => {
    expect(csvCell(0)).toBe('0');
    expect(csvCell(1_000_000)).toBe('1000000');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(-3)).toBe("'-3");
  });

  it('writes nothing for empty cells', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('')).toBe('');
  });
});

describe('csvLine and toCsv', () => {
  it('join cells with commas and end every line with CRLF', () => {
    expect(csvLine(['UNIT', '=1+2', null, 5])).toBe("UNIT,'=1+2,,5\r\n");
    expect(toCsv([['nie', 'name'], ['DKL1', '@x'], ['DKL2', 'a,b']])).toBe("nie,name\r\nDKL1,'@x\r\nDKL2,\"a,b\"\r\n");
  });

  it('adds a byte-order mark only when asked', () => {
    expect(toCsv([['a']], { bom: true })).toBe(`${BOM}a\r\n`);
    expect(toCsv([['a']]).startsWith(BOM)).toBe(false);
    expect(toCsv([], { bom: true })).toBe(BOM);
  });

  it('writes a file whose every cell reads back as the text given, behind the quote', () => {
    const cells = ['=cmd|"/c calc"!A1', '+1', '-1', '@A1', '\tx', '\rx', 'a,"b"\r\nc', '', 'plain'];
    const text = toCsv([cells]);
    expect(readRow(text)).toEqual(cells.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)));
  });
});

/** A tiny RFC 4180 reader for one row, to read back what was written. */
function readRow(text: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') break;
    else cell += c;
  }
  cells.push(cell);
  return cells;
}
