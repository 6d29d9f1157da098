import type { SubgraphContext } from '../../core/context';
import { toNumber } from '../../core/database';
import { isWithin, subtreeCondition, territoryOf } from '../../core/access';
import type { UnitRecord } from '../../core/institutions/records';
import { Feedback } from '../feedback/feedback';
import { whereInForce } from '../procedure/catalogue-scope';
import { Procedure } from '../procedure/procedure';
import type { Period } from '../../core/time';
import { dossierAggregates, provincePathOf } from './dossier-aggregates';
import { countsFrom } from './dossier-counts';
import { computeIndex, type IndexInputs } from './service-index';
import type { ServiceIndexRank } from './service-index-rank';

/** The raw sums of one stored province path ('VN/62/', 'VN/51@2025/'), as the three statements give them. */
interface RawInputs {
  procedures: number;
  nationalPortal: number;
  onlineServices: number;
  /** Dossier counters by name (`dossierAggregates` columns). */
  dossiers: Record<string, number>;
  feedbackHandled: number;
  feedbackOpen: number;
}

/**
 * The index inputs of every stored province path with data over the period, in three grouped
 * statements (catalogue, dossiers, feedback). Paths of both trees come back, each as its own key.
 */
async function inputsByProvincePath(context: SubgraphContext, period: Period, to: string): Promise<Map<string, RawInputs>> {
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
      .select(provincePathOf('f.unitPath'), 'province')
      .addSelect('SUM(CASE WHEN f.handledAt >= :start AND f.handledAt < :end THEN 1 ELSE 0 END)', 'handled')
      .addSelect('COUNT(*)', 'open')
      .where(nation.sql, nation.parameters)
      .andWhere('f.receivedAt < :end AND (f.handledAt IS NULL OR f.handledAt >= :start)')
      .setParameters({ start: period.start, end: period.end })
      .groupBy(provincePathOf('f.unitPath'))
      .getRawMany(),
  ]);
  const inputs = new Map<string, RawInputs>();
  const of = (province: string) =>
    inputs.get(province) ??
    inputs.set(province, { procedures: 0, nationalPortal: 0, onlineServices: 0, dossiers: {}, feedbackHandled: 0, feedbackOpen: 0 }).get(province)!;
  for (const row of catalogue) {
    Object.assign(of(row.province), { procedures: toNumber(row.total), nationalPortal: toNumber(row.nationalPortal), onlineServices: toNumber(row.onlineServices) });
  }
  for (const { groupKey, ...counters } of dossiers) {
    of(String(groupKey)).dossiers = Object.fromEntries(Object.entries(counters).map(([name, value]) => [name, toNumber(value)]));
  }
  for (const row of feedback) Object.assign(of(row.province), { feedbackHandled: toNumber(row.handled), feedbackOpen: toNumber(row.open) });
  return inputs;
}

/** One province's inputs: the sums over the stored paths of its territory (rule 13); null when none has data. */
function inputsOfProvince(province: UnitRecord, byPath: Map<string, RawInputs>): IndexInputs | null {
  const territory = territoryOf(province);
  const parts = [...byPath.entries()].filter(([path]) => territory.some((unit) => isWithin(path, unit))).map(([, inputs]) => inputs);
  if (parts.length === 0) return null;
  const add = (pick: (inputs: RawInputs) => number) => parts.reduce((sum, inputs) => sum + pick(inputs), 0);
  const dossiers: Record<string, number> = {};
  for (const part of parts) for (const [name, value] of Object.entries(part.dossiers)) dossiers[name] = (dossiers[name] ?? 0) + value;
  return {
    procedures: add((inputs) => inputs.procedures),
    nationalPortal: add((inputs) => inputs.nationalPortal),
    onlineServices: add((inputs) => inputs.onlineServices),
    dossiers: countsFrom(dossiers),
    feedbackHandled: add((inputs) => inputs.feedbackHandled),
    feedbackOpen: add((inputs) => inputs.feedbackOpen),
  };
}

/**
 * The day whose provinces a province is ranked among: the period's last day, moved into the
 * province's own life (docs/architecture.md rule 13). Kon Tum (62, until 2025-06-30) is ranked
 * among the 63 provinces even for a period running into 2026; Quảng Ngãi 51@2025 among the 34,
 * each over its territory and lineage, even for 2023.
 */
export function rankingDay(province: Pick<UnitRecord, 'validFrom' | 'validTo'>, to: string): string {
  if (province.validFrom !== null && to < province.validFrom) return province.validFrom;
  if (province.validTo !== null && to > province.validTo) return province.validTo;
  return to;
}

/**
 * `inputsByProvincePath` once per request and period, whatever the number of provinces ranked
 * (a batch of `_entities` representations: docs/architecture.md, "Entity batches").
 */
const sharedInputs = async (context: SubgraphContext, period: Period, to: string) =>
  (await context.loaders
    .get<string, Map<string, RawInputs>>('service-index:inputs-by-province', (keys) =>
      Promise.all(keys.map((key) => inputsByProvincePath(context, ...(JSON.parse(key) as [Period, string])))),
    )
    .load(JSON.stringify([period, to])))!;

/**
 * The rank of one province among the provinces in force with it (`rankingDay`) that have data,
 * each over its territory: 1 + how many score strictly higher. One lookup of the provinces
 * (cached) and three statements, whatever the tree.
 */
export async function rankProvince(context: SubgraphContext, province: UnitRecord, period: Period, to: string): Promise<ServiceIndexRank> {
  const [provinces, byPath] = await Promise.all([context.institutions.units.provincesOn(rankingDay(province, to)), sharedInputs(context, period, to)]);
  const scores = provinces.flatMap((peer) => {
    const inputs = inputsOfProvince(peer, byPath);
    return inputs ? [{ id: peer.id, ...computeIndex(inputs) }] : [];
  });
  const own = scores.find((score) => score.id === province.id) ?? { id: province.id, ...computeIndex(null) };
  const rankBy = (points: (score: (typeof scores)[number]) => number) => 1 + scores.filter((score) => points(score) > points(own)).length;
  return {
    overall: rankBy((score) => score.totalHundredths),
    publicity: rankBy((score) => score.groups[0].hundredths),
    progress: rankBy((score) => score.groups[1].hundredths),
    digitization: rankBy((score) => score.groups[2].hundredths),
    onlineService: rankBy((score) => score.groups[3].hundredths),
    satisfaction: rankBy((score) => score.groups[4].hundredths),
    outOf: scores.some((score) => score.id === province.id) ? scores.length : scores.length + 1,
  };
}
