import { Field, Int, ObjectType } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import type { SubgraphContext } from '../../core/context';
import { toNumber } from '../../core/database';
import { rowsByKey, whereInTerritories, type TerritoryBatch, type UnitPath } from '../../core/access';
import type { UnitRecord } from '../../core/institutions/records';
import { UnitLevel } from '../../core/unit-level';
import { Dossier } from '../dossier/dossier';
import type { Period } from '../../core/time';

@ObjectType({ description: 'How many receiving desks (agencies) at one level.' })
export class DeskLevelCount {
  @Field(() => UnitLevel, { description: 'The level of government of the desks counted.' })
  level!: UnitLevel;

  @Field(() => Int, { description: 'Service desks at this level.' })
  count!: number;
}

@ObjectType({ description: 'Receiving desks (one-stop desks, service centers, departments) that did something in a period.' })
export class DeskCount {
  @Field(() => Int, { description: 'Service desks (bộ phận một cửa) counted.' })
  total!: number;

  @Field(() => [DeskLevelCount], { description: 'By the level of the desk\'s unit (a plain list: one entry per level).' })
  byLevel!: DeskLevelCount[];
}

@ServiceScope('indicators:read')
@ObjectType({ description: 'Which desks of a unit\'s subtree served people by post and online over a period.' })
export class ServiceDesks {
  @Field(() => DeskCount, { description: 'Desks that received dossiers by post or returned results by post (bưu chính công ích).' })
  postal!: DeskCount;

  @Field(() => DeskCount, { description: 'Desks that received dossiers online (electronic one-stop system).' })
  online!: DeskCount;
}

/**
 * Distinct agencies are counted in SQL per receiving unit; the unit levels come from the
 * institutions data (a handful of units, looked up in one batched request).
 */
export async function serviceDesks(context: SubgraphContext, territory: UnitPath | readonly UnitPath[], period: Period): Promise<ServiceDesks> {
  const rows = await deskRows(context, territory, period);
  return desksFrom(rows, await context.institutions.units.findManyById(rows.map((row) => row.unitId)));
}

/** The same for a batch of territories: one statement and one unit lookup (docs/architecture.md, "Entity batches"), by key. */
export async function serviceDesksByKey(context: SubgraphContext, batch: TerritoryBatch, period: Period): Promise<Map<string, ServiceDesks>> {
  const rows = await deskRows(context, batch, period);
  const units = await context.institutions.units.findManyById([...new Set(rows.map((row) => row.unitId))]);
  const levelOf = new Map(units.flatMap((unit) => (unit ? [[unit.id, unit] as const] : [])));
  return new Map(
    [...rowsByKey(batch, rows)].map(([key, mine]) => [key, desksFrom(mine, mine.map((row) => levelOf.get(row.unitId) ?? null))]),
  );
}

type DeskRow = { unitId: string; postal: unknown; online: unknown; batchKey?: unknown };

function deskRows(context: SubgraphContext, territory: UnitPath | readonly UnitPath[] | TerritoryBatch, period: Period) {
  const postal = "(d.channel = 'POSTAL' AND d.receivedAt >= :start) OR (d.resultByPost = 1 AND d.returnedAt >= :start AND d.returnedAt < :end)";
  const online = "d.channel = 'ONLINE' AND d.receivedAt >= :start";
  const query = context.dataSource
    .getRepository(Dossier)
    .createQueryBuilder('d')
    .select('d.unitId', 'unitId')
    .addSelect(`COUNT(DISTINCT CASE WHEN ${postal} THEN d.agencyId END)`, 'postal')
    .addSelect(`COUNT(DISTINCT CASE WHEN ${online} THEN d.agencyId END)`, 'online')
    .groupBy('d.unitId');
  return whereInTerritories(query, 'd.unitPath', territory)
    .andWhere('d.receivedAt < :end AND (d.closedAt IS NULL OR d.closedAt >= :start OR d.returnedAt >= :start)')
    .andWhere(`((${postal}) OR (${online}))`)
    .setParameters({ start: period.start, end: period.end })
    .getRawMany<DeskRow>();
}

/** Tallies one territory's rows by the level of each row's unit (`units`, in the order of `rows`). */
function desksFrom(rows: readonly DeskRow[], units: readonly (UnitRecord | null)[]): ServiceDesks {
  const tally = (column: 'postal' | 'online'): DeskCount => {
    const byLevel = new Map<string, number>();
    rows.forEach((row, index) => {
      const level = units[index]?.level;
      if (!level) return;
      byLevel.set(level, (byLevel.get(level) ?? 0) + toNumber(row[column]));
    });
    const levels = [UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE];
    return {
      total: [...byLevel.values()].reduce((sum, count) => sum + count, 0),
      byLevel: levels.map((level) => ({ level, count: byLevel.get(level) ?? 0 })),
    };
  };
  return { postal: tally('postal'), online: tally('online') };
}
