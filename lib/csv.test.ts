import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('csvCell', () => {
  it('neutralises every formula start OWASP lists with a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","Click")')).toBe(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect(csvCell('+1+1')).toBe(`"'+1+1"`);
    expect(csvCell('-2+3')).toBe(`"'-2+3"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('\t=1')).toBe(`"'\t=1"`);
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });

  it('quotes every cell, doubles quotes, keeps commas and newlines inside the cell, and leaves plain text alone', () => {
    expect(csvCell('Ana "the pen" Lima, desk')).toBe('"Ana ""the pen"" Lima, desk"');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('a=b')).toBe('"a=b"');
    expect(csvCell(12)).toBe('"12"');
    expect(csvCell(null)).toBe('""');
  });
});

describe('toCsv', () => {
  it('ends every row with CRLF', () => {
    expect(toCsv([['a', 'b'], ['=c', null]])).toBe(`"a","b"\r\n"'=c",""\r\n`);
  });
});
