import { randomUUID } from 'node:crypto';
import type { SubgraphContext } from '../../core/context';
import { insertInBatches } from '../../core/database';
import { badInput } from '../../core/errors';
import { assertAgencyInForce, assertExistedOn, assertMayActFor, isWithin, resolveWritableUnit, storedPath } from '../../core/access';
import type { UnitLevel } from '../../core/unit-level';
import { assertDate, nowTimestamp } from '../../core/time';
import { assertIdList, assertIntInRange, assertText, assertYear } from '../validation';
import { InspectionPlan } from './inspection-plan';
import type { CreateInspectionPlanInput } from './plan-inputs';
import { PlanTarget } from './plan-target';
import { entityResult, idempotent, type TransactionalWrite } from '../../core/idempotency';

export const MAX_PLAN_TARGETS = 500;

/**
 * Validates everything (input, role, scope, targets) before one transaction writes the plan and its targets.
 * Idempotent on `input.clientKey` (`core/idempotency`).
 */
export function createPlan(context: SubgraphContext, input: CreateInspectionPlanInput): Promise<InspectionPlan> {
  return idempotent(context, { mutation: 'createInspectionPlan', clientKey: input.clientKey, input, result: entityResult(InspectionPlan) }, (write) =>
    create(context, input, write),
  );
}

async function create(context: SubgraphContext, input: CreateInspectionPlanInput, write: TransactionalWrite<InspectionPlan>): Promise<InspectionPlan> {
  const year = assertYear(input.year);
  const coverageTarget = assertIntInRange(input.coverageTarget, 'coverageTarget', 1, 100);
  const decisionNumber = assertText(input.decisionNumber, 'decisionNumber', 64);
  const decidedOn = input.decidedOn ? assertDate(input.decidedOn, 'decidedOn') : null;
  const targetIds = assertIdList(input.targetAgencyIds, 'targetAgencyIds', 1, MAX_PLAN_TARGETS);
  // Plans are made by units in force and target agencies of units in force (rule 13).
  const unit = await resolveWritableUnit(context, input.unitCode);
  // A plan for a year that ended before the unit existed was its predecessors' to make.
  assertExistedOn(unit, `${year}-12-31`, 'year');
  const unitPath = storedPath(unit.path);
  assertMayActFor(context, unitPath, 'INSPECTOR', 'Planning inspections');
  const agencies = await context.institutions.agencies.requireMany(targetIds, { as: 'caller', argument: 'targetAgencyIds' });
  for (const agency of agencies) {
    assertAgencyInForce(agency, 'targetAgencyIds');
    if (!isWithin(agency.unit.path, unit.path)) {
      throw badInput(`Agency "${agency.id}" (unit ${agency.unit.path}) is not below unit ${unit.code}`, 'targetAgencyIds');
    }
  }
  const createdAt = nowTimestamp();
  const plan: InspectionPlan = {
    id: randomUUID(),
    unitId: unit.id,
    unitPath,
    year,
    coverageTarget,
    decisionNumber,
    decidedOn,
    createdAt,
    updatedAt: createdAt,
  };
  const targets: PlanTarget[] = agencies.map((agency) => ({
    id: `${plan.id}|${agency.id}`,
    planId: plan.id,
    year,
    inspectorPath: unitPath,
    targetAgencyId: agency.id,
    targetUnitId: agency.unit.id,
    targetPath: storedPath(agency.unit.path),
    targetLevel: agency.unit.level as UnitLevel,
  }));
  return write(async (manager) => {
    await manager.insert(InspectionPlan, plan);
    await insertInBatches(manager, PlanTarget, targets);
    return plan;
  });
}
