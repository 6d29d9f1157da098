import { callInternal, serviceBase } from '../internal-call';
import type { AuditRecord } from './audit-record';

/** Where a process appends audit records: the institutions subgraph's log, over HTTP or in-process. */
export interface AuditSink {
  append(records: AuditRecord[]): Promise<void>;
}

export const AUDIT_ENDPOINT = 'audit';

/** Appends through institutions' internal endpoint; the answer comes after the records are committed. */
export class HttpAuditSink implements AuditSink {
  constructor(
    private readonly institutionsGraphqlUrl: () => string,
    private readonly caller: string,
  ) {}

  async append(records: AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    await callInternal(serviceBase(this.institutionsGraphqlUrl()), AUDIT_ENDPOINT, this.caller, { records });
  }
}
