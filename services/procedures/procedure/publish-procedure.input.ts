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

  @Field({ description: 'Name of the procedure, in Vietnamese.' })
  name!: string;

  @Field({ description: 'Field code, for example "ho-tich".' })
  fieldCode!: string;

  @Field(() => UnitLevel, { description: 'PROVINCE, DISTRICT or COMMUNE.' })
  level!: UnitLevel;

  @Field(() => OnlineService, { description: 'The kind of online service (dịch vụ công trực tuyến) it offers.' })
  onlineService!: OnlineService;

  @Field(() => Int, { nullable: true, description: 'Old level 1-4; default the one matching onlineService (2, 3 or 4).' })
  legacyLevel?: number;

  @Field(() => Int, { description: 'Statutory processing time, in working days.' })
  processingDays!: number;

  @Field(() => Int, { nullable: true, description: 'Fee in VND; 0 or omitted when free.' })
  fee?: number;

  @Field(() => LocalDate, { nullable: true, description: 'Default today; not in the future.' })
  publishedOn?: string;

  @Field({ description: 'Number of the publishing decision (quyết định công bố), for example 1234/QĐ-UBND.' })
  decisionNumber!: string;

  @Field({ nullable: true, description: 'Whether it is on the National Public Service Portal; false when omitted.' })
  nationalPortal?: boolean;

  @Field({ nullable: true, description: 'Whether it is received at the public administration service centre; false when omitted.' })
  atServiceCenter?: boolean;
}
