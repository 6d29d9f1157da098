import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Where a province stands among the provinces in force with it that have data in the hub (the 63 before 1/7/2025, the 34 after, each over its territory and lineage), by the same index (1 = best; ties share a rank).' })
export class ServiceIndexRank {
  @Field(() => Int, { description: 'Rank by the total index.' })
  overall!: number;

  @Field(() => Int, { description: 'Rank by the publicity group (công khai, minh bạch).' })
  publicity!: number;

  @Field(() => Int, { description: 'Rank by the progress group (tiến độ, kết quả giải quyết).' })
  progress!: number;

  @Field(() => Int, { description: 'Rank by the digitization group (số hóa hồ sơ).' })
  digitization!: number;

  @Field(() => Int, { description: 'Rank by the online service group (cung cấp dịch vụ trực tuyến).' })
  onlineService!: number;

  @Field(() => Int, { description: 'Rank by the satisfaction group (mức độ hài lòng).' })
  satisfaction!: number;

  @Field(() => Int, { description: 'How many provinces were ranked.' })
  outOf!: number;
}
