import { mintDevToken } from '../../gateway/auth/dev-token';
import { SUBGRAPHS } from '../../services/registry';
import { startProcessHub, type ProcessHub } from '../support/hub-processes';

/**
 * Issue 11, item 6: each subgraph in turn killed (SIGKILL) and frozen (SIGSTOP), with every
 * subgraph in its own process. What the others give stays in the answer (HTTP 200); the part
 * that is down is null with SERVICE_UNAVAILABLE at its path; no message names a host, port or
 * URL; `/health` names what is down; a frozen subgraph costs the request's deadline, not a hang.
 * No timing is asserted beyond "it answers" (docs/architecture.md, "Partial answers").
 */
const STEP_TIMEOUT_MS = 600_000;

/** One root field per subgraph: a query that touches all four. */
const ROOT_FIELD: Record<string, string> = {
  institutions: 'units',
  procedures: 'procedures',
  documents: 'documents',
  inspections: 'inspections',
};
const EVERY_SUBGRAPH = `{ ${Object.values(ROOT_FIELD).map((field) => `${field}(first: 1) { totalCount }`).join(' ')} }`;

/** A record of another subgraph holding a field of the one that is down: the record stays, the field is null. */
const UNDER_ANOTHER: Record<string, { query: string; kept: (data: any) => unknown; nullAt: unknown[] }> = {
  institutions: {
    query: '{ inspections(first: 2) { edges { node { id targetAgency { name } } } } }',
    kept: (data) => data.inspections.edges[0].node.id,
    nullAt: ['inspections', 'edges', expect.any(Number), 'node', 'targetAgency'],
  },
  procedures: {
    query: '{ unit(code: "62") { name dossierStats(from: "2019-01-01", to: "2019-12-31") { received } } }',
    kept: (data) => data.unit.name,
    nullAt: ['unit', 'dossierStats'],
  },
  documents: {
    query: '{ agency(id: "62.ubnd") { name issuedDocuments(first: 2) { totalCount } } }',
    kept: (data) => data.agency.name,
    nullAt: ['agency', 'issuedDocuments'],
  },
  inspections: {
    query: '{ unit(code: "62") { name inspectionCoverage(year: 2019) { __typename } } }',
    kept: (data) => data.unit.name,
    nullAt: ['unit', 'inspectionCoverage'],
  },
};

const valueAt = (data: any, path: unknown[]) => path.reduce((value: any, key) => (value == null ? value : value[key as string]), data);

describe('a subgraph down or frozen', () => {
  let hub: ProcessHub;
  let token: string;

  beforeAll(async () => {
    hub = await startProcessHub('sqlite', 'faults', {
      // Short deadlines, so a frozen subgraph costs seconds, yet long enough for a healthy one on
      // a machine whose cores are busy with other work; the subgraphs' own cap as short.
      gateway: { deadlines: { requestMs: 12_000, subgraphMs: 6000 } },
      env: { HUB_INTERNAL_TIMEOUT_MS: '5000' },
    });
    token = await mintDevToken({ unit: 'VN', roles: ['OFFICER', 'INSPECTOR', 'ADMIN'] });
    // Also puts the token's unit in the gateway's unit directory, which institutions answers.
    const all = await hub.query(EVERY_SUBGRAPH, {}, token);
    expect(all.errors).toBeUndefined();
  }, STEP_TIMEOUT_MS);
  afterAll(() => hub?.close());

  /** Nothing in an answer may name where a part of the hub listens. */
  function expectNoAddress(text: string) {
    expect(text).not.toMatch(/https?:\/\/|127\.0\.0\.1|localhost|ECONNREFUSED/i);
    for (const running of Object.values(hub.subgraphs)) expect(text).not.toContain(String(running.port));
  }

  async function expectPartialAnswers(down: string, why: RegExp) {
    const all = await hub.query(EVERY_SUBGRAPH, {}, token);
    expect(all.status).toBe(200);
    expectNoAddress(all.text);
    for (const [name, field] of Object.entries(ROOT_FIELD)) {
      if (name === down) expect(all.data[field]).toBeNull();
      else expect({ field, value: all.data[field] }).toEqual({ field, value: { totalCount: expect.any(Number) } });
    }
    expect(all.errors!.map((error) => [error.extensions?.code, error.path])).toEqual([['SERVICE_UNAVAILABLE', [ROOT_FIELD[down]]]]);
    expect(all.errors![0].message).toMatch(why);

    const under = UNDER_ANOTHER[down];
    const answer = await hub.query(under.query, {}, token);
    expect(answer.status).toBe(200);
    expectNoAddress(answer.text);
    expect(under.kept(answer.data)).toBeTruthy();
    expect(valueAt(answer.data, under.nullAt.map((key) => (typeof key === 'string' ? key : 0)))).toBeNull();
    expect(answer.errors!.length).toBeGreaterThan(0);
    for (const error of answer.errors!) {
      expect(error.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(error.path?.slice(0, under.nullAt.length)).toEqual(under.nullAt);
    }

    const health = await fetch(`${hub.gatewayUrl}/health`);
    const text = await health.text();
    expect(health.status).toBe(503);
    expectNoAddress(text);
    const body = JSON.parse(text);
    expect(body.down).toEqual([down]);
    expect(body.subgraphs[down]).toMatch(/^down \(/);
  }

  async function expectWhole() {
    for (let attempt = 0; ; attempt += 1) {
      const all = await hub.query(EVERY_SUBGRAPH, {}, token);
      if (!all.errors || attempt >= 20) {
        expect(all.errors).toBeUndefined();
        break;
      }
      await new Promise((done) => setTimeout(done, 500));
    }
    expect((await fetch(`${hub.gatewayUrl}/health`)).status).toBe(200);
  }

  describe.each(SUBGRAPHS.map((definition) => definition.name))('%s', (name) => {
    it('killed: the others keep their data, its part is null with SERVICE_UNAVAILABLE, /health names it; restarted: whole again', async () => {
      await hub.kill(name);
      try {
        await expectPartialAnswers(name, /service is unavailable/);
      } finally {
        await hub.restart(name);
      }
      await expectWhole();
    }, STEP_TIMEOUT_MS);

    it('frozen (SIGSTOP): the answer comes within the deadline, the same way; thawed: whole again', async () => {
      hub.stop(name);
      try {
        await expectPartialAnswers(name, /did not answer in time/);
      } finally {
        hub.resume(name);
      }
      await expectWhole();
    }, STEP_TIMEOUT_MS);
  });
});
