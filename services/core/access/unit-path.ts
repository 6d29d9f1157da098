/**
 * Unit paths. The one canonical form is `UnitPath`: the unit codes from the nation down,
 * joined by `/` (`VN/91/905`), as in `Principal.unitPath`, `UnitRecord.path` and GraphQL output.
 *
 * Rows store the path with a trailing separator (`VN/91/905/`, `StoredPath`), so that "this
 * unit and every unit below it" is one indexed range that cannot catch `VN/910` when asking
 * for `VN/91`. That form exists only at the database boundary: `storedPath` writes it (row
 * values, range bounds), `unitPathOf` reads any path back to the canonical form.
 */
export type UnitPath = string;
/** A unit path as a row's column holds it: `VN/91/905/`. */
export type StoredPath = string;

export const PATH_SEPARATOR = '/';
/** The character right after `/`: `VN/91/` <= every path below VN/91 < `VN/910`. */
const AFTER_SEPARATOR = '0';

/** The canonical form of a path in either form: `VN/91/` and `VN/91` -> `VN/91`. */
export const unitPathOf = (path: UnitPath | StoredPath): UnitPath =>
  path.endsWith(PATH_SEPARATOR) ? path.slice(0, -PATH_SEPARATOR.length) : path;

/** The column form of a path in either form: `VN/91` -> `VN/91/`. */
export const storedPath = (path: UnitPath | StoredPath): StoredPath => `${unitPathOf(path)}${PATH_SEPARATOR}`;

/** The id of the unit a path ends in: `VN/91/905` -> `905` (the code, for a pre-reform unit), `VN/91@2025` -> `91@2025`. */
export const unitCodeOf = (path: UnitPath | StoredPath): string => unitPathOf(path).split(PATH_SEPARATOR).pop()!;

/** The ids from the nation down to the unit: `VN/91/905` -> `['VN', '91', '905']`. */
export const unitCodesOf = (path: UnitPath | StoredPath): string[] => unitPathOf(path).split(PATH_SEPARATOR);

/** The path of the unit above, or null for the nation: `VN/91/905` -> `VN/91`. */
export function parentPathOf(path: UnitPath | StoredPath): UnitPath | null {
  const canonical = unitPathOf(path);
  const cut = canonical.lastIndexOf(PATH_SEPARATOR);
  return cut < 0 ? null : canonical.slice(0, cut);
}

/** True when `path` is `unit` itself or lies below it (both in either form). */
export const isWithin = (path: UnitPath | StoredPath, unit: UnitPath | StoredPath): boolean => storedPath(path).startsWith(storedPath(unit));

/** Both forms name the same unit. */
export const isSameUnit = (a: UnitPath | StoredPath, b: UnitPath | StoredPath): boolean => unitPathOf(a) === unitPathOf(b);

/** The half-open range of stored paths at or below a unit: `[VN/91/, VN/910)`. */
export interface PathRange {
  low: StoredPath;
  high: StoredPath;
}

export function subtreeRange(unit: UnitPath | StoredPath): PathRange {
  const canonical = unitPathOf(unit);
  return { low: storedPath(canonical), high: `${canonical}${AFTER_SEPARATOR}` };
}
