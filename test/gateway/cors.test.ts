import { corsOriginsFromEnv } from '../../gateway/cors';
import { startTestHub, type TestHub } from '../support/hub';

/**
 * Issue 13, item 6: a front end on another origin listed in HUB_CORS_ORIGINS can call the hub
 * from a browser, preflight included; any other origin gets no Access-Control-* header; Apollo's
 * CSRF prevention still refuses a simple (preflight-free) request, from any origin; the
 * playground is served as before. Through the real gateway over HTTP (gateway/cors.ts).
 */
const ALLOWED = 'http://localhost:5173';
const OTHER = 'http://evil.example';

describe('CORS on the gateway', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub('sqlite', 'cors', { corsOrigins: corsOriginsFromEnv(`${ALLOWED}, https://portal.tinh.gov.vn`) });
  });
  afterAll(() => hub?.close());

  const preflight = (origin: string) =>
    fetch(`${hub.gatewayUrl}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });
  const accessControl = (answer: Response) => [...answer.headers.keys()].filter((name) => name.startsWith('access-control-'));

  it('answers a preflight from an allowed origin with 204 and the allow headers', async () => {
    const answer = await preflight(ALLOWED);
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(answer.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(answer.headers.get('access-control-allow-headers')?.toLowerCase().split(',')).toEqual(expect.arrayContaining(['authorization', 'content-type']));
    expect(answer.headers.get('access-control-max-age')).toBe('600');
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    expect(answer.headers.get('vary')).toMatch(/origin/i);
  });

  it('gives a preflight from any other origin no Access-Control-* header', async () => {
    for (const origin of [OTHER, 'http://localhost:5174', 'https://localhost:5173', 'null']) {
      const answer = await preflight(origin);
      expect({ origin, status: answer.status, headers: accessControl(answer) }).toEqual({ origin, status: 204, headers: [] });
    }
  });

  it("lets the allowed origin read the answer of a query, and not another origin", async () => {
    const ask = (origin: string) =>
      fetch(`${hub.gatewayUrl}/graphql`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ unit(code: "91") { name } }' }) });
    const allowed = await ask(ALLOWED);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(await allowed.json()).toEqual({ data: { unit: { name: 'Kiên Giang' } } });
    const other = await ask(OTHER);
    // The server answers (no browser here); a browser gives the page nothing without the header.
    expect(accessControl(other)).toEqual([]);
  });

  it('keeps the CSRF protection: a simple request a browser would send without a preflight is refused, from any origin', async () => {
    for (const origin of [ALLOWED, OTHER]) {
      const get = await fetch(`${hub.gatewayUrl}/graphql?query=${encodeURIComponent('{ unit(code: "91") { name } }')}`, { headers: { origin } });
      expect({ origin, status: get.status }).toEqual({ origin, status: 400 });
      expect(JSON.stringify(await get.json())).toMatch(/CSRF|preflight/i);
      const form = await fetch(`${hub.gatewayUrl}/graphql`, { method: 'POST', headers: { origin, 'content-type': 'text/plain' }, body: '{"query":"{ unit(code: \\"91\\") { name } }"}' });
      expect({ origin, refused: form.status >= 400 && form.status < 500 }).toEqual({ origin, refused: true });
    }
  });

  it('still serves the playground from its own origin', async () => {
    const page = await fetch(`${hub.gatewayUrl}/playground`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
  });

  it('takes only exact http(s) origins in HUB_CORS_ORIGINS', () => {
    expect(corsOriginsFromEnv(undefined)).toEqual([]);
    expect(corsOriginsFromEnv(' http://localhost:5173 ,https://a.gov.vn:8443')).toEqual(['http://localhost:5173', 'https://a.gov.vn:8443']);
    for (const bad of ['*', 'http://localhost:5173/', 'localhost:5173', 'http://a.gov.vn/app', 'ftp://a.gov.vn']) {
      expect(() => corsOriginsFromEnv(bad)).toThrow(/HUB_CORS_ORIGINS: .* is not an exact origin/);
    }
  });
});
