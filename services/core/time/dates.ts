import { badInput } from '../errors';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// Hours 00-23, minutes and seconds 00-59: ISO 8601's 24:00 (the next day's midnight) is refused
// rather than rolled over to another day.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?([zZ]|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;

/**
 * Whether text is a real calendar day written 'YYYY-MM-DD': 2024-02-29 is, 2023-02-30 and
 * 2023-13-01 are not (JavaScript's Date would quietly roll them over to another day).
 */
export function isDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

/** The day itself if it is a real calendar day 'YYYY-MM-DD'; BAD_USER_INPUT on `argument` otherwise. */
export function assertDate(text: string, argument: string): string {
  if (!isDate(text)) throw badInput(`${argument} must be a date YYYY-MM-DD, got "${text}"`, argument);
  return text;
}

/**
 * The instant an ISO 8601 date-time names ('YYYY-MM-DDTHH:MM[:SS[.fraction]]' then Z or ±HH:MM,
 * on a real calendar day), or null. Without a zone the text is taken in `defaultOffset` if one
 * is given (procedures reads Vietnam local time so), and refused otherwise.
 */
export function instantOfDateTime(text: string, defaultOffset?: string): Date | null {
  const zoned = defaultOffset !== undefined && !/([zZ]|[+-]\d{2}:\d{2})$/.test(text) ? `${text}${defaultOffset}` : text;
  const match = DATE_TIME.exec(zoned);
  if (!match || !isDate(match[1])) return null;
  const instant = new Date(zoned);
  // An offset can carry 9999-12-31 or 0000-01-01 past the four-digit years, whose ISO text ('+010000-…') the hub's text comparisons misorder.
  return Number.isNaN(instant.getTime()) || instant.toISOString().length !== 24 ? null : instant;
}
