import type { DataSource } from 'typeorm';
import type { ClientOperation, Principal } from './principal';
import type { Deadline } from './deadline';
import { RequestAudit } from './audit/request-audit';
import { Loaders } from './loaders';
import type { Institutions, InstitutionsClient } from './institutions/institutions-client';

/** What every subgraph resolver receives. */
export interface SubgraphContext {
  /** Absent for a request without a (valid) forwarded principal: public data only. */
  principal?: Principal;
  dataSource: DataSource;
  loaders: Loaders;
  /** Units, agencies and officials from institutions over HTTP, asked as the caller or as the hub. */
  institutions: Institutions;
  /** Personal data this request read, for the audit log. */
  audit: RequestAudit;
  /** The client's operation this request serves, as the gateway named it (for the audit log). */
  clientOperation?: ClientOperation;
  /** When this request's answer is due (services/core/deadline.ts): calls to other processes wait no longer. */
  deadline?: Deadline;
}

export const newContext = (
  dataSource: DataSource,
  institutions: InstitutionsClient,
  principal?: Principal,
  clientOperation?: ClientOperation,
  deadline?: Deadline,
): SubgraphContext => ({
  principal,
  dataSource,
  loaders: new Loaders(),
  institutions: institutions.forRequest(principal, deadline),
  audit: new RequestAudit(),
  clientOperation,
  deadline,
});
