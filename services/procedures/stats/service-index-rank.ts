import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Where a province stands among the provinces in force with it that have data in the hub (the 63 before 1/7/2025, the 34 after, each over its territory and lineage), by the same index (1 = best; ties share a rank).' })
export class ServiceIndexRank {
  @Field(() => Int)
  overall!: number;

  @Field(() => Int)
  publicity!: number;

  @Field(() => Int)
  progress!: number;

  @Field(() => Int)
  digitization!: number;

  @Field(() => Int)
  onlineService!: number;

  @Field(() => Int)
  satisfaction!: number;

  @Field(() => Int, { description: 'How many provinces were ranked.' })
  outOf!: number;
}
