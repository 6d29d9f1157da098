import { getIntrospectionQuery } from 'graphql';
import { DATABASES } from '../support/databases';
import { errorCodes, postGraphQL } from '../support/graphql-client';
import { startTestHub, type TestHub } from '../support/hub';
import { principal, querySubgraph } from '../support/subgraph-client';
import { PUBLIC_ROOT_FIELDS, walkAsPrincipal } from './graph-walker';
import { ALL_ROLES, walkPrincipal, walkTarget, WALK_TIMEOUT_MS } from './walk-setup';

/**
 * Per-level authorization, proven over the whole composed graph on demo data: for principals
 * at every level and a sibling at each, through the gateway and against each subgraph directly.
 */
describe.each(DATABASES)('graph-wide authorization on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    // The walk sends a few thousand requests: no rate limit gets in its way.
    hub = await startTestHub(kind, 'graphwide', { rateLimits: { anonymousPerMinute: 0, userPerMinute: 0, servicePerMinute: 0 } });
  });
  afterAll(() => hub?.close());

  it.each([
    ['VN', 'the nation'],
    ['91', 'a province (Kiên Giang)'],
    ['62', 'a sibling province (Kon Tum)'],
    ['905', 'a district (Châu Thành)'],
    ['906', 'a sibling district'],
    ['30880', 'a commune'],
    ['30883', 'a sibling commune'],
  ])('leaks nothing to %s (%s)', async (code, label) => {
    const { who, direct } = await walkPrincipal(hub, code, label);
    expect(await walkAsPrincipal(await walkTarget(hub, code), who, direct)).toEqual([]);
  }, WALK_TIMEOUT_MS);

  it('answers nothing private to a subgraph reached without a principal, with a forged one or a replayed one', async () => {
    for (const [name, running] of Object.entries(hub.subgraphs)) {
      const url = `${running.url}/graphql`;
      const introspection: any = await postGraphQL(url, getIntrospectionQuery());
      const fields = introspection.data.__schema.types.find((type: any) => type.name === 'Query').fields;
      for (const field of fields) {
        if (PUBLIC_ROOT_FIELDS.has(field.name) || field.name.startsWith('_')) continue;
        const args = field.args
          .filter((argument: any) => argument.type.kind === 'NON_NULL')
          .map((argument: any) => `${argument.name}: ${argument.name === 'year' ? 2019 : JSON.stringify(argument.name === 'id' ? '91.ubnd' : '2019-01-01')}`);
        const leaf = (type: any): any => (type.ofType ? leaf(type.ofType) : type);
        const selection = ['OBJECT', 'INTERFACE'].includes(leaf(field.type).kind) ? '{ __typename }' : '';
        const result = await postGraphQL<any>(url, `{ value: ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${selection} }`);
        expect({ subgraph: name, field: field.name, value: result.data?.value ?? null }).toEqual({ subgraph: name, field: field.name, value: null });
        expect({ subgraph: name, field: field.name, codes: errorCodes(result) }).toEqual({ subgraph: name, field: field.name, codes: ['UNAUTHENTICATED'] });
      }
    }

    const institutions = `${hub.subgraphs.institutions.url}/graphql`;
    const query = '{ agencies { totalCount } }';
    const forged = await fetch(institutions, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-principal': 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4IiwidW5pdCI6IlZOIiwidW5pdFBhdGgiOiJWTiJ9.' },
      body: JSON.stringify({ query }),
    });
    expect(forged.status).toBe(401);

    // A principal the gateway signed is good for one request with its own query, once.
    const { signPrincipal } = await import('../../services/core/principal');
    const header = await signPrincipal(principal('VN', 'VN', ALL_ROLES), query);
    const send = (body: string) =>
      fetch(institutions, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-principal': header }, body });
    const first: any = await (await send(JSON.stringify({ query }))).json();
    expect(first.data.agencies.totalCount).toBeGreaterThan(1000);
    const replayed = await send(JSON.stringify({ query }));
    expect(replayed.status).toBe(401);
    const header2 = await signPrincipal(principal('VN', 'VN', ALL_ROLES), query);
    const retargeted = await fetch(institutions, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-principal': header2 },
      body: JSON.stringify({ query: '{ official(id: "91.ubnd.cb1") { contact { phone } } }' }),
    });
    expect(retargeted.status).toBe(401);
  });

  it('lets a VIEWER see no personal data, even inside its scope', async () => {
    const token = await hub.token('91', ['VIEWER']);
    const personal = [
      '{ official(id: "905.ubnd.cb1") { contact { phone email } } }',
      '{ dossiers(first: 5) { edges { node { id applicant { __typename } } } } }',
    ];
    for (const query of personal) {
      const result = await hub.query<any>(query, {}, token);
      expect(JSON.stringify(result.data)).not.toMatch(/"phone"|"email"|"identity/);
      expect(errorCodes(result)).toContain('FORBIDDEN');
    }
  });

  it('refuses direct subgraph entity resolution of private types without a principal', async () => {
    const result = await querySubgraph<any>(`${hub.subgraphs.institutions.url}`, '{ _entities(representations: [{ __typename: "Official", id: "91.ubnd.cb1" }]) { ... on Official { name } } }');
    expect(result.data?._entities?.[0] ?? null).toBeNull();
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  });
});
