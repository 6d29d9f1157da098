import type { SubgraphContext } from '../../core/context';
import { groupedByKeys } from '../../core/loaders';
import { isWithin, unitPathOf, type UnitPath } from '../../core/access';
import { unitById } from '../loaders';
import type { AdministrativeUnit } from './administrative-unit';
import { UnitLineage } from './unit-lineage';

type Side = 'predecessorId' | 'successorId';
const other = (side: Side): Side => (side === 'predecessorId' ? 'successorId' : 'predecessorId');

/** The lineage rows on one side of each unit asked for: one statement per batch. */
const lineageRows = (context: SubgraphContext, side: Side) =>
  context.loaders.get<string, UnitLineage[]>(`lineage:${side}`, async (ids) => {
    const rows = await context.dataSource
      .getRepository(UnitLineage)
      .createQueryBuilder('lineage')
      .where(`lineage.${side} IN (:...ids)`, { ids: [...ids] })
      .getMany();
    return groupedByKeys(ids, rows, (row) => row[side]);
  });

async function linked(context: SubgraphContext, unitId: string, side: Side): Promise<AdministrativeUnit[]> {
  const rows = (await lineageRows(context, side).load(unitId)) ?? [];
  const units = await unitById(context).loadMany(rows.map((row) => row[other(side)]));
  return units.filter((unit): unit is AdministrativeUnit => unit !== null && !(unit instanceof Error));
}

/** The dissolved units whose territory went into this one (direct lineage). */
export const predecessorsOf = (context: SubgraphContext, unitId: string) => linked(context, unitId, 'successorId');

/** The units this dissolved one's territory went into (direct lineage). */
export const successorsOf = (context: SubgraphContext, unitId: string) => linked(context, unitId, 'predecessorId');

/** Lineage deeper than this is a cycle in the data, not history. */
const MAX_LINEAGE_DEPTH = 16;

/**
 * A unit's territory across time (docs/architecture.md, rule 13): its own path and the paths
 * of every dissolved unit whose territory went into it, at any depth of lineage, without a
 * path that lies inside another of the list. One statement pair per level of lineage.
 */
export async function territoryPathsOf(context: SubgraphContext, unit: AdministrativeUnit): Promise<UnitPath[]> {
  const found = new Map<string, AdministrativeUnit>([[unit.id, unit]]);
  let frontier = [unit.id];
  for (let depth = 0; frontier.length > 0; depth += 1) {
    if (depth === MAX_LINEAGE_DEPTH) throw new Error(`The lineage of unit ${unit.id} is deeper than ${MAX_LINEAGE_DEPTH}: a cycle?`);
    const next = (await Promise.all(frontier.map((id) => predecessorsOf(context, id)))).flat().filter((predecessor) => !found.has(predecessor.id));
    for (const predecessor of next) found.set(predecessor.id, predecessor);
    frontier = [...new Set(next.map((predecessor) => predecessor.id))];
  }
  const paths = [...new Set([...found.values()].map((row) => unitPathOf(row.unitPath)))];
  return paths.filter((path) => !paths.some((outer) => outer !== path && isWithin(path, outer))).sort();
}
