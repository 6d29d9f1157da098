import { Field, Float, Int, ObjectType } from 'type-graphql';
import { toNumber } from '../../core/database';
import { cutPercent } from '../../core/percent';

/**
 * The counters of the reporting contract for one set of dossiers over one period (README,
 * "Dossier statistics", has the definitions). Rates are percentages cut to two decimals.
 */
@ObjectType({ description: 'Dossier counters over a period (see the README for each definition).' })
export class DossierCounts {
  @Field(() => Int, { description: 'receivedInPeriod + carriedOver: every dossier whose processing overlaps the period.' })
  received!: number;

  @Field(() => Int, { description: 'Received within the period.' })
  receivedInPeriod!: number;

  @Field(() => Int, { description: 'Received online within the period (trực tuyến).' })
  receivedOnline!: number;

  @Field(() => Int, { description: 'Received in person or by post within the period (trực tiếp và bưu chính).' })
  receivedInPersonOrPostal!: number;

  @Field(() => Int, { description: 'Received by post within the period (bưu chính công ích).' })
  receivedPostal!: number;

  @Field(() => Int, { description: 'Received before the period and still open at its start (từ kỳ trước chuyển sang).' })
  carriedOver!: number;

  @Field(() => Int, { description: 'Resolved within the period.' })
  resolved!: number;

  @Field(() => Int, { description: 'Resolved within the period, on or before the due time (đúng hạn và trước hạn).' })
  resolvedOnTime!: number;

  @Field(() => Int, { description: 'Resolved within the period after the due time (quá hạn).' })
  resolvedLate!: number;

  @Field(() => Int, { description: 'Of the late ones, those with an apology letter.' })
  resolvedLateWithApology!: number;

  @Field(() => Float, { nullable: true, description: 'resolvedOnTime / resolved, percent cut to two decimals.' })
  onTimeRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'resolvedLateWithApology / resolvedLate, percent cut to two decimals.' })
  apologyRate!: number | null;

  @Field(() => Int, { description: 'Rejected within the period (từ chối).' })
  rejected!: number;

  @Field(() => Int, { description: 'Withdrawn by the applicant within the period (rút).' })
  withdrawn!: number;

  @Field(() => Int, { description: 'Still open at the end of the period (đang giải quyết). received = resolved + rejected + withdrawn + inProgress.' })
  inProgress!: number;

  @Field(() => Int, { description: 'Of those in progress, the ones already past their due time at the end of the period.' })
  overdueInProgress!: number;

  @Field(() => Float, { nullable: true, description: 'receivedOnline / receivedInPeriod, percent cut to two decimals.' })
  onlineRate!: number | null;

  @Field(() => Int, { description: 'Components of the dossiers received within the period.' })
  components!: number;

  @Field(() => Int, { description: 'Of those, the ones digitized at reception.' })
  digitizedComponents!: number;

  @Field(() => Float, { nullable: true, description: 'digitizedComponents / components, percent cut (tỷ lệ số hóa thành phần hồ sơ).' })
  digitizationRate!: number | null;

  @Field(() => Int, { description: 'Received within the period and paid online.' })
  paidOnline!: number;

  @Field(() => Int, { description: 'Results returned within the period.' })
  returned!: number;

  @Field(() => Int, { description: 'Results returned by post within the period (trả kết quả qua dịch vụ bưu chính công ích).' })
  returnedByPost!: number;

  @Field(() => Int, { description: 'Results returned within the period that the applicant rated.' })
  rated!: number;

  @Field(() => Int, { description: 'Of those, rated 4 or 5 (satisfied).' })
  satisfied!: number;

  @Field(() => Float, { nullable: true, description: 'satisfied / rated, percent cut to two decimals.' })
  satisfactionRate!: number | null;
}

/** One SQL row of counters (strings on MySQL) -> counts and rates. */
export function countsFrom(row: Record<string, unknown>): DossierCounts {
  const value = (name: string) => toNumber(row[name]);
  const receivedInPeriod = value('receivedInPeriod');
  const receivedOnline = value('receivedOnline');
  const carriedOver = value('carriedOver');
  const resolved = value('resolved');
  const resolvedOnTime = value('resolvedOnTime');
  const resolvedLate = resolved - resolvedOnTime;
  const resolvedLateWithApology = value('resolvedLateWithApology');
  const components = value('components');
  const digitizedComponents = value('digitizedComponents');
  const rated = value('rated');
  const satisfied = value('satisfied');
  return {
    received: receivedInPeriod + carriedOver,
    receivedInPeriod,
    receivedOnline,
    receivedInPersonOrPostal: receivedInPeriod - receivedOnline,
    receivedPostal: value('receivedPostal'),
    carriedOver,
    resolved,
    resolvedOnTime,
    resolvedLate,
    resolvedLateWithApology,
    onTimeRate: cutPercent(resolvedOnTime, resolved),
    apologyRate: cutPercent(resolvedLateWithApology, resolvedLate),
    rejected: value('rejected'),
    withdrawn: value('withdrawn'),
    inProgress: value('inProgress'),
    overdueInProgress: value('overdueInProgress'),
    onlineRate: cutPercent(receivedOnline, receivedInPeriod),
    components,
    digitizedComponents,
    digitizationRate: cutPercent(digitizedComponents, components),
    paidOnline: value('paidOnline'),
    returned: value('returned'),
    returnedByPost: value('returnedByPost'),
    rated,
    satisfied,
    satisfactionRate: cutPercent(satisfied, rated),
  };
}
