/**
 * Vietnam's day: Vietnam keeps UTC+7 all year (no daylight saving), so a Vietnamese calendar
 * day D runs from (D-1) 17:00:00Z to D 17:00:00Z. "Today", "overdue" and "still valid" are
 * measured in this day everywhere in the hub.
 */
export const VIETNAM_OFFSET = '+07:00';
export const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** The day in Vietnam, 'YYYY-MM-DD', at an instant (a Date or epoch milliseconds). */
export const vietnamDayOf = (instant: Date | number): string =>
  new Date(+instant + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

/** Today's date in Vietnam, 'YYYY-MM-DD'. */
export const todayInVietnam = (): string => vietnamDayOf(Date.now());
