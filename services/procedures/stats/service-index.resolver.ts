import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../core/context';
import { assertCoversUnit } from '../../core/unit-scope';
import { UnitRef } from '../federation/unit-ref';
import { periodOf } from '../time/vietnam-time';
import { dossierAggregates } from './dossier-aggregates';
import { countsFrom } from './dossier-counts';
import { feedbackStats } from './feedback-stats';
import { procedureCatalog } from './procedure-catalog';
import { indexGroup, indexInput, ServiceIndex } from './service-index';

/**
 * The Decision 766 index of a unit over a period, from three aggregates: the catalogue in force
 * at the end of the period, the dossier counters and the feedback counters (README, "Service
 * index", has each formula).
 */
@Resolver(() => UnitRef)
export class ServiceIndexResolver {
  @FieldResolver(() => ServiceIndex, { nullable: true, description: 'Decision 766/QĐ-TTg index over the period, each group with its inputs.' })
  async serviceIndex(
    @Root() unit: UnitRef,
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Ctx() context: SubgraphContext,
  ): Promise<ServiceIndex> {
    const period = periodOf(from, to);
    const record = await assertCoversUnit(context, unit.id, 'The service index');
    const [catalogue, [row], feedback] = await Promise.all([
      procedureCatalog(context, record, to, undefined),
      dossierAggregates(context, record.path, period),
      feedbackStats(context, record.path, period),
    ]);
    const dossiers = countsFrom(row ?? {});
    const onlineServices = catalogue.byOnlineService.filter((entry) => entry.service !== 'NONE').reduce((sum, entry) => sum + entry.count, 0);
    const groups = [
      indexGroup('PUBLICITY', 18, [indexInput('procedures integrated with the National Public Service Portal / procedures in force', catalogue.nationalPortal, catalogue.total, 18)]),
      indexGroup('PROGRESS', 20, [indexInput('resolvedOnTime / resolved', dossiers.resolvedOnTime, dossiers.resolved, 20)]),
      indexGroup('DIGITIZATION', 22, [indexInput('digitizedComponents / components', dossiers.digitizedComponents, dossiers.components, 22)]),
      indexGroup('ONLINE_SERVICE', 22, [
        indexInput('procedures with a FULL or PARTIAL online service / procedures in force', onlineServices, catalogue.total, 11),
        indexInput('receivedOnline / receivedInPeriod', dossiers.receivedOnline, dossiers.receivedInPeriod, 11),
      ]),
      indexGroup('SATISFACTION', 18, [
        indexInput('satisfied / rated', dossiers.satisfied, dossiers.rated, 9),
        indexInput('feedback handled / feedback received and carried over', feedback.handled, feedback.received + feedback.carriedOver, 9),
      ]),
    ];
    const [publicity, progress, digitization, onlineService, satisfaction] = groups.map(({ hundredths: _cut, ...group }) => group);
    return {
      from,
      to,
      total: groups.reduce((sum, group) => sum + group.hundredths, 0) / 100,
      publicity,
      progress,
      digitization,
      onlineService,
      satisfaction,
    };
  }
}
