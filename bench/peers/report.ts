import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { projectRoot } from '../../services/core/config';
import type { MixResult, PeersOptions, RunFigures } from './run-peers';
import { PEERS } from './targets';

const PACKAGES = ['@apollo/gateway', '@apollo/server', '@graphql-hive/gateway', '@graphql-hive/gateway-runtime', '@graphql-hive/router-runtime', 'graphql', 'autocannon'];

function versionOf(name: string): string {
  try {
    return (JSON.parse(readFileSync(resolve(projectRoot(), 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

/** The round whose requests/s is the median (the lower middle of an even count). */
function medianRound(runs: RunFigures[]): RunFigures {
  const sorted = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);

/** bench/results/peers.json (every round's figures) and peers.md (the median rounds, the ratios, the gateway's time). */
export function writePeersResults(results: MixResult[], options: PeersOptions) {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${loadavg()[0].toFixed(1)} at the end`;
  const versions = { node: process.version, ...Object.fromEntries(PACKAGES.map((name) => [name, versionOf(name)])) };
  const mixes = results.map(({ mix, runs, gatewayTime }) => {
    const targets = [...runs].map(([target, rounds]) => ({ target, median: medianRound(rounds), rounds }));
    const hub = targets.find((row) => row.target === 'hub')!.median;
    const peers = targets.filter((row) => PEERS.some((peer) => peer.name === row.target));
    const best = peers.sort((a, b) => b.median.requestsPerSecond - a.median.requestsPerSecond)[0];
    const direct = targets.find((row) => row.target.endsWith('-direct'));
    return {
      mix: mix.name,
      description: mix.description,
      targets,
      ratios: {
        bestPeer: best?.target ?? null,
        hubRpsOverBestPeer: best ? ratio(hub.requestsPerSecond, best.median.requestsPerSecond) : null,
        hubP50OverDirect: direct ? ratio(hub.p50Ms, direct.median.p50Ms) : null,
      },
      gatewayTime,
    };
  });
  const results_ = {
    when: new Date().toISOString(),
    machine,
    versions,
    settings: { connections: options.connections, durationSeconds: options.duration, rounds: options.rounds },
    peers: PEERS.map(({ name, description }) => ({ name, description })),
    mixes,
  };
  const folder = resolve(projectRoot(), 'bench/results');
  mkdirSync(folder, { recursive: true });
  writeFileSync(resolve(folder, 'peers.json'), JSON.stringify(results_, null, 2) + '\n');

  const targetNames = ['hub', ...PEERS.map((peer) => peer.name), 'institutions-direct'];
  const cell = (row: (typeof mixes)[number], name: string, pick: (figures: RunFigures) => number) => {
    const found = row.targets.find((target) => target.target === name);
    return found ? String(pick(found.median)) : '-';
  };
  const lines = [
    '# The hub beside other gateways',
    '',
    `${results_.when} · ${machine} · Node ${process.version} · ${options.connections} connections, ${options.rounds} rounds of ${options.duration} s per mix and target, targets alternating; the median round (by requests/s; the lower middle one of an even count) per target. Demo data on SQLite; every process (subgraphs, gateways, load generator) on the same machine. Every target's answer was checked equal to the hub's before measuring.`,
    '',
    `Versions: ${Object.entries(versions).map(([name, version]) => `${name} ${version}`).join(', ')}.`,
    '',
    'Targets: **hub** (this project\'s gateway, every plugin, rate limits off); ' + PEERS.map((peer) => `**${peer.name}** (${peer.description})`).join('; ') + '; **institutions-direct** (the subgraph, no gateway). The peers serve the same `schema/supergraph.graphql` and call the same subgraph processes.',
    '',
    '## Requests per second',
    '',
    `| mix | ${targetNames.join(' | ')} | hub / best peer |`,
    `| --- | ${targetNames.map(() => '---:').join(' | ')} | ---: |`,
    ...mixes.map((row) => `| ${row.mix} | ${targetNames.map((name) => cell(row, name, (f) => f.requestsPerSecond)).join(' | ')} | ${row.ratios.hubRpsOverBestPeer ?? '-'} |`),
    '',
    '## p50 / p99 latency, ms',
    '',
    `| mix | ${targetNames.join(' | ')} | hub p50 / direct p50 |`,
    `| --- | ${targetNames.map(() => '---:').join(' | ')} | ---: |`,
    ...mixes.map(
      (row) =>
        `| ${row.mix} | ${targetNames.map((name) => (row.targets.some((t) => t.target === name) ? `${cell(row, name, (f) => f.p50Ms)} / ${cell(row, name, (f) => f.p99Ms)}` : '-')).join(' | ')} | ${row.ratios.hubP50OverDirect ?? '-'} |`,
    ),
    '',
    'Errors (failed requests and non-2xx answers, all rounds): ' +
      (mixes.flatMap((row) => row.targets.filter((t) => t.rounds.some((r) => r.errors > 0)).map((t) => `${row.mix} ${t.target}: ${t.rounds.map((r) => r.errors).join('+')}`)).join('; ') || 'none') +
      '.',
    '',
    '## Where the hub gateway\'s time goes',
    '',
    "From the hub gateway's `/metrics`, read before and after each of its runs (all rounds): Apollo's time per operation (`hub_graphql_request_duration_seconds`), the subgraph calls (`hub_subgraph_call_duration_seconds`; calls in parallel each count) and each plugin's or Express step's time per request that went through it (`hub_gateway_plugin_duration_seconds`): for an Apollo plugin its hooks' own time (an async hook's up to its first `await`); for an Express step (`request-limits`, `authentication`, `rate-limit`, `safelist`, `public-answer-memo`) the elapsed time, waits included (reading the body, a unit lookup, the event loop's queue). `authentication` includes `rate-limit`. A public answer given again from the gateway's memory (`public-answer-memo`) does not enter Apollo: its operation time is the lookup's, and the Apollo plugins do not see it.",
    '',
    '| mix | requests | gateway µs/request | subgraph calls/request | subgraph µs/request | plugins and steps, µs/request |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...mixes.map((row) => {
      const time = row.gatewayTime;
      if (!time) return `| ${row.mix} | - | - | - | - | - |`;
      const plugins = time.plugins.map((plugin) => `${plugin.plugin} ${plugin.microsPerRequest}`).join(', ');
      return `| ${row.mix} | ${time.requests} | ${time.gatewayMicrosPerRequest} | ${time.subgraphCallsPerRequest} | ${time.subgraphMicrosPerRequest} | ${plugins} |`;
    }),
    '',
    '## Mixes',
    '',
    ...mixes.map((row) => `- **${row.mix}**: ${row.description}`),
    '',
  ];
  writeFileSync(resolve(folder, 'peers.md'), lines.join('\n'));
  console.log('wrote bench/results/peers.md and peers.json');
}
