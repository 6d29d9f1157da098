import { TimingSample } from '../../gateway/plugins/plugin-timing';
import { startGateway } from '../../gateway/gateway-server';
import { postGraphQL } from '../support/graphql-client';
import { startTestHub, testGatewayConfig, type TestHub } from '../support/hub';

/**
 * Where the gateway's time goes (issue 14, item 7): after real requests through the gateway
 * over HTTP, `/metrics` holds `hub_gateway_plugin_duration_seconds` for each Apollo plugin with
 * per-request hooks and each timed Express step, one observation per request timed (the suites'
 * gateways time every request; a deployed one, one in `HUB_PLUGIN_TIMING_EVERY`); and the
 * plugins behind the timing wrapper still refuse what they refuse.
 */

/** `name{labels} value` of a Prometheus text answer, by name and exact labels. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^(\w+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...match[2].matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key, value]));
    if (Object.keys(found).length === Object.keys(labels).length && Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

const APOLLO_PLUGINS = ['operation-resolution', 'argument-values', 'query-cost', 'service-scopes', 'metrics'];
const EXPRESS_STEPS = ['request-limits', 'authentication', 'rate-limit', 'safelist'];

describe('gateway plugin timing', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub('sqlite', 'plugintiming');
  });
  afterAll(() => hub?.close());

  const metrics = async () => (await fetch(`${hub.gatewayUrl}/metrics`)).text();
  const count = (text: string, plugin: string, stage: string) => sample(text, 'hub_gateway_plugin_duration_seconds_count', { plugin, stage }) ?? 0;

  it('observes each plugin and step once per request, with its time', async () => {
    const token = await hub.token('91', ['OFFICER']);
    const before = await metrics();
    // Two subgraphs (institutions, procedures), as a signed-in official.
    const query = '{ unit(code: "91") { name procedureCatalog { total } } }';
    for (let index = 0; index < 3; index += 1) {
      const result = await hub.query<any>(query, {}, token);
      expect(result.errors).toBeUndefined();
      expect(result.data.unit.procedureCatalog.total).toBeGreaterThan(0);
    }
    const after = await metrics();
    expect(after).toContain('# TYPE hub_gateway_plugin_duration_seconds histogram');
    for (const plugin of APOLLO_PLUGINS) {
      expect([plugin, count(after, plugin, 'apollo') - count(before, plugin, 'apollo')]).toEqual([plugin, 3]);
      expect(sample(after, 'hub_gateway_plugin_duration_seconds_sum', { plugin, stage: 'apollo' })).toBeGreaterThanOrEqual(0);
    }
    for (const step of EXPRESS_STEPS) {
      expect([step, count(after, step, 'express') - count(before, step, 'express')]).toEqual([step, 3]);
      expect(sample(after, 'hub_gateway_plugin_duration_seconds_sum', { plugin: step, stage: 'express' })).toBeGreaterThanOrEqual(0);
    }
    // Plugins with no per-request hooks are not wrapped, so not reported.
    expect(after).not.toContain('plugin="landing-page"');
    expect(after).not.toContain('plugin="drain"');
  });

  it('times one request in HUB_PLUGIN_TIMING_EVERY on a gateway set so, and answers every one', async () => {
    const urls = Object.fromEntries(Object.entries(hub.subgraphs).map(([name, subgraph]) => [name, `${subgraph.url}/graphql`]));
    const sampled = await startGateway(testGatewayConfig(urls, { pluginTimingEvery: 4 }));
    try {
      const token = await hub.token('91', ['OFFICER']);
      const before = await metrics();
      for (let index = 0; index < 8; index += 1) {
        const result = await postGraphQL<any>(`${sampled.url}/graphql`, '{ unit(code: "91") { name } }', {}, { authorization: `Bearer ${token}` });
        expect(result.errors).toBeUndefined();
        expect(result.data.unit.name).toBeTruthy();
      }
      // One registry per test process: only this gateway answered in between.
      const after = await metrics();
      for (const plugin of APOLLO_PLUGINS) expect([plugin, count(after, plugin, 'apollo') - count(before, plugin, 'apollo')]).toEqual([plugin, 2]);
      for (const step of EXPRESS_STEPS) expect([step, count(after, step, 'express') - count(before, step, 'express')]).toEqual([step, 2]);
    } finally {
      await sampled.close();
    }
  });

  it('keeps the timed plugins refusing: an undeclared variable is still HTTP 400, counted once', async () => {
    const before = await metrics();
    const response = await fetch(`${hub.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ unit(code: "91") { name } }', variables: { undeclared: 1 } }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const after = await metrics();
    // The refusing plugin and those before it ran; the refusal still reached willSendResponse.
    expect(count(after, 'operation-resolution', 'apollo') - count(before, 'operation-resolution', 'apollo')).toBe(1);
  });
});

describe('plugin timing sample', () => {
  it('takes the first call and then one in every N, each plugin counting its own', () => {
    const sample = new TimingSample(3);
    expect(Array.from({ length: 7 }, () => sample.take())).toEqual([true, false, false, true, false, false, true]);
    const other = sample.fresh();
    expect([other.every, other.take(), other.take()]).toEqual([3, true, false]);
    const all = new TimingSample(1);
    expect([all.take(), all.take(), all.take()]).toEqual([true, true, true]);
  });

  it('refuses an interval that is not a whole number of 1 or more, naming the variable', () => {
    for (const bad of [0, -1, 2.5, Number.NaN]) expect(() => new TimingSample(bad)).toThrow(/HUB_PLUGIN_TIMING_EVERY must be a whole number of 1 or more/);
  });
});
