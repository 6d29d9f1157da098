import { Writable } from 'node:stream';
import { configureLogging } from '../../services/core/observability/logger';
import { startTracing, stopTracing } from '../../services/core/observability/tracing';
import { basicAuth, requestToken } from '../access/oauth-client';
import { mintDevToken } from '../../gateway/auth/dev-token';
import { startProcessHub, type ProcessHub } from '../support/hub-processes';

/**
 * The logs of a real run: each subgraph in its own process (its standard output and error read
 * whole), the gateway in this process (its logger's lines read whole), at HUB_LOG_LEVEL=debug.
 * Requests carry tokens, a client secret and an applicant's identity; none of them may reach a
 * line, every line is JSON, and every line written while serving a request names its request id
 * and trace id.
 */
const TIMEOUT_MS = 900_000;

const APPLICANT = { name: 'Trần Thị Bích Ngọc', idNumber: '091234567890' };
const REGISTER = `mutation LogsRegister($input: RegisterServiceClientInput!) { registerServiceClient(input: $input) { clientSecret client { id } } }`;
const RECEIVE = `mutation LogsReceive($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id applicant { name identityNumber } } }`;
const READ = `query LogsRead($id: ID!) { dossier(id: $id) { id applicant { name identityNumber } unit { name } } }`;

interface Line {
  level: string;
  time: string;
  service: string;
  msg?: string;
  requestId?: string;
  traceId?: string;
  [key: string]: unknown;
}

describe('logs of a run (SQLite, a process per subgraph)', () => {
  let hub: ProcessHub;
  const gatewayLines: string[] = [];
  const previousLevel = process.env.HUB_LOG_LEVEL;
  const secrets: string[] = [];

  beforeAll(async () => {
    process.env.HUB_LOG_LEVEL = 'debug';
    // The gateway runs in this process: its lines go to this collector.
    configureLogging({
      service: 'gateway',
      destination: new Writable({
        write(chunk, _encoding, done) {
          gatewayLines.push(...String(chunk).split('\n').filter((line) => line.length > 0));
          done();
        },
      }),
    });
    // As the gateway's process entry does: its calls carry traceparent, so the subgraphs' lines share its trace id.
    startTracing({ serviceName: 'hub-gateway' });
    hub = await startProcessHub('sqlite', 'observability-logs', { env: { HUB_LOG_LEVEL: 'debug' } });
  }, TIMEOUT_MS);
  afterAll(async () => {
    await hub?.close();
    await stopTracing();
    if (previousLevel === undefined) delete process.env.HUB_LOG_LEVEL;
    else process.env.HUB_LOG_LEVEL = previousLevel;
  });

  it(
    'holds JSON lines only, with request and trace ids, one line per request, and no token, secret or applicant identity',
    async () => {
      const post = async (body: unknown, headers: Record<string, string> = {}) => {
        const response = await fetch(`${hub.gatewayUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
        return { status: response.status, requestId: response.headers.get('x-request-id'), body: (await response.json()) as any };
      };
      const admin = await mintDevToken({ unit: '91', roles: ['ADMIN', 'OFFICER'], name: 'Lê Văn Quản Trị' });
      const officer = await mintDevToken({ unit: '30880', roles: ['OFFICER'], name: 'Phạm Thị Cán Bộ' });
      secrets.push(admin, officer, process.env.HUB_INTERNAL_SECRET!, process.env.HUB_DEV_JWT_SECRET!);
      let requests = 0;

      // A service client: its secret comes back once, and goes to the token endpoint.
      const registered = await post({ query: REGISTER, variables: { input: { name: 'Hệ thống một cửa tỉnh Kiên Giang', unitCode: '91', scopes: ['dossiers:read'] } } }, { authorization: `Bearer ${admin}` });
      requests += 1;
      expect(registered.body.errors).toBeUndefined();
      const client = registered.body.data.registerServiceClient;
      secrets.push(client.clientSecret);
      const token = await requestToken(hub.gatewayUrl, { grant_type: 'client_credentials' }, { authorization: basicAuth(client.client.id, client.clientSecret) });
      expect(token.status).toBe(200);
      secrets.push(token.body.access_token!);
      // A wrong client secret, in the form body this time.
      const wrongSecret = 'wrong-client-secret-0123456789abcdef';
      secrets.push(wrongSecret);
      expect((await requestToken(hub.gatewayUrl, { grant_type: 'client_credentials', client_id: client.client.id, client_secret: wrongSecret })).status).toBe(401);

      // An applicant's identity, written and read back.
      const input = { clientKey: 'logs-1', procedureId: '91-X0001', unitCode: '30880', agencyId: '30880.motcua', channel: 'IN_PERSON', componentCount: 2, applicantName: APPLICANT.name, applicantIdNumber: APPLICANT.idNumber };
      const received = await post({ query: RECEIVE, variables: { input } }, { authorization: `Bearer ${officer}`, 'x-request-id': 'logs-receive-1' });
      requests += 1;
      expect(received.body.errors).toBeUndefined();
      expect(received.requestId).toBe('logs-receive-1');
      const read = await post({ query: READ, variables: { id: received.body.data.receiveDossier.id } }, { authorization: `Bearer ${officer}` });
      requests += 1;
      expect(read.body.data.dossier.applicant.name).toBe(APPLICANT.name);
      // Refusals: a forged token, a bad variable (its value is the applicant's name), an operation that does not parse.
      const forged = `${officer.slice(0, -6)}AAAAAA`;
      secrets.push(forged);
      expect((await post({ query: READ, variables: { id: 'x' } }, { authorization: `Bearer ${forged}` })).status).toBe(401);
      requests += 1;
      expect((await post({ query: READ, variables: { id: { name: APPLICANT.name } } }, { authorization: `Bearer ${officer}` })).status).toBe(400);
      requests += 1;
      expect((await post({ query: `{ dossier(id: "${APPLICANT.idNumber}" ` }, { authorization: `Bearer ${officer}` })).status).toBe(400);
      requests += 1;
      // A subgraph called directly with a forged principal header: refused, and the header is not logged.
      const direct = await fetch(`http://127.0.0.1:${hub.subgraphs.procedures.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-principal': forged },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(direct.status).toBe(401);

      // A subgraph process serves its metrics, Node's own among them (a scrape is a debug line).
      const scraped = await fetch(`http://127.0.0.1:${hub.subgraphs.procedures.port}/metrics`);
      expect(scraped.status).toBe(200);
      const metrics = await scraped.text();
      expect(metrics).toMatch(/^process_cpu_user_seconds_total \d/m);
      expect(metrics).toMatch(/^hub_graphql_requests_total\{service="procedures",operation="LogsReceive",outcome="ok"\} 1$/m);

      // The gateway writes a request's line once its answer has gone out.
      for (let attempt = 0; attempt < 200 && gatewayLines.filter((line) => line.includes('"path":"/graphql"')).length < requests; attempt += 1) {
        await new Promise((done) => setTimeout(done, 50));
      }
      const subgraphLines = Object.values(hub.subgraphs).flatMap((process_) => process_.log.join('').split('\n').filter((line) => line.length > 0).map((line) => ({ service: process_.name, line })));
      const all = [...gatewayLines.map((line) => ({ service: 'gateway', line })), ...subgraphLines];

      // Every line is one JSON object with a level, a time and the service that wrote it.
      const parsed = all.map(({ service, line }) => {
        let value: Line | undefined;
        try {
          value = JSON.parse(line) as Line;
        } catch {
          value = undefined;
        }
        expect({ service, line, json: typeof value === 'object' && value !== null }).toEqual({ service, line, json: true });
        expect({ line, level: typeof value!.level, time: typeof value!.time, service: value!.service }).toEqual({ line, level: 'string', time: 'string', service });
        return value!;
      });

      // Outside a request a process writes only its start (ready, keys sealed); every other line has both ids.
      const startLines = /subgraph ready$|private keys/;
      for (const line of parsed.filter((candidate) => !startLines.test(candidate.msg ?? ''))) {
        expect({ msg: line.msg, requestId: typeof line.requestId, traceId: line.traceId?.length }).toEqual({ msg: line.msg, requestId: 'string', traceId: 32 });
      }

      // One line per request, with what it was and how it ended.
      const gatewayRequests = parsed.filter((line) => line.service === 'gateway' && line.msg === 'request' && line.path === '/graphql');
      expect(gatewayRequests).toHaveLength(requests);
      const receivedLine = gatewayRequests.find((line) => line.requestId === 'logs-receive-1');
      expect(receivedLine).toMatchObject({ method: 'POST', path: '/graphql', operation: 'LogsReceive', status: 200, outcome: 'ok' });
      expect(typeof receivedLine!.durationMs).toBe('number');
      expect(gatewayRequests.map((line) => line.outcome)).toEqual(expect.arrayContaining(['UNAUTHENTICATED', 'BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED']));
      expect(parsed.filter((line) => line.service === 'gateway' && line.msg === 'request' && line.path === '/oauth/token')).toHaveLength(2);
      // The subgraphs the request reached log it under the same request id and trace id.
      const procedures = parsed.find((line) => line.service === 'procedures' && line.msg === 'request' && line.requestId === 'logs-receive-1');
      expect(procedures).toMatchObject({ path: '/graphql', status: 200, traceId: receivedLine!.traceId });

      // Nothing secret or personal, in any line.
      const text = all.map(({ line }) => line).join('\n');
      for (const secret of secrets) expect(text.includes(secret)).toBe(false);
      for (const secret of secrets.filter((value) => value.split('.').length === 3)) expect(text.includes(secret.split('.')[2])).toBe(false);
      expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/); // no JWT at all
      expect(text).not.toMatch(/password|Bearer|Basic /i);
      for (const personal of [APPLICANT.name, APPLICANT.idNumber, 'Lê Văn Quản Trị', 'Phạm Thị Cán Bộ']) expect(text.includes(personal)).toBe(false);
      expect(text.includes('x-hub-principal')).toBe(false);
    },
    TIMEOUT_MS,
  );
});
