import { unitCodesOf } from '../access/unit-path';
import type { Principal } from '../principal';

/**
 * What the audit log records (issue 6): every mutation, every read of personal data, and every
 * operation the gateway refuses a service client. The log itself (hash chain, reading rules)
 * lives in the institutions subgraph; every other process sends it these records.
 */
export const AUDIT_OUTCOMES = ['ATTEMPTED', 'SUCCEEDED', 'REFUSED', 'FAILED', 'READ'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface AuditActor {
  kind: Principal['kind'];
  subject: string;
  unitCode: string;
  /** Public form, `VN/62`. */
  unitPath: string;
}

export interface AuditRecord {
  /** Who wrote it: a subgraph's name or `gateway`. */
  source: string;
  /** `mutation receiveDossier`, `read Dossier.applicant`, `operation` (a refusal at the gateway). */
  action: string;
  outcome: AuditOutcome;
  errorCode?: string | null;
  detail?: string | null;
  operationName?: string | null;
  /** SHA-256 (hex) of the operation text, as safelists name operations. */
  operationHash?: string | null;
  /** Absent for an anonymous caller. */
  actor?: AuditActor | null;
  /** `Type:id` or `argument:value`, for example `Dossier:12345`, `unitCode:64`. */
  targets: string[];
  /** Public path of the unit the action concerned, when one is known: its side may read the entry too. */
  targetUnitPath?: string | null;
}

export const actorOf = (principal: Principal | undefined): AuditActor | null =>
  principal ? { kind: principal.kind, subject: principal.subject, unitCode: principal.unitCode, unitPath: principal.unitPath } : null;

/** The deepest unit path two paths share (`VN/62/608` and `VN/62/611` -> `VN/62`). */
export function commonUnitPath(paths: string[]): string | null {
  if (paths.length === 0) return null;
  let common = unitCodesOf(paths[0]);
  for (const path of paths.slice(1)) {
    const parts = unitCodesOf(path);
    let same = 0;
    while (same < common.length && same < parts.length && common[same] === parts[same]) same += 1;
    common = common.slice(0, same);
  }
  return common.length ? common.join('/') : null;
}
