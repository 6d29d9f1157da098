/**
 * A share as a percentage CUT (not rounded) to two decimals, with integer arithmetic so no
 * float error creeps in (23 of 23 -> 100, 1063 of 2035 -> 52.23). Null when there is no total.
 */
export function cutPercent(part: number, total: number): number | null {
  if (total <= 0) return null;
  return Math.floor((part * 10000) / total) / 100;
}
