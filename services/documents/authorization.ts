import type { Principal, Role } from '../core/principal';
import { forbidden } from '../core/errors';
import { hasRole, isWithin, requirePrincipal, storedPath } from '../core/scope';
import { assertServiceMayWrite, type ServiceScope } from '../core/service-scopes';

/**
 * Roles of this subgraph (DESIGN rule 4: writes happen in the principal's own unit, ADMIN
 * also below it, and need a role that allows them):
 * - OFFICER or ADMIN: register, sign and send documents of the unit's agencies; move a
 *   transfer received by the unit's agencies through its statuses.
 * - ADMIN: issue and revoke certificates (the unit's CA registration officer).
 * - any role within scope: read.
 */
export const DOCUMENT_WRITERS: Role[] = ['OFFICER', 'ADMIN'];
export const CERTIFICATE_ADMINS: Role[] = ['ADMIN'];

export function assertMayWrite(
  principal: Principal | undefined,
  rowUnitPath: string,
  roles: Role[],
  what: string,
  serviceScope?: ServiceScope,
): Principal {
  const who = requirePrincipal(principal);
  // A service client needs the scope of the write; writes without one (certificates) are for people.
  assertServiceMayWrite(who, serviceScope, what);
  if (!hasRole(who, ...roles)) throw forbidden(`${what} needs the ${roles.join(' or ')} role`);
  const ownUnit = rowUnitPath === storedPath(who.unitPath);
  const below = hasRole(who, 'ADMIN') && isWithin(rowUnitPath, who.unitPath);
  if (!ownUnit && !below) {
    throw forbidden(`${what} belongs to a unit outside what unit ${who.unitCode} may write (its own unit; ADMIN also the units below it)`);
  }
  return who;
}
