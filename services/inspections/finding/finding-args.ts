import { ArgsType, Field, registerEnumType } from 'type-graphql';
import { PageArgs } from '../../core/pagination';

export enum FindingState {
  OPEN = 'OPEN',
  OVERDUE = 'OVERDUE',
  REMEDIATED = 'REMEDIATED',
}

registerEnumType(FindingState, {
  name: 'FindingState',
  description: 'OPEN: not yet remedied; OVERDUE: not remedied and its due date has passed (Vietnam time); REMEDIATED: remedied.',
});

@ArgsType()
export class FindingListArgs extends PageArgs {
  @Field(() => FindingState, { nullable: true, description: 'Default: every finding.' })
  state?: FindingState;
}

@ArgsType()
export class OpenFindingArgs extends PageArgs {
  @Field({ defaultValue: false, description: 'Only the findings whose remediation due date has passed.' })
  overdueOnly!: boolean;
}
