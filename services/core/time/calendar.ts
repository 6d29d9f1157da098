/**
 * Day arithmetic on 'YYYY-MM-DD' and working days (Monday to Friday: Saturdays and Sundays are
 * not working days for the administration). A table of the days 2000-2049 is built once, so
 * day arithmetic and working-day counts are array lookups (the demo seed does them millions
 * of times); days outside it take the slow path.
 */
const DAY_MS = 86_400_000;
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

/** A due time: the same clock time of a stored local time after the given number of working days. */
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
