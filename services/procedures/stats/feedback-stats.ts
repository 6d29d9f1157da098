import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import type { SubgraphContext } from '../../core/context';
import { toNumber } from '../../core/database';
import type { TerritoryBatch, UnitPath } from '../../core/access';
import { batchTotals, FEEDBACK_SUMS, territoryTotals } from '../rollups/sums';
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

/** Feedback of a unit's territory (its public paths, rule 13) over the period, summed from the rollups (rule 15). */
export async function feedbackStats(context: SubgraphContext, territory: UnitPath | readonly UnitPath[], period: Period): Promise<FeedbackStats> {
  return feedbackFrom(await territoryTotals(context, territory, period, FEEDBACK_SUMS));
}

/** The same for a batch of territories in one statement (docs/architecture.md, "Entity batches"), by key. */
export async function feedbackStatsByKey(context: SubgraphContext, batch: TerritoryBatch, period: Period): Promise<Map<string, FeedbackStats>> {
  const rows = await batchTotals(context, batch, period, FEEDBACK_SUMS);
  return new Map(rows.map((row) => [String(row.batchKey), feedbackFrom(row)]));
}

function feedbackFrom(row: Record<string, unknown>): FeedbackStats {
  const value = (name: string) => toNumber(row[name]);
  return {
    received: value('feedbackReceived'),
    carriedOver: value('feedbackCarriedOver'),
    handled: value('feedbackHandled'),
    handledOnTime: value('feedbackHandledOnTime'),
    pending: value('feedbackPending'),
    handledRate: cutPercent(value('feedbackHandled'), value('feedbackReceived') + value('feedbackCarriedOver')),
    onTimeRate: cutPercent(value('feedbackHandledOnTime'), value('feedbackHandled')),
  };
}
