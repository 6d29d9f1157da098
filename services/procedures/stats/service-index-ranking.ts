import type { SubgraphContext } from '../../core/context';
import { toNumber } from '../../core/database';
import { subtreeCondition } from '../../core/access';
import { Feedback } from '../feedback/feedback';
import { whereInForce } from '../procedure/catalogue-scope';
import { Procedure } from '../procedure/procedure';
import type { Period } from '../../core/time';
import { dossierAggregates, PROVINCE_PATH_LENGTH } from './dossier-aggregates';
import { countsFrom } from './dossier-counts';
import { computeIndex, type IndexInputs } from './service-index';
import type { ServiceIndexRank } from './service-index-rank';

/**
 * The index inputs of every province over the period, in three grouped statements (catalogue,
 * dossiers, feedback), keyed by the province's stored path ('VN/62/').
 */
async function inputsOfEveryProvince(context: SubgraphContext, period: Period, to: string): Promise<Map<string, IndexInputs>> {
  const nation = subtreeCondition('f.unitPath', 'VN');
  const [catalogue, dossiers, feedback] = await Promise.all([
    whereInForce(context.dataSource.getRepository(Procedure).createQueryBuilder('p'), 'p', to)
      .select('p.unitPath', 'province')
      .addSelect('COUNT(*)', 'total')
      .addSelect('SUM(CASE WHEN p.nationalPortal = 1 THEN 1 ELSE 0 END)', 'nationalPortal')
      .addSelect("SUM(CASE WHEN p.onlineService <> 'NONE' THEN 1 ELSE 0 END)", 'onlineServices')
      .groupBy('p.unitPath')
      .getRawMany(),
    dossierAggregates(context, 'VN', period, 'province'),
    context.dataSource
      .getRepository(Feedback)
      .createQueryBuilder('f')
      .select(`SUBSTR(f.unitPath, 1, ${PROVINCE_PATH_LENGTH})`, 'province')
      .addSelect('SUM(CASE WHEN f.handledAt >= :start AND f.handledAt < :end THEN 1 ELSE 0 END)', 'handled')
      .addSelect('COUNT(*)', 'open')
      .where(nation.sql, nation.parameters)
      .andWhere('f.receivedAt < :end AND (f.handledAt IS NULL OR f.handledAt >= :start)')
      .setParameters({ start: period.start, end: period.end })
      .groupBy(`SUBSTR(f.unitPath, 1, ${PROVINCE_PATH_LENGTH})`)
      .getRawMany(),
  ]);
  const empty = (): IndexInputs => ({ procedures: 0, nationalPortal: 0, onlineServices: 0, dossiers: countsFrom({}), feedbackHandled: 0, feedbackOpen: 0 });
  const inputs = new Map<string, IndexInputs>();
  const of = (province: string) => inputs.get(province) ?? inputs.set(province, empty()).get(province)!;
  for (const row of catalogue) {
    Object.assign(of(row.province), { procedures: toNumber(row.total), nationalPortal: toNumber(row.nationalPortal), onlineServices: toNumber(row.onlineServices) });
  }
  for (const row of dossiers) of(String(row.groupKey)).dossiers = countsFrom(row);
  for (const row of feedback) Object.assign(of(row.province), { feedbackHandled: toNumber(row.handled), feedbackOpen: toNumber(row.open) });
  return inputs;
}

/** The rank of one province among all provinces with data: 1 + how many score strictly higher. */
export async function rankProvince(context: SubgraphContext, provincePath: string, period: Period, to: string): Promise<ServiceIndexRank> {
  const scores = [...(await inputsOfEveryProvince(context, period, to)).entries()].map(([province, inputs]) => ({ province, ...computeIndex(inputs) }));
  const own = scores.find((score) => score.province === provincePath) ?? { province: provincePath, ...computeIndex(null) };
  const rankBy = (points: (score: (typeof scores)[number]) => number) => 1 + scores.filter((score) => points(score) > points(own)).length;
  return {
    overall: rankBy((score) => score.totalHundredths),
    publicity: rankBy((score) => score.groups[0].hundredths),
    progress: rankBy((score) => score.groups[1].hundredths),
    digitization: rankBy((score) => score.groups[2].hundredths),
    onlineService: rankBy((score) => score.groups[3].hundredths),
    satisfaction: rankBy((score) => score.groups[4].hundredths),
    outOf: scores.some((score) => score.province === provincePath) ? scores.length : scores.length + 1,
  };
}
