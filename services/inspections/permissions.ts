import type { SubgraphContext } from '../core/context';
import type { Principal, Role } from '../core/principal';
import { assertMayWriteIn, type StoredPath, type UnitPath } from '../core/access';

/**
 * `docs/architecture.md` rule 4 for this subgraph (core/access decides): a write acts for one
 * unit (the inspecting unit for plans, inspections and findings; the inspected unit for
 * remedies). The principal must hold `role` in that very unit, or ADMIN at or above it.
 * No service client writes here.
 */
export const assertMayActFor = (context: SubgraphContext, actingUnit: UnitPath | StoredPath, role: Role, what: string): Principal =>
  assertMayWriteIn(context.principal, actingUnit, what, {
    roles: [role, 'ADMIN'],
    wording: (_refusal, who, unit) => `${what} needs the ${role} role in unit ${unit} (or ADMIN above it); you act for unit ${who.unitCode}`,
  });
