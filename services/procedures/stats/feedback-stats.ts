import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import type { SubgraphContext } from '../../core/context';
import { toNumber } from '../../core/database';
import { rowsByKey, whereInTerritories, type TerritoryBatch, type UnitPath } from '../../core/access';
import { Feedback } from '../feedback/feedback';
import { cutPercent } from '../../core/percent';
import type { Period } from '../../core/time';

@ServiceScope('indicators:read')
@ObjectType({ description: 'Phản ánh, kiến nghị (PAKN) on procedures: feedback received and handled over a period.' })
export class FeedbackStats {
  @Field(() => Int, { description: 'Received within the period.' })
  received!: number;

  @Field(() => Int, { description: 'Received before the period and not yet handled at its start.' })
  carriedOver!: number;

  @Field(() => Int, { description: 'Handled within the period.' })
  handled!: number;

  @Field(() => Int, { description: 'Handled within the period by the due day.' })
  handledOnTime!: number;

  @Field(() => Int, { description: 'Not handled at the end of the period.' })
  pending!: number;

  @Field(() => Float, { nullable: true, description: 'handled / (received + carriedOver), percent cut to two decimals.' })
  handledRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'handledOnTime / handled, percent cut to two decimals.' })
  onTimeRate!: number | null;
}

/** Feedback of a unit's territory (its public paths, rule 13) over the period. */
export async function feedbackStats(context: SubgraphContext, territory: UnitPath | readonly UnitPath[], period: Period): Promise<FeedbackStats> {
  return feedbackFrom((await feedbackRows(context, territory, period))[0]);
}

/** The same for a batch of territories in one statement (docs/architecture.md, "Entity batches"), by key. */
export async function feedbackStatsByKey(context: SubgraphContext, batch: TerritoryBatch, period: Period): Promise<Map<string, FeedbackStats>> {
  const rows = rowsByKey(batch, await feedbackRows(context, batch, period));
  return new Map([...rows].map(([key, [row]]) => [key, feedbackFrom(row)]));
}

function feedbackRows(context: SubgraphContext, territory: UnitPath | readonly UnitPath[] | TerritoryBatch, period: Period) {
  const handled = 'f.handledAt >= :start AND f.handledAt < :end';
  const query = context.dataSource
    .getRepository(Feedback)
    .createQueryBuilder('f')
    .select('SUM(CASE WHEN f.receivedAt >= :start THEN 1 ELSE 0 END)', 'received')
    .addSelect('SUM(CASE WHEN f.receivedAt < :start THEN 1 ELSE 0 END)', 'carriedOver')
    .addSelect(`SUM(CASE WHEN ${handled} THEN 1 ELSE 0 END)`, 'handled')
    .addSelect(`SUM(CASE WHEN ${handled} AND f.handledAt <= f.dueAt THEN 1 ELSE 0 END)`, 'handledOnTime')
    .addSelect('SUM(CASE WHEN f.handledAt IS NULL OR f.handledAt >= :end THEN 1 ELSE 0 END)', 'pending');
  return whereInTerritories(query, 'f.unitPath', territory)
    .andWhere('f.receivedAt < :end AND (f.handledAt IS NULL OR f.handledAt >= :start)')
    .setParameters({ start: period.start, end: period.end })
    .getRawMany<Record<string, unknown>>();
}

function feedbackFrom(row: Record<string, unknown> | undefined): FeedbackStats {
  const value = (name: string) => toNumber(row?.[name]);
  return {
    received: value('received'),
    carriedOver: value('carriedOver'),
    handled: value('handled'),
    handledOnTime: value('handledOnTime'),
    pending: value('pending'),
    handledRate: cutPercent(value('handled'), value('received') + value('carriedOver')),
    onTimeRate: cutPercent(value('handledOnTime'), value('handled')),
  };
}
