import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Where a province stands among the provinces with data in the hub, by the same index (1 = best; ties share a rank).' })
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
