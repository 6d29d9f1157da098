import { LocalDate } from '../../core/input';
import { ArgsType, Field, Int } from 'type-graphql';
import { SyncPageArgs } from '../../core/updated-since';
import { UnitLevel } from '../../core/unit-level';
import { OnlineService } from './online-service';
import { ProcedureStatus } from './procedure-status';

@ArgsType()
export class ProcedureListArgs extends SyncPageArgs {
  @Field(() => String, { nullable: true, description: 'Code of the publishing province, or of any unit in it.' })
  unitCode?: string;

  @Field(() => UnitLevel, { nullable: true, description: 'Level of government that resolves the procedure.' })
  level?: UnitLevel;

  @Field(() => String, { nullable: true, description: 'Field code, for example "ho-tich".' })
  fieldCode?: string;

  @Field(() => OnlineService, { nullable: true, description: 'Only procedures offering this kind of online service; all kinds when omitted.' })
  onlineService?: OnlineService;

  @Field(() => Int, { nullable: true, description: 'Old online level 1 to 4.' })
  legacyLevel?: number;

  @Field(() => Boolean, { nullable: true, description: 'Only procedures on (true) or not on (false) the National Public Service Portal; both when omitted.' })
  nationalPortal?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Only procedures received (true) or not received (false) at the service centre; both when omitted.' })
  atServiceCenter?: boolean;

  @Field(() => ProcedureStatus, { nullable: true, description: 'Default PUBLISHED (in force on `asOf`).' })
  status?: ProcedureStatus;

  @Field(() => LocalDate, { nullable: true, description: 'Day the catalogue is read as of; default today.' })
  asOf?: string;

  @Field(() => String, { nullable: true, description: 'Part of the name or the national code.' })
  search?: string;
}
