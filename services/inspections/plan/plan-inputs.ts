import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDate } from '../../core/input';
import { CLIENT_KEY_DESCRIPTION } from '../../core/idempotency';

@InputType({ description: 'A yearly inspection plan of your unit.' })
export class CreateInspectionPlanInput {
  @Field(() => String, { nullable: true, description: CLIENT_KEY_DESCRIPTION })
  clientKey?: string | null;

  @Field({ description: 'Code of the inspecting unit: your own unit (ADMIN: or one below it).' })
  unitCode!: string;

  @Field(() => Int, { description: 'Calendar year the plan covers, for example 2026.' })
  year!: number;

  @Field(() => Int, { description: 'Share (percent, 1 to 100) of the agencies and units below to inspect directly.' })
  coverageTarget!: number;

  @Field({ description: 'Number of the deciding document, for example "125/QĐ-UBND".' })
  decisionNumber!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day the plan was decided (LocalDate, YYYY-MM-DD, Vietnam time); null when not given.' })
  decidedOn?: string;

  @Field(() => [ID], {
    description: "Agencies to inspect (1 to 500), within the inspecting unit's subtree: a department, or the People's Committee of a district or commune for that unit as a whole.",
  })
  targetAgencyIds!: string[];
}
