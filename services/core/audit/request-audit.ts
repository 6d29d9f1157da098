import { commonUnitPath, type AuditRecord } from './audit-record';

/**
 * The personal data one request read, gathered while it resolves and appended to the audit log
 * as one record per field before the response leaves (see audit-plugin.ts).
 */
export class RequestAudit {
  private readonly reads = new Map<string, { targets: Set<string>; paths: Set<string> }>();

  /** `field` is the coordinate read, for example `Dossier.applicant`; `unitPath` the row's stored path. */
  personalDataRead(field: string, id: string, unitPath: string) {
    const type = field.split('.')[0];
    const entry = this.reads.get(field) ?? { targets: new Set<string>(), paths: new Set<string>() };
    entry.targets.add(`${type}:${id}`);
    entry.paths.add(unitPath);
    this.reads.set(field, entry);
  }

  /** Records of the reads so far, without source, actor and operation (the plugin adds them). */
  readRecords(): Pick<AuditRecord, 'action' | 'outcome' | 'targets' | 'targetUnitPath'>[] {
    return [...this.reads].map(([field, { targets, paths }]) => ({
      action: `read ${field}`,
      outcome: 'READ' as const,
      targets: [...targets],
      targetUnitPath: commonUnitPath([...paths]),
    }));
  }
}
