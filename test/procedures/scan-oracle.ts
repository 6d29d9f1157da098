import type { DataSource } from 'typeorm';
import { subtreeCondition, type UnitPath } from '../../services/core/access';
import { toNumber } from '../../services/core/database';
import type { Period } from '../../services/core/time';
import { countsFrom, type DossierCounts } from '../../services/procedures/stats/dossier-counts';

/**
 * The test's oracle for the rollups: the reporting contract's figures by a direct scan of the
 * dossiers and the feedback (what production computed before the rollups, rule 15), one pass
 * of `SUM(CASE ...)` over the rows of a territory that overlap the period.
 */
const RESOLVED = 'd.resolvedAt >= :start AND d.resolvedAt < :end';
const RETURNED = 'd.returnedAt >= :start AND d.returnedAt < :end';
const IN_PERIOD = 'd.receivedAt >= :start';
const OPEN_AT_END = '(d.closedAt IS NULL OR d.closedAt >= :end)';

const COUNTERS: Record<string, string> = {
  receivedInPeriod: IN_PERIOD,
  receivedOnline: `${IN_PERIOD} AND d.channel = 'ONLINE'`,
  receivedPostal: `${IN_PERIOD} AND d.channel = 'POSTAL'`,
  carriedOver: 'd.receivedAt < :start AND (d.closedAt IS NULL OR d.closedAt >= :start)',
  resolved: RESOLVED,
  resolvedOnTime: `${RESOLVED} AND d.resolvedAt <= d.dueAt`,
  resolvedLateWithApology: `${RESOLVED} AND d.resolvedAt > d.dueAt AND d.apologyAt IS NOT NULL`,
  rejected: "d.status = 'REJECTED' AND d.closedAt >= :start AND d.closedAt < :end",
  withdrawn: "d.status = 'WITHDRAWN' AND d.closedAt >= :start AND d.closedAt < :end",
  inProgress: OPEN_AT_END,
  overdueInProgress: `${OPEN_AT_END} AND d.dueAt < :end`,
  paidOnline: `${IN_PERIOD} AND d.paidOnline = 1`,
  returned: RETURNED,
  returnedByPost: `${RETURNED} AND d.resultByPost = 1`,
  rated: `${RETURNED} AND d.rating IS NOT NULL`,
  satisfied: `${RETURNED} AND d.rating >= 4`,
};

const GROUP_COLUMN = { channel: 'd.channel', level: 'p.level', fieldCode: 'p.fieldCode', legacyLevel: 'p.legacyLevel' } as const;

/** Dossier counters of a territory over a period by scanning the dossiers; grouped when asked (rows with `groupKey`). */
export async function scannedDossierCounts(
  dataSource: DataSource,
  territory: UnitPath[],
  period: Period,
  grouping?: keyof typeof GROUP_COLUMN,
): Promise<(DossierCounts & { groupKey?: string })[]> {
  const subtree = subtreeCondition('d.unitPath', territory);
  const query = dataSource
    .createQueryBuilder()
    .from('dossier', 'd')
    .select([])
    .where(subtree.sql, subtree.parameters)
    .andWhere('d.receivedAt < :end')
    .andWhere('(d.closedAt IS NULL OR d.closedAt >= :start OR d.returnedAt >= :start)')
    .setParameters({ start: period.start, end: period.end });
  for (const [name, condition] of Object.entries(COUNTERS)) query.addSelect(`SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`, name);
  query.addSelect(`SUM(CASE WHEN ${IN_PERIOD} THEN d.componentCount ELSE 0 END)`, 'components');
  query.addSelect(`SUM(CASE WHEN ${IN_PERIOD} THEN d.digitizedComponents ELSE 0 END)`, 'digitizedComponents');
  if (!grouping) return [countsFrom((await query.getRawOne()) ?? {})];
  if (grouping !== 'channel') query.innerJoin('admin_procedure', 'p', 'p.id = d.procedureId');
  const rows = await query.addSelect(GROUP_COLUMN[grouping], 'groupKey').groupBy(GROUP_COLUMN[grouping]).orderBy(GROUP_COLUMN[grouping], 'ASC').getRawMany();
  return rows.map((row) => ({ groupKey: String(row.groupKey), ...countsFrom(row) }));
}

/** Feedback counters of a territory over a period by scanning the feedback. */
export async function scannedFeedbackCounts(dataSource: DataSource, territory: UnitPath[], period: Period) {
  const subtree = subtreeCondition('f.unitPath', territory);
  const handled = 'f.handledAt >= :start AND f.handledAt < :end';
  const row = await dataSource
    .createQueryBuilder()
    .from('procedure_feedback', 'f')
    .select('SUM(CASE WHEN f.receivedAt >= :start THEN 1 ELSE 0 END)', 'received')
    .addSelect('SUM(CASE WHEN f.receivedAt < :start THEN 1 ELSE 0 END)', 'carriedOver')
    .addSelect(`SUM(CASE WHEN ${handled} THEN 1 ELSE 0 END)`, 'handled')
    .addSelect(`SUM(CASE WHEN ${handled} AND f.handledAt <= f.dueAt THEN 1 ELSE 0 END)`, 'handledOnTime')
    .addSelect('SUM(CASE WHEN f.handledAt IS NULL OR f.handledAt >= :end THEN 1 ELSE 0 END)', 'pending')
    .where(subtree.sql, subtree.parameters)
    .andWhere('f.receivedAt < :end AND (f.handledAt IS NULL OR f.handledAt >= :start)')
    .setParameters({ start: period.start, end: period.end })
    .getRawOne<Record<string, unknown>>();
  return Object.fromEntries(['received', 'carriedOver', 'handled', 'handledOnTime', 'pending'].map((name) => [name, toNumber(row?.[name])]));
}
