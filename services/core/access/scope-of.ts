import type { Principal } from '../principal';
import { unitPathOf, type UnitPath } from './unit-path';

/**
 * A principal's scope (`docs/architecture.md`, rules 1 and 13): the units whose subtrees it may
 * read. Its own unit, and for a unit of the 2025 reform every dissolved unit whose territory
 * went into it (the signed `territory`): one indexed range per lineage branch. Every check and
 * SQL predicate of core/access asks this one function (in a module of its own, so that a test
 * can replace it and widen every scope at once).
 */
export function scopeOf(principal: Principal): readonly UnitPath[] {
  return principal.territory?.length ? principal.territory.map(unitPathOf) : [unitPathOf(principal.unitPath)];
}
