import { badInput } from '../../core/errors';

/**
 * Times are stored as Vietnam local time (UTC+7, no daylight saving) in the text form
 * 'YYYY-MM-DD HH:MM:SS', and days as 'YYYY-MM-DD': string order is time order on SQLite and
 * MariaDB alike, and a reporting day is a Vietnamese calendar day. The API speaks ISO 8601
 * with the +07:00 offset.
 */
const OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Stored local time of an instant. */
export const localOf = (instant: Date) => new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');

export const nowLocal = () => localOf(new Date());

/** The instant of a stored local time. */
export const instantOf = (stored: string) => new Date(`${stored.replace(' ', 'T')}+07:00`);

/** ISO 8601 with the Vietnam offset: '2023-03-02 08:15:00' -> '2023-03-02T08:15:00+07:00'. */
export const isoOf = (stored: string | null): string | null => (stored === null ? null : `${stored.replace(' ', 'T')}+07:00`);

/** Parses an ISO 8601 date-time from a client (with an offset, or local Vietnam time without one). */
export function parseDateTime(text: string, argument: string): string {
  const withOffset = /([zZ]|[+-]\d{2}:\d{2})$/.test(text) ? text : `${text}+07:00`;
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([zZ]|[+-]\d{2}:\d{2})$/.test(withOffset) ? new Date(withOffset) : null;
  if (!instant || Number.isNaN(instant.getTime())) {
    throw badInput(`${argument} must be an ISO 8601 date-time such as 2023-03-02T08:15:00+07:00, got "${text}"`, argument);
  }
  return localOf(instant);
}

export function assertDate(text: string, argument: string): string {
  const parsed = DATE.test(text) ? new Date(`${text}T00:00:00Z`) : null;
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== text) {
    throw badInput(`${argument} must be a date YYYY-MM-DD, got "${text}"`, argument);
  }
  return text;
}

/**
 * A calendar table of the days 2000-2049, built once: day arithmetic and working-day counts are
 * array lookups (the demo seed does them millions of times). Days outside it take the slow path.
 */
const FIRST_DAY = Date.UTC(2000, 0, 1);
const CALENDAR_DAYS = 50 * 366;
let calendar: { names: string[]; index: Map<string, number>; weekend: Uint8Array; workingOrdinal: Int32Array; workingDays: number[] } | undefined;

function table() {
  if (calendar) return calendar;
  const names: string[] = [];
  const index = new Map<string, number>();
  const weekend = new Uint8Array(CALENDAR_DAYS);
  const workingOrdinal = new Int32Array(CALENDAR_DAYS);
  const workingDays: number[] = [];
  for (let day = 0; day < CALENDAR_DAYS; day += 1) {
    const date = new Date(FIRST_DAY + day * DAY_MS);
    const name = date.toISOString().slice(0, 10);
    names.push(name);
    index.set(name, day);
    weekend[day] = date.getUTCDay() === 0 || date.getUTCDay() === 6 ? 1 : 0;
    if (!weekend[day]) workingDays.push(day);
    workingOrdinal[day] = workingDays.length - 1;
  }
  calendar = { names, index, weekend, workingOrdinal, workingDays };
  return calendar;
}

export function addDays(day: string, days: number): string {
  const { names, index } = table();
  const position = index.get(day);
  const target = position === undefined ? -1 : position + days;
  if (target >= 0 && target < names.length) return names[target];
  return new Date(new Date(`${day}T00:00:00Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

export function isWeekend(day: string): boolean {
  const { index, weekend } = table();
  const position = index.get(day);
  if (position !== undefined) return weekend[position] === 1;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** A due time: the same clock time after the given number of working days (Saturdays and Sundays skipped). */
export function addWorkingDays(stored: string, days: number): string {
  if (days === 0) return stored;
  const { names, index, workingOrdinal, workingDays } = table();
  const position = index.get(stored.slice(0, 10));
  const target = position === undefined ? undefined : workingDays[workingOrdinal[position] + days];
  if (target !== undefined && days >= 0) return `${names[target]}${stored.slice(10)}`;
  let day = stored.slice(0, 10);
  for (let left = days; left > 0; ) {
    day = addDays(day, 1);
    if (!isWeekend(day)) left -= 1;
  }
  return `${day}${stored.slice(10)}`;
}

/** Adds seconds to a stored local time. */
export const addSeconds = (stored: string, seconds: number) => localOf(new Date(instantOf(stored).getTime() + seconds * 1000));

export const secondsBetween = (from: string, to: string) => Math.round((instantOf(to).getTime() - instantOf(from).getTime()) / 1000);

/** A reporting period of whole days, [from 00:00, day after `to` 00:00) in stored form. */
export interface Period {
  from: string;
  to: string;
  /** First stored instant of the period. */
  start: string;
  /** First stored instant after the period. */
  end: string;
}

export function periodOf(from: string, to: string): Period {
  assertDate(from, 'from');
  assertDate(to, 'to');
  if (to < from) throw badInput(`The period ends (${to}) before it starts (${from})`, 'to');
  return { from, to, start: `${from} 00:00:00`, end: `${addDays(to, 1)} 00:00:00` };
}

/** Percentage cut (not rounded) to two decimals, in integer arithmetic: 189309 of 193339 -> 97.91. */
export const cutRate = (part: number, total: number): number | null =>
  total > 0 ? Math.floor((part * 10000) / total) / 100 : null;
