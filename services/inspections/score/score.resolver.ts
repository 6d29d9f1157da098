import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import type { SubgraphContext } from '../../core/context';
import { ReformScore } from './reform-score';
import { recordReformScore } from './record-score';
import { RecordReformScoreInput } from './score-inputs';

@Resolver(() => ReformScore)
export class ScoreResolver {
  @Mutation(() => ReformScore, { description: 'Records (replaces) the reform results of a unit below yours for a year (INSPECTOR of its parent unit).' })
  @ServiceScope('closed')
  recordReformScore(@Arg('input', { description: 'The unit, year and results to record.' }) input: RecordReformScoreInput, @Ctx() context: SubgraphContext) {
    return recordReformScore(context, input);
  }
}
