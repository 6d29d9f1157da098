import { verifyAuditChain } from '../../services/institutions/audit/audit-chain';
import { AuditEntry } from '../../services/institutions/audit/audit-entry';
import { apiSchema } from '../authorization/graph-walker';
import { ALL_ROLES } from '../authorization/walk-setup';
import type { TestHub } from '../support/hub';
import { answerProblems, badInputCases, runCases } from './bad-input-cases';
import { snapshotTables } from './table-snapshot';

/** What the walk found wrong: answers that were not coded refusals, tables that changed, a broken audit chain. */
export interface BadInputReport {
  cases: number;
  /** `label: problem`, one per wrong answer. */
  wrongAnswers: string[];
  /** `subgraph.table`, one per table that gained, lost or changed a row. */
  changedTables: string[];
  /** The audit entries the walk made (`action outcome errorCode`): none, when nothing reached a subgraph. */
  newAuditEntries: string[];
  auditChain: string;
}

/**
 * The generated bad-input walk (`bad-input-cases.ts`) through the gateway over HTTP with a
 * national principal holding every role, and the checks around it: every table of every
 * subgraph database read before and after, and the audit chain verified at the end.
 */
export async function walkBadInput(hub: TestHub): Promise<BadInputReport> {
  const dataSources = Object.fromEntries(Object.entries(hub.subgraphs).map(([name, running]) => [name, running.dataSource]));
  const audit = hub.subgraphs.institutions.dataSource.getRepository(AuditEntry);
  const lastSequence = (await audit.maximum('sequence')) ?? 0;
  const before = await snapshotTables(dataSources);
  const token = await hub.token('VN', ALL_ROLES, { subject: 'bad-input-suite' });
  const cases = badInputCases(apiSchema());
  const results = await runCases(hub.gatewayUrl, token, cases);
  const wrongAnswers = results.flatMap((result) => answerProblems(result).map((problem) => `${result.badCase.label}: ${problem}`));
  const after = await snapshotTables(dataSources);
  const changedTables = Object.keys({ ...before, ...after }).filter((table) => JSON.stringify(before[table]) !== JSON.stringify(after[table]));
  const newAuditEntries = (await audit.createQueryBuilder('entry').where('entry.sequence > :last', { last: lastSequence }).orderBy('entry.sequence').limit(50).getMany()).map(
    (entry) => `${entry.action} ${entry.outcome} ${entry.errorCode ?? ''} ${entry.detail ?? ''}`.trim(),
  );
  const chain = await verifyAuditChain(hub.subgraphs.institutions.dataSource);
  return {
    cases: cases.length,
    wrongAnswers,
    changedTables,
    newAuditEntries,
    auditChain: chain.broken ? `broken at ${chain.broken.sequence}: ${chain.broken.reason}` : 'intact',
  };
}

/** Time for one walk: a few thousand requests and two reads of every table, on a busy machine. */
export const BAD_INPUT_TIMEOUT_MS = 600_000;
