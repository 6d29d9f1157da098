/**
 * A share as a percentage CUT (not rounded) to two decimals, in integer arithmetic so no float
 * error creeps in: 23 of 23 -> 100, 1063 of 2035 -> 52.23, 189309 of 193339 -> 97.91.
 * Null when there is no positive total. Every rate the hub reports (procedures' statistics,
 * inspections' coverage and reform scores) is cut this way (`docs/architecture.md`, the reporting contract).
 */
export const cutPercent = (part: number, total: number): number | null =>
  total > 0 ? Math.floor((part * 10000) / total) / 100 : null;
