import { env, isProduction } from '../config';
import { isDate } from './dates';
import { vietnamDayOf } from './vietnam-day';

/**
 * The day the administrative tree is read on when a request names none: the default `asOf`
 * of `unit` and `units`, the day a token's unit must be in force, the day a write's unit
 * must be in force (docs/architecture.md, rule 13). Today in Vietnam (UTC+7).
 *
 * `HUB_AS_OF` (YYYY-MM-DD) replays another day of the tree, for training and for the test
 * suites written for the pre-reform tree (they run as of 2025-06-30). It moves nothing else
 * (timestamps, "today" of reports, due dates stay real), and production refuses it: a hub
 * whose tree day can be set would accept tokens of dissolved units.
 */
export function treeDay(at: Date | number = Date.now()): string {
  const replay = env('HUB_AS_OF');
  if (replay === undefined) return vietnamDayOf(at);
  if (isProduction()) throw new Error('HUB_AS_OF is for training and tests: production reads the tree on the real day');
  if (!isDate(replay)) throw new Error(`HUB_AS_OF must be a day, YYYY-MM-DD, got "${replay}"`);
  return replay;
}

/** True when a unit with this last day (null: still in force) is in force on `day`. */
export const inForceOn = (validFrom: string | null, validTo: string | null, day: string): boolean =>
  (validFrom === null || validFrom <= day) && (validTo === null || validTo >= day);

