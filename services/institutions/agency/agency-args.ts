import { ArgsType, Field } from 'type-graphql';
import { SyncPageArgs } from '../../core/updated-since';
import { AgencyKind } from './agency-kind';

@ArgsType()
export class AgencyListArgs extends SyncPageArgs {
  @Field(() => String, { nullable: true, description: 'Only the agencies of this unit (not of the units below it).' })
  unitCode?: string;

  @Field(() => AgencyKind, { nullable: true, description: 'Only agencies of this kind; all kinds when omitted.' })
  kind?: AgencyKind;
}

@ArgsType()
export class AgencyKindPageArgs extends SyncPageArgs {
  @Field(() => AgencyKind, { nullable: true, description: 'Only agencies of this kind; all kinds when omitted.' })
  kind?: AgencyKind;
}
