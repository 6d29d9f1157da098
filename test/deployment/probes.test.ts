import { SUBGRAPHS } from '../../services/registry';
import { startTestHub, type TestHub } from '../support/hub';

/**
 * Issue 13, item 4: `/live` (the process answers) and `/ready` (what it needs answers) on the
 * gateway and every subgraph, for orchestrators; `/health` keeps its detail. Real processes'
 * servers over HTTP on SQLite; institutions is then stopped for real, and a subgraph's database
 * closed, to see `/ready` name what is down (core/probes.ts).
 */
const get = async (url: string) => {
  const answer = await fetch(url);
  return { status: answer.status, body: (await answer.json()) as any };
};

describe('/live and /ready', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub('sqlite', 'probes');
  });
  afterAll(() => hub?.close());

  it('answer 200 on the gateway and on every subgraph when all is up', async () => {
    expect(await get(`${hub.gatewayUrl}/live`)).toEqual({ status: 200, body: { status: 'live', service: 'gateway' } });
    expect(await get(`${hub.gatewayUrl}/ready`)).toEqual({ status: 200, body: { status: 'ready', service: 'gateway', checks: { institutions: 'ok' } } });
    for (const { name } of SUBGRAPHS) {
      const url = hub.subgraphs[name].url;
      expect(await get(`${url}/live`)).toEqual({ status: 200, body: { status: 'live', service: name } });
      const checks = { database: 'ok', service: 'ok', ...(name === 'institutions' ? {} : { institutions: 'ok' }) };
      expect(await get(`${url}/ready`)).toEqual({ status: 200, body: { status: 'ready', service: name, checks } });
    }
    // /health keeps its detail: every subgraph by name.
    const health = await get(`${hub.gatewayUrl}/health`);
    expect(health).toEqual({ status: 200, body: { status: 'ok', gateway: 'ok', subgraphs: Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, 'ok'])) } });
  });

  it("a subgraph whose database does not answer is not ready, names it, and is still live", async () => {
    const documents = hub.subgraphs.documents;
    await documents.dataSource.destroy();
    const ready = await get(`${documents.url}/ready`);
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'not ready', service: 'documents', down: ['database'], checks: { database: 'down (does not answer)', institutions: 'ok' } });
    expect((await get(`${documents.url}/live`)).status).toBe(200);
    // The gateway needs institutions only: a subgraph that is down costs its own fields, /health names it.
    expect((await get(`${hub.gatewayUrl}/ready`)).status).toBe(200);
    expect((await get(`${hub.gatewayUrl}/health`)).body).toMatchObject({ status: 'degraded', down: ['documents'] });
    await documents.dataSource.initialize();
    expect((await get(`${documents.url}/ready`)).status).toBe(200);
  });

  it('without institutions, the gateway and the other subgraphs are not ready and name it, with no address', async () => {
    await hub.subgraphs.institutions.close();
    const gateway = await get(`${hub.gatewayUrl}/ready`);
    expect(gateway).toEqual({ status: 503, body: { status: 'not ready', service: 'gateway', checks: { institutions: 'down (unreachable)' }, down: ['institutions'] } });
    for (const name of ['procedures', 'documents', 'inspections']) {
      const ready = await get(`${hub.subgraphs[name].url}/ready`);
      expect({ name, ...ready }).toMatchObject({ name, status: 503, body: { status: 'not ready', down: ['institutions'], checks: { database: 'ok', institutions: 'down (unreachable)' } } });
      expect(JSON.stringify(ready.body)).not.toMatch(/127\.0\.0\.1|localhost|:\d{2,5}\b|http/);
      expect((await get(`${hub.subgraphs[name].url}/live`)).status).toBe(200);
    }
    expect((await get(`${hub.gatewayUrl}/live`)).status).toBe(200);
  });
});
