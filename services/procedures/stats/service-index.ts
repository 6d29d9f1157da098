import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One measured input of an index group: numerator / denominator, and the points it weighs.' })
export class IndexInput {
  @Field({ description: 'What is measured, for example "resolvedOnTime / resolved".' })
  name!: string;

  @Field(() => Int)
  numerator!: number;

  @Field(() => Int)
  denominator!: number;

  @Field(() => Float, { nullable: true, description: 'numerator / denominator, percent cut to two decimals.' })
  rate!: number | null;

  @Field(() => Float, { description: 'Points this input is worth at 100%.' })
  weight!: number;

  @Field(() => Float, { description: 'weight × numerator / denominator, cut to two decimals (0 without a denominator).' })
  points!: number;
}

@ObjectType({ description: 'One of the five groups of the Decision 766/QĐ-TTg index.' })
export class IndexGroup {
  @Field({ description: 'PUBLICITY, PROGRESS, DIGITIZATION, ONLINE_SERVICE or SATISFACTION.' })
  group!: string;

  @Field(() => Float, { description: 'The group\'s maximum: 18, 20, 22, 22 or 18.' })
  maxPoints!: number;

  @Field(() => Float)
  points!: number;

  @Field(() => [IndexInput])
  inputs!: IndexInput[];
}

@ObjectType({
  description:
    'Bộ chỉ số 766 (Decision 766/QĐ-TTg): how well a unit serves people and businesses in procedures, computed from ' +
    'its catalogue and dossiers. Five groups: publicity 18, progress 20, digitization 22, online service 22, satisfaction 18.',
})
export class ServiceIndex {
  @Field(() => LocalDateResolver)
  from!: string;

  @Field(() => LocalDateResolver)
  to!: string;

  @Field(() => Float, { description: 'Sum of the five groups, out of 100.' })
  total!: number;

  @Field(() => IndexGroup, { description: 'Công khai, minh bạch (18 points).' })
  publicity!: IndexGroup;

  @Field(() => IndexGroup, { description: 'Tiến độ, kết quả giải quyết (20 points).' })
  progress!: IndexGroup;

  @Field(() => IndexGroup, { description: 'Số hóa hồ sơ (22 points).' })
  digitization!: IndexGroup;

  @Field(() => IndexGroup, { description: 'Cung cấp dịch vụ trực tuyến (22 points).' })
  onlineService!: IndexGroup;

  @Field(() => IndexGroup, { description: 'Mức độ hài lòng (18 points).' })
  satisfaction!: IndexGroup;
}

/** Points in hundredths, cut: weight × numerator / denominator, in integer arithmetic. */
const hundredths = (weight: number, numerator: number, denominator: number) =>
  denominator > 0 ? Math.floor((weight * 100 * numerator) / denominator) : 0;

export function indexInput(name: string, numerator: number, denominator: number, weight: number): IndexInput & { hundredths: number } {
  const cut = hundredths(weight, numerator, denominator);
  return {
    name,
    numerator,
    denominator,
    rate: denominator > 0 ? Math.floor((numerator * 10000) / denominator) / 100 : null,
    weight,
    points: cut / 100,
    hundredths: cut,
  };
}

export function indexGroup(group: string, maxPoints: number, inputs: (IndexInput & { hundredths: number })[]): IndexGroup & { hundredths: number } {
  const total = inputs.reduce((sum, input) => sum + input.hundredths, 0);
  return { group, maxPoints, points: total / 100, inputs: inputs.map(({ hundredths: _cut, ...input }) => input), hundredths: total };
}
