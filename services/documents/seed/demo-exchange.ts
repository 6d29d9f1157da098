import { agencyIds, PROVINCIAL_DEPARTMENTS } from '../../core/demo/agency-ids';
import { childrenOf, demoUnit } from '../../core/demo/administrative-tree';
import { hashSeed } from '../../core/demo/names';
import { storedPath } from '../../core/access';
import type { UnitLevel } from '../../core/unit-level';
import type { ExchangeDailyCount } from '../exchange/exchange-counter';

/**
 * Kiên Giang's exchange volume of 2019 (seed 000: 1,464,185 documents sent and received
 * electronically to 30/11/2019), as daily counts per agency pair from the provincial exchange
 * platform, 01/01/2019 to 30/11/2019. Inside the province a document is one "sent" and one
 * "received", as the report counts them; exchanges with other provinces count once for Kiên
 * Giang. So: 700,000 internal documents (counting 1,400,000), 40,000 received from and 24,185
 * sent to other provinces: 724,185 sent + 740,000 received = 1,464,185. Weekdays carry
 * five times a weekend day's volume; pairs get stable, uneven shares.
 */
export const KIEN_GIANG_2019 = { from: '2019-01-01', to: '2019-11-30', internal: 700_000, fromOutside: 40_000, toOutside: 24_185 } as const;

const PLATFORM = 'kien-giang-exchange-platform';
const OTHER_PROVINCES = ['92', '89', '96'];

interface Pair {
  sender: string;
  senderUnit: string;
  recipient: string;
  recipientUnit: string;
}

function days(from: string, to: string): string[] {
  const result: string[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += 86_400_000) {
    result.push(new Date(time).toISOString().slice(0, 10));
  }
  return result;
}

/** Splits a total over weights into whole numbers that add up to it exactly (largest remainder). */
export function spread(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((value, index) => [value - Math.floor(value), index] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left -= 1) parts[order[k][1]] += 1;
  return parts;
}

function pairs(): { internal: Pair[]; fromOutside: Pair[]; toOutside: Pair[] } {
  const province = '91';
  const committee = agencyIds.peoplesCommittee(province);
  const districts = childrenOf(province);
  const internal: Pair[] = [];
  for (const district of districts) {
    const districtCommittee = agencyIds.peoplesCommittee(district.code);
    internal.push({ sender: committee, senderUnit: province, recipient: districtCommittee, recipientUnit: district.code });
    internal.push({ sender: districtCommittee, senderUnit: district.code, recipient: committee, recipientUnit: province });
    const commune = childrenOf(district.code)[0];
    internal.push({ sender: districtCommittee, senderUnit: district.code, recipient: agencyIds.peoplesCommittee(commune.code), recipientUnit: commune.code });
  }
  for (const department of PROVINCIAL_DEPARTMENTS) {
    internal.push({ sender: agencyIds.department(province, department.slug), senderUnit: province, recipient: committee, recipientUnit: province });
  }
  const others = OTHER_PROVINCES.map((code) => ({ agency: agencyIds.peoplesCommittee(code), unit: code }));
  return {
    internal,
    fromOutside: others.map((other) => ({ sender: other.agency, senderUnit: other.unit, recipient: committee, recipientUnit: province })),
    toOutside: others.map((other) => ({ sender: committee, senderUnit: province, recipient: other.agency, recipientUnit: other.unit })),
  };
}

export function demoExchangeCounts(): ExchangeDailyCount[] {
  const calendar = days(KIEN_GIANG_2019.from, KIEN_GIANG_2019.to);
  const weekday = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() % 6 === 0 ? 1 : 5);
  const groups = pairs();
  const rows: ExchangeDailyCount[] = [];
  const emit = (list: Pair[], total: number) => {
    const slots = calendar.flatMap((day) => list.map((pair) => ({ day, pair })));
    const weights = slots.map(({ day, pair }) => weekday(day) * (8 + (hashSeed(`${pair.sender}>${pair.recipient}`) % 8)));
    const counts = spread(total, weights);
    slots.forEach(({ day, pair }, index) => {
      const sender = demoUnit(pair.senderUnit);
      const recipient = demoUnit(pair.recipientUnit);
      rows.push({
        day,
        senderAgencyId: pair.sender,
        senderUnitPath: storedPath(sender.path),
        senderLevel: sender.level as UnitLevel,
        recipientAgencyId: pair.recipient,
        recipientUnitPath: storedPath(recipient.path),
        recipientLevel: recipient.level as UnitLevel,
        documents: counts[index],
        source: PLATFORM,
      });
    });
  };
  emit(groups.internal, KIEN_GIANG_2019.internal);
  emit(groups.fromOutside, KIEN_GIANG_2019.fromOutside);
  emit(groups.toOutside, KIEN_GIANG_2019.toOutside);
  return rows;
}
