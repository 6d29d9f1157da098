import type { SubgraphContext } from '../../core/context';
import { assertCoversUnit, territoryOf } from '../../core/access';
import { periodOf } from '../../core/time';
import { dossierAggregates } from './dossier-aggregates';
import { countsFrom } from './dossier-counts';
import { feedbackStats } from './feedback-stats';
import { procedureCatalog } from './procedure-catalog';
import { computeIndex, ServiceIndex } from './service-index';
import { rankProvince } from './service-index-ranking';

/**
 * The Decision 766 index of a unit over a period, from three aggregates: the catalogue in force
 * at the end of the period, the dossier counters and the feedback counters (README, "Service
 * index", has each formula), each over the unit's territory (rule 13). A province is also ranked
 * among the provinces in force with it that have data (`rankProvince`); the rank is a position
 * only, no other province's figures. FORBIDDEN for a unit outside the scope (rule 2).
 */
export async function unitServiceIndex(context: SubgraphContext, unitId: string, from: string, to: string): Promise<ServiceIndex> {
  const period = periodOf(from, to);
  const record = await assertCoversUnit(context, unitId, 'The service index');
  const [catalogue, [row], feedback] = await Promise.all([
    procedureCatalog(context, record, to, undefined),
    dossierAggregates(context, territoryOf(record), period),
    feedbackStats(context, territoryOf(record), period),
  ]);
  const onlineServices = catalogue.byOnlineService.filter((entry) => entry.service !== 'NONE').reduce((sum, entry) => sum + entry.count, 0);
  const { groups, totalHundredths } = computeIndex({
    procedures: catalogue.total,
    nationalPortal: catalogue.nationalPortal,
    onlineServices,
    dossiers: countsFrom(row ?? {}),
    feedbackHandled: feedback.handled,
    feedbackOpen: feedback.received + feedback.carriedOver,
  });
  const [publicity, progress, digitization, onlineService, satisfaction] = groups.map(({ hundredths: _cut, ...group }) => group);
  const rank = record.level === 'PROVINCE' ? await rankProvince(context, record, period, to) : null;
  return { from, to, total: totalHundredths / 100, publicity, progress, digitization, onlineService, satisfaction, rank };
}
