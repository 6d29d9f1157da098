import { badInput } from '../core/errors';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date 'YYYY-MM-DD' that exists (no 2019-02-30); BAD_USER_INPUT otherwise. */
export function assertDate(value: string, argument: string): string {
  const valid = ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
  if (!valid) throw badInput(`${argument} must be a date as YYYY-MM-DD, got "${value}"`, argument);
  return value;
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Today's date in Vietnam (UTC+7, no daylight saving): what "overdue" is measured against. */
export const todayInVietnam = (now = Date.now()) => new Date(now + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

/** Timestamps are stored as ISO strings (UTC), which sort and compare as text on both databases. */
export const nowTimestamp = () => new Date().toISOString();

export const yearOf = (date: string) => Number(date.slice(0, 4));
