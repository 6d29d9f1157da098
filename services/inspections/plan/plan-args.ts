import { ArgsType, Field, Int } from 'type-graphql';
import { SyncPageArgs } from '../../core/updated-since';

@ArgsType()
export class PlanListArgs extends SyncPageArgs {
  @Field(() => Int, { nullable: true, description: 'Only plans for this calendar year; all years when omitted.' })
  year?: number;

  @Field(() => String, { nullable: true, description: 'Only the plans of this inspecting unit (not of the units below it).' })
  unitCode?: string;
}
