import { Dossier } from '../../services/procedures/dossier/dossier';
import { errorCodes } from '../support/graphql-client';
import { DATABASES } from '../support/databases';
import { startTestHub, type TestHub } from '../support/hub';

const RECEIVE = `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id } }`;
const input = (clientKey: string) => ({
  clientKey,
  procedureId: '62-T0001',
  unitCode: '62',
  agencyId: '62.ttphvhcc',
  channel: 'ONLINE',
  componentCount: 3,
  applicantName: 'Đồng Thời',
  applicantIdNumber: '062123456780',
});

/**
 * Writes that fail beside writes that succeed, all at once: what was acknowledged stays
 * written. On SQLite every query of a process shares one connection, and transactions of
 * concurrent requests used to nest as savepoints of one another, so a rollback could undo
 * another request's acknowledged write (`services/core/sqlite-write-lock.ts`).
 */
describe.each(DATABASES)('concurrent writes on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind, 'concurrentwrites');
  }, 900_000);
  afterAll(() => hub?.close());

  it('keeps every acknowledged dossier when racing duplicates roll back around it', async () => {
    const token = await hub.token('62', ['OFFICER']);
    const keys = Array.from({ length: 40 }, (_, index) => (index % 2 === 0 ? `solo-${index}` : `shared-${index % 3}`));
    const answers = await Promise.all(keys.map((key) => hub.query<any>(RECEIVE, { input: input(key) }, token)));
    for (const answer of answers) expect(errorCodes(answer)).toEqual([]);
    const acknowledged = new Set(answers.map((answer) => answer.data.receiveDossier.id as string));
    // 20 solo keys and 3 shared ones: 23 dossiers, each acknowledged id written.
    expect(acknowledged.size).toBe(23);
    const stored = await hub.subgraphs.procedures.dataSource.getRepository(Dossier).findBy({ applicantName: 'Đồng Thời' });
    expect(new Set(stored.map((dossier) => dossier.id))).toEqual(acknowledged);
  }, 600_000);
});
