import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { startGateway } from '../../gateway/gateway-server';
import { PrincipalForwardingDataSource } from '../../gateway/principal-forwarding';
import { BUDGET_HEADER, budgetLeft, deadlineFrom } from '../../services/core/deadline';
import type { RunningServer } from '../../services/core/subgraph-server';
import { errorCodes, postGraphQL } from '../support/graphql-client';
import { startTestHub, testGatewayConfig, type TestHub } from '../support/hub';

/**
 * Issue 11, items 5, 6 and 13 on a running hub: a refused or missing field costs only itself
 * (the public facts of agencies and officials resolve for any signed-in caller, rule 12); a
 * subgraph's own refusal keeps its code whatever its HTTP status; a request's deadline reaches
 * every subgraph call.
 */
describe('partial answers', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub('sqlite', 'partial');
  });
  afterAll(() => hub?.close());

  it("shows a district officer the team of an inspection of its agencies, though the team works in the province (issue 11, item 5)", async () => {
    const token = await hub.token('905', ['OFFICER']);
    const result = await hub.query<any>('{ inspections(first: 20) { edges { node { id team { edges { node { id name position agency { name } } } } } } } }', {}, token);
    expect(result.errors).toBeUndefined();
    const edges = result.data.inspections.edges;
    expect(edges.length).toBeGreaterThan(0);
    const team = edges.flatMap((edge: any) => edge.node.team.edges.map((member: any) => member.node));
    expect(team.length).toBeGreaterThan(0);
    for (const official of team) expect(official).toEqual({ id: expect.any(String), name: expect.any(String), position: expect.any(String), agency: { name: expect.any(String) } });
    // Some of the team work outside district 905: their names are public facts, their contact is not.
    const outside = team.filter((official: any) => !official.id.startsWith('905.'));
    expect(outside.length).toBeGreaterThan(0);
  });

  it('refuses the contact details of a team member outside the scope at their path, and keeps the rest', async () => {
    const token = await hub.token('905', ['OFFICER']);
    const result = await hub.query<any>('{ inspections(first: 20) { edges { node { id team { edges { node { id name contact { phone } } } } } } } }', {}, token);
    const team = result.data.inspections.edges.flatMap((edge: any) => edge.node.team.edges.map((member: any) => member.node));
    const outside = team.filter((official: any) => !official.id.startsWith('905.'));
    expect(outside.length).toBeGreaterThan(0);
    for (const official of outside) expect(official).toEqual({ id: official.id, name: expect.any(String), contact: null });
    expect(new Set(errorCodes(result))).toEqual(new Set(['FORBIDDEN']));
    for (const error of result.errors!) expect(error.path).toEqual(['inspections', 'edges', expect.any(Number), 'node', 'team', 'edges', expect.any(Number), 'node', 'contact']);
  });

  it("keeps a subgraph's own codes and messages when it answers HTTP 400, at the fetch's path (issue 11, item 6)", async () => {
    const source = new PrincipalForwardingDataSource(`${hub.subgraphs.procedures.url}/graphql`, 'procedures', { requestMs: 10_000, subgraphMs: 10_000 });
    const response = await source.process({
      kind: GraphQLDataSourceRequestKind.LOADING_SCHEMA,
      request: { query: 'query($code: String) { procedures(unitCode: $code) { totalCount } }', variables: { code: 62 } },
      context: {},
    } as never);
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0].message).not.toMatch(/^400/);
    expect(response.errors?.[0].path).toEqual(['procedures']);
  });

  it('answers a request whose deadline has passed with SERVICE_UNAVAILABLE at each field, HTTP 200, and no address', async () => {
    let gateway: RunningServer | undefined;
    try {
      gateway = await startGateway(
        testGatewayConfig(Object.fromEntries(Object.entries(hub.subgraphs).map(([name, running]) => [name, `${running.url}/graphql`])), {
          deadlines: { requestMs: 0, subgraphMs: 0 },
        }),
      );
      const result = await postGraphQL<any>(`${gateway.url}/graphql`, '{ unit(code: "62") { name } procedures(first: 1) { totalCount } }');
      expect(result.status).toBe(200);
      expect(result.data).toEqual({ unit: null, procedures: null });
      expect(result.errors!.map((error) => [error.extensions?.code, error.path])).toEqual(
        expect.arrayContaining([
          ['SERVICE_UNAVAILABLE', ['unit']],
          ['SERVICE_UNAVAILABLE', ['procedures']],
        ]),
      );
      expect(JSON.stringify(result)).not.toMatch(/https?:\/\/|127\.0\.0\.1/);
      expect(result.errors![0].message).toMatch(/did not answer in time/);
    } finally {
      await gateway?.close();
    }
  });

  it("gives a subgraph's own calls what is left of the forwarded budget, at most its cap", () => {
    const now = Date.now();
    expect(deadlineFrom({ [BUDGET_HEADER]: '1500' }, 30_000) - now).toBeLessThanOrEqual(1500 + 50);
    expect(deadlineFrom({ [BUDGET_HEADER]: '999999999' }, 30_000) - now).toBeLessThanOrEqual(30_000 + 50);
    expect(deadlineFrom({ [BUDGET_HEADER]: 'nonsense' }, 30_000) - now).toBeGreaterThan(29_000);
    expect(budgetLeft(undefined, 5000)).toBe(5000);
    expect(budgetLeft(Date.now() - 10, 5000)).toBeLessThanOrEqual(0);
  });
});
