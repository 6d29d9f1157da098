/** A UTF-16 surrogate without its partner: not a character, and not encodable in UTF-8. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Tab, line feed and carriage return: whitespace that a one-line field shows as a space. */
const LINE_BREAKS = /[\t\n\r]/g;
/** NUL and the other C0 controls, DEL and the C1 controls. */
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;

/**
 * `value` as well-formed one-line text of at most `maxCharacters` Unicode code points: lone
 * surrogates become U+FFFD, tab and line breaks a space, NUL and other control characters
 * (C0, DEL, C1) are dropped, and the cut falls between code points, never inside a surrogate
 * pair. Such text encodes to UTF-8 and back unchanged, so what a database column holds
 * (utf8mb4 on MariaDB, UTF-8 on SQLite, VARCHAR(n) counting code points) is what was given.
 */
export function wellFormedText(value: string, maxCharacters: number): string {
  const clean = value.replace(LONE_SURROGATE, '\uFFFD').replace(LINE_BREAKS, ' ').replace(CONTROLS, '');
  if (clean.length <= maxCharacters) return clean;
  let end = 0;
  for (let count = 0; count < maxCharacters && end < clean.length; count += 1) {
    end += (clean.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
  }
  return clean.slice(0, end);
}
