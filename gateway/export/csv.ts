import type { Sheet } from './sheets';

/** Excel reads a CSV as UTF-8 (Vietnamese text intact) only when it starts with the byte order mark. */
const BOM = '\uFEFF';

/**
 * A text cell starting with = + - @ (or a tab or carriage return) would be run as a formula by
 * a spreadsheet (CSV injection, OWASP): it is written with a leading apostrophe. Numbers are not text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One sheet as RFC 4180 CSV: a header line, CRLF line ends, fields quoted when they must be, UTF-8 with a BOM. */
export function csvOf(sheet: Sheet): Buffer {
  const lines = [sheet.columns, ...sheet.rows].map((row) => row.map(field).join(','));
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}
