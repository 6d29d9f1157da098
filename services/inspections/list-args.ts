import { ArgsType, Field, Int, registerEnumType } from 'type-graphql';
import { PageArgs } from '../core/pagination';
import { InspectionStatus } from './inspection/inspection-status';

@ArgsType()
export class InspectionListArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: 'Only inspections under the plans of this year.' })
  year?: number;

  @Field(() => InspectionStatus, { nullable: true })
  status?: InspectionStatus;
}

@ArgsType()
export class PlanListArgs extends PageArgs {
  @Field(() => Int, { nullable: true })
  year?: number;

  @Field(() => String, { nullable: true, description: 'Only the plans of this inspecting unit (not of the units below it).' })
  unitCode?: string;
}

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
