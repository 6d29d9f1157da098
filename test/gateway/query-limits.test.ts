import { errorCodes, postGraphQL } from '../support/graphql-client';
import { startTestHub, type TestHub } from '../support/hub';

/** Depth, alias, directive, cost, batch and body-size bombs, refused at the gateway before planning. */
describe('gateway query limits', () => {
  let hub: TestHub;
  let token: string;
  beforeAll(async () => {
    hub = await startTestHub('sqlite', 'limits');
    token = await hub.token('91', ['OFFICER']);
  });
  afterAll(() => hub?.close());

  async function expectLimit(query: string, limit: string) {
    const result = await hub.query(query, {}, token);
    expect(result.data ?? null).toBeNull();
    expect(errorCodes(result)).toEqual(['QUERY_LIMIT']);
    expect(result.errors![0].extensions).toMatchObject({ limit });
    expect(result.errors![0].message).toMatch(/limit is \d+/);
    return result;
  }

  it('refuses a depth bomb, naming the depth limit', async () => {
    let nested = 'code';
    for (let level = 0; level < 13; level += 1) nested = `parent { ${nested} }`;
    const result = await expectLimit(`{ unit(code: "30880") { ${nested} } }`, 'depth');
    expect(result.errors![0].extensions).toMatchObject({ max: 12 });
  });

  it('refuses an alias bomb', async () => {
    const aliases = Array.from({ length: 40 }, (_, index) => `u${index}: unit(code: "91") { name }`).join(' ');
    await expectLimit(`{ ${aliases} }`, 'aliases');
  });

  it('counts every alias, __typename ones too', async () => {
    // The example: 4,000 of them, against a limit of 30.
    const aliases = Array.from({ length: 4000 }, (_, index) => `a${index}: __typename`).join(' ');
    await expectLimit(`{ ${aliases} }`, 'aliases');
  });

  it('refuses a directive bomb', async () => {
    await expectLimit(`{ unit(code: "91") { ${'... @include(if: true) { name } '.repeat(25)} } }`, 'directives');
  });

  it('refuses a cost bomb made of nested pages, and accepts the same shape with small pages', async () => {
    const shape = (size: number) =>
      `{ units(level: PROVINCE, first: ${size}) { edges { node { children(first: ${size}) { edges { node { children(first: ${size}) { edges { node { code } } } } } } } } } }`;
    const refused = await expectLimit(shape(100), 'cost');
    expect(refused.errors![0].message).toMatch(/estimated cost/);
    const small = await hub.query<any>(shape(3), {}, token);
    expect(small.errors).toBeUndefined();
    expect(small.data.units.edges).toHaveLength(3);
  });

  it('costs the same document anew for other variables (costs are kept per document and variables)', async () => {
    const query = `query Pages($size: Int!) { units(level: PROVINCE, first: $size) { edges { node { children(first: $size) { edges { node { children(first: $size) { edges { node { code } } } } } } } } } }`;
    for (const size of [3, 3, 100, 3, 100]) {
      const answer = await hub.query<any>(query, { size }, token);
      if (size === 3) {
        expect(answer.errors).toBeUndefined();
        expect(answer.data.units.edges).toHaveLength(3);
      } else {
        expect(errorCodes(answer)).toEqual(['QUERY_LIMIT']);
        expect(answer.errors![0].extensions).toMatchObject({ limit: 'cost' });
      }
    }
  });

  it('takes batches of operations up to the limit and refuses a larger batch', async () => {
    const post = (body: unknown) =>
      fetch(`${hub.gatewayUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const small = await post([{ query: '{ unit(code: "91") { name } }' }, { query: '{ unit(code: "62") { name } }' }]);
    const answers: any = await small.json();
    expect(answers.map((answer: any) => answer.data.unit.name)).toEqual(['Kiên Giang', 'Kon Tum']);
    const bomb = await post(Array.from({ length: 11 }, () => ({ query: '{ unit(code: "91") { name } }' })));
    const refused: any = await bomb.json();
    expect(bomb.status).toBe(400);
    expect(refused.errors[0].extensions).toMatchObject({ code: 'QUERY_LIMIT', limit: 'batch', max: 10, found: 11 });
  });

  it('refuses an oversized body and a malformed one with JSON errors', async () => {
    const oversized = await postGraphQL(`${hub.gatewayUrl}/graphql`, `{ unit(code: "91") { name } } # ${'x'.repeat(200_000)}`);
    expect(oversized.status).toBe(413);
    expect(oversized.errors![0].extensions).toMatchObject({ code: 'QUERY_LIMIT', limit: 'bodySize' });
    const malformed = await fetch(`${hub.gatewayUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    const body: any = await malformed.json();
    expect(malformed.status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('answers a body it cannot read as JSON with a code, never an HTML page with a stack, at the gateway and at a subgraph', async () => {
    const cases: [Record<string, string>, number][] = [
      [{ 'content-type': 'application/json; charset=latin1' }, 415],
      // An encoding body-parser does not decode (Node.js 22 and later decode zstd, so it is not one).
      [{ 'content-type': 'application/json', 'content-encoding': 'compress' }, 415],
      [{ 'content-type': 'application/json', 'content-encoding': 'gzip' }, 400],
    ];
    for (const url of [`${hub.gatewayUrl}/graphql`, `${hub.subgraphs.institutions.url}/graphql`]) {
      for (const [headers, status] of cases) {
        const response = await fetch(url, { method: 'POST', headers, body: '{"query":"{ __typename }"}' });
        const text = await response.text();
        expect({ url, headers, status: response.status, type: response.headers.get('content-type') }).toEqual({ url, headers, status, type: expect.stringMatching(/^application\/json/) });
        expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_REQUEST');
        expect(text).not.toMatch(/node_modules|\.ts:\d+|at .*\(/);
      }
    }
  });

  it('refuses a subscription (the graph has none) and a persisted query whose hash is wrong with HTTP 400 and a code', async () => {
    const post = async (body: unknown) => {
      const response = await fetch(`${hub.gatewayUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const answer: any = await response.json();
      return [response.status, answer.errors?.map((error: any) => error.extensions?.code)];
    };
    expect(await post({ query: 'subscription { __typename }' })).toEqual([400, ['BAD_REQUEST']]);
    const query = '{ unit(code: "62") { name } }';
    expect(await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } })).toEqual([400, ['BAD_REQUEST']]);
    expect(await post({ query, extensions: { persistedQuery: { version: 2, sha256Hash: 'a'.repeat(64) } } })).toEqual([400, ['BAD_REQUEST']]);
  });

  it('answers injection-shaped strings in every filter argument as data or BAD_USER_INPUT, never as SQL', async () => {
    const hostile = ["91' OR '1'='1", '1; DROP TABLE agency; --', '%', '_', '!', '\\', "' UNION SELECT * FROM official --"];
    for (const text of hostile) {
      const search = await hub.query<any>('query($s: String) { units(search: $s) { totalCount } }', { s: text }, token);
      expect(search.errors).toBeUndefined();
      expect(search.data.units.totalCount).toBe(0);
      for (const [query, argument] of [
        ['query($c: String!) { unit(code: $c) { name } }', 'code'],
        ['query($c: String) { units(parentCode: $c) { totalCount } }', 'parentCode'],
        ['query($c: String) { agencies(unitCode: $c) { totalCount } }', 'unitCode'],
      ] as const) {
        const result = await hub.query(query, { c: text }, token);
        expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
        expect(result.errors![0].extensions).toMatchObject({ argument });
      }
      const agency = await hub.query<any>('query($id: ID!) { agency(id: $id) { name } }', { id: text }, token);
      expect(errorCodes(agency)).toEqual(['NOT_FOUND']);
    }
    // The tables are intact.
    const after = await hub.query<any>('{ agencies { totalCount } }', {}, token);
    expect(after.data.agencies.totalCount).toBeGreaterThan(300);
  });

  it("refuses an alias that takes an entity key's name for another field, and keeps the key itself and other aliases", async () => {
    const refused = await hub.query<any>('{ unit(code: "62") { id: name procedureCatalog { total } } }', {}, token);
    expect(refused.status).toBe(400);
    expect(refused.data ?? null).toBeNull();
    expect(errorCodes(refused)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(refused.errors![0].message).toMatch(/alias "id" on AdministrativeUnit.name/);
    const allowed = await hub.query<any>('{ unit(code: "62") { id: id unitName: name procedureCatalog { total } } }', {}, token);
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data.unit.unitName).toBe('Kon Tum');
    expect(allowed.data.unit.id).not.toBe('Kon Tum');
    // __typename as the alias of another field: the gateway would answer the type's name, or null.
    for (const query of ['{ unit(code: "62") { __typename: name procedureCatalog { total } } }', '{ unit(code: "62") { __typename: name } }']) {
      const typename = await hub.query<any>(query, {}, token);
      expect([typename.status, errorCodes(typename), typename.data ?? null]).toEqual([400, ['GRAPHQL_VALIDATION_FAILED'], null]);
    }
  });

  it('answers an operation that cannot be resolved with HTTP 400 and a code, never 500', async () => {
    const post = async (body: Record<string, unknown>) => {
      const response = await fetch(`${hub.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      const answer = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
      return [response.status, answer.data ?? null, answer.errors?.map((error) => error.extensions?.code)];
    };
    const byVariable = 'query Unit($c: String!) { unit(code: $c) { name } }';
    const two = 'query A { unit(code: "62") { name } } query B { unit(code: "91") { name } }';
    expect(await post({ query: byVariable, variables: {} })).toEqual([400, null, ['BAD_USER_INPUT']]);
    expect(await post({ query: byVariable, variables: { c: 5 } })).toEqual([400, null, ['BAD_USER_INPUT']]);
    expect(await post({ query: two })).toEqual([400, null, ['BAD_REQUEST']]);
    expect(await post({ query: two, operationName: 'Z' })).toEqual([400, null, ['BAD_REQUEST']]);
    expect(await post({ query: two, operationName: 'B' })).toEqual([200, { unit: { name: 'Kiên Giang' } }, undefined]);
    // Keys the operation does not declare: a misspelt optional variable, prototype keys.
    expect(await post({ query: byVariable, variables: { c: '62', code: '91' } })).toEqual([400, null, ['BAD_USER_INPUT']]);
    expect(await post({ query: byVariable, variables: JSON.parse('{"c": "62", "__proto__": {"admin": true}}') })).toEqual([400, null, ['BAD_USER_INPUT']]);
    expect(await post({ query: byVariable, variables: { c: '62', constructor: 1 } })).toEqual([400, null, ['BAD_USER_INPUT']]);
    expect(await post({ query: byVariable, variables: { c: '62' } })).toEqual([200, { unit: { name: 'Kon Tum' } }, undefined]);
  });

  it('fails a bad operation of a batch alone: the others answer, the batch is HTTP 200', async () => {
    const post = async (body: unknown) => {
      const response = await fetch(`${hub.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      const answers = (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] }[];
      return { status: response.status, answers: answers.map((answer) => answer.data?.unit?.name ?? answer.errors?.map((error) => error.extensions?.code)) };
    };
    const good = (code: string) => ({ query: 'query($c: String!) { unit(code: $c) { name } }', variables: { c: code } });
    const mixed = await post([
      good('62'),
      { query: 'query($c: String!) { unit(code: $c) { name } }', variables: {} },
      5,
      { query: '{ unitz { name } }' },
      { query: 'query A { __typename } query B { __typename }' },
      { ...good('91'), variables: { c: '91', extra: 1 } },
      good('91'),
    ]);
    expect(mixed).toEqual({
      status: 200,
      answers: ['Kon Tum', ['BAD_USER_INPUT'], ['BAD_REQUEST'], ['GRAPHQL_VALIDATION_FAILED'], ['BAD_REQUEST'], ['BAD_USER_INPUT'], 'Kiên Giang'],
    });
    // When no entry runs, the batch takes the first entry's status.
    expect(await post([null, []])).toEqual({ status: 400, answers: [['BAD_REQUEST'], ['BAD_REQUEST']] });
    const empty = await fetch(`${hub.gatewayUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
    expect([empty.status, ((await empty.json()) as any).errors[0].extensions.code]).toEqual([400, 'BAD_REQUEST']);
  });
});

describe('gateway introspection switch and rate limits', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub('sqlite', 'ratelimit', {
      introspection: false,
      rateLimits: { anonymousPerMinute: 3, userPerMinute: 4, servicePerMinute: 0 },
    });
  });
  afterAll(() => hub?.close());

  it('refuses introspection when it is switched off', async () => {
    const token = await hub.token('91', ['ADMIN']);
    const result = await hub.query('{ __schema { types { name } } }', {}, token);
    expect(result.data ?? null).toBeNull();
    expect(result.errors![0].message).toMatch(/introspection/i);
  });

  it('names no field the client did not ask for when introspection is off', async () => {
    const token = await hub.token('91', ['ADMIN'], { subject: 'typo-official' });
    const result = await hub.query('{ dossierz { totalCount } }', {}, token);
    expect(errorCodes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(result.errors![0].message).toBe('Cannot query field "dossierz" on type "Query".');
  });

  it('limits each principal with a clear error and a retry hint, without touching others', async () => {
    const first = await hub.token('905', ['OFFICER'], { subject: 'busy-official' });
    const other = await hub.token('905', ['OFFICER'], { subject: 'calm-official' });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) statuses.push((await hub.query('{ me { subject } }', {}, first)).status);
    expect(statuses).toEqual([200, 200, 200, 200]);
    const response = await fetch(`${hub.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${first}` },
      body: JSON.stringify({ query: '{ me { subject } }' }),
    });
    const body: any = await response.json();
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(body.data ?? null).toBeNull();
    expect(body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(body.errors[0].message).toMatch(/busy-official/);
    const calm = await hub.query<any>('{ me { subject } }', {}, other);
    expect(calm.data.me.subject).toBe('calm-official');
  });

  it('counts every operation of a batch against the rate limit', async () => {
    const token = await hub.token('905', ['OFFICER'], { subject: 'batching-official' });
    const send = async (operations: number) => {
      const body = Array.from({ length: operations }, () => ({ query: '{ me { subject } }' }));
      const response = await fetch(`${hub.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(operations === 1 ? body[0] : body),
      });
      return response.status;
    };
    // A budget of 4 a minute: a batch of 3 and one request spend it; the next request is refused.
    expect([await send(3), await send(1), await send(1)]).toEqual([200, 200, 429]);
  });

  it('limits anonymous requests by address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) statuses.push((await hub.query('{ unit(code: "91") { name } }')).status);
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(statuses[3]).toBe(429);
  });
});
