import { childrenOf, demoUnit } from '../../core/demo/administrative-tree';
import { storedPath } from '../../core/access';
import type { Feedback } from '../feedback/feedback';
import { addDays, addWorkingDays, isWeekend } from '../../core/time';
import { chosenIndices, pad } from './spread';

interface FeedbackPlan {
  province: string;
  from: string;
  to: string;
  count: number;
  handled: number;
  onTime: number;
}

/**
 * Feedback (phản ánh, kiến nghị): Kiên Giang handled all 146 of 2019 (100%), Kon Tum 209 of
 * the 212 of January to October 2023.
 */
const PLANS: FeedbackPlan[] = [
  { province: '91', from: '2019-01-02', to: '2019-12-20', count: 146, handled: 146, onTime: 140 },
  { province: '62', from: '2023-01-03', to: '2023-10-20', count: 212, handled: 209, onTime: 205 },
];

export function demoFeedback(): Feedback[] {
  const rows: Feedback[] = [];
  for (const plan of PLANS) {
    const places = [demoUnit(plan.province), ...childrenOf(plan.province)];
    const days: string[] = [];
    for (let day = plan.from; day <= plan.to; day = addDays(day, 1)) if (!isWeekend(day)) days.push(day);
    const handled = chosenIndices(plan.count, plan.handled);
    const onTime = chosenIndices(plan.handled, plan.onTime);
    let handledRank = 0;
    for (let index = 0; index < plan.count; index += 1) {
      const unit = places[index % places.length];
      const receivedAt = `${days[Math.floor((index * days.length) / plan.count)]} 09:00:00`;
      const dueAt = addWorkingDays(receivedAt, 10);
      let handledAt: string | null = null;
      if (handled.has(index)) handledAt = onTime.has(handledRank++) ? addWorkingDays(receivedAt, 5) : addWorkingDays(receivedAt, 12);
      rows.push({ id: `pakn-${plan.province}-${pad(index + 1, 5)}`, procedureId: null, unitId: unit.id, unitPath: storedPath(unit.path), receivedAt, dueAt, handledAt });
    }
  }
  return rows;
}
