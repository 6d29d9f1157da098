import { VIETNAM_OFFSET, VIETNAM_OFFSET_MS } from './vietnam-day';

/**
 * Stored local time: procedures stores instants as Vietnam local time in the text form
 * 'YYYY-MM-DD HH:MM:SS' (string order is time order on SQLite and MariaDB alike, and the first
 * ten characters are the Vietnamese calendar day); the API answers them through the
 * `DateTime` scalar (`core/input/date-time.ts`), which reads this form.
 */

/** Stored local time of an instant: 2023-03-02T01:15:00Z -> '2023-03-02 08:15:00'. */
export const localOf = (instant: Date) => new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');

export const nowLocal = () => localOf(new Date());

/** The instant of a stored local time. */
export const instantOf = (stored: string) => new Date(`${stored.replace(' ', 'T')}${VIETNAM_OFFSET}`);

/** Adds seconds to a stored local time. */
export const addSeconds = (stored: string, seconds: number) => localOf(new Date(instantOf(stored).getTime() + seconds * 1000));

/** Whole seconds from one stored local time to another (negative when `to` is earlier). */
export const secondsBetween = (from: string, to: string) => Math.round((instantOf(to).getTime() - instantOf(from).getTime()) / 1000);
