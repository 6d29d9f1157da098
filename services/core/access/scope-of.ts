import type { Principal } from '../principal';
import { unitPathOf, type UnitPath } from './unit-path';

/**
 * A principal's scope (`docs/architecture.md`, rule 1): the units whose subtrees it may read.
 * Today one unit, its own; a list so that a principal of a merged unit can carry its
 * predecessors' paths too. Every check and SQL predicate of core/access asks this one function
 * (in a module of its own, so that a test can replace it and widen every scope at once).
 */
export function scopeOf(principal: Principal): readonly UnitPath[] {
  return [unitPathOf(principal.unitPath)];
}
