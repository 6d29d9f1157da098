import type { SubgraphContext } from '../../core/context';
import { conflict, notFound } from '../../core/errors';
import { nowTimestamp } from '../../core/time';
import { assertMayActFor } from '../../core/access';
import { InspectionStatus } from '../inspection/inspection-status';
import { Inspection } from '../inspection/inspection';
import { findingById, inspectionById } from '../loaders';
import { assertText } from '../validation';
import { Finding } from './finding';
import { FindingState } from './finding-args';
import { recordEvent } from '../../core/events/outbox';
import type { RecordFindingInput, RemedyFindingInput } from './finding-inputs';
import { assertMayHoldFindings, findingRows } from './finding-rows';
import { entityResult, idempotent, type TransactionalWrite } from '../../core/idempotency';

/** The inspecting side's INSPECTOR records a finding while the inspection is in progress. Idempotent on `input.clientKey`. */
export function recordFinding(context: SubgraphContext, input: RecordFindingInput): Promise<Finding> {
  return idempotent(context, { mutation: 'recordFinding', clientKey: input.clientKey, input, result: entityResult(Finding) }, (write) =>
    record(context, input, write),
  );
}

async function record(context: SubgraphContext, input: RecordFindingInput, write: TransactionalWrite<Finding>): Promise<Finding> {
  const inspection = await inspectionById(context).load(input.inspectionId);
  if (!inspection) throw notFound(`No inspection has id "${input.inspectionId}"`);
  assertMayActFor(context, inspection.inspectorPath, 'INSPECTOR', 'Recording a finding');
  assertMayHoldFindings(inspection);
  const [finding] = findingRows(inspection, inspection.conductedOn!, [input], 'input');
  return write(async (manager) => {
    // The inspection must still be in progress when the finding lands (not cancelled meanwhile).
    const stillOpen = await manager.getRepository(Inspection).countBy({ id: inspection.id, status: InspectionStatus.IN_PROGRESS });
    if (stillOpen === 0) throw conflict(`Inspection ${inspection.id} changed meanwhile: reload it and try again`);
    await manager.insert(Finding, finding);
    return finding;
  });
}

/** The inspected agency's OFFICER (an OFFICER of the target's unit) reports a finding remedied, once. */
export async function remedyFinding(context: SubgraphContext, input: RemedyFindingInput): Promise<Finding> {
  const finding = await findingById(context).load(input.findingId);
  if (!finding) throw notFound(`No finding has id "${input.findingId}"`);
  assertMayActFor(context, finding.targetPath, 'OFFICER', 'Remedying a finding');
  if (finding.remediatedAt) throw conflict(`Finding ${finding.id} was already remedied at ${finding.remediatedAt}`);
  const remediatedAt = nowTimestamp();
  const changes = { remediatedAt, remediationEvidence: assertText(input.evidence, 'evidence', 2000), updatedAt: remediatedAt };
  await context.dataSource.transaction(async (manager) => {
    const result = await manager
      .createQueryBuilder()
      .update(Finding)
      .set(changes)
      .where('id = :id AND remediatedAt IS NULL', { id: finding.id })
      .execute();
    if (result.affected === 0) throw conflict(`Finding ${finding.id} was remedied meanwhile`);
    // Told to both sides of the inspection (rule 6), in this transaction (docs/architecture.md, "Events"); its state as FindingState names it: OPEN, then REMEDIATED.
    await recordEvent(manager, {
      subgraph: 'inspections',
      type: 'finding.remedied',
      record: { type: 'Finding', id: finding.id },
      units: [finding.inspectorPath, finding.targetPath],
      state: FindingState.REMEDIATED,
      previousState: FindingState.OPEN,
    });
  });
  return { ...finding, ...changes };
}
