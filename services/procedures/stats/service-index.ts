import { LocalDate } from '../../core/input';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import type { DossierCounts } from './dossier-counts';
import { ServiceIndexRank } from './service-index-rank';

@ObjectType({ description: 'One measured input of an index group: numerator / denominator, and the points it weighs.' })
export class IndexInput {
  @Field({ description: 'What is measured, for example "resolvedOnTime / resolved".' })
  name!: string;

  @Field(() => Int, { description: 'The count that meets the criterion.' })
  numerator!: number;

  @Field(() => Int, { description: 'The count the input is measured against; 0 when there is nothing to measure.' })
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

  @Field(() => Float, { description: 'Points of the group: the sum of its inputs, cut to two decimals.' })
  points!: number;

  @Field(() => [IndexInput], { description: 'The measured inputs of the group (a plain list: the fixed inputs of Decision 766/QĐ-TTg for the group).' })
  inputs!: IndexInput[];
}

@ServiceScope('indicators:read')
@ObjectType({
  description:
    'Bộ chỉ số 766 (Decision 766/QĐ-TTg): how well a unit serves people and businesses in procedures, computed from ' +
    'its catalogue and dossiers. Five groups: publicity 18, progress 20, digitization 22, online service 22, satisfaction 18.',
})
export class ServiceIndex {
  @Field(() => LocalDate, { description: 'First day of the period (YYYY-MM-DD, Vietnam time), inclusive.' })
  from!: string;

  @Field(() => LocalDate, { description: 'Last day of the period (YYYY-MM-DD, Vietnam time), inclusive.' })
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

  @Field(() => ServiceIndexRank, { nullable: true, description: 'For a province: its rank among the provinces with data in the hub.' })
  rank!: ServiceIndexRank | null;
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

/** What the index is computed from: the catalogue in force, the dossier counters, the feedback counters. */
export interface IndexInputs {
  procedures: number;
  nationalPortal: number;
  onlineServices: number;
  dossiers: DossierCounts;
  feedbackHandled: number;
  /** Feedback received in the period or carried over into it. */
  feedbackOpen: number;
}

/** The five groups (README, "Service index"), in hundredths of points; `null` inputs give zeros. */
export function computeIndex(inputs: IndexInputs | null) {
  const data = inputs ?? { procedures: 0, nationalPortal: 0, onlineServices: 0, dossiers: null, feedbackHandled: 0, feedbackOpen: 0 };
  const d = data.dossiers;
  const groups = [
    indexGroup('PUBLICITY', 18, [indexInput('procedures integrated with the National Public Service Portal / procedures in force', data.nationalPortal, data.procedures, 18)]),
    indexGroup('PROGRESS', 20, [indexInput('resolvedOnTime / resolved', d?.resolvedOnTime ?? 0, d?.resolved ?? 0, 20)]),
    indexGroup('DIGITIZATION', 22, [indexInput('digitizedComponents / components', d?.digitizedComponents ?? 0, d?.components ?? 0, 22)]),
    indexGroup('ONLINE_SERVICE', 22, [
      indexInput('procedures with a FULL or PARTIAL online service / procedures in force', data.onlineServices, data.procedures, 11),
      indexInput('receivedOnline / receivedInPeriod', d?.receivedOnline ?? 0, d?.receivedInPeriod ?? 0, 11),
    ]),
    indexGroup('SATISFACTION', 18, [
      indexInput('satisfied / rated', d?.satisfied ?? 0, d?.rated ?? 0, 9),
      indexInput('feedback handled / feedback received and carried over', data.feedbackHandled, data.feedbackOpen, 9),
    ]),
  ];
  return { groups, totalHundredths: groups.reduce((sum, group) => sum + group.hundredths, 0) };
}

export function indexGroup(group: string, maxPoints: number, inputs: (IndexInput & { hundredths: number })[]): IndexGroup & { hundredths: number } {
  const total = inputs.reduce((sum, input) => sum + input.hundredths, 0);
  return { group, maxPoints, points: total / 100, inputs: inputs.map(({ hundredths: _cut, ...input }) => input), hundredths: total };
}
