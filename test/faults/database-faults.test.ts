import { createConnection, type Connection } from 'mysql2/promise';
import { mintDevToken } from '../../gateway/auth/dev-token';
import { openDatabase } from '../../services/core/database';
import { verifyAuditChain } from '../../services/institutions/audit/audit-chain';
import { institutionsEntities } from '../../services/institutions/schema';
import { institutionsMigrations } from '../../services/institutions/migrations';
import { mysqlServerOptions } from '../support/databases';
import { startProcessHub, type ProcessHub } from '../support/hub-processes';

/**
 * Issue 11, the fault suite's database part: MariaDB connections of a subgraph killed (`KILL`,
 * from another connection) while mutations run. Every answer is a dossier or a coded error;
 * nothing acknowledged is lost and nothing is written twice (a retry with the same key returns
 * the first dossier); after the subgraph restarts, the counts agree and the audit chain
 * verifies intact.
 */
const TIMEOUT_MS = 900_000;
const MUTATIONS = 30;

const RECEIVE = `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id status } }`;
const input = (clientKey: string) => ({
  clientKey,
  procedureId: '91-X0001',
  unitCode: '30880',
  agencyId: '30880.motcua',
  channel: 'IN_PERSON',
  componentCount: 2,
  applicantName: 'Nguyễn Văn An',
  applicantIdNumber: '091987654321',
});

const databaseOf = (url: string) => new URL(url).pathname.slice(1);

describe('database connections killed during writes (MariaDB)', () => {
  let hub: ProcessHub;
  let admin: Connection;
  let token: string;

  beforeAll(async () => {
    hub = await startProcessHub('mariadb', 'dbfaults');
    admin = await createConnection(mysqlServerOptions());
    token = await mintDevToken({ unit: '30880', roles: ['OFFICER'] });
  }, TIMEOUT_MS);
  afterAll(async () => {
    await admin?.end();
    await hub?.close();
  });

  const countDossiers = async () => {
    const [rows] = await admin.query(`SELECT COUNT(*) AS n FROM \`${databaseOf(hub.subgraphs.procedures.databaseUrl)}\`.dossier`);
    return Number((rows as { n: number | string }[])[0].n);
  };
  const dossierExists = async (id: string) => {
    const [rows] = await admin.query(`SELECT id FROM \`${databaseOf(hub.subgraphs.procedures.databaseUrl)}\`.dossier WHERE id = ?`, [id]);
    return (rows as unknown[]).length === 1;
  };

  /** Kills every connection to the subgraphs' databases, over and over, until `until` settles. */
  async function killConnectionsDuring<T>(subgraphs: string[], until: Promise<T>): Promise<{ result: T; killed: number }> {
    const databases = subgraphs.map((name) => databaseOf(hub.subgraphs[name].databaseUrl));
    let done = false;
    let killed = 0;
    const killer = (async () => {
      while (!done) {
        const [rows] = await admin.query(
          `SELECT ID AS id FROM information_schema.PROCESSLIST WHERE DB IN (?) AND ID <> CONNECTION_ID()`,
          [databases],
        );
        for (const { id } of rows as { id: number }[]) {
          await admin.query(`KILL ${Number(id)}`).then(
            () => (killed += 1),
            () => undefined, // already gone
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    })();
    try {
      return { result: await until, killed };
    } finally {
      done = true;
      await killer;
    }
  }

  async function writeThroughKills(label: string, subgraphs: string[]) {
    const before = await countDossiers();
    const keys = Array.from({ length: MUTATIONS }, (_, index) => `${label}-${index}`);
    const { result: answers, killed } = await killConnectionsDuring(
      subgraphs,
      Promise.all(keys.map((key) => hub.query<any>(RECEIVE, { input: input(key) }, token))),
    );
    expect(killed).toBeGreaterThan(0);

    const acknowledged = new Map<string, string>();
    for (const [index, answer] of answers.entries()) {
      const id = answer.data?.receiveDossier?.id;
      if (id) {
        acknowledged.set(keys[index], id);
        continue;
      }
      // Not a dossier: a coded error that is a fault to retry, never an internal error.
      expect({ key: keys[index], codes: (answer.errors ?? []).map((error) => error.extensions?.code) }).toEqual({
        key: keys[index],
        codes: ['SERVICE_UNAVAILABLE'],
      });
      expect(answer.text).not.toMatch(/127\.0\.0\.1|3306|ER_|ECONN|mysql/i);
    }

    console.log(`${label}: ${acknowledged.size} of ${MUTATIONS} acknowledged, ${killed} connections killed`);
    // Nothing acknowledged is lost; nothing is written more than once.
    for (const id of acknowledged.values()) expect(await dossierExists(id)).toBe(true);
    const after = await countDossiers();
    expect(after).toBeGreaterThanOrEqual(before + acknowledged.size);
    expect(after).toBeLessThanOrEqual(before + MUTATIONS);

    // Retried with the same keys once the database is back: the first dossiers, and one per key.
    const retries = await Promise.all(keys.map((key) => hub.query<any>(RECEIVE, { input: input(key) }, token)));
    for (const [index, retry] of retries.entries()) {
      expect(retry.errors).toBeUndefined();
      const first = acknowledged.get(keys[index]);
      if (first) expect(retry.data.receiveDossier.id).toBe(first);
    }
    expect(await countDossiers()).toBe(before + MUTATIONS);
    return { before, acknowledged: acknowledged.size };
  }

  async function expectCountsAndChainAfterRestart(expected: number) {
    for (const name of ['procedures', 'institutions']) {
      await hub.kill(name);
      await hub.restart(name);
    }
    const national = await mintDevToken({ unit: 'VN', roles: ['OFFICER'] });
    const counted = await hub.query<any>('{ dossiers(first: 1) { totalCount } }', {}, national);
    expect(counted.errors).toBeUndefined();
    expect(counted.data.dossiers.totalCount).toBe(expected);
    expect(await countDossiers()).toBe(expected);

    const institutions = await openDatabase({ name: 'institutions', url: hub.subgraphs.institutions.databaseUrl, entities: institutionsEntities, migrations: institutionsMigrations });
    try {
      const chain = await verifyAuditChain(institutions);
      expect(chain.broken).toBeUndefined();
      expect(chain.entries).toBeGreaterThan(0);
    } finally {
      await institutions.destroy();
    }
  }

  it("the procedures subgraph's connections killed mid-write: a dossier or SERVICE_UNAVAILABLE, nothing lost or doubled; after restart the counts and the audit chain agree", async () => {
    const { before } = await writeThroughKills('kill-procedures', ['procedures']);
    await expectCountsAndChainAfterRestart(before + MUTATIONS);
  }, TIMEOUT_MS);

  it("the audit log's connections killed too (institutions): writes fail closed or succeed, the chain verifies intact", async () => {
    const { before } = await writeThroughKills('kill-audit', ['procedures', 'institutions']);
    await expectCountsAndChainAfterRestart(before + MUTATIONS);
  }, TIMEOUT_MS);
});
