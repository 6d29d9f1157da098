import type { SelectQueryBuilder } from 'typeorm';
import { todayInVietnam } from '../../core/time';
import { FindingState } from './finding-args';
import type { Finding } from './finding';

/** Overdue means: not remedied, and the due date is before today in Vietnam. */
export function whereFindingState(query: SelectQueryBuilder<Finding>, alias: string, state: FindingState | undefined) {
  if (state === FindingState.REMEDIATED) return query.andWhere(`${alias}.remediatedAt IS NOT NULL`);
  if (state === FindingState.OPEN) return query.andWhere(`${alias}.remediatedAt IS NULL`);
  if (state === FindingState.OVERDUE) {
    return query.andWhere(`${alias}.remediatedAt IS NULL AND ${alias}.dueOn < :today`, { today: todayInVietnam() });
  }
  return query;
}

export const isOverdue = (finding: Finding, today = todayInVietnam()) => finding.remediatedAt === null && finding.dueOn < today;
