import { ArgsType, Field, ID } from 'type-graphql';
import { LocalDate } from '../../core/input';
import { SyncPageArgs } from '../../core/updated-since';
import { UnitLevel } from '../../core/unit-level';

const AS_OF = 'The day to read the tree on, in Vietnam (YYYY-MM-DD); default today. The pre-reform tree holds until 2025-06-30, the two-tier tree from 2025-07-01.';

@ArgsType()
export class UnitArgs {
  @Field(() => String, { nullable: true, description: 'Official code: names the unit that held it on `asOf`, or, when none did that day, the last unit that held it before (a dissolved unit, with its `validTo`). Give `code` or `id`.' })
  code?: string;

  @Field(() => ID, { nullable: true, description: 'A version id (`62`, `91@2025`): exactly that unit, whatever the day. Give `code` or `id`.' })
  id?: string;

  @Field(() => LocalDate, { nullable: true, description: AS_OF })
  asOf?: string;
}

@ArgsType()
export class UnitListArgs extends SyncPageArgs {
  @Field(() => UnitLevel, { nullable: true, description: 'DISTRICT exists only before 2025-07-01.' })
  level?: UnitLevel;

  @Field(() => String, { nullable: true, description: 'Only the direct children of the unit holding this code on `asOf`.' })
  parentCode?: string;

  @Field(() => String, { nullable: true, description: 'Part of the name, with or without diacritics.' })
  search?: string;

  @Field(() => LocalDate, { nullable: true, description: `Only units in force on that day. ${AS_OF}` })
  asOf?: string;
}

@ArgsType()
export class ChildrenArgs extends SyncPageArgs {
  @Field(() => LocalDate, { nullable: true, description: 'Only children in force on that day; default today for a unit in force, its last day for a dissolved one.' })
  asOf?: string;
}
