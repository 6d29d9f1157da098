import type { SubgraphContext } from '../context';
import type { Principal, Role } from '../principal';
import type { StoredPath, UnitPath } from './unit-path';
import { assertMayWriteIn } from './write-access';

/**
 * `docs/architecture.md` rule 4 for a write that acts for one unit (in inspections: the
 * inspecting unit for plans, inspections and findings; the inspected unit for remedies). The
 * principal must hold `role` in that very unit, or ADMIN at or above it. No service scope
 * allows it: no service client writes this way.
 */
export const assertMayActFor = (context: SubgraphContext, actingUnit: UnitPath | StoredPath, role: Role, what: string): Principal =>
  assertMayWriteIn(context.principal, actingUnit, what, {
    roles: [role, 'ADMIN'],
    wording: (_refusal, who, unit) => `${what} needs the ${role} role in unit ${unit} (or ADMIN above it); you act for unit ${who.unitCode}`,
  });
