import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { DataSource } from 'typeorm';
import type { AuditRecord } from '../../services/core/audit/audit-record';
import { projectRoot } from '../../services/core/config';
import { openDatabase } from '../../services/core/database';
import { AuditChain, verifyAuditChain } from '../../services/institutions/audit/audit-chain';
import { AuditEntry } from '../../services/institutions/audit/audit-entry';
import { institutionsEntities } from '../../services/institutions/schema';
import { institutionsMigrations } from '../../services/institutions/migrations';
import { DATABASES, freshDatabaseUrl } from '../support/databases';

const run = promisify(execFile);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const codePoints = (text: string) => [...text].length;

/** Every text field of a stored entry: well-formed, no control character, within its column. */
function expectWellFormed(entry: AuditEntry) {
  const limits: [keyof AuditEntry, number][] = [
    ['source', 40], ['action', 120], ['errorCode', 40], ['detail', 500], ['operationName', 120],
    ['operationHash', 64], ['actorSubject', 200], ['actorUnitCode', 10], ['actorUnitPath', 64], ['targetUnitPath', 64],
  ];
  for (const [field, limit] of limits) {
    const value = entry[field] as string | null;
    if (value == null) continue;
    expect([field, LONE_SURROGATE.test(value), CONTROL.test(value), codePoints(value) <= limit]).toEqual([field, false, false, true]);
  }
  expect(entry.targets.length).toBeLessThanOrEqual(100);
  for (const target of entry.targets) expect([LONE_SURROGATE.test(target), CONTROL.test(target), codePoints(target) <= 200]).toEqual([false, false, true]);
}

const record = (action: string, extra: Partial<AuditRecord> = {}): AuditRecord => ({ source: 'institutions', action, outcome: 'ATTEMPTED', targets: [], ...extra });

/** Issue 11, item 8: the audit log is never falsely broken and never loses an entry. */
describe.each(DATABASES)('audit chain appends on %s', (kind) => {
  let url: string;
  let dataSource: DataSource;
  let databases = 0;
  const stored = () => dataSource.getRepository(AuditEntry).find({ order: { sequence: 'ASC' } });

  beforeEach(async () => {
    url = await freshDatabaseUrl(kind, `auditchain${(databases += 1)}`);
    dataSource = await openDatabase({ name: 'institutions', url, entities: institutionsEntities, migrations: institutionsMigrations });
  }, 120_000);
  afterEach(() => dataSource?.destroy());

  it('stores what it hashes: text is made well-formed and cut by code point before hashing', async () => {
    const chain = new AuditChain(dataSource);
    const emoji = '😀';
    const nasty = `a\u0000b\u0007c\u001Bd\u007Fe\u0085f\tg\nh\r\ni\uD800j\uDC00k${emoji}`;
    const records: AuditRecord[] = [
      // The case: the cut at 500 fell between the halves of the emoji.
      record('mutation receiveDossier', { outcome: 'REFUSED', errorCode: 'NOT_FOUND', detail: `No procedure has id "${'a'.repeat(478)}${emoji}"` }),
      // Every field, overlong, with a surrogate pair across every cut and every kind of bad character.
      ...[0, 1, 2, 3].map((shift) => {
        const long = (length: number) => `${'x'.repeat(length - 1 - shift)}${emoji}${nasty}`;
        return record(long(120), {
          source: long(40),
          outcome: 'FAILED',
          errorCode: long(40),
          detail: long(500),
          operationName: long(120),
          operationHash: long(64),
          actor: { kind: 'USER', subject: long(200), unitCode: long(10), unitPath: `VN/${long(60)}` },
          targets: Array.from({ length: 150 }, (_, index) => `${index}:${long(200)}`),
          targetUnitPath: `VN/${long(60)}`,
        });
      }),
      record(nasty, { detail: nasty, targets: [nasty, '\uDBFF', '\u0000'] }),
      record('\uD83D', { detail: `${'y'.repeat(499)}\uD83D` }),
    ];
    const appended = await chain.append(records);
    expect(appended.map((entry) => entry.sequence)).toEqual(records.map((_, index) => index + 1));

    const rows = await stored();
    // What the database gives back is what was hashed, field for field.
    expect(rows.map((row) => ({ ...row }))).toEqual(appended.map((entry) => ({ ...entry })));
    rows.forEach(expectWellFormed);
    // 500 code points: the emoji is whole, the closing quote is cut.
    expect(rows[0].detail).toBe(`No procedure has id "${'a'.repeat(478)}${emoji}`);
    expect(rows[1].detail).toBe(`${'x'.repeat(499)}${emoji}`);
    expect(rows[5].action).toBe(`abcdef g h  i\uFFFDj\uFFFDk${emoji}`);
    expect(rows[5].targets).toEqual([rows[5].action, '\uFFFD', '']);
    expect(rows[6]).toMatchObject({ action: '\uFFFD', detail: `${'y'.repeat(499)}\uFFFD` });
    expect(await verifyAuditChain(dataSource)).toEqual({ entries: records.length, headHash: rows.at(-1)!.hash });
  }, 120_000);

  it("fails a request whose records cannot be appended alone, not the others committed with it", async () => {
    const chain = new AuditChain(dataSource);
    const good = Array.from({ length: 20 }, (_, index) => chain.append([record(`good ${index}`)]));
    // Not a list of targets: its entry cannot be made.
    const bad = chain.append([record('bad', { targets: null as unknown as string[] })]);
    const after = Array.from({ length: 20 }, (_, index) => chain.append([record(`after ${index}`)]));
    await expect(bad).rejects.toThrow();
    expect((await Promise.all([...good, ...after])).flat().length).toBe(40);
    const rows = await stored();
    expect(rows.map((row) => row.action).sort()).toEqual([...Array.from({ length: 20 }, (_, i) => `good ${i}`), ...Array.from({ length: 20 }, (_, i) => `after ${i}`)].sort());
    expect((await verifyAuditChain(dataSource)).broken).toBeUndefined();
  }, 120_000);

  it('commits the appends that wait while a transaction runs together, in one transaction', async () => {
    const chain = new AuditChain(dataSource);
    const single = new AuditChain(dataSource, { groupCommit: false });
    await Promise.all(Array.from({ length: 100 }, (_, index) => chain.append([record(`grouped ${index}`), record(`grouped ${index} bis`)])));
    expect(chain.stats.entries).toBe(200);
    expect(chain.stats.commits).toBeLessThan(100);
    await Promise.all(Array.from({ length: 30 }, (_, index) => single.append([record(`single ${index}`)])));
    expect(single.stats).toEqual({ commits: 30, entries: 30 });
    expect(await verifyAuditChain(dataSource)).toEqual({ entries: 230, headHash: expect.any(String) });
  }, 120_000);

  it('loses no entry and never forks when several processes append at once', async () => {
    const perProcess = 150;
    const startAt = Date.now() + 4000;
    const appender = resolve(projectRoot(), 'dist/test/support/audit-appender.js');
    // Two processes of their own, and this one, each with its own connections to one database.
    const children = ['p1', 'p2'].map((name) => run(process.execPath, [appender, url, name, String(perProcess), String(startAt)], { encoding: 'utf8' }));
    const here = new AuditChain(dataSource);
    await new Promise((done) => setTimeout(done, Math.max(0, startAt - Date.now())));
    const local: Promise<unknown>[] = [];
    for (let index = 0; index < perProcess; index += 1) {
      local.push(here.append([record(`p0 ${index}`, { targets: [`append:p0-${index}`] })]));
      if (index % 5 === 4) await new Promise((done) => setTimeout(done, 1));
    }
    await Promise.all(local);
    const reports = (await Promise.all(children)).map((child) => JSON.parse(child.stdout.trim().split('\n').at(-1)!));
    expect(reports.map((report) => [report.appended, report.failed])).toEqual([[perProcess, []], [perProcess, []]]);

    const rows = await stored();
    expect(rows.length).toBe(3 * perProcess);
    expect(rows.map((row) => row.sequence)).toEqual(rows.map((_, index) => index + 1));
    expect(new Set(rows.map((row) => row.action)).size).toBe(3 * perProcess);
    expect(await verifyAuditChain(dataSource)).toEqual({ entries: 3 * perProcess, headHash: rows.at(-1)!.hash });
  }, 300_000);
});

describe('an audit append waiting for a chain another process holds, on mariadb', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await openDatabase({ name: 'institutions', url: await freshDatabaseUrl('mariadb', 'auditlocked'), entities: institutionsEntities, migrations: institutionsMigrations });
  }, 120_000);
  afterAll(() => dataSource?.destroy());

  it('fails within its bounds and writes nothing; the next append after the lock is gone goes through', async () => {
    const chain = new AuditChain(dataSource, { maxWaitMs: 1000, lockWaitSeconds: 1 });
    await chain.append([record('before')]);
    const holder = dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query('SELECT id FROM audit_chain_lock WHERE id = 1 FOR UPDATE');
    try {
      const inTransaction = chain.append([record('blocked')]);
      const queued = chain.append([record('queued')]);
      // The queued one never got a transaction; the first gave up on the lock.
      await expect(queued).rejects.toThrow('the audit log took no entry for 1000 ms');
      await expect(inTransaction).rejects.toMatchObject({ driverError: { code: 'ER_LOCK_WAIT_TIMEOUT' } });
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    await chain.append([record('after')]);
    const rows = await dataSource.getRepository(AuditEntry).find({ order: { sequence: 'ASC' } });
    expect(rows.map((row) => [row.sequence, row.action])).toEqual([[1, 'before'], [2, 'after']]);
    expect((await verifyAuditChain(dataSource)).broken).toBeUndefined();
  }, 120_000);
});

describe('an audit log whose MariaDB columns cannot hold every character', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await openDatabase({ name: 'institutions', url: await freshDatabaseUrl('mariadb', 'auditlatin'), entities: institutionsEntities, migrations: institutionsMigrations });
    await dataSource.query('ALTER TABLE audit_entry MODIFY detail VARCHAR(500) CHARACTER SET latin1 NULL');
  }, 120_000);
  afterAll(() => dataSource?.destroy());

  it('appends nothing: an emoji would be stored as "?" and break the chain', async () => {
    const chain = new AuditChain(dataSource);
    await expect(chain.append([record('mutation receiveDossier', { detail: 'No procedure has id "😀"' })])).rejects.toThrow('audit_entry columns detail (latin1) are not utf8mb4');
    expect(await dataSource.getRepository(AuditEntry).count()).toBe(0);
  }, 120_000);
});
