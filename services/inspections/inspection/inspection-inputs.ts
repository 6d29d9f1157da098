import { Field, ID, InputType } from 'type-graphql';
import { LocalDate } from '../../core/input';
import { FindingInput } from '../finding/finding-inputs';
import { CLIENT_KEY_DESCRIPTION } from '../../core/idempotency';

@InputType({ description: 'Schedules the inspection of one target of a plan.' })
export class ScheduleInspectionInput {
  @Field(() => String, { nullable: true, description: CLIENT_KEY_DESCRIPTION })
  clientKey?: string | null;

  @Field(() => ID, { description: 'Id of the inspection plan the inspection belongs to.' })
  planId!: string;

  @Field(() => ID, { description: 'One of the target agencies of the plan.' })
  targetAgencyId!: string;

  @Field(() => LocalDate, { description: 'Day it is scheduled for (LocalDate, YYYY-MM-DD, Vietnam time).' })
  scheduledOn!: string;

  @Field(() => [ID], { description: "Officials of the team (1 to 20), the head first, within the inspecting unit's subtree." })
  teamOfficialIds!: string[];
}

@InputType({ description: 'The team is on site.' })
export class StartInspectionInput {
  @Field(() => ID, { description: 'Id of the inspection to start; it must be planned.' })
  inspectionId!: string;

  @Field(() => LocalDate, { description: 'Day the inspection began (LocalDate, YYYY-MM-DD, Vietnam time).' })
  conductedOn!: string;
}

@InputType({ description: 'Issues the conclusion of an inspection, with what it found. Final: a concluded inspection cannot be reopened.' })
export class ConcludeInspectionInput {
  @Field(() => ID, { description: 'Id of the inspection to conclude; it must be in progress.' })
  inspectionId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day on site; required unless the inspection was started.' })
  conductedOn?: string;

  @Field(() => LocalDate, { description: 'Day of the conclusion: on or after the day on site.' })
  concludedOn!: string;

  @Field({ description: 'The conclusion (kết luận thanh tra) of the inspection, as text.' })
  conclusion!: string;

  @Field(() => [FindingInput], { defaultValue: [], description: 'Findings recorded together with the conclusion; none when omitted.' })
  findings!: FindingInput[];
}

@InputType({ description: 'Cancels a planned or in-progress inspection, with the reason.' })
export class CancelInspectionInput {
  @Field(() => ID, { description: 'Id of the inspection to cancel.' })
  inspectionId!: string;

  @Field({ description: 'Why it is cancelled: kept on the inspection as cancellationReason.' })
  reason!: string;
}
