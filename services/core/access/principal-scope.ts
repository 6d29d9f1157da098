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
 * True when `path` is the principal's own unit, or a dissolved unit whose territory went into
 * it (a unit of its scope itself, not below it): the successor carries on its predecessors'
 * open records (rule 13). New records never go to a dissolved unit: every creating write
 * checks that its unit is in force first (`units-in-force.ts`).
 */
export const isOwnUnit = (principal: Principal, path: UnitPath | StoredPath): boolean => scopeOf(principal).some((unit) => isSameUnit(path, unit));

/** True when the scope holds the nation itself: every row, rows of no unit included. */
export const isNational = (principal: Principal): boolean => scopeOf(principal).some((unit) => parentPathOf(unit) === null);

/** `docs/architecture.md` rule 2: an aggregate about a unit outside the scope is refused, never narrowed. */
export function assertCovers(principal: Principal | undefined, path: UnitPath | StoredPath, what: string): Principal {
  const who = requirePrincipal(principal);
  if (!inScope(who, path)) throw forbidden(`${what} is outside the scope of unit ${who.unitCode}`);
  return who;
}
