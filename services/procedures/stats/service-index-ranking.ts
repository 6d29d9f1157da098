import type { SubgraphContext } from '../../core/context';
import { toNumber } from '../../core/database';
import { isWithin, territoryOf } from '../../core/access';
import type { UnitRecord } from '../../core/institutions/records';
import { whereInForce } from '../procedure/catalogue-scope';
import { Procedure } from '../procedure/procedure';
import type { Period } from '../../core/time';
import { DOSSIER_SUMS, FEEDBACK_SUMS, IN_PERIOD_ROW, scopeTotals, totalsScopes } from '../rollups/sums';
import { countsFrom } from './dossier-counts';
import { computeIndex, type IndexInputs } from './service-index';
import type { ServiceIndexRank } from './service-index-rank';

/**
 * The index inputs of every province in force on the ranking day, in two grouped statements:
 * the catalogue by province path, and the dossier and feedback counters from the rollups' totals
 * rows of every path of the provinces' territories (rule 13), each path its own key.
 */
const OVERLAP = `SUM(CASE WHEN ${IN_PERIOD_ROW} THEN r.received + r.returned + r.feedbackReceived ELSE r.received - r.closed + r.feedbackReceived - r.feedbackHandled END)`;

async function inputsByPath(context: SubgraphContext, provinces: UnitRecord[], period: Period, to: string) {
  const scopes = [...new Set(provinces.flatMap((province) => totalsScopes(territoryOf(province))))];
  const [catalogue, totals] = await Promise.all([
    whereInForce(context.dataSource.getRepository(Procedure).createQueryBuilder('p'), 'p', to)
      .select('p.unitPath', 'province')
      .addSelect('COUNT(*)', 'total')
      .addSelect('SUM(CASE WHEN p.nationalPortal = 1 THEN 1 ELSE 0 END)', 'nationalPortal')
      .addSelect("SUM(CASE WHEN p.onlineService <> 'NONE' THEN 1 ELSE 0 END)", 'onlineServices')
      .groupBy('p.unitPath')
      .getRawMany(),
    scopeTotals(context, scopes, period, { ...DOSSIER_SUMS, ...FEEDBACK_SUMS, overlap: OVERLAP }),
  ]);
  const numbers = (row: Record<string, unknown>): Record<string, number> => Object.fromEntries(Object.entries(row).map(([name, value]) => [name, toNumber(value)]));
  return { catalogue, totals: new Map(totals.map(({ groupKey, ...sums }) => [String(groupKey), numbers(sums)])) };
}

/** One province's inputs: the catalogue within its territory, the counters of its territory's scopes; null when none has data. */
function inputsOfProvince(province: UnitRecord, byPath: Awaited<ReturnType<typeof inputsByPath>>): IndexInputs | null {
  const territory = territoryOf(province);
  const catalogue = byPath.catalogue.filter((row) => territory.some((unit) => isWithin(String(row.province), unit)));
  // A scope has data when a dossier or a feedback of it overlaps the period.
  const totals = totalsScopes(territory).flatMap((scope) => {
    const row = byPath.totals.get(scope);
    return row && row.overlap > 0 ? [row] : [];
  });
  if (catalogue.length === 0 && totals.length === 0) return null;
  const sum = (name: string) => totals.reduce((total, row) => total + (row[name] ?? 0), 0);
  const dossiers: Record<string, number> = Object.fromEntries(Object.keys(DOSSIER_SUMS).map((name) => [name, sum(name)]));
  return {
    procedures: catalogue.reduce((total, row) => total + toNumber(row.total), 0),
    nationalPortal: catalogue.reduce((total, row) => total + toNumber(row.nationalPortal), 0),
    onlineServices: catalogue.reduce((total, row) => total + toNumber(row.onlineServices), 0),
    dossiers: countsFrom(dossiers),
    feedbackHandled: sum('feedbackHandled'),
    feedbackOpen: sum('feedbackReceived') + sum('feedbackCarriedOver'),
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
 * `inputsByPath` once per request and period, whatever the number of provinces ranked (a batch
 * of `_entities` representations: docs/architecture.md, "Entity batches"): the ranking days asked
 * together (provinces of both trees) are answered by one `inputsByPath` over all their provinces.
 */
const sharedInputs = async (context: SubgraphContext, period: Period, to: string, day: string) =>
  (await context.loaders
    .get<string, Awaited<ReturnType<typeof inputsByPath>>>('service-index:inputs-by-path', async (keys) => {
      const asked = keys.map((key) => JSON.parse(key) as [Period, string, string]);
      const inputs = new Map<string, Promise<Awaited<ReturnType<typeof inputsByPath>>>>();
      for (const [keyPeriod, keyTo] of asked) {
        const group = JSON.stringify([keyPeriod, keyTo]);
        if (inputs.has(group)) continue;
        const days = [...new Set(asked.filter(([p, t]) => JSON.stringify([p, t]) === group).map(([, , keyDay]) => keyDay))];
        inputs.set(
          group,
          Promise.all(days.map((keyDay) => context.institutions.units.provincesOn(keyDay))).then((lists) =>
            inputsByPath(context, [...new Map(lists.flat().map((unit) => [unit.id, unit])).values()], keyPeriod, keyTo),
          ),
        );
      }
      return Promise.all(asked.map(([keyPeriod, keyTo]) => inputs.get(JSON.stringify([keyPeriod, keyTo]))!));
    })
    .load(JSON.stringify([period, to, day])))!;

/**
 * The rank of one province among the provinces in force with it (`rankingDay`) that have data,
 * each over its territory: 1 + how many score strictly higher. One lookup of the provinces
 * (cached) and three statements, whatever the tree.
 */
export async function rankProvince(context: SubgraphContext, province: UnitRecord, period: Period, to: string): Promise<ServiceIndexRank> {
  const day = rankingDay(province, to);
  const [provinces, byPath] = await Promise.all([context.institutions.units.provincesOn(day), sharedInputs(context, period, to, day)]);
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
