import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import { UnitLevel } from '../../core/unit-level';

@ObjectType({ description: 'Inspections of one level of target: PROVINCE (departments), DISTRICT (district units), COMMUNE (commune units).' })
export class InspectionLevelCount {
  @Field(() => UnitLevel, { description: "Level of the target agency's unit: a provincial department counts at PROVINCE, a district People's Committee at DISTRICT." })
  level!: UnitLevel;

  @Field(() => Int, { description: 'Targets of this level inspected.' })
  count!: number;

  @Field(() => Int, { description: 'Targets of this level planned.' })
  planned!: number;
}

@ServiceScope('indicators:read')
@ObjectType({ description: "Kiểm tra cải cách hành chính: how much of a year's reform inspection plans were carried out, within a unit's subtree." })
export class InspectionCoverage {
  @Field(() => Int, { description: 'Calendar year of the plans counted.' })
  year!: number;

  @Field(() => Int, { description: 'Targets named by the plans of the year made by the unit or units below it.' })
  planned!: number;

  @Field(() => Int, { description: 'Inspections of those plans that took place (IN_PROGRESS or CONCLUDED).' })
  inspected!: number;

  @Field(() => Float, { nullable: true, description: 'inspected / planned, percent cut to two decimals; null when nothing was planned.' })
  rate!: number | null;

  @Field(() => [InspectionLevelCount], { description: 'By level of the target, from the top level down; levels with nothing planned nor inspected are left out. A plain list: one entry per level at most.' })
  byLevel!: InspectionLevelCount[];
}
