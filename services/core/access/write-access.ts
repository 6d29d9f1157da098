import { forbidden } from '../errors';
import type { Principal, Role } from '../principal';
import { hasRole, inScope, isOwnUnit, requirePrincipal } from './principal-scope';
import { assertServiceMayWrite, type ServiceScope } from './service-scopes';
import { unitPathOf, type StoredPath, type UnitPath } from './unit-path';

/**
 * Why a write is refused, without the wording: `ROLE` (no role that allows it) or `UNIT`
 * (the unit lies outside what the principal may write).
 */
export type WriteRefusal = 'ROLE' | 'UNIT';

/**
 * ADMIN writes in every unit of its scope, not only its own (`docs/architecture.md` rule 4:
 * "ADMIN also below"), its predecessors' open records included (rule 13); new records only in
 * units in force (`units-in-force.ts`).
 */
export const adminBelow = (principal: Principal, unit: UnitPath | StoredPath) => hasRole(principal, 'ADMIN') && inScope(principal, unit);

/**
 * `docs/architecture.md` rule 4: the principal holds one of `roles` and writes in its own unit,
 * or holds ADMIN and writes anywhere in its scope. Null when allowed. `unit` is the path of the
 * unit written to (either form), from the institutions data or a row, never from the request.
 */
export function writeRefusal(principal: Principal, unit: UnitPath | StoredPath, roles: readonly Role[]): WriteRefusal | null {
  if (!hasRole(principal, ...roles)) return 'ROLE';
  if (isOwnUnit(principal, unit) || adminBelow(principal, unit)) return null;
  return 'UNIT';
}

/** How a subgraph words a refusal of a write in `unit` (canonical path). */
export type RefusalWording = (refusal: WriteRefusal, who: Principal, unit: UnitPath) => string;

export interface WriteCheck {
  /** Roles that allow this write in the principal's own unit. */
  roles: readonly Role[];
  /** The service scope a service client needs for it; none: the write is for people only. */
  serviceScope?: ServiceScope;
  /** The subgraph's wording of a refusal; by default a generic one. */
  wording?: RefusalWording;
}

const genericWording =
  (roles: readonly Role[], what: string): RefusalWording =>
  (refusal, who) =>
    refusal === 'ROLE'
      ? `${what} needs the ${roles.join(' or ')} role`
      : `${what} belongs to a unit outside what unit ${who.unitCode} may write (its own unit; ADMIN also the units below it)`;

/**
 * The one gate of every write: a principal (else UNAUTHENTICATED), the service scope for a
 * client, then `writeRefusal`; FORBIDDEN with the subgraph's wording otherwise.
 */
export function assertMayWriteIn(principal: Principal | undefined, unit: UnitPath | StoredPath, what: string, check: WriteCheck): Principal {
  const who = requirePrincipal(principal);
  assertServiceMayWrite(who, check.serviceScope, what);
  const refusal = writeRefusal(who, unit, check.roles);
  if (refusal) throw forbidden((check.wording ?? genericWording(check.roles, what))(refusal, who, unitPathOf(unit)));
  return who;
}

/**
 * Registering, rotating, revoking and safelisting a service client: an ADMIN official (never a
 * service) whose scope covers the client's unit.
 */
export function assertMayManageClient(principal: Principal | undefined, clientUnit: UnitPath | StoredPath, what: string): Principal {
  const who = requirePrincipal(principal);
  if (who.kind !== 'USER') throw forbidden(`${what} needs an ADMIN official`);
  const refusal = writeRefusal(who, clientUnit, ['ADMIN']);
  if (refusal === 'ROLE') throw forbidden(`${what} needs an ADMIN official`);
  if (refusal === 'UNIT') throw forbidden(`${what}: the client's unit is outside the scope of unit ${who.unitCode}`);
  return who;
}
