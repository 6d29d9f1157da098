import { forbidden, unauthenticated } from '../errors';
import type { Principal, Role } from '../principal';
import { scopeOf } from './scope-of';
import { isSameUnit, isWithin, parentPathOf, type StoredPath, type UnitPath } from './unit-path';

export function requirePrincipal(principal: Principal | undefined): Principal {
  if (!principal) throw unauthenticated();
  return principal;
}

export const hasRole = (principal: Principal, ...roles: Role[]) => principal.roles.some((role) => roles.includes(role));

/** True when `path` (either form) lies at or below a unit of the principal's scope. */
export const inScope = (principal: Principal, path: UnitPath | StoredPath): boolean =>
  scopeOf(principal).some((unit) => isWithin(path, unit));

/**
 * True when `path` is the principal's own unit, the one in force (never a dissolved
 * predecessor its scope reads: rule 13 gives history to read, not to write in).
 */
export const isOwnUnit = (principal: Principal, path: UnitPath | StoredPath): boolean => isSameUnit(path, principal.unitPath);

/** True when `path` is the principal's own unit or lies below it, predecessors left out (writes, rule 4). */
export const inOwnSubtree = (principal: Principal, path: UnitPath | StoredPath): boolean => isWithin(path, principal.unitPath);

/** True when the scope holds the nation itself: every row, rows of no unit included. */
export const isNational = (principal: Principal): boolean => scopeOf(principal).some((unit) => parentPathOf(unit) === null);

/** `docs/architecture.md` rule 2: an aggregate about a unit outside the scope is refused, never narrowed. */
export function assertCovers(principal: Principal | undefined, path: UnitPath | StoredPath, what: string): Principal {
  const who = requirePrincipal(principal);
  if (!inScope(who, path)) throw forbidden(`${what} is outside the scope of unit ${who.unitCode}`);
  return who;
}
