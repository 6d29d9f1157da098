import { DATABASES } from '../support/databases';
import { startTestHub, type TestHub } from '../support/hub';
import { BAD_INPUT_TIMEOUT_MS, walkBadInput } from './bad-input-walk';

/**
 * Issue 11, "what must hold": every argument of every root query and mutation field and of
 * every AdministrativeUnit field, given bad values of its type (generated from the
 * supergraph), is answered by a coded error below HTTP 500; no table of any subgraph gains or
 * changes a row; the audit chain verifies intact afterwards. On SQLite and MariaDB.
 */
describe.each(DATABASES)('bad input, graph-wide, on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind, 'badinput', { rateLimits: { anonymousPerMinute: 0, userPerMinute: 0, servicePerMinute: 0 } });
  }, BAD_INPUT_TIMEOUT_MS);
  afterAll(() => hub?.close());

  it('refuses every bad value with a coded error, writes nothing and leaves the audit chain intact', async () => {
    const report = await walkBadInput(hub);
    expect(report.cases).toBeGreaterThan(2000);
    expect(report.wrongAnswers).toEqual([]);
    expect(report.newAuditEntries).toEqual([]);
    expect(report.changedTables).toEqual([]);
    expect(report.auditChain).toBe('intact');
  }, BAD_INPUT_TIMEOUT_MS);
});
