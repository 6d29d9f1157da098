import type { Principal, Role } from './principal';
import { forbidden, unauthenticated } from './errors';

/**
 * Scope rules of DESIGN.md. Every unit-scoped row stores its unit's path with a trailing
 * separator (`VN/91/905/`), so "this unit and every unit below it" is one indexed range:
 * `unit_path >= 'VN/91/' AND unit_path < 'VN/910'` ('0' is the character after '/').
 */
export const PATH_SEPARATOR = '/';

/** The stored form of a unit path: `VN/91` -> `VN/91/`. */
export const storedPath = (unitPath: string) => `${unitPath}${PATH_SEPARATOR}`;

/** The public form of a stored path: `VN/91/` -> `VN/91`. */
export const publicPath = (stored: string) => stored.replace(/\/$/, '');

export interface PathRange {
  low: string;
  high: string;
}

/** The half-open range of stored paths at or below a unit. */
export function subtreeRange(unitPath: string): PathRange {
  const low = storedPath(unitPath);
  return { low, high: `${unitPath}0` };
}

export const isWithin = (storedRowPath: string, unitPath: string) => storedRowPath.startsWith(storedPath(unitPath));

export function requirePrincipal(principal: Principal | undefined): Principal {
  if (!principal) throw unauthenticated();
  return principal;
}

/** Rule 2: an aggregate about a unit outside the scope is refused, never narrowed. */
export function assertCovers(principal: Principal | undefined, storedUnitPath: string, what: string): Principal {
  const who = requirePrincipal(principal);
  if (!isWithin(storedUnitPath, who.unitPath)) {
    throw forbidden(`${what} is outside the scope of unit ${who.unitCode}`);
  }
  return who;
}

const PERSONAL_DATA_ROLES: Role[] = ['OFFICER', 'INSPECTOR', 'ADMIN'];

/** Rule 3: personal data needs OFFICER, INSPECTOR or ADMIN, within scope. */
export function assertMayReadPersonalData(principal: Principal | undefined, storedRowPath: string, what: string) {
  const who = assertCovers(principal, storedRowPath, what);
  if (!who.roles.some((role) => PERSONAL_DATA_ROLES.includes(role))) {
    throw forbidden(`${what} is personal data: it needs the OFFICER, INSPECTOR or ADMIN role`);
  }
  return who;
}

export const hasRole = (principal: Principal, ...roles: Role[]) => principal.roles.some((role) => roles.includes(role));
