import { addDays, type Period } from '../../core/time';

/**
 * The buckets of the rollups (docs/architecture.md rule 15). Every event is counted three times,
 * in the `day` key column of `dossier_daily_counts`: on its day (`2024-05-06`), its month
 * (`M:2024-05`) and its year (`Y:2024`). The three kinds sort apart (digits < `M` < `Y`), so a
 * range of one kind never meets another. A run of days is then summed from whole years, whole
 * months and the days at its two ends: at most 30 + 11 + years + 11 + 30 rows per scope, whatever
 * the number of dossiers, and a carried-over figure (everything before the period) costs one row per
 * year of history, not one per day.
 */
export const monthKey = (day: string) => `M:${day.slice(0, 7)}`;
export const yearKey = (day: string) => `Y:${day.slice(0, 4)}`;

/** The keys an event of `day` is added to. */
export const bucketKeysOf = (day: string): string[] => [day, monthKey(day), yearKey(day)];

/** A range of bucket keys of one kind, both ends included. */
export interface BucketRange {
  low: string;
  high: string;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');
const yearOf = (day: string) => Number(day.slice(0, 4));
const monthOf = (day: string) => Number(day.slice(5, 7));
const lastDayOfMonth = (year: number, month: number) => `${pad(year, 4)}-${pad(month, 2)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate(), 2)}`;
const isLastOfMonth = (day: string) => day === lastDayOfMonth(yearOf(day), monthOf(day));

/**
 * The bucket ranges that cover the days `from` to `to` (both 'YYYY-MM-DD', included) exactly once:
 * the days up to the first month's end, the months up to the first year's end, the whole years,
 * the months of the last year, the days of the last month.
 */
export function bucketRanges(from: string, to: string): BucketRange[] {
  const ranges: BucketRange[] = [];
  let cursor = from;
  if (to < from) return ranges;
  // Days up to the end of the first month (or `to`).
  if (!cursor.endsWith('-01')) {
    const last = lastDayOfMonth(yearOf(cursor), monthOf(cursor));
    const high = last < to ? last : to;
    ranges.push({ low: cursor, high });
    if (high === to) return ranges;
    cursor = addDays(high, 1);
  }
  // Whole months up to the end of the first year.
  if (monthOf(cursor) !== 1) {
    const year = yearOf(cursor);
    const lastMonth = yearOf(to) > year ? 12 : isLastOfMonth(to) ? monthOf(to) : monthOf(to) - 1;
    if (lastMonth >= monthOf(cursor)) {
      ranges.push({ low: monthKey(cursor), high: `M:${pad(year, 4)}-${pad(lastMonth, 2)}` });
      const last = lastDayOfMonth(year, lastMonth);
      if (last === to) return ranges;
      cursor = addDays(last, 1);
    }
  }
  // Whole years.
  if (cursor.endsWith('-01-01')) {
    const lastYear = to.endsWith('-12-31') ? yearOf(to) : yearOf(to) - 1;
    if (lastYear >= yearOf(cursor)) {
      ranges.push({ low: yearKey(cursor), high: `Y:${pad(lastYear, 4)}` });
      if (lastYear === yearOf(to)) return ranges;
      cursor = `${pad(lastYear + 1, 4)}-01-01`;
    }
  }
  // Whole months of the last year, then its last days.
  if (cursor.endsWith('-01')) {
    const lastMonth = isLastOfMonth(to) ? monthOf(to) : monthOf(to) - 1;
    if (lastMonth >= monthOf(cursor)) {
      ranges.push({ low: monthKey(cursor), high: `M:${to.slice(0, 4)}-${pad(lastMonth, 2)}` });
      if (isLastOfMonth(to)) return ranges;
      cursor = `${to.slice(0, 4)}-${pad(lastMonth + 1, 2)}-01`;
    }
  }
  ranges.push({ low: cursor, high: to });
  return ranges;
}

/** The first day any rollup can hold: everything before a period starts here. */
const FIRST_DAY = '0000-01-01';

/** The period's own buckets and those of everything before it (the carried-over figures). */
export function periodBuckets(period: Pick<Period, 'from' | 'to'>): { inPeriod: BucketRange[]; before: BucketRange[] } {
  return { inPeriod: bucketRanges(period.from, period.to), before: period.from > FIRST_DAY ? bucketRanges(FIRST_DAY, addDays(period.from, -1)) : [] };
}

/** A SQL condition on a key column for a set of ranges, with its parameters named from `stem`. */
export function rangesCondition(column: string, ranges: readonly BucketRange[], stem: string): { sql: string; parameters: Record<string, string> } {
  const parameters: Record<string, string> = {};
  const terms = ranges.map((range, index) => {
    parameters[`${stem}${index}lo`] = range.low;
    parameters[`${stem}${index}hi`] = range.high;
    return `(${column} >= :${stem}${index}lo AND ${column} <= :${stem}${index}hi)`;
  });
  return { sql: terms.length === 0 ? '1 = 0' : `(${terms.join(' OR ')})`, parameters };
}
