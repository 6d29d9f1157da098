import { badInput } from './errors';

/**
 * Lower-case, diacritic-free form of a name, so "kien giang", "Kiên Giang" and "KIÊN GIANG"
 * find the same unit on SQLite and MySQL alike (their LIKE rules differ for non-ASCII text).
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Escapes LIKE wildcards in user input so a search for "50%" means what it says. The escape
 * character is `!`, written as `ESCAPE '!'`: a backslash means different things to MySQL and SQLite.
 */
export const LIKE_ESCAPE = "ESCAPE '!'";
export const escapeLike = (text: string) => text.replace(/[!%_]/g, (match) => `!${match}`);

/**
 * The LIKE pattern `%key%` of a search argument, folded by `searchKey`. Text that folds to
 * nothing (only spaces, a byte-order mark, a lone combining accent) would match every row, so
 * it is BAD_USER_INPUT on `argument`; leave the argument out to list everything.
 */
export function searchPattern(text: string, argument = 'search'): string {
  const key = searchKey(text);
  if (key === '') throw badInput(`${argument} holds nothing to match once case, accents and spaces are set aside; leave it out to list everything`, argument);
  return `%${escapeLike(key)}%`;
}
