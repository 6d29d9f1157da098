import type { SubgraphContext } from '../../core/context';
import { toNumber } from '../../core/database';
import { rowsByKey, whereInTerritories, type TerritoryBatch, type UnitPath } from '../../core/access';
import { UnitLevel } from '../../core/unit-level';
import { Inspection } from '../inspection/inspection';
import { CONDUCTED_STATUSES } from '../inspection/inspection-status';
import { cutPercent } from '../../core/percent';
import { PlanTarget } from '../plan/plan-target';
import type { InspectionCoverage } from './inspection-coverage';

const LEVEL_ORDER = [UnitLevel.NATION, UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE];

interface LevelRow {
  level: UnitLevel;
  count: string | number;
}

/**
 * Coverage of the plans made in a unit's territory for a year (its subtree, and its lineage's
 * for a unit of the reform: rule 13): two GROUP BY statements, one over planned targets and
 * one over inspections carried out, each on one indexed range per lineage branch. Levels are
 * those of the targets when planned: DISTRICT rows exist only for years before the reform.
 * The caller has checked the unit lies in the principal's scope (rule 2).
 */
export async function inspectionCoverage(context: SubgraphContext, territory: UnitPath | readonly UnitPath[], year: number): Promise<InspectionCoverage> {
  return (await inspectionCoverageByKey(context, { byKey: [{ key: '', territory }] }, year)).get('')!;
}

/** The same for a batch of territories in the same two statements (docs/architecture.md, "Entity batches"), by key. */
export async function inspectionCoverageByKey(context: SubgraphContext, batch: TerritoryBatch, year: number): Promise<Map<string, InspectionCoverage>> {
  type Row = LevelRow & { batchKey: unknown };
  const [plannedRows, inspectedRows] = await Promise.all([
    whereInTerritories(
      context.dataSource
        .getRepository(PlanTarget)
        .createQueryBuilder('target')
        .select('target.targetLevel', 'level')
        .addSelect('COUNT(*)', 'count')
        .where('target.year = :year', { year })
        .groupBy('target.targetLevel'),
      'target.inspectorPath',
      batch,
    ).getRawMany<Row>(),
    whereInTerritories(
      context.dataSource
        .getRepository(Inspection)
        .createQueryBuilder('inspection')
        .select('inspection.targetLevel', 'level')
        .addSelect('COUNT(*)', 'count')
        .where('inspection.year = :year', { year })
        .andWhere('inspection.status IN (:...conducted)', { conducted: CONDUCTED_STATUSES })
        .groupBy('inspection.targetLevel'),
      'inspection.inspectorPath',
      batch,
    ).getRawMany<Row>(),
  ]);
  const plannedByKey = rowsByKey(batch, plannedRows);
  const inspectedByKey = rowsByKey(batch, inspectedRows);
  return new Map(batch.byKey.map(({ key }) => [key, coverageFrom(year, plannedByKey.get(key)!, inspectedByKey.get(key)!)]));
}

function coverageFrom(year: number, plannedRows: readonly LevelRow[], inspectedRows: readonly LevelRow[]): InspectionCoverage {
  const planned = new Map(plannedRows.map((row) => [row.level, toNumber(row.count)]));
  const inspected = new Map(inspectedRows.map((row) => [row.level, toNumber(row.count)]));
  const byLevel = LEVEL_ORDER.filter((level) => planned.has(level) || inspected.has(level)).map((level) => ({
    level,
    count: inspected.get(level) ?? 0,
    planned: planned.get(level) ?? 0,
  }));
  const totalPlanned = byLevel.reduce((sum, row) => sum + row.planned, 0);
  const totalInspected = byLevel.reduce((sum, row) => sum + row.count, 0);
  return { year, planned: totalPlanned, inspected: totalInspected, rate: cutPercent(totalInspected, totalPlanned), byLevel };
}
