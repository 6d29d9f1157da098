import type DataLoader from 'dataloader';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { SubgraphContext } from '../core/context';
import { forbidden, unauthenticated } from '../core/errors';
import { byKeys } from '../core/loaders';
import type { Principal } from '../core/principal';
import { subtreeRange } from '../core/scope';

/**
 * Rule 7 of the issue, in SQL. An inspection (and each of its findings) is visible to:
 * - the inspecting side: principals at or above the unit that carries it out (`inspectorPath`
 *   in the principal's subtree), and
 * - the inspected side: principals at or above the target agency's unit (`targetPath` in the
 *   principal's subtree), so the inspected agency sees its own inspections and findings.
 * Nobody else: a sibling district is on neither path. Two indexed ranges joined by OR.
 */
export function whereVisible<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, principal: Principal) {
  const { low, high } = subtreeRange(principal.unitPath);
  return query.andWhere(
    `((${alias}.inspectorPath >= :visibleLow AND ${alias}.inspectorPath < :visibleHigh) OR ` +
      `(${alias}.targetPath >= :visibleLow AND ${alias}.targetPath < :visibleHigh))`,
    { visibleLow: low, visibleHigh: high },
  );
}

interface InspectedRow extends ObjectLiteral {
  id: string;
  inspectorPath: string;
  targetPath: string;
}

/**
 * Rows by id with `whereVisible` in the statement; an existing row the principal may not see
 * is FORBIDDEN, a missing one null (the second statement runs only when ids were filtered out).
 * Used by root fields, mutations and `__resolveReference`.
 */
export function visibleLoader<T extends InspectedRow>(
  context: SubgraphContext,
  entity: new () => T,
  label: string,
): DataLoader<string, T | null> {
  return context.loaders.get<string, T>(`visible:${label}`, async (ids) => {
    const principal = context.principal;
    if (!principal) return ids.map(() => unauthenticated(`${label} is not public: a valid bearer token is required`));
    const repository = context.dataSource.getRepository(entity);
    const rows = await whereVisible(repository.createQueryBuilder('row').where('row.id IN (:...ids)', { ids: [...ids] }), 'row', principal).getMany();
    const found = byKeys(ids, rows, (row) => row.id);
    const missing = ids.filter((_id, index) => found[index] === null);
    if (missing.length === 0) return found;
    const existing = await repository.createQueryBuilder('row').select('row.id', 'id').where('row.id IN (:...missing)', { missing }).getRawMany<{ id: string }>();
    const outside = new Set(existing.map((row) => row.id));
    return found.map((row, index) =>
      row ?? (outside.has(ids[index]) ? forbidden(`${label} ${ids[index]} is outside the scope of unit ${principal.unitCode}`) : null),
    );
  });
}
