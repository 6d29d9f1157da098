import type DataLoader from 'dataloader';
import type { SubgraphContext } from '../context';
import { notFound } from '../errors';
import type { UnitRecord } from '../institutions/records';
import type { TerritoryBatch } from './predicates';
import { assertCovers } from './principal-scope';
import { territoryOf } from './unit-scope';

/**
 * What a subgraph adds to AdministrativeUnit, answered for a batch of `_entities` representations
 * at once (docs/architecture.md, "Entity batches"): the units of every representation asked in one
 * tick are looked up together (one aliased institutions request), each checked on its own, and the
 * ones that pass are handed to `compute` in ONE call, which answers them with a bounded number of
 * statements. A unit that names nothing is NOT_FOUND; with `covers`, a unit outside the
 * principal's scope is FORBIDDEN (rule 2): that representation's answer alone, never a narrowed
 * total, whatever else the batch holds.
 *
 * `field` and `args` name the loader: representations asking the same field with the same
 * arguments share one batch, each (arguments, unit) is answered once per request.
 * `compute` returns one answer per unit, in their order.
 */
export function unitFieldLoader<V>(
  context: SubgraphContext,
  field: string,
  args: unknown,
  compute: (units: readonly UnitRecord[]) => Promise<V[]>,
  { covers }: { covers?: string } = {},
): DataLoader<string, V | null> {
  return context.loaders.get<string, V>(`unit-field:${field}:${JSON.stringify(args ?? null)}`, async (ids) => {
    const units = await context.institutions.units.findManyById(ids);
    const checked = units.map((unit, index): UnitRecord | Error => {
      if (!unit) return notFound(`No administrative unit has id "${ids[index]}"`);
      if (!covers) return unit;
      try {
        assertCovers(context.principal, unit.path, `${covers} of unit ${unit.code}`);
        return unit;
      } catch (error) {
        return error as Error;
      }
    });
    const passed = checked.filter((unit): unit is UnitRecord => !(unit instanceof Error));
    const answers = passed.length ? await compute(passed) : [];
    let next = 0;
    return checked.map((unit) => (unit instanceof Error ? unit : answers[next++]));
  });
}

/** Answers keyed by unit id (from a grouped statement) in the order of `units`, `empty` where the statement had no row. */
export const inUnitOrder = <V>(units: readonly UnitRecord[], byId: ReadonlyMap<string, V>, empty: () => V): V[] => units.map((unit) => byId.get(unit.id) ?? empty());

/** Units' territories (rule 13) as a batch keyed by unit id, for the `…ByKey` aggregates. */
export const batchOf = (units: readonly UnitRecord[]): TerritoryBatch => ({ byKey: units.map((unit) => ({ key: unit.id, territory: territoryOf(unit) })) });
