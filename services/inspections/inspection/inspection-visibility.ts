import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { SubgraphContext } from '../../core/context';
import type { Principal } from '../../core/principal';
import { whereAnyInScope, scopedLoader } from '../../core/access';

/**
 * `docs/architecture.md` (rule 6), in SQL. An inspection (and each of its findings) is visible to:
 * - the inspecting side: principals at or above the unit that carries it out (`inspectorPath`
 *   in the principal's subtree), and
 * - the inspected side: principals at or above the target agency's unit (`targetPath` in the
 *   principal's subtree), so the inspected agency sees its own inspections and findings.
 * Nobody else: a sibling district is on neither path. Two indexed ranges joined by OR.
 */
export const whereVisible = <T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, principal: Principal) =>
  whereAnyInScope(query, [`${alias}.inspectorPath`, `${alias}.targetPath`], principal);

interface InspectedRow extends ObjectLiteral {
  id: string;
  inspectorPath: string;
  targetPath: string;
}

/**
 * Rows by id with `whereVisible` in the statement (core's scoped loader with this rule): an
 * existing row the principal may not see is FORBIDDEN, a missing one null. Used by root
 * fields, mutations and `__resolveReference`.
 */
export const visibleLoader = <T extends InspectedRow>(context: SubgraphContext, entity: new () => T, label: string) =>
  scopedLoader(context, { entity, label, inScope: (query, principal) => whereVisible(query, 'row', principal) });
