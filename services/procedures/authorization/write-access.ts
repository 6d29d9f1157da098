import { forbidden } from '../../core/errors';
import type { Principal } from '../../core/principal';
import { hasRole, isWithin, requirePrincipal, storedPath } from '../../core/scope';
import { assertServiceMayWrite, type ServiceScope } from '../../core/service-scopes';

/**
 * Rule 4 of DESIGN.md: writes happen in the principal's own unit (ADMIN: also below it) and
 * need the OFFICER or ADMIN role. `storedUnitPath` is the path of the unit written to, taken
 * from the institutions data or from a row this subgraph wrote, never from the request.
 * A service client also needs `serviceScope`; writes without one are for people only.
 */
export function assertMayWrite(principal: Principal | undefined, storedUnitPath: string, what: string, serviceScope?: ServiceScope): Principal {
  const who = requirePrincipal(principal);
  assertServiceMayWrite(who, serviceScope, what);
  if (!hasRole(who, 'OFFICER', 'ADMIN')) throw forbidden(`${what} needs the OFFICER or ADMIN role`);
  if (storedUnitPath === storedPath(who.unitPath)) return who;
  if (hasRole(who, 'ADMIN') && isWithin(storedUnitPath, who.unitPath)) return who;
  const unit = storedUnitPath.replace(/\/$/, '').split('/').pop();
  throw forbidden(
    hasRole(who, 'ADMIN')
      ? `${what}: unit ${unit} is outside the scope of unit ${who.unitCode}`
      : `${what}: an OFFICER writes in its own unit ${who.unitCode} only, not in unit ${unit}`,
  );
}
