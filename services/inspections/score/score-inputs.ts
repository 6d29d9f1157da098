import { Field, Float, InputType, Int } from 'type-graphql';
import { ReformArea } from '../finding/reform-area';

@InputType()
export class ReformAreaScoreInput {
  @Field(() => ReformArea)
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

  @Field(() => Int)
  year!: number;

  @Field(() => [ReformAreaScoreInput], { defaultValue: [] })
  areas!: ReformAreaScoreInput[];

  @Field(() => Float, { nullable: true, description: 'SIPAS index, percent.' })
  sipas?: number;

  @Field(() => Int, { nullable: true })
  civilServantsRated?: number;

  @Field(() => Int, { nullable: true, description: 'Rated "completed well" or better: at most civilServantsRated.' })
  civilServantsCompletedWell?: number;
}
