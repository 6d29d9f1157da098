import { Field, Float, InputType, Int } from 'type-graphql';
import { ReformArea } from '../finding/reform-area';

@InputType({ description: 'Points of one PAR INDEX area.' })
export class ReformAreaScoreInput {
  @Field(() => ReformArea, { description: 'The PAR INDEX area (lĩnh vực đánh giá).' })
  area!: ReformArea;

  @Field(() => Float, { description: 'Points, at most two decimals.' })
  points!: number;

  @Field(() => Float, { description: 'Maximum points of the area, at most two decimals.' })
  maxPoints!: number;
}

@InputType({ description: "A unit's reform results for a year, recorded by the unit above it. Recording again replaces them." })
export class RecordReformScoreInput {
  @Field({ description: 'Code of the scored unit: a unit directly below yours (ADMIN: any unit below yours).' })
  unitCode!: string;

  @Field(() => Int, { description: 'Calendar year the results are for.' })
  year!: number;

  @Field(() => [ReformAreaScoreInput], { defaultValue: [], description: 'Points per PAR INDEX area; each area at most once, points within its maximum.' })
  areas!: ReformAreaScoreInput[];

  @Field(() => Float, { nullable: true, description: 'SIPAS index, percent.' })
  sipas?: number;

  @Field(() => Int, { nullable: true, description: 'Civil servants and public employees rated that year.' })
  civilServantsRated?: number;

  @Field(() => Int, { nullable: true, description: 'Rated "completed well" or better: at most civilServantsRated.' })
  civilServantsCompletedWell?: number;
}
