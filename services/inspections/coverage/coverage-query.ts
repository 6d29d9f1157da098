import type { SubgraphContext } from '../../core/context';
import { toNumber } from '../../core/database';
import { subtreeCondition, type UnitPath } from '../../core/access';
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
  const plannedIn = subtreeCondition('target.inspectorPath', territory);
  const conductedIn = subtreeCondition('inspection.inspectorPath', territory);
  const [plannedRows, inspectedRows] = await Promise.all([
    context.dataSource
      .getRepository(PlanTarget)
      .createQueryBuilder('target')
      .select('target.targetLevel', 'level')
      .addSelect('COUNT(*)', 'count')
      .where(plannedIn.sql, plannedIn.parameters)
      .andWhere('target.year = :year', { year })
      .groupBy('target.targetLevel')
      .getRawMany<LevelRow>(),
    context.dataSource
      .getRepository(Inspection)
      .createQueryBuilder('inspection')
      .select('inspection.targetLevel', 'level')
      .addSelect('COUNT(*)', 'count')
      .where(conductedIn.sql, conductedIn.parameters)
      .andWhere('inspection.year = :year', { year })
      .andWhere('inspection.status IN (:...conducted)', { conducted: CONDUCTED_STATUSES })
      .groupBy('inspection.targetLevel')
      .getRawMany<LevelRow>(),
  ]);
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
