import type { SubgraphContext } from '../../core/context';
import { In } from 'typeorm';
import { toNumber } from '../../core/database';
import type { ReformArea } from '../finding/reform-area';
import { cutPercent } from '../../core/percent';
import { ReformScoreAreaRecord, ReformScoreRecord } from './reform-score-record';
import type { ReformScore } from './reform-score';

export const scoreId = (unitId: string, year: number) => `${unitId}|${year}`;

const points = (hundredths: unknown) => toNumber(hundredths) / 100;

/**
 * A unit's reform score for a year. Ranks come from SQL: 1 + the number of siblings (same
 * parent path, same year) with more points, for each area and for the total. Three
 * statements, whatever the number of siblings. The caller has checked the scope (rule 2).
 */
export async function reformScore(context: SubgraphContext, unitId: string, year: number): Promise<ReformScore | null> {
  return (await reformScores(context, [unitId], year))[0];
}

/** The same for many units in the same three statements (docs/architecture.md, "Entity batches"), in the order of `unitIds`. */
export async function reformScores(context: SubgraphContext, unitIds: readonly string[], year: number): Promise<(ReformScore | null)[]> {
  const ids = unitIds.map((unitId) => scoreId(unitId, year));
  const marks = ids.map(() => '?').join(', ');
  const manager = context.dataSource.manager;
  const areaTable = manager.getRepository(ReformScoreAreaRecord).metadata.tableName;
  const [records, allAreaRows, allTotals] = await Promise.all([
    manager.getRepository(ReformScoreRecord).findBy({ id: In(ids) }),
    manager
      .getRepository(ReformScoreAreaRecord)
      .createQueryBuilder('mine')
      .select('mine.scoreId', 'scoreId')
      .addSelect('mine.area', 'area')
      .addSelect('mine.pointsHundredths', 'points')
      .addSelect('mine.maxPointsHundredths', 'maxPoints')
      .addSelect(
        `1 + (SELECT COUNT(*) FROM ${areaTable} better WHERE better.parentPath = mine.parentPath AND better.year = mine.year ` +
          'AND better.area = mine.area AND better.pointsHundredths > mine.pointsHundredths)',
        'rank',
      )
      .addSelect(
        `(SELECT COUNT(*) FROM ${areaTable} sibling WHERE sibling.parentPath = mine.parentPath AND sibling.year = mine.year AND sibling.area = mine.area)`,
        'rankedAmong',
      )
      .where('mine.scoreId IN (:...ids)', { ids })
      .orderBy('mine.area')
      .getRawMany(),
    manager.query(
      // Sibling totals are a derived table filtered by parameters, not by an outer reference:
      // MariaDB cannot correlate a derived table with the outer query.
      `SELECT mine.scoreId AS scoreId, mine.total AS total, mine.maxTotal AS maxTotal,
              1 + SUM(CASE WHEN sibling.total > mine.total THEN 1 ELSE 0 END) AS rankValue,
              COUNT(*) AS rankedAmong
         FROM (SELECT scoreId, parentPath, SUM(pointsHundredths) AS total, SUM(maxPointsHundredths) AS maxTotal
                 FROM ${areaTable} WHERE scoreId IN (${marks}) GROUP BY scoreId, parentPath) mine
         JOIN (SELECT parentPath, unitId, SUM(pointsHundredths) AS total
                 FROM ${areaTable}
                WHERE year = ? AND parentPath IN (SELECT parentPath FROM ${areaTable} WHERE scoreId IN (${marks}))
                GROUP BY parentPath, unitId) sibling
           ON sibling.parentPath = mine.parentPath
        GROUP BY mine.scoreId, mine.total, mine.maxTotal`,
      [...ids, year, ...ids],
    ) as Promise<{ scoreId: string; total: unknown; maxTotal: unknown; rankValue: unknown; rankedAmong: unknown }[]>,
  ]);
  return ids.map((id) => {
    const record = records.find((candidate) => candidate.id === id) ?? null;
    const areaRows = allAreaRows.filter((row) => row.scoreId === id);
    const total = allTotals.find((row) => row.scoreId === id);
    return scoreFrom(year, record, areaRows, total);
  });
}

function scoreFrom(
  year: number,
  record: ReformScoreRecord | null,
  areaRows: Record<string, unknown>[],
  total: { total: unknown; maxTotal: unknown; rankValue: unknown; rankedAmong: unknown } | undefined,
): ReformScore | null {
  if (!record && areaRows.length === 0) return null;
  return {
    year,
    parIndex: total ? points(total.total) : null,
    maxParIndex: total ? points(total.maxTotal) : null,
    rank: total ? toNumber(total.rankValue) : null,
    rankedAmong: total ? toNumber(total.rankedAmong) : null,
    areas: areaRows.map((row) => ({
      area: row.area as ReformArea,
      points: points(row.points),
      maxPoints: points(row.maxPoints),
      rank: toNumber(row.rank),
      rankedAmong: toNumber(row.rankedAmong),
    })),
    sipas: record?.sipasHundredths === null || record?.sipasHundredths === undefined ? null : record.sipasHundredths / 100,
    civilServantsRated: record?.civilServantsRated ?? null,
    civilServantsCompletedWell: record?.civilServantsCompletedWell ?? null,
    completedWellShare:
      record?.civilServantsRated && record.civilServantsCompletedWell !== null
        ? cutPercent(record.civilServantsCompletedWell, record.civilServantsRated)
        : null,
  };
}
