import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { SubgraphContext } from '../../core/context';
import { badInput, conflict, notFound } from '../../core/errors';
import { assertInForce, assertMayActFor, isWithin, resolveUnitById } from '../../core/access';
import { assertDate, nowTimestamp } from '../../core/time';
import { Finding } from '../finding/finding';
import { assertMayHoldFindings, findingRows } from '../finding/finding-rows';
import { inspectionById, planById } from '../loaders';
import { PlanTarget } from '../plan/plan-target';
import { assertIdList, assertText } from '../validation';
import { Inspection } from './inspection';
import type { CancelInspectionInput, ConcludeInspectionInput, ScheduleInspectionInput, StartInspectionInput } from './inspection-inputs';
import { InspectionStatus } from './inspection-status';
import { recordEvent } from '../../core/events/outbox';
import { entityResult, idempotent, type TransactionalWrite } from '../../core/idempotency';

const OPEN_STATUSES = [InspectionStatus.PLANNED, InspectionStatus.IN_PROGRESS];

/** An inspection the principal may see, for a write by the inspecting side. */
async function inspectionToWrite(context: SubgraphContext, id: string, what: string): Promise<Inspection> {
  const inspection = await inspectionById(context).load(id);
  if (!inspection) throw notFound(`No inspection has id "${id}"`);
  assertMayActFor(context, inspection.inspectorPath, 'INSPECTOR', what);
  return inspection;
}

function assertOpen(inspection: Inspection, what: string) {
  if (inspection.status === InspectionStatus.CONCLUDED) {
    throw conflict(`${what}: inspection ${inspection.id} is concluded, and a concluded inspection cannot be reopened`);
  }
  if (inspection.status === InspectionStatus.CANCELLED) throw conflict(`${what}: inspection ${inspection.id} was cancelled`);
}

/**
 * Moves an inspection on only if nobody moved it first (the status is re-checked in the
 * UPDATE itself), so two concurrent conclusions cannot both win.
 */
async function transition(manager: EntityManager, inspection: Inspection, from: InspectionStatus[], changes: Partial<Inspection> & { updatedAt: string }) {
  const result = await manager
    .createQueryBuilder()
    .update(Inspection)
    .set(changes)
    .where('id = :id AND status IN (:...from)', { id: inspection.id, from })
    .execute();
  if (result.affected === 0) throw conflict(`Inspection ${inspection.id} changed meanwhile: reload it and try again`);
}

/** Idempotent on `input.clientKey` (`core/idempotency`). */
export function scheduleInspection(context: SubgraphContext, input: ScheduleInspectionInput): Promise<Inspection> {
  return idempotent(context, { mutation: 'scheduleInspection', clientKey: input.clientKey, input, result: entityResult(Inspection) }, (write) =>
    schedule(context, input, write),
  );
}

async function schedule(context: SubgraphContext, input: ScheduleInspectionInput, write: TransactionalWrite<Inspection>): Promise<Inspection> {
  const scheduledOn = assertDate(input.scheduledOn, 'scheduledOn');
  const teamIds = assertIdList(input.teamOfficialIds, 'teamOfficialIds', 1, 20);
  const plan = await planById(context).load(input.planId);
  if (!plan) throw notFound(`No inspection plan has id "${input.planId}"`);
  const target = await context.dataSource.getRepository(PlanTarget).findOneBy({ id: `${plan.id}|${input.targetAgencyId}` });
  // A new inspection is made by, and of, units in force (rule 13): a plan of a dissolved unit,
  // or a target whose unit was dissolved since, schedules nothing; the message names the successors.
  const [inspecting, targetUnit] = await Promise.all([resolveUnitById(context, plan.unitId), target ? resolveUnitById(context, target.targetUnitId) : null]);
  assertInForce(inspecting, 'planId');
  assertMayActFor(context, plan.unitPath, 'INSPECTOR', 'Scheduling inspections');
  if (!target) throw badInput(`Agency "${input.targetAgencyId}" is not a target of plan ${plan.id}`, 'targetAgencyId');
  assertInForce(targetUnit!, 'targetAgencyId');
  const officials = await context.institutions.officials.requireMany(teamIds, { as: 'caller', argument: 'teamOfficialIds' });
  for (const official of officials) {
    if (!isWithin(official.unit.path, plan.unitPath)) {
      throw badInput(`Official "${official.id}" does not work in the inspecting unit or below it`, 'teamOfficialIds');
    }
  }
  const now = nowTimestamp();
  const inspection: Inspection = {
    id: randomUUID(),
    planId: plan.id,
    year: plan.year,
    inspectingUnitId: plan.unitId,
    inspectorPath: plan.unitPath,
    targetAgencyId: target.targetAgencyId,
    targetUnitId: target.targetUnitId,
    targetPath: target.targetPath,
    targetLevel: target.targetLevel,
    teamOfficialIds: teamIds,
    scheduledOn,
    conductedOn: null,
    concludedOn: null,
    status: InspectionStatus.PLANNED,
    conclusion: null,
    cancellationReason: null,
    createdAt: now,
    updatedAt: now,
  };
  return write(async (manager) => {
    const active = await manager
      .getRepository(Inspection)
      .createQueryBuilder('inspection')
      .where('inspection.planId = :planId AND inspection.targetAgencyId = :agencyId', { planId: plan.id, agencyId: target.targetAgencyId })
      .andWhere('inspection.status <> :cancelled', { cancelled: InspectionStatus.CANCELLED })
      .getCount();
    if (active > 0) throw conflict(`Agency "${target.targetAgencyId}" already has an inspection under plan ${plan.id}`);
    await manager.insert(Inspection, inspection);
    return inspection;
  });
}

export async function startInspection(context: SubgraphContext, input: StartInspectionInput): Promise<Inspection> {
  const conductedOn = assertDate(input.conductedOn, 'conductedOn');
  const inspection = await inspectionToWrite(context, input.inspectionId, 'Starting an inspection');
  assertOpen(inspection, 'Starting an inspection');
  if (inspection.status !== InspectionStatus.PLANNED) throw conflict(`Inspection ${inspection.id} has already started`);
  const changes = { status: InspectionStatus.IN_PROGRESS, conductedOn, updatedAt: nowTimestamp() };
  await context.dataSource.transaction((manager) => transition(manager, inspection, [InspectionStatus.PLANNED], changes));
  return { ...inspection, ...changes };
}

/** Conclusion and findings are written together, or not at all. */
export async function concludeInspection(context: SubgraphContext, input: ConcludeInspectionInput): Promise<Inspection> {
  const inspection = await inspectionToWrite(context, input.inspectionId, 'Concluding an inspection');
  assertOpen(inspection, 'Concluding an inspection');
  assertMayHoldFindings(inspection, true);
  const conductedOn = input.conductedOn ? assertDate(input.conductedOn, 'conductedOn') : inspection.conductedOn;
  if (!conductedOn) throw badInput('conductedOn is required: the inspection was never started', 'conductedOn');
  const concludedOn = assertDate(input.concludedOn, 'concludedOn');
  if (concludedOn < conductedOn) throw badInput(`concludedOn (${concludedOn}) is before the inspection (${conductedOn})`, 'concludedOn');
  const conclusion = assertText(input.conclusion, 'conclusion', 10_000);
  const findings = findingRows(inspection, conductedOn, input.findings ?? [], 'findings');
  // The findings of the conclusion carry the same instant (finding-rows.ts).
  const changes = { status: InspectionStatus.CONCLUDED, conductedOn, concludedOn, conclusion, updatedAt: findings[0]?.updatedAt ?? nowTimestamp() };
  await context.dataSource.transaction(async (manager) => {
    await transition(manager, inspection, OPEN_STATUSES, changes);
    if (findings.length > 0) await manager.createQueryBuilder().insert().into(Finding).values(findings).execute();
    // Told to both sides of the inspection (rule 6), in this transaction (docs/architecture.md, "Events").
    await recordEvent(manager, {
      subgraph: 'inspections',
      type: 'inspection.concluded',
      record: { type: 'Inspection', id: inspection.id },
      units: [inspection.inspectorPath, inspection.targetPath],
      state: changes.status,
      previousState: inspection.status,
    });
  });
  return { ...inspection, ...changes };
}

export async function cancelInspection(context: SubgraphContext, input: CancelInspectionInput): Promise<Inspection> {
  const inspection = await inspectionToWrite(context, input.inspectionId, 'Cancelling an inspection');
  assertOpen(inspection, 'Cancelling an inspection');
  const reason = assertText(input.reason, 'reason', 2000);
  const changes = { status: InspectionStatus.CANCELLED, cancellationReason: reason, updatedAt: nowTimestamp() };
  await context.dataSource.transaction(async (manager) => {
    const findings = await manager.getRepository(Finding).countBy({ inspectionId: inspection.id });
    if (findings > 0) throw conflict(`Inspection ${inspection.id} has findings: conclude it instead of cancelling it`);
    await transition(manager, inspection, OPEN_STATUSES, changes);
  });
  return { ...inspection, ...changes };
}
