import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AuditRecord } from '../../core/audit/audit-record';
import { storedPath } from '../../core/access';
import { AuditEntry } from './audit-entry';
import { isRetryableConflict } from '../../core/write-conflicts';
import { insertInBatches } from '../../core/database';
import { wellFormedText } from '../../core/text';
import { auditAppendDuration, auditAppendedEntries } from '../../core/observability/metrics';
import { inSpan } from '../../core/observability/tracing';

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

/** Longest `targets` list kept; each target at most 200 characters. */
const MAX_TARGETS = 100;
const TARGET_LENGTH = 200;
/** `targets` is a TEXT column (at most 65,535 bytes on MariaDB); its JSON stays well below. */
const TARGETS_JSON_BYTES = 60_000;

const text = (value: string | null | undefined, length: number) => (value == null ? null : wellFormedText(String(value), length));

function wellFormedTargets(targets: string[]): string[] {
  const kept: string[] = [];
  let bytes = 2;
  for (const target of targets.slice(0, MAX_TARGETS)) {
    const clean = wellFormedText(String(target), TARGET_LENGTH);
    bytes += Buffer.byteLength(JSON.stringify(clean)) + 1;
    if (bytes > TARGETS_JSON_BYTES) break;
    kept.push(clean);
  }
  return kept;
}

/**
 * The entry a record becomes. Every text is made well-formed and cut (by code point) to its
 * column before it is hashed, so the stored row is exactly what the hash covers.
 */
function entryFrom(record: AuditRecord, sequence: number, previousHash: string, recordedAt: string): AuditEntry {
  const entry = new AuditEntry();
  Object.assign(entry, {
    id: entryId(sequence),
    sequence,
    recordedAt,
    // Pull sync: an entry never changes (core/updated-since.ts); not part of the hashed content.
    updatedAt: recordedAt,
    source: text(record.source, 40) ?? '',
    action: text(record.action, 120) ?? '',
    outcome: record.outcome,
    errorCode: text(record.errorCode, 40),
    detail: text(record.detail, 500),
    operationName: text(record.operationName, 120),
    operationHash: text(record.operationHash, 64),
    actorKind: record.actor?.kind ?? null,
    actorSubject: text(record.actor?.subject, 200),
    actorUnitCode: text(record.actor?.unitCode, 10),
    actorUnitPath: record.actor ? text(storedPath(record.actor.unitPath), 64) : null,
    targets: wellFormedTargets(record.targets),
    targetUnitPath: record.targetUnitPath ? text(storedPath(record.targetUnitPath), 64) : null,
    previousHash,
  });
  entry.hash = linkHash(previousHash, entry);
  return entry;
}

/** The last link, from which the next appended entry continues. */
interface Head {
  sequence: number;
  hash: string;
}

/** The entries that follow `head`, one per record, in order. */
function entriesAfter(head: Head | null, records: AuditRecord[]): AuditEntry[] {
  const recordedAt = new Date().toISOString();
  let sequence = head?.sequence ?? 0;
  let previousHash = head?.hash ?? GENESIS_HASH;
  return records.map((record) => {
    const entry = entryFrom(record, (sequence += 1), previousHash, recordedAt);
    previousHash = entry.hash;
    return entry;
  });
}

const driverCode = (error: unknown): string | undefined => {
  const wrapped = (error ?? {}) as { driverError?: { code?: string }; code?: string };
  return wrapped.driverError?.code ?? wrapped.code;
};

/** Lost a race for the chain, or waited too long for its lock: worth another try. */
const isRetryable = (error: unknown) =>
  isRetryableConflict(error) || ['ER_LOCK_WAIT_TIMEOUT', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT'].includes(driverCode(error) ?? '');

/** The part of better-sqlite3's API the chain uses (the driver's own connection). */
interface SqliteConnection {
  inTransaction: boolean;
  prepare(sql: string): { get(...parameters: unknown[]): any; all(...parameters: unknown[]): any[]; run(...parameters: unknown[]): unknown };
  transaction<T>(run: () => T): { immediate(): T };
}

/** One database transaction that appends entries after the chain's head, the chain locked. */
type AppendTransaction = (records: AuditRecord[]) => Promise<AuditEntry[]>;

/**
 * Checks, inside the appending transaction, that the rows as stored hash to what was hashed:
 * a column that changed a value (a charset, a cut) fails the append instead of breaking the chain.
 */
function checkStored(dataSource: DataSource, raws: Record<string, unknown>[], entries: AuditEntry[]) {
  const columns = dataSource.getMetadata(AuditEntry).columns;
  const ok =
    raws.length === entries.length &&
    raws.every((raw, index) => {
      const stored = new AuditEntry();
      for (const column of columns) (stored as any)[column.propertyName] = dataSource.driver.prepareHydratedValue(raw[column.databaseName], column);
      const expected = entries[index];
      return stored.sequence === expected.sequence && stored.previousHash === expected.previousHash && stored.hash === expected.hash && linkHash(stored.previousHash, stored) === expected.hash;
    });
  if (!ok) throw new Error('the audit entries as stored do not match what was hashed; nothing was appended');
}

/**
 * SQLite: the driver's single connection, synchronously, in `BEGIN IMMEDIATE`: the write lock
 * is taken before the head is read, so another process (another DataSource on the same file)
 * waits (busy timeout) instead of reading the same head. Synchronous, so no other statement of
 * this process runs inside it.
 */
function sqliteTransaction(dataSource: DataSource): AppendTransaction {
  const connection = (dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
  const metadata = dataSource.getMetadata(AuditEntry);
  const driver = dataSource.driver;
  const table = driver.escape(metadata.tableName);
  const names = metadata.columns.map((column) => driver.escape(column.databaseName)).join(', ');
  let statements: Record<'insert' | 'last' | 'stored', ReturnType<SqliteConnection['prepare']>> | undefined;
  return async (records) => {
    statements ??= {
      insert: connection.prepare(`INSERT INTO ${table} (${names}) VALUES (${metadata.columns.map(() => '?').join(', ')})`),
      last: connection.prepare(`SELECT sequence, hash FROM ${table} ORDER BY sequence DESC LIMIT 1`),
      stored: connection.prepare(`SELECT * FROM ${table} WHERE sequence >= ? ORDER BY sequence`),
    };
    const { insert, last, stored } = statements;
    // A TypeORM transaction of this process that is open on the connection finishes first.
    for (let waited = 0; connection.inTransaction; waited += 1) {
      if (waited >= 10_000) throw new Error('the database connection stayed in another transaction');
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    return connection
      .transaction(() => {
        const head = last.get() as Head | undefined;
        const entries = entriesAfter(head ? { sequence: Number(head.sequence), hash: head.hash } : null, records);
        for (const entry of entries) {
          insert.run(...metadata.columns.map((column) => driver.preparePersistentValue((entry as any)[column.propertyName], column) ?? null));
        }
        checkStored(dataSource, stored.all(entries[0].sequence), entries);
        return entries;
      })
      .immediate();
  };
}

/**
 * MariaDB: a pooled connection, in a transaction that first locks the one row of
 * `audit_chain_lock` (waiting at most `lockWaitSeconds`), then reads the head and inserts.
 */
function mysqlTransaction(dataSource: DataSource, lockWaitSeconds: number): AppendTransaction {
  let prepared: Promise<string> | undefined;
  // Once per process: the lock row exists, the columns hold any character, and how to bound the wait.
  const prepare = async () => {
    const wrongCharset: { name: string; charset: string }[] = await dataSource.query(
      `SELECT COLUMN_NAME AS name, CHARACTER_SET_NAME AS charset FROM information_schema.COLUMNS
       WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_entry' AND CHARACTER_SET_NAME IS NOT NULL AND CHARACTER_SET_NAME <> 'utf8mb4'`,
    );
    if (wrongCharset.length > 0) {
      throw new Error(`audit_entry columns ${wrongCharset.map((column) => `${column.name} (${column.charset})`).join(', ')} are not utf8mb4: they cannot hold every character`);
    }
    await dataSource.query('INSERT IGNORE INTO audit_chain_lock (id) VALUES (1)');
    const [{ version }] = await dataSource.query('SELECT VERSION() AS version');
    // MariaDB bounds one statement's lock wait; MySQL has only the session's innodb_lock_wait_timeout.
    return String(version).includes('MariaDB') ? ` WAIT ${lockWaitSeconds}` : '';
  };
  return async (records) => {
    prepared ??= prepare().catch((error) => {
      prepared = undefined;
      throw error;
    });
    const wait = await prepared;
    const runner = dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      try {
        await runner.query(`SELECT id FROM audit_chain_lock WHERE id = 1 FOR UPDATE${wait}`);
        const [head] = await runner.query('SELECT sequence, hash FROM audit_entry ORDER BY sequence DESC LIMIT 1 FOR UPDATE');
        const entries = entriesAfter(head ? { sequence: Number(head.sequence), hash: head.hash } : null, records);
        await insertInBatches(runner.manager, AuditEntry, entries);
        checkStored(dataSource, await runner.query('SELECT * FROM audit_entry WHERE sequence >= ? ORDER BY sequence', [entries[0].sequence]), entries);
        await runner.commitTransaction();
        return entries;
      } catch (error) {
        await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      }
    } finally {
      await runner.release();
    }
  };
}

export interface AuditChainOptions {
  /**
   * Group commit (default): the appends that wait while a transaction runs go together in the
   * next one. `false` appends one request's records a transaction, one after another (the
   * benchmark's baseline).
   */
  groupCommit?: boolean;
  /** How long an append may wait for its transaction to start, in ms; past it, it fails and nothing of it is written. Default 10 s. */
  maxWaitMs?: number;
  /** Most records one transaction takes from the queue (one request's records are never split). Default 1000. */
  maxRecordsPerCommit?: number;
  /** MariaDB: how long a transaction waits for another process's lock on the chain, in s. Default 5 (SQLite: the busy timeout, 5 s). */
  lockWaitSeconds?: number;
}

interface PendingAppend {
  records: AuditRecord[];
  resolve(entries: AuditEntry[]): void;
  reject(error: unknown): void;
  timer: NodeJS.Timeout;
}

export class AuditAppendTimeout extends Error {}

/**
 * Appends to the chain, from any number of processes, by group commit: one transaction at a
 * time per process, and the appends that arrive while it runs are appended together in the next
 * one, so a busy log commits more entries per transaction instead of queueing transactions.
 * Across processes the database serializes the transactions (see `sqliteTransaction`,
 * `mysqlTransaction`), so no entry is lost and the chain never forks.
 *
 * An append resolves once its entries are committed, and fails (nothing of it written) when it
 * waited `maxWaitMs` without its transaction starting, or its transaction failed: a failing
 * group is retried on a lost race, and otherwise split, each request's records alone, so a
 * failure fails only the requests it belongs to.
 */
export class AuditChain {
  private readonly queue: PendingAppend[] = [];
  private committing = false;
  private readonly transaction: AppendTransaction;
  private readonly options: Required<AuditChainOptions>;
  /** Transactions committed and the entries they appended (the benchmark reads them). */
  readonly stats = { commits: 0, entries: 0 };

  constructor(dataSource: DataSource, options: AuditChainOptions = {}) {
    this.options = { groupCommit: true, maxWaitMs: 10_000, maxRecordsPerCommit: 1000, lockWaitSeconds: 5, ...options };
    this.transaction = dataSource.options.type === 'mysql' ? mysqlTransaction(dataSource, this.options.lockWaitSeconds) : sqliteTransaction(dataSource);
  }

  /** Appends `records` after the head; timed (`hub_audit_append_duration_seconds`, queueing included) and traced (`audit append`). */
  append(records: AuditRecord[]): Promise<AuditEntry[]> {
    if (records.length === 0) return Promise.resolve([]);
    const started = performance.now();
    const appended = inSpan('audit append', { 'hub.audit.records': records.length }, () => this.enqueue(records));
    const seconds = () => (performance.now() - started) / 1000;
    appended.then(
      (entries) => {
        auditAppendDuration.observe({ outcome: 'ok' }, seconds());
        auditAppendedEntries.inc(entries.length);
      },
      () => auditAppendDuration.observe({ outcome: 'error' }, seconds()),
    );
    return appended;
  }

  private enqueue(records: AuditRecord[]): Promise<AuditEntry[]> {
    return new Promise<AuditEntry[]>((resolve, reject) => {
      const pending: PendingAppend = {
        records,
        resolve,
        reject,
        timer: setTimeout(() => {
          const index = this.queue.indexOf(pending);
          if (index < 0) return;
          this.queue.splice(index, 1);
          reject(new AuditAppendTimeout(`the audit log took no entry for ${this.options.maxWaitMs} ms`));
        }, this.options.maxWaitMs),
      };
      this.queue.push(pending);
      this.drain();
    });
  }

  private drain() {
    if (this.committing || this.queue.length === 0) return;
    this.committing = true;
    const group = [this.queue.shift()!];
    let size = group[0].records.length;
    while (this.options.groupCommit && this.queue.length > 0 && size + this.queue[0].records.length <= this.options.maxRecordsPerCommit) {
      size += this.queue[0].records.length;
      group.push(this.queue.shift()!);
    }
    for (const pending of group) clearTimeout(pending.timer);
    void this.commit(group).finally(() => {
      this.committing = false;
      this.drain();
    });
  }

  private async commit(group: PendingAppend[]) {
    try {
      const entries = await this.withRetries(group.flatMap((pending) => pending.records));
      let at = 0;
      for (const pending of group) pending.resolve(entries.slice(at, (at += pending.records.length)));
    } catch (error) {
      if (group.length === 1 || isRetryable(error)) {
        for (const pending of group) pending.reject(error);
        return;
      }
      // Something in one request's records may be what failed: each alone, so only its own request fails.
      for (const pending of group) await this.withRetries(pending.records).then(pending.resolve, pending.reject);
    }
  }

  /** One transaction, again after a lost race (a few times, with a short random pause). */
  private async withRetries(records: AuditRecord[]): Promise<AuditEntry[]> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const entries = await this.transaction(records);
        this.stats.commits += 1;
        this.stats.entries += entries.length;
        return entries;
      } catch (error) {
        if (attempt >= 5 || !isRetryable(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
      }
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
