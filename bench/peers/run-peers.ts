import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { launchHub } from '../../scripts/hub-processes';
import { addDelta, gatewayTimeOf, readMetrics, type GatewayTime, type MetricsSnapshot } from './gateway-time';
import { buildMixes, type Mix, type MixRequest } from './mixes';
import { writePeersResults } from './report';
import { assertPortsFree, launchPeers, PEERS, supergraphFor, type Target } from './targets';
import { SUBGRAPHS } from '../../services/registry';

/**
 * `npm run bench -- --peers [--rounds 3] [--duration 5] [--connections 10] [--port 4700]`:
 * the hub's subgraph processes once, the hub's gateway and three peer gateways in front of them
 * (bench/peers/targets.ts), every mix (mixes.ts) against every target, the targets alternating,
 * several rounds; the median round per target is kept. Writes bench/results/peers.{json,md}.
 */
export interface PeersOptions {
  rounds: number;
  duration: number;
  connections: number;
  basePort: number;
}

export interface RunFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

export interface MixResult {
  mix: Mix;
  /** Rounds in order, per target name. */
  runs: Map<string, RunFigures[]>;
  gatewayTime?: GatewayTime;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

async function answer(url: string, request: MixRequest): Promise<{ data?: unknown; errors?: unknown[] }> {
  const response = await fetch(url, { method: 'POST', headers: { ...JSON_HEADERS, ...request.headers }, body: request.body });
  return (await response.json()) as { data?: unknown; errors?: unknown[] };
}

/** JSON with object keys sorted, so two equal answers print the same whatever their key order. */
const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(',')}]`
    : value && typeof value === 'object'
      ? `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`
      : JSON.stringify(value);

/** Every target answers a few of the mix's requests with the hub's data and no error. */
async function checkAnswers(mix: Mix, targets: Target[]) {
  const picks = [...new Set([0, Math.floor(mix.requests.length / 2), mix.requests.length - 1])].map((index) => mix.requests[index]);
  for (const request of picks) {
    const [hub, ...others] = await Promise.all(targets.map((target) => answer(target.url, request)));
    if (hub.errors || !hub.data) throw new Error(`${mix.name}: the hub answers with errors: ${JSON.stringify(hub.errors)}`);
    others.forEach((other, index) => {
      if (other.errors || canonical(other.data) !== canonical(hub.data)) {
        throw new Error(`${mix.name}: ${targets[index + 1].name} answers differently from the hub: ${JSON.stringify(other).slice(0, 500)}`);
      }
    });
  }
}

async function measure(target: Target, mix: Mix, options: PeersOptions): Promise<RunFigures> {
  let next = 0;
  const first = mix.requests[0];
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    headers: { ...JSON_HEADERS, ...first.headers },
    body: first.body,
    connections: options.connections,
    duration: options.duration,
    // A different request each time, in turn (the same-query mixes have one).
    requests:
      mix.requests.length > 1
        ? [
            {
              setupRequest: (request: any) => {
                const chosen = mix.requests[next++ % mix.requests.length];
                return { ...request, body: chosen.body, headers: { ...request.headers, ...chosen.headers } };
              },
            },
          ]
        : undefined,
  });
  const figures = { requestsPerSecond: Math.round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99, errors: result.errors + result.non2xx };
  console.log(`${mix.name.padEnd(26)} ${target.name.padEnd(13)} ${String(figures.requestsPerSecond).padStart(6)} req/s  p50 ${figures.p50Ms} ms  p99 ${figures.p99Ms} ms  errors ${figures.errors}`);
  return figures;
}

export async function runPeers(options: PeersOptions): Promise<void> {
  const subgraphCount = SUBGRAPHS.length;
  await assertPortsFree([
    ...Array.from({ length: subgraphCount + 1 }, (_, index) => options.basePort + index),
    ...PEERS.map((_, index) => options.basePort + 10 + index),
  ]);
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-bench-peers-'));
  process.env.HUB_DATA_DIR = dataDir;
  console.log(`starting the hub on 127.0.0.1:${options.basePort} (the first start loads the demo data: minutes)`);
  const hub = await launchHub({
    basePort: options.basePort,
    host: '127.0.0.1',
    // Rate limits off: the benchmark measures throughput, not the limiter.
    env: { HUB_DATA_DIR: dataDir, HUB_RATE_ANONYMOUS_PER_MINUTE: '0', HUB_RATE_USER_PER_MINUTE: '0', HUB_RATE_SERVICE_PER_MINUTE: '0' },
    quiet: true,
  });
  let peers: Awaited<ReturnType<typeof launchPeers>> | undefined;
  try {
    peers = await launchPeers(supergraphFor(hub.subgraphUrls, dataDir), options.basePort + 10);
    const hubTarget: Target = { name: 'hub', url: `${hub.gatewayUrl}/graphql`, kind: 'hub' };
    const mixes = await buildMixes(hubTarget.url);
    const results: MixResult[] = [];
    const deltas = new Map<string, MetricsSnapshot>();
    const targetsOf = (mix: Mix): Target[] =>
      mix.hubOnly
        ? [hubTarget]
        : [hubTarget, ...peers!.targets, ...(mix.direct ? [{ name: `${mix.direct}-direct`, url: hub.subgraphUrls[mix.direct], kind: 'direct' as const }] : [])];
    for (const mix of mixes) {
      await checkAnswers(mix, targetsOf(mix));
      results.push({ mix, runs: new Map() });
      deltas.set(mix.name, new Map());
    }
    for (let round = 0; round < options.rounds; round += 1) {
      console.log(`round ${round + 1} of ${options.rounds}`);
      for (const result of results) {
        const targets = targetsOf(result.mix);
        // Each round starts at a different target, so none always runs first (or on a warmer machine).
        const order = targets.map((_, index) => targets[(index + round) % targets.length]);
        for (const target of order) {
          const before = target.kind === 'hub' ? await readMetrics(hub.gatewayUrl) : undefined;
          const figures = await measure(target, result.mix, options);
          if (before) addDelta(deltas.get(result.mix.name)!, before, await readMetrics(hub.gatewayUrl));
          result.runs.set(target.name, [...(result.runs.get(target.name) ?? []), figures]);
        }
      }
    }
    for (const result of results) result.gatewayTime = gatewayTimeOf(deltas.get(result.mix.name)!);
    writePeersResults(results, options);
  } finally {
    await peers?.stop();
    await hub.stop();
  }
}
