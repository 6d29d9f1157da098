import { ArgsType, Field } from 'type-graphql';
import { graphqlEnum } from '../../core/graphql-enum';
import { SyncPageArgs } from '../../core/updated-since';

export const FindingState = graphqlEnum(
  'FindingState',
  'OPEN: not yet remedied; OVERDUE: not remedied and its due date has passed (Vietnam time); REMEDIATED: remedied.',
  {
    OPEN: 'Not yet remedied, within its due date.',
    OVERDUE: 'Not remedied and its due date has passed (Vietnam time).',
    REMEDIATED: 'Remedied (khắc phục), with the day it was.',
  },
);
export type FindingState = (typeof FindingState)[keyof typeof FindingState];

@ArgsType()
export class FindingListArgs extends SyncPageArgs {
  @Field(() => FindingState, { nullable: true, description: 'Default: every finding.' })
  state?: FindingState;
}

@ArgsType()
export class OpenFindingArgs extends SyncPageArgs {
  @Field({ defaultValue: false, description: 'Only the findings whose remediation due date has passed.' })
  overdueOnly!: boolean;
}
