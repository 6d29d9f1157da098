import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../../core/pagination';
import { UnitLevel } from '../../core/unit-level';

@ArgsType()
export class UnitListArgs extends PageArgs {
  @Field(() => UnitLevel, { nullable: true })
  level?: UnitLevel;

  @Field(() => String, { nullable: true, description: 'Only the direct children of this unit.' })
  parentCode?: string;

  @Field(() => String, { nullable: true, description: 'Part of the name, with or without diacritics.' })
  search?: string;
}
