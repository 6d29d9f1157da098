import { ArgsType, Field, Int } from 'type-graphql';
import { SyncPageArgs } from '../../core/updated-since';
import { InspectionStatus } from './inspection-status';

@ArgsType()
export class InspectionListArgs extends SyncPageArgs {
  @Field(() => Int, { nullable: true, description: 'Only inspections under the plans of this year.' })
  year?: number;

  @Field(() => InspectionStatus, { nullable: true, description: 'Only inspections in this status; every status when omitted.' })
  status?: InspectionStatus;
}
