import type { SubgraphContext } from '../core/context';
import { forbidden } from '../core/errors';
import type { Principal, Role } from '../core/principal';
import { hasRole, isWithin, requirePrincipal, storedPath } from '../core/scope';
import { assertServiceMayWrite } from '../core/service-scopes';

/**
 * Rule 4 for this subgraph: a write acts for one unit (the inspecting unit for plans,
 * inspections and findings; the inspected unit for remedies). The principal must hold `role`
 * in that very unit, or ADMIN at or above it.
 */
export function assertMayActFor(context: SubgraphContext, actingUnitPath: string, role: Role, what: string): Principal {
  const principal = requirePrincipal(context.principal);
  assertServiceMayWrite(principal, undefined, what);
  const ownUnit = actingUnitPath === storedPath(principal.unitPath);
  if (ownUnit && hasRole(principal, role)) return principal;
  if (hasRole(principal, 'ADMIN') && isWithin(actingUnitPath, principal.unitPath)) return principal;
  throw forbidden(`${what} needs the ${role} role in unit ${actingUnitPath.replace(/\/$/, '')} (or ADMIN above it); you act for unit ${principal.unitCode}`);
}
