import type DataLoader from 'dataloader';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { SubgraphContext } from '../context';
import { notFound, unauthenticated } from '../errors';
import { byKeys } from '../loaders';
import { getManyMemoized } from '../statement-memo';
import type { Principal } from '../principal';
import { whereInScope } from './predicates';

export interface ScopedEntity<T extends ObjectLiteral> {
  entity: new () => T;
  /** Type name used in errors and as the loader's name. */
  label: string;
  /** Property holding the row's stored unit path (default `unitPath`). */
  pathProperty?: string;
  /**
   * A scope other than `docs/architecture.md` rule 1 on one path (for example: visible from either of two paths).
   * Gets the query with the row aliased `row`; default `whereInScope` on `pathProperty`.
   */
  inScope?: (query: SelectQueryBuilder<T>, principal: Principal) => SelectQueryBuilder<T>;
}

/**
 * The one answer to a record asked for by id that does not exist or that lies outside the
 * principal's scope (`docs/architecture.md` rule 2): the same code and the same bytes either
 * way (the id is not echoed, so two probes compare byte for byte), so ids cannot be probed to count what an aggregate refuses (issue 11, item 11).
 */
export const notInScope = (label: string) => notFound(`No ${label} with this id is within your scope`);

/**
 * Loads unit-scoped rows by id for one request, in one statement with the scope in its WHERE.
 * An id the scope filters out and an id that names nothing get the same NOT_FOUND error
 * (`notInScope`); the loader never tells them apart, so it does not look further.
 * This is what `__resolveReference`, `x(id:)` root fields and writes naming a record by id use:
 * entity references get the same scope as lists. Its SQL text is made once per shape (entity,
 * scope, number of ids: `core/statement-memo.ts`), the values bound anew each time.
 */
export function scopedLoader<T extends ObjectLiteral & { id: string }>(
  context: SubgraphContext,
  { entity, label, pathProperty = 'unitPath', inScope }: ScopedEntity<T>,
): DataLoader<string, T | null> {
  return context.loaders.get<string, T>(`scoped:${label}`, async (ids) => {
    const principal = context.principal;
    if (!principal) return ids.map(() => unauthenticated(`${label} is not public: a valid bearer token is required`));
    const query = context.dataSource.getRepository(entity).createQueryBuilder('row').where('row.id IN (:...ids)', { ids: [...ids] });
    const scoped = inScope ? inScope(query, principal) : whereInScope(query, `row.${pathProperty}`, principal);
    const found = byKeys(ids, await getManyMemoized(scoped), (row) => row.id);
    return found.map((row, index) => row ?? notInScope(label));
  });
}

/**
 * Loads rows by id for any signed-in principal, whatever its unit scope: for the public facts
 * of a record that another record the principal may see points to (`docs/architecture.md`
 * rule 12: an agency's name, kind, unit and parent; an official's name, position and agency, as
 * every government portal publishes them). Without a principal: UNAUTHENTICATED (rule 5).
 * Only `__resolveReference` and the public-fact fields use it; everything else about the row
 * keeps its own rule (contact details: rule 3; lists: rule 1).
 */
export function publicFactsLoader<T extends ObjectLiteral & { id: string }>(
  context: SubgraphContext,
  { entity, label }: Pick<ScopedEntity<T>, 'entity' | 'label'>,
): DataLoader<string, T | null> {
  return context.loaders.get<string, T>(`public-facts:${label}`, async (ids) => {
    if (!context.principal) return ids.map(() => unauthenticated(`${label} is not public: a valid bearer token is required`));
    const rows = await getManyMemoized(context.dataSource.getRepository(entity).createQueryBuilder('row').where('row.id IN (:...ids)', { ids: [...ids] }));
    return byKeys(ids, rows, (row) => row.id);
  });
}
