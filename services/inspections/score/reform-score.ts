import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import { ReformArea } from '../finding/reform-area';

@ObjectType({ description: 'Points of one area of the PAR INDEX, with the rank among sibling units for that area.' })
export class ReformAreaScore {
  @Field(() => ReformArea, { description: 'The PAR INDEX area (lĩnh vực đánh giá).' })
  area!: ReformArea;

  @Field(() => Float, { description: 'Points, at most two decimals.' })
  points!: number;

  @Field(() => Float, { description: 'Maximum points of the area, at most two decimals.' })
  maxPoints!: number;

  @Field(() => Int, { description: 'Rank among the units with the same parent scored for this year and area (1 = best; ties share a rank).' })
  rank!: number;

  @Field(() => Int, { description: 'How many sibling units (this one included) were scored for this area.' })
  rankedAmong!: number;
}

@ServiceScope('indicators:read')
@ObjectType({ description: 'Chỉ số cải cách hành chính (PAR INDEX), SIPAS and civil-service rating of a unit for a year.' })
export class ReformScore {
  @Field(() => Int, { description: 'Calendar year of the results.' })
  year!: number;

  @Field(() => Float, { nullable: true, description: 'PAR INDEX: the sum of the area points; null when no area was scored.' })
  parIndex!: number | null;

  @Field(() => Float, { nullable: true, description: 'Highest possible PAR INDEX (sum of the areas maximum points).' })
  maxParIndex!: number | null;

  @Field(() => Int, { nullable: true, description: 'Rank of the PAR INDEX among the units with the same parent scored for the year (1 = best).' })
  rank!: number | null;

  @Field(() => Int, { nullable: true, description: 'How many units with the same parent were scored for the year.' })
  rankedAmong!: number | null;

  @Field(() => [ReformAreaScore], { description: 'Points of each scored area (a plain list: the PAR INDEX has a fixed handful of areas).' })
  areas!: ReformAreaScore[];

  @Field(() => Float, { nullable: true, description: 'SIPAS: index of satisfaction of people and organisations with public administrative services (percent).' })
  sipas!: number | null;

  @Field(() => Int, { nullable: true, description: 'Civil servants and public employees rated that year.' })
  civilServantsRated!: number | null;

  @Field(() => Int, { nullable: true, description: 'Of those, rated "completed well" (hoàn thành tốt nhiệm vụ) or better.' })
  civilServantsCompletedWell!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share (percent, cut to two decimals) of civil servants rated "completed well" or better.',
  })
  completedWellShare!: number | null;
}
