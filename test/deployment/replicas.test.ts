import 'reflect-metadata';
import { createHash, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { mintDevToken } from '../../gateway/auth/dev-token';
import { openDatabase } from '../../services/core/database';
import { INTERNAL_CALL_HEADER, signInternalCall } from '../../services/core/internal-call';
import { PRINCIPAL_HEADER, signPrincipal, type Principal } from '../../services/core/principal';
import { SERVICE_CLIENT_ENDPOINT } from '../../services/core/service-client-record';
import { AuditEntry } from '../../services/institutions/audit/audit-entry';
import { verifyAuditChain } from '../../services/institutions/audit/audit-chain';
import { SUBGRAPHS } from '../../services/registry';
import { basicAuth, requestToken } from '../access/oauth-client';
import { errorCodes, postGraphQL, type GraphQLResponse } from '../support/graphql-client';
import { startReplicaCluster, type ReplicaCluster } from '../support/replica-cluster';

/** Requests a user may make a minute, on every gateway together. */
const USER_PER_MINUTE = 12;

const RECEIVE = `mutation ReceiveDossier($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id } }`;
const REGISTER_DOCUMENT = `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { id number numberAndSymbol } }`;
const REGISTER_CLIENT = `mutation($input: RegisterServiceClientInput!) { registerServiceClient(input: $input) { clientSecret client { id } } }`;
const SAFELIST = `mutation($clientId: ID!, $document: String!) { safelistOperation(clientId: $clientId, document: $document) { hash } }`;
const REVOKE = `mutation($id: ID!) { revokeServiceClient(id: $id, reason: "replica test") { status } }`;

const dossierInput = (clientKey: string, applicantName: string) => ({
  clientKey,
  procedureId: '62-T0001',
  unitCode: '62',
  agencyId: '62.ttphvhcc',
  channel: 'ONLINE',
  componentCount: 3,
  applicantName,
  applicantIdNumber: '062123456781',
});

/** Runs `work` over `items`, `width` at a time. */
async function pool<T, R>(items: T[], width: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index], index);
      }
    }),
  );
  return results;
}

/** An answer, or the failure of the connection (a process killed under the request). */
async function attempt<T>(url: string, query: string, variables: Record<string, unknown>, token: string): Promise<GraphQLResponse<T> | { status: 0 }> {
  try {
    return await postGraphQL<T>(`${url}/graphql`, query, variables, { authorization: `Bearer ${token}` });
  } catch {
    return { status: 0 };
  }
}

/**
 * Issue 13: the hub as more than one process of each kind. Two gateways and two replicas of
 * each subgraph on MariaDB and Redis, behind HAProxy, each a real process: the guarantees that
 * need memory hold across all of them (rate limits, single-use principals and internal calls,
 * client revocation, the audit chain and Decree 30 numbers), and killing one replica of each
 * loses no acknowledged write.
 */
describe('two replicas of every process, on MariaDB and Redis, behind HAProxy', () => {
  let cluster: ReplicaCluster;
  const databases: Record<string, DataSource> = {};
  const database = async (name: string) => {
    const definition = SUBGRAPHS.find((subgraph) => subgraph.name === name)!;
    databases[name] ??= await openDatabase({ name, url: cluster.databaseUrls[name], entities: definition.entities, migrations: definition.migrations });
    return databases[name];
  };

  beforeAll(async () => {
    cluster = await startReplicaCluster('replicas', {
      gatewayEnv: {
        HUB_RATE_USER_PER_MINUTE: String(USER_PER_MINUTE),
        HUB_RATE_ANONYMOUS_PER_MINUTE: '0',
        HUB_RATE_SERVICE_PER_MINUTE: '0',
        // Far longer than the test waits: only the broadcast can make a revocation seen in time.
        HUB_CLIENT_CACHE_SECONDS: '3600',
      },
    });
  }, 900_000);
  afterAll(async () => {
    for (const dataSource of Object.values(databases)) await dataSource.destroy();
    await cluster?.close();
  }, 120_000);

  /** Every request of one user counts against its budget: a fresh subject per part of the test. */
  const userToken = (unit: string, roles: Principal['roles'], subject = `replica-${randomUUID()}`) => mintDevToken({ unit, roles, subject });

  it(`admits ${USER_PER_MINUTE} requests a minute in total across both gateways`, async () => {
    const token = await userToken('62', ['VIEWER']);
    const statuses: number[] = [];
    const codes: string[][] = [];
    // One after the other, alternating gateways, each called directly: the count is shared, not per process.
    for (let index = 0; index < USER_PER_MINUTE + 8; index += 1) {
      const gateway = cluster.gateways[index % 2];
      const answer = await postGraphQL<any>(`${gateway.url}/graphql`, '{ me { subject } }', {}, { authorization: `Bearer ${token}` });
      statuses.push(answer.status);
      codes.push(errorCodes(answer).map(String));
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(USER_PER_MINUTE);
    expect(statuses.slice(USER_PER_MINUTE)).toEqual(new Array(8).fill(429));
    expect(codes.slice(USER_PER_MINUTE).flat()).toEqual(new Array(8).fill('RATE_LIMITED'));
  });

  it('knows a persisted query registered through one gateway on the other', async () => {
    const token = await userToken('62', ['VIEWER']);
    const query = 'query ReplicaApq { me { subject } }';
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    const post = (url: string, body: Record<string, unknown>) =>
      fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) }).then(
        async (response) => ({ status: response.status, ...((await response.json()) as any) }),
      );
    const [first, second] = cluster.gateways;
    const unknown = await post(second.url, { extensions: { persistedQuery } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await post(first.url, { query, extensions: { persistedQuery } });
    expect(registered.errors).toBeUndefined();
    const byHash = await post(second.url, { extensions: { persistedQuery } });
    expect([byHash.status, byHash.errors, byHash.data?.me?.subject]).toEqual([200, undefined, expect.stringMatching(/^replica-/)]);
  });

  it('refuses a forwarded principal replayed to the other replica, and an internal call replayed likewise', async () => {
    const principal: Principal = { subject: 'replica-replay', name: 'Replay', kind: 'USER', roles: ['VIEWER'], scopes: [], unitCode: '62', unitPath: 'VN/62' };
    const query = '{ __typename }';
    const header = await signPrincipal(principal, query);
    const send = (url: string) =>
      fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', [PRINCIPAL_HEADER]: header }, body: JSON.stringify({ query }) });
    const [first, second] = cluster.replicas.procedures;
    expect((await send(first.url)).status).toBe(200);
    const replayed = await send(second.url);
    expect(replayed.status).toBe(401);
    expect(((await replayed.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const body = JSON.stringify({ clientId: 'svc-62-motcua' });
    const signature = await signInternalCall('gateway', SERVICE_CLIENT_ENDPOINT, body);
    const call = (url: string) =>
      fetch(`${url}/internal/${SERVICE_CLIENT_ENDPOINT}`, { method: 'POST', headers: { 'content-type': 'application/json', [INTERNAL_CALL_HEADER]: signature }, body });
    const [institutions1, institutions2] = cluster.replicas.institutions;
    expect((await call(institutions1.url)).status).toBe(200);
    expect((await call(institutions2.url)).status).toBe(401);
  });

  it('makes both gateways refuse a revoked client, within the broadcast, with an hour of client cache', async () => {
    const admin = await userToken('62', ['ADMIN']);
    const registered = await postGraphQL<any>(`${cluster.url}/graphql`, REGISTER_CLIENT, { input: { name: 'Replica test client', unitCode: '62', scopes: ['dossiers:write'] } }, { authorization: `Bearer ${admin}` });
    expect(registered.errors).toBeUndefined();
    const client = { id: registered.data.registerServiceClient.client.id as string, secret: registered.data.registerServiceClient.clientSecret as string };
    const listed = await postGraphQL<any>(`${cluster.url}/graphql`, SAFELIST, { clientId: client.id, document: RECEIVE }, { authorization: `Bearer ${admin}` });
    expect(listed.errors).toBeUndefined();
    const issued = await requestToken(cluster.gateways[0].url, { grant_type: 'client_credentials' }, { authorization: basicAuth(client.id, client.secret) });
    expect(issued.status).toBe(200);
    const token = issued.body.access_token!;
    const receive = (gatewayUrl: string, key: string) => postGraphQL<any>(`${gatewayUrl}/graphql`, RECEIVE, { input: dossierInput(key, 'Khách Hàng Thử') }, { authorization: `Bearer ${token}` });

    // Both gateways know the client as active (and cache it for an hour).
    for (const [index, gateway] of cluster.gateways.entries()) {
      const answer = await receive(gateway.url, `revoke-before-${index}`);
      expect([gateway.label, errorCodes(answer)]).toEqual([gateway.label, []]);
    }
    const revoked = await postGraphQL<any>(`${cluster.url}/graphql`, REVOKE, { id: client.id }, { authorization: `Bearer ${admin}` });
    expect(revoked.data.revokeServiceClient.status).toBe('REVOKED');

    // The promise: the broadcast reaches every gateway at once; polled for 60 s on a busy machine.
    for (const [index, gateway] of cluster.gateways.entries()) {
      const until = Date.now() + 60_000;
      let last: GraphQLResponse<any> | undefined;
      for (let round = 0; Date.now() < until; round += 1) {
        last = await receive(gateway.url, `revoke-after-${index}-${round}`);
        if (last.status === 401) break;
        await new Promise((done) => setTimeout(done, 250));
      }
      expect([gateway.label, last?.status, errorCodes(last!)]).toEqual([gateway.label, 401, ['UNAUTHENTICATED']]);
    }
  });

  it('keeps one intact audit chain and Decree 30 numbers without gaps under parallel writes through both sets', async () => {
    const writes = Array.from({ length: 24 }, (_, index) => index);
    // A fresh subject per write: the rate limit is not what this part tests.
    const tokens = await Promise.all(writes.map((index) => userToken('91', ['OFFICER'], `replica-writer-91-${index}`)));
    const answers = await pool(writes, 6, (index) =>
      postGraphQL<any>(
        `${cluster.gateways[index % 2].url}/graphql`,
        REGISTER_DOCUMENT,
        { input: { clientKey: `replica-doc-${index}`, agencyId: '91.ubnd', typeAbbreviation: 'KH', issuerAbbreviation: 'UBND', title: `Kế hoạch song song ${index}`, content: `Nội dung ${index}` } },
        { authorization: `Bearer ${tokens[index]}` },
      ),
    );
    for (const answer of answers) expect(errorCodes(answer)).toEqual([]);
    const numbers = answers.map((answer) => answer.data.registerDocument.number as number);
    expect(new Set(numbers).size).toBe(writes.length);

    // The whole series of the year, as stored: 1, 2, 3... with no number twice and none missing.
    const documents = await database('documents');
    const [first] = await documents.query('SELECT agencyId, year, series FROM document WHERE id = ?', [answers[0].data.registerDocument.id]);
    const stored = await documents.query('SELECT number FROM document WHERE agencyId = ? AND year = ? AND series = ? ORDER BY number', [first.agencyId, first.year, first.series]);
    const series = stored.map((row: { number: number }) => Number(row.number));
    expect(series).toEqual(series.map((_: number, index: number) => index + 1));
    for (const number of numbers) expect(series).toContain(number);

    const institutions = await database('institutions');
    const chain = await verifyAuditChain(institutions);
    expect(chain.broken).toBeUndefined();
    const audited = await institutions.getRepository(AuditEntry).createQueryBuilder('entry').where("entry.actorSubject LIKE 'replica-writer-91-%'").andWhere("entry.action = 'mutation registerDocument'").getCount();
    expect(audited).toBeGreaterThanOrEqual(writes.length);
  });

  it('loses no acknowledged write when one replica of each process is killed under traffic', async () => {
    const applicant = `Người Nộp ${randomUUID().slice(0, 8)}`;
    const writes = Array.from({ length: 60 }, (_, index) => index);
    const tokens = await Promise.all(writes.map((index) => userToken('62', ['OFFICER'], `replica-kill-${index}`)));
    const acknowledged = new Map<number, string>();
    let killed = false;
    const killer = (async () => {
      // Once a third of the writes are answered, one of each goes down at once.
      while (acknowledged.size < writes.length / 3) await new Promise((done) => setTimeout(done, 100));
      await Promise.all([cluster.gateways[0], ...SUBGRAPHS.map((subgraph) => cluster.replicas[subgraph.name][0])].map((target) => cluster.kill(target)));
      killed = true;
    })();
    let afterKill = 0;
    await pool(writes, 4, async (index) => {
      const answer = await attempt<any>(cluster.url, RECEIVE, { input: dossierInput(`replica-kill-${index}`, applicant) }, tokens[index]);
      const id = answer.status === 200 ? (answer as GraphQLResponse<any>).data?.receiveDossier?.id : undefined;
      if (typeof id === 'string') {
        acknowledged.set(index, id);
        if (killed) afterKill += 1;
      }
    });
    await killer;
    // The survivors carried on.
    expect(afterKill).toBeGreaterThan(0);
    const procedures = await database('procedures');
    const stored: { id: string }[] = await procedures.query('SELECT id FROM dossier WHERE applicantName = ?', [applicant]);
    const storedIds = new Set(stored.map((row) => row.id));
    for (const [index, id] of acknowledged) expect([index, storedIds.has(id)]).toEqual([index, true]);
    const chain = await verifyAuditChain(await database('institutions'));
    expect(chain.broken).toBeUndefined();
  });
});
