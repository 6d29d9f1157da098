import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AuditRecord } from '../../core/audit/audit-record';
import { storedPath } from '../../core/access';
import { AuditEntry } from './audit-entry';
import { isRetryableConflict } from '../../core/write-conflicts';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a link's hash covers, in a fixed order. */
function contentOf(entry: AuditEntry): unknown[] {
  return [
    entry.sequence, entry.recordedAt, entry.source, entry.action, entry.outcome, entry.errorCode, entry.detail,
    entry.operationName, entry.operationHash, entry.actorKind, entry.actorSubject, entry.actorUnitCode,
    entry.actorUnitPath, entry.targets, entry.targetUnitPath,
  ];
}

export const linkHash = (previousHash: string, entry: AuditEntry) =>
  createHash('sha256').update(previousHash).update('\n').update(JSON.stringify(contentOf(entry))).digest('hex');

export const entryId = (sequence: number) => String(sequence).padStart(12, '0');

const clip = (value: string | null | undefined, length: number) => (value == null ? null : value.slice(0, length));

function entryFrom(record: AuditRecord, sequence: number, previousHash: string): AuditEntry {
  const entry = new AuditEntry();
  Object.assign(entry, {
    id: entryId(sequence),
    sequence,
    recordedAt: new Date().toISOString(),
    source: clip(record.source, 40),
    action: clip(record.action, 120),
    outcome: record.outcome,
    errorCode: clip(record.errorCode, 40),
    detail: clip(record.detail, 500),
    operationName: clip(record.operationName, 120),
    operationHash: clip(record.operationHash, 64),
    actorKind: record.actor?.kind ?? null,
    actorSubject: clip(record.actor?.subject, 200),
    actorUnitCode: clip(record.actor?.unitCode, 10),
    actorUnitPath: record.actor ? storedPath(record.actor.unitPath) : null,
    targets: record.targets.slice(0, 100).map((target) => target.slice(0, 200)),
    targetUnitPath: record.targetUnitPath ? storedPath(record.targetUnitPath) : null,
    previousHash,
  });
  entry.hash = linkHash(previousHash, entry);
  return entry;
}

/**
 * Appends to the chain. Appends in this process run one after another; the unique sequence
 * makes a second process that raced for the same position fail and retry on the new head, so
 * the chain never forks.
 */
export class AuditChain {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  append(records: AuditRecord[]): Promise<AuditEntry[]> {
    if (records.length === 0) return Promise.resolve([]);
    const run = this.tail.then(() => this.appendWithRetry(records));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async appendWithRetry(records: AuditRecord[], attempt = 1): Promise<AuditEntry[]> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const head = await manager.getRepository(AuditEntry).createQueryBuilder('entry').orderBy('entry.sequence', 'DESC').limit(1).getOne();
        let sequence = head?.sequence ?? 0;
        let previousHash = head?.hash ?? GENESIS_HASH;
        const entries = records.map((record) => {
          const entry = entryFrom(record, (sequence += 1), previousHash);
          previousHash = entry.hash;
          return entry;
        });
        await manager.getRepository(AuditEntry).insert(entries);
        return entries;
      });
    } catch (error) {
      if (attempt < 5 && isRetryableConflict(error)) return this.appendWithRetry(records, attempt + 1);
      throw error;
    }
  }
}

export interface ChainVerification {
  entries: number;
  headHash: string;
  /** The first link that does not hold, if any. */
  broken?: { sequence: number; reason: string };
}

/** Walks the whole chain in order, recomputing every link. */
export async function verifyAuditChain(dataSource: DataSource, batchSize = 2000): Promise<ChainVerification> {
  const repository = dataSource.getRepository(AuditEntry);
  let expectedSequence = 1;
  let previousHash = GENESIS_HASH;
  for (;;) {
    const batch = await repository
      .createQueryBuilder('entry')
      .where('entry.sequence >= :from', { from: expectedSequence })
      .orderBy('entry.sequence', 'ASC')
      .limit(batchSize)
      .getMany();
    if (batch.length === 0) return { entries: expectedSequence - 1, headHash: previousHash };
    for (const entry of batch) {
      const broken = (sequence: number, reason: string) => ({ entries: expectedSequence - 1, headHash: previousHash, broken: { sequence, reason } });
      if (entry.sequence !== expectedSequence) {
        return broken(expectedSequence, `entry ${expectedSequence} is missing (the next one is ${entry.sequence})`);
      }
      if (entry.previousHash !== previousHash) {
        return broken(entry.sequence, 'its previousHash is not the hash of the entry before it (an entry was removed or replaced)');
      }
      if (linkHash(previousHash, entry) !== entry.hash) return broken(entry.sequence, 'its contents do not match its hash (the entry was edited)');
      previousHash = entry.hash;
      expectedSequence += 1;
    }
  }
}
