import { randomUUID } from 'node:crypto';
import { badInput, conflict } from '../../core/errors';
import { assertDate, nowTimestamp } from '../../core/time';
import type { Inspection } from '../inspection/inspection';
import { InspectionStatus } from '../inspection/inspection-status';
import { assertText, optionalText } from '../validation';
import type { Finding } from './finding';
import type { FindingInput } from './finding-inputs';

export const MAX_FINDINGS_AT_ONCE = 50;

/** Findings go only on an inspection that took place and is not cancelled. */
export function assertMayHoldFindings(inspection: Inspection, concluding = false) {
  if (inspection.status === InspectionStatus.CANCELLED) {
    throw conflict(`Inspection ${inspection.id} was cancelled: no findings can be recorded on it`);
  }
  if (inspection.status === InspectionStatus.CONCLUDED) {
    throw conflict(`Inspection ${inspection.id} is concluded: its conclusion is final and cannot be reopened`);
  }
  if (inspection.status === InspectionStatus.PLANNED && !concluding) {
    throw conflict(`Inspection ${inspection.id} has not started: start it (or conclude it) to record findings`);
  }
}

/**
 * Validated finding rows for an inspection conducted on `conductedOn`. A remediation due date
 * before the inspection itself is refused: nothing can be due before it was found.
 */
export function findingRows(inspection: Inspection, conductedOn: string, inputs: FindingInput[], argument: string): Finding[] {
  if (inputs.length > MAX_FINDINGS_AT_ONCE) throw badInput(`At most ${MAX_FINDINGS_AT_ONCE} findings at once`, argument);
  const recordedAt = nowTimestamp();
  return inputs.map((input) => {
    const dueOn = assertDate(input.dueOn, `${argument}.dueOn`);
    if (dueOn < conductedOn) {
      throw badInput(`A finding cannot be due (${dueOn}) before its inspection (conducted ${conductedOn})`, `${argument}.dueOn`);
    }
    return {
      id: randomUUID(),
      inspectionId: inspection.id,
      inspectorPath: inspection.inspectorPath,
      targetAgencyId: inspection.targetAgencyId,
      targetPath: inspection.targetPath,
      area: input.area,
      severity: input.severity,
      description: assertText(input.description, `${argument}.description`, 2000),
      evidence: optionalText(input.evidence, `${argument}.evidence`, 2000),
      dueOn,
      remediatedAt: null,
      remediationEvidence: null,
      recordedAt,
      updatedAt: recordedAt,
    };
  });
}
