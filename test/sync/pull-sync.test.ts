import { mintDevToken } from '../../gateway/auth/dev-token';
import { startGateway } from '../../gateway/gateway-server';
import { statementCounter } from '../../services/core/database';
import type { RunningSubgraph } from '../../services/core/subgraph-definition';
import { startSubgraphFrom } from '../../services/core/subgraph-definition';
import type { RunningServer } from '../../services/core/subgraph-server';
import { SUBGRAPHS } from '../../services/registry';
import { DATABASES, discardDatabase, seededDatabaseUrl } from '../support/databases';
import { postGraphQL } from '../support/graphql-client';
import { testGatewayConfig } from '../support/hub';
import { freePort } from '../support/hub-processes';

const RECEIVE = `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id updatedAt } }`;
const MOVE = `mutation($id: ID!) { transitionDossier(id: $id, to: PROCESSING) { id status updatedAt } }`;
const REGISTER_CLIENT = `mutation($input: RegisterServiceClientInput!) { registerServiceClient(input: $input) { client { id updatedAt } } }`;
const DOSSIERS = `query($since: DateTime, $first: Int, $after: String) {
  dossiers(updatedSince: $since, first: $first, after: $after) { totalCount edges { cursor node { id updatedAt } } pageInfo { hasNextPage endCursor } }
}`;

type Edge = { cursor: string; node: { id: string; updatedAt: string } };
type Connection = { totalCount?: number; edges: Edge[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

/** (updatedAt, id) ascending, the order of a page asked with updatedSince; updatedAt compared as instants. */
const syncOrder = (a: Edge['node'], b: Edge['node']) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Issue 15 item 3, pull sync: a partner takes an instant T, the hub restarts, changes are made;
 * `updatedSince: T` then returns exactly those records in (updatedAt, id) order, page by page
 * with `first: 1`, on both databases, through the real gateway with signed tokens. A principal
 * outside the records' scope gets none of them; a bad instant is BAD_USER_INPUT (HTTP 400); a
 * page asked with updatedSince costs no more statements than without. (The pre-reform suites'
 * day, 2025-06-30: Kon Tum 62 and Gia Lai 64 are both in force.)
 */
describe.each(DATABASES)('pull sync (updatedSince) on %s', (kind) => {
  const names = ['institutions', 'procedures'];
  const databases: Record<string, string> = {};
  const ports: Record<string, number> = {};
  let running: Record<string, RunningSubgraph> = {};
  let gateway: RunningServer | undefined;
  const url = (name: string) => `http://127.0.0.1:${ports[name]}/graphql`;

  const start = async () => {
    running = {};
    for (const definition of SUBGRAPHS.filter((candidate) => names.includes(candidate.name))) {
      running[definition.name] = await startSubgraphFrom(definition, { databaseUrl: databases[definition.name], port: ports[definition.name], institutionsUrl: url('institutions') });
    }
    const nowhere = 'http://127.0.0.1:9/graphql';
    gateway = await startGateway(testGatewayConfig({ documents: nowhere, inspections: nowhere, institutions: url('institutions'), procedures: url('procedures') }));
  };
  const stop = async () => {
    await gateway?.close();
    gateway = undefined;
    for (const name of [...names].reverse()) await running[name]?.close();
    running = {};
  };
  const ask = async <T = any>(text: string, variables: Record<string, unknown>, token: string) =>
    postGraphQL<T>(`${gateway!.url}/graphql`, text, variables, { authorization: `Bearer ${token}` });

  /** Every page of `dossiers(updatedSince)` with `first: 1`, following endCursor. */
  const allPages = async (token: string, since: string) => {
    const nodes: Edge['node'][] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page += 1) {
      const response = await ask<{ dossiers: Connection }>(DOSSIERS, { since, first: 1, after }, token);
      expect(response.errors).toBeUndefined();
      const page: Connection = response.data!.dossiers;
      const { edges, pageInfo } = page;
      expect(edges.length).toBeLessThanOrEqual(1);
      nodes.push(...edges.map((edge: Edge) => edge.node));
      if (!pageInfo.hasNextPage) return nodes;
      after = pageInfo.endCursor;
    }
    throw new Error('more than 50 pages');
  };

  let since: string;
  const made: { konTum: string[]; giaLai: string; client62: string; client64: string } = { konTum: [], giaLai: '', client62: '', client64: '' };

  beforeAll(async () => {
    for (const name of names) {
      databases[name] = await seededDatabaseUrl(kind, name, 'pull_sync');
      ports[name] = await freePort();
    }
    await start();
    // The partner takes T, then the hub goes down and comes back (the same databases, new processes' state).
    since = new Date().toISOString();
    await stop();
    await start();

    const officer = (unit: string) => mintDevToken({ unit, roles: ['OFFICER'] });
    const receive = async (province: '62' | '64', key: string) => {
      const response = await ask(RECEIVE, {
        input: { clientKey: `sync-${kind}-${key}`, procedureId: `${province}-T0001`, unitCode: province, agencyId: `${province}.ubnd`, channel: 'IN_PERSON', componentCount: 1, applicantName: 'Nguyễn Văn Thử', applicantIdNumber: `0${province}123456789` },
      }, await officer(province));
      expect(response.errors).toBeUndefined();
      return response.data.receiveDossier.id as string;
    };
    made.konTum.push(await receive('62', 'a'));
    made.giaLai = await receive('64', 'c');
    made.konTum.push(await receive('62', 'b'));
    // The first Kon Tum dossier moves after the second was received: it now sorts last.
    const moved = await ask(MOVE, { id: made.konTum[0] }, await officer('62'));
    expect(moved.errors).toBeUndefined();
    const register = async (unit: string) => {
      const response = await ask(REGISTER_CLIENT, { input: { name: `Hệ thống thử ${unit}`, unitCode: unit, scopes: ['dossiers:read'] } }, await mintDevToken({ unit, roles: ['ADMIN'] }));
      expect(response.errors).toBeUndefined();
      return response.data.registerServiceClient.client.id as string;
    };
    made.client62 = await register('62');
    made.client64 = await register('64');
  }, 900_000);

  afterAll(async () => {
    await stop();
    for (const name of names) if (databases[name]) await discardDatabase(databases[name]);
  });

  it('after a restart, updatedSince: T gives exactly the dossiers changed since, in (updatedAt, id) order, one page at a time', async () => {
    const token = await mintDevToken({ unit: '62', roles: ['OFFICER'] });
    const nodes = await allPages(token, since);
    expect(nodes.map((node) => node.id).sort()).toEqual([...made.konTum].sort());
    expect([...nodes].sort(syncOrder)).toEqual(nodes);
    for (const node of nodes) expect(Date.parse(node.updatedAt)).toBeGreaterThanOrEqual(Date.parse(since));
    // Received a, received b, moved a: b then a.
    expect(nodes.map((node) => node.id)).toEqual([made.konTum[1], made.konTum[0]]);
    const whole = await ask<{ dossiers: Connection }>(DOSSIERS, { since }, token);
    expect(whole.data!.dossiers.totalCount).toBe(2);
  });

  it('the nested lists of a unit and an agency give the same changes; the unit tree and the agencies did not change', async () => {
    const token = await mintDevToken({ unit: '62', roles: ['OFFICER'] });
    const response = await ask<any>(
      `query($since: DateTime) {
        unit(code: "62") { dossiers(updatedSince: $since) { edges { node { id } } } children(updatedSince: $since) { totalCount } }
        agency(id: "62.ubnd") { dossiers(updatedSince: $since) { edges { node { id } } } officials(updatedSince: $since) { totalCount } }
        units(updatedSince: $since) { totalCount }
        agencies(updatedSince: $since) { totalCount }
        procedures(updatedSince: $since) { totalCount }
      }`,
      { since },
      token,
    );
    expect(response.errors).toBeUndefined();
    const ids = (connection: Connection) => connection.edges.map((edge) => edge.node.id);
    expect(ids(response.data.unit.dossiers)).toEqual([made.konTum[1], made.konTum[0]]);
    expect(ids(response.data.agency.dossiers)).toEqual([made.konTum[1], made.konTum[0]]);
    expect(response.data.unit.children.totalCount).toBe(0);
    expect(response.data.agency.officials.totalCount).toBe(0);
    expect(response.data.units.totalCount).toBe(0);
    expect(response.data.agencies.totalCount).toBe(0);
    expect(response.data.procedures.totalCount).toBe(0);
  });

  it('service clients: an ADMIN gets the client registered since T in its scope, and not the other province\'s', async () => {
    const list = `query($since: DateTime) { serviceClients(updatedSince: $since) { edges { node { id updatedAt } } } }`;
    const mine = await ask<any>(list, { since }, await mintDevToken({ unit: '62', roles: ['ADMIN'] }));
    expect(mine.errors).toBeUndefined();
    expect(mine.data.serviceClients.edges.map((edge: Edge) => edge.node.id)).toEqual([made.client62]);
    const theirs = await ask<any>(list, { since }, await mintDevToken({ unit: '64', roles: ['ADMIN'] }));
    expect(theirs.data.serviceClients.edges.map((edge: Edge) => edge.node.id)).toEqual([made.client64]);
  });

  it('a principal outside Kon Tum gets none of its changes, only its own province\'s', async () => {
    const token = await mintDevToken({ unit: '64', roles: ['OFFICER'] });
    const nodes = await allPages(token, since);
    expect(nodes.map((node) => node.id)).toEqual([made.giaLai]);
    const nested = await ask<any>(`query($since: DateTime) { unit(code: "62") { dossiers(updatedSince: $since) { totalCount edges { node { id } } } } }`, { since }, token);
    expect(nested.errors).toBeUndefined();
    expect(nested.data.unit.dossiers?.edges ?? []).toEqual([]);
  });

  it('pages continue exactly through ties: the districts of Kon Tum all changed at the reform (2025-07-01 00:00 in Vietnam)', async () => {
    const token = await mintDevToken({ unit: '62', roles: ['OFFICER'] });
    const children = `query($since: DateTime, $after: String, $first: Int) {
      unit(code: "62") { children(updatedSince: $since, first: $first, after: $after) { edges { node { id updatedAt } } pageInfo { hasNextPage endCursor } } }
    }`;
    const reform = '2025-07-01T00:00:00+07:00';
    const seen: Edge['node'][] = [];
    let after: string | null = null;
    for (;;) {
      const response = await ask<any>(children, { since: reform, first: 1, after }, token);
      expect(response.errors).toBeUndefined();
      const page = response.data.unit.children as Connection;
      seen.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const usual = await ask<any>(`query { unit(code: "62") { children(first: 100) { edges { node { id } } } } }`, {}, token);
    const ids = usual.data.unit.children.edges.map((edge: Edge) => edge.node.id);
    expect(ids.length).toBeGreaterThan(2);
    expect(seen.map((node) => node.id)).toEqual(ids);
    expect(new Set(seen.map((node) => node.updatedAt))).toEqual(new Set(['2025-07-01T00:00:00.000+07:00']));
    const later = await ask<any>(children, { since: '2025-07-01T00:00:00.001+07:00', first: 100, after: null }, token);
    expect(later.data.unit.children.edges).toEqual([]);
  });

  it.each(['2023-02-30T00:00:00Z', 'yesterday'])('updatedSince %s is BAD_USER_INPUT, HTTP 400', async (bad) => {
    const token = await mintDevToken({ unit: '62', roles: ['OFFICER'] });
    const response = await ask<any>(DOSSIERS, { since: bad }, token);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const literal = await ask<any>(`query { units(updatedSince: "${bad}") { totalCount } }`, {}, token);
    expect(literal.status).toBe(400);
    expect(literal.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a page costs no more statements with updatedSince than without, in one list and in nested lists', async () => {
    const token = await mintDevToken({ unit: '62', roles: ['OFFICER'] });
    const counter = statementCounter(running.procedures.dataSource);
    const cost = async (text: string) => {
      counter.reset(true);
      const response = await ask<any>(text, {}, token);
      expect(response.errors).toBeUndefined();
      // Only the statements that read dossiers: the outbox relay's polling is not this request's.
      return counter.statements.filter((statement) => /\bdossier\b/i.test(statement.replace(/[`"]/g, ' '))).length;
    };
    const old = '2020-01-01T00:00:00Z';
    const list = (args: string) => `query { dossiers(first: 5${args}) { edges { node { id } } } }`;
    const nested = (args: string) => `query { unit(code: "62") { children(first: 20) { edges { node { id dossiers(first: 2${args}) { edges { node { id } } } } } } } }`;
    const plain = await cost(list(''));
    const synced = await cost(list(`, updatedSince: "${old}"`));
    const nestedPlain = await cost(nested(''));
    const nestedSynced = await cost(nested(`, updatedSince: "${old}"`));
    console.log(`Dossier statements per page (${kind}): dossiers ${plain} without updatedSince, ${synced} with; 20 units' dossiers ${nestedPlain} without, ${nestedSynced} with`);
    expect(plain).toBeGreaterThan(0);
    expect(synced).toBeLessThanOrEqual(plain);
    expect(nestedPlain).toBeGreaterThan(0);
    expect(nestedPlain).toBeLessThanOrEqual(4);
    expect(nestedSynced).toBeLessThanOrEqual(nestedPlain);
  });
});
