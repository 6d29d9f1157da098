import { Field, ID, InputType } from 'type-graphql';
import { LocalDate } from '../../core/input';
import { FindingInput } from '../finding/finding-inputs';
import { CLIENT_KEY_DESCRIPTION } from '../../core/idempotency';

@InputType({ description: 'Schedules the inspection of one target of a plan.' })
export class ScheduleInspectionInput {
  @Field(() => String, { nullable: true, description: CLIENT_KEY_DESCRIPTION })
  clientKey?: string | null;

  @Field(() => ID)
  planId!: string;

  @Field(() => ID, { description: 'One of the target agencies of the plan.' })
  targetAgencyId!: string;

  @Field(() => LocalDate)
  scheduledOn!: string;

  @Field(() => [ID], { description: "Officials of the team (1 to 20), the head first, within the inspecting unit's subtree." })
  teamOfficialIds!: string[];
}

@InputType({ description: 'The team is on site.' })
export class StartInspectionInput {
  @Field(() => ID)
  inspectionId!: string;

  @Field(() => LocalDate)
  conductedOn!: string;
}

@InputType({ description: 'Issues the conclusion of an inspection, with what it found. Final: a concluded inspection cannot be reopened.' })
export class ConcludeInspectionInput {
  @Field(() => ID)
  inspectionId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day on site; required unless the inspection was started.' })
  conductedOn?: string;

  @Field(() => LocalDate, { description: 'Day of the conclusion: on or after the day on site.' })
  concludedOn!: string;

  @Field()
  conclusion!: string;

  @Field(() => [FindingInput], { defaultValue: [] })
  findings!: FindingInput[];
}

@InputType()
export class CancelInspectionInput {
  @Field(() => ID)
  inspectionId!: string;

  @Field()
  reason!: string;
}
