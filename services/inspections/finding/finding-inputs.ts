import { Field, ID, InputType } from 'type-graphql';
import { LocalDate } from '../../core/input';
import { FindingSeverity } from './finding-severity';
import { ReformArea } from './reform-area';
import { CLIENT_KEY_DESCRIPTION } from '../../core/idempotency';

@InputType({ description: 'A shortcoming found by an inspection.' })
export class FindingInput {
  @Field(() => ReformArea, { description: 'The area of administration the finding is about.' })
  area!: ReformArea;

  @Field(() => FindingSeverity, { description: 'How serious the finding is.' })
  severity!: FindingSeverity;

  @Field({ description: 'What was found, as text.' })
  description!: string;

  @Field(() => String, { nullable: true, description: 'Evidence (document numbers, references); optional.' })
  evidence?: string;

  @Field(() => LocalDate, { description: 'Remediation due date: on or after the day the inspection was conducted.' })
  dueOn!: string;
}

@InputType({ description: 'A finding recorded on an inspection in progress.' })
export class RecordFindingInput extends FindingInput {
  @Field(() => String, { nullable: true, description: CLIENT_KEY_DESCRIPTION })
  clientKey?: string | null;

  @Field(() => ID, { description: 'Id of the inspection; it must be in progress.' })
  inspectionId!: string;
}

@InputType({ description: 'The inspected agency reports a finding remedied.' })
export class RemedyFindingInput {
  @Field(() => ID, { description: 'Id of the finding that was remedied.' })
  findingId!: string;

  @Field({ description: 'Proof of the remedy, for example the number of the document that fixed it.' })
  evidence!: string;
}
