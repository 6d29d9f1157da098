import { badInput } from '../core/errors';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export function assertYear(year: number, argument = 'year'): number {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw badInput(`${argument} must be a year from ${MIN_YEAR} to ${MAX_YEAR}, got ${year}`, argument);
  }
  return year;
}

/** Trimmed, non-empty text of at most `max` characters. */
export function assertText(value: string, argument: string, max: number): string {
  const text = value.trim();
  if (text.length === 0 || text.length > max) throw badInput(`${argument} must be 1 to ${max} characters`, argument);
  return text;
}

export function optionalText(value: string | null | undefined, argument: string, max: number): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : assertText(value, argument, max);
}

/** A list of ids of `min` to `max` entries, each named once. */
export function assertIdList(ids: readonly string[], argument: string, min: number, max: number): string[] {
  if (ids.length < min || ids.length > max) throw badInput(`${argument} must name ${min} to ${max} ids, got ${ids.length}`, argument);
  const seen = new Set<string>();
  for (const id of ids) {
    if (id.length === 0 || id.length > 64) throw badInput(`${argument} holds an id of bad length: "${id}"`, argument);
    if (seen.has(id)) throw badInput(`${argument} names "${id}" twice`, argument);
    seen.add(id);
  }
  return [...ids];
}

export function assertIntInRange(value: number, argument: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw badInput(`${argument} must be a whole number from ${min} to ${max}, got ${value}`, argument);
  return value;
}
