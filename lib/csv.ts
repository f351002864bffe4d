/**
 * CSV as spreadsheets read it (RFC 4180: every cell quoted, quotes doubled, CRLF between rows),
 * with formula injection neutralised: a cell a spreadsheet would run as a formula (starting with
 * = + - @, a tab or a carriage return, as OWASP lists them) gets a leading apostrophe, so a
 * hostile name such as `=HYPERLINK(…)` opens as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | null;

export function csvCell(value: CsvValue): string {
  const text = value === null ? '' : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
