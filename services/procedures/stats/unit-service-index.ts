import type { SubgraphContext } from '../../core/context';
import { batchOf, rowsByKey } from '../../core/access';
import type { UnitRecord } from '../../core/institutions/records';
import { periodOf } from '../../core/time';
import { dossierAggregates } from './dossier-aggregates';
import { countsFrom } from './dossier-counts';
import { feedbackStatsByKey } from './feedback-stats';
import { procedureCatalogs } from './procedure-catalog';
import { computeIndex, ServiceIndex } from './service-index';
import { rankProvince } from './service-index-ranking';

/**
 * The Decision 766 index of units over a period, from three aggregates: the catalogue in force
 * at the end of the period, the dossier counters and the feedback counters (README, "Service
 * index", has each formula), each over the unit's territory (rule 13). A province is also ranked
 * among the provinces in force with it that have data (`rankProvince`); the rank is a position
 * only, no other province's figures. The caller has checked each unit is within the scope (rule 2).
 * Any number of units in the same statements (docs/architecture.md, "Entity batches").
 */
export async function unitServiceIndexes(context: SubgraphContext, units: readonly UnitRecord[], from: string, to: string): Promise<ServiceIndex[]> {
  const period = periodOf(from, to);
  const batch = batchOf(units);
  const [catalogues, dossierRows, feedbacks] = await Promise.all([
    procedureCatalogs(context, units, to, undefined),
    dossierAggregates(context, batch, period),
    feedbackStatsByKey(context, batch, period),
  ]);
  const dossiers = rowsByKey(batch, dossierRows);
  return Promise.all(
    units.map(async (record, index) => {
      const catalogue = catalogues[index];
      const feedback = feedbacks.get(record.id)!;
      const { batchKey: _key, ...row } = dossiers.get(record.id)?.[0] ?? {};
      const onlineServices = catalogue.byOnlineService.filter((entry) => entry.service !== 'NONE').reduce((sum, entry) => sum + entry.count, 0);
      const { groups, totalHundredths } = computeIndex({
        procedures: catalogue.total,
        nationalPortal: catalogue.nationalPortal,
        onlineServices,
        dossiers: countsFrom(row),
        feedbackHandled: feedback.handled,
        feedbackOpen: feedback.received + feedback.carriedOver,
      });
      const [publicity, progress, digitization, onlineService, satisfaction] = groups.map(({ hundredths: _cut, ...group }) => group);
      const rank = record.level === 'PROVINCE' ? await rankProvince(context, record, period, to) : null;
      return { from, to, total: totalHundredths / 100, publicity, progress, digitization, onlineService, satisfaction, rank };
    }),
  );
}
