import { LocalDate } from '../../core/input';
import { Field, InputType, Int } from 'type-graphql';
import { UnitLevel } from '../../core/unit-level';
import { OnlineService } from './online-service';
import { CLIENT_KEY_DESCRIPTION } from '../../core/idempotency';

@InputType({ description: 'A procedure a province publishes (công bố) in its catalogue.' })
export class PublishProcedureInput {
  @Field(() => String, { nullable: true, description: CLIENT_KEY_DESCRIPTION })
  clientKey?: string | null;

  @Field({ description: 'Code of the publishing province: your own unit (ADMIN: also a province below it).' })
  provinceCode!: string;

  @Field({ description: 'National code, for example "1.001612".' })
  code!: string;

  @Field()
  name!: string;

  @Field({ description: 'Field code, for example "ho-tich".' })
  fieldCode!: string;

  @Field(() => UnitLevel, { description: 'PROVINCE, DISTRICT or COMMUNE.' })
  level!: UnitLevel;

  @Field(() => OnlineService)
  onlineService!: OnlineService;

  @Field(() => Int, { nullable: true, description: 'Old level 1-4; default the one matching onlineService (2, 3 or 4).' })
  legacyLevel?: number;

  @Field(() => Int)
  processingDays!: number;

  @Field(() => Int, { nullable: true })
  fee?: number;

  @Field(() => LocalDate, { nullable: true, description: 'Default today; not in the future.' })
  publishedOn?: string;

  @Field()
  decisionNumber!: string;

  @Field({ nullable: true })
  nationalPortal?: boolean;

  @Field({ nullable: true })
  atServiceCenter?: boolean;
}
