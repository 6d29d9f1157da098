import { Field, ID, InputType } from 'type-graphql';
import { LocalDate } from '../../core/input';
import { FindingSeverity } from './finding-severity';
import { ReformArea } from './reform-area';
import { CLIENT_KEY_DESCRIPTION } from '../../core/idempotency';

@InputType({ description: 'A shortcoming found by an inspection.' })
export class FindingInput {
  @Field(() => ReformArea)
  area!: ReformArea;

  @Field(() => FindingSeverity)
  severity!: FindingSeverity;

  @Field()
  description!: string;

  @Field(() => String, { nullable: true })
  evidence?: string;

  @Field(() => LocalDate, { description: 'Remediation due date: on or after the day the inspection was conducted.' })
  dueOn!: string;
}

@InputType({ description: 'A finding recorded on an inspection in progress.' })
export class RecordFindingInput extends FindingInput {
  @Field(() => String, { nullable: true, description: CLIENT_KEY_DESCRIPTION })
  clientKey?: string | null;

  @Field(() => ID)
  inspectionId!: string;
}

@InputType({ description: 'The inspected agency reports a finding remedied.' })
export class RemedyFindingInput {
  @Field(() => ID)
  findingId!: string;

  @Field({ description: 'Proof of the remedy, for example the number of the document that fixed it.' })
  evidence!: string;
}
