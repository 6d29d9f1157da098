import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { composeServices } from '@apollo/composition';
import autocannon from 'autocannon';
import { parse } from 'graphql';
import { assertPortsFree, startGraphqlProcess, stopChildren } from './peers/targets';
import { CEILING_SUBGRAPH_SDL } from './stack-ceiling-server';

/**
 * What the fixed stack itself serves on this machine, measured in the same run as verify-document:
 * the same query text and the same answer, from memory, through
 * - `apollo-server`: a bare Apollo Server (bench/stack-ceiling-server.ts), as the documents subgraph is reached directly;
 * - `apollo-gateway`: bare Apollo Gateway (bench/peers/serve-peer.ts `apollo`) in front of it, as through the gateway;
 * - `hive-router-gateway`: Hive Gateway with the router runtime (serve-peer.ts `hive-router`, the
 *   engine issue 14 names as the alternative) in front of it.
 * None authenticates, reads a database, checks a signature or writes a log line: the figures
 * are the most a hub built on Apollo Server behind either gateway could serve here, the yardstick
 * for issue 14's absolute signature targets.
 */
export interface CeilingRow {
  target: 'apollo-server' | 'apollo-gateway' | 'hive-router-gateway';
  requestsPerSecond: number;
  p50Ms: number;
  /** CPU ms a request of each serving process (`/proc/<pid>/stat`). */
  cpuMsPerRequest: Record<string, number>;
}

/** utime + stime of a process in seconds (Linux, USER_HZ = 100). */
function cpuSecondsOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  // After the command name: field 14 (utime) and 15 (stime) of proc(5) are at 11 and 12 here.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export async function measureStackCeiling(options: {
  answer: object;
  query: string;
  variables: Record<string, unknown>;
  basePort: number;
  connections: number;
  duration: number;
}): Promise<CeilingRow[]> {
  await assertPortsFree([options.basePort, options.basePort + 1, options.basePort + 2]);
  const folder = mkdtempSync(join(tmpdir(), 'hub-ceiling-'));
  const children: ChildProcess[] = [];
  try {
    const answerFile = join(folder, 'answer.json');
    writeFileSync(answerFile, JSON.stringify(options.answer));
    const subgraphUrl = `http://127.0.0.1:${options.basePort}/graphql`;
    const gatewayUrl = `http://127.0.0.1:${options.basePort + 1}/graphql`;
    const hiveUrl = `http://127.0.0.1:${options.basePort + 2}/graphql`;
    await startGraphqlProcess('apollo-server', resolve(__dirname, 'stack-ceiling-server.js'), [String(options.basePort), answerFile], subgraphUrl, children);
    const composed = composeServices([{ name: 'documents', url: subgraphUrl, typeDefs: parse(CEILING_SUBGRAPH_SDL) }]);
    if (composed.errors) throw new Error(`the ceiling subgraph does not compose: ${composed.errors.map((error) => error.message).join('; ')}`);
    const supergraphFile = join(folder, 'supergraph.graphql');
    writeFileSync(supergraphFile, composed.supergraphSdl);
    await startGraphqlProcess('apollo-gateway', resolve(__dirname, 'peers/serve-peer.js'), ['apollo', String(options.basePort + 1), supergraphFile], gatewayUrl, children);
    await startGraphqlProcess('hive-router-gateway', resolve(__dirname, 'peers/serve-peer.js'), ['hive-router', String(options.basePort + 2), supergraphFile], hiveUrl, children);
    const body = JSON.stringify({ query: options.query, variables: options.variables });
    const rows: CeilingRow[] = [];
    for (const [target, url, serving] of [
      ['apollo-server', subgraphUrl, { 'apollo-server': children[0] }],
      ['apollo-gateway', gatewayUrl, { 'apollo-gateway': children[1], 'apollo-server': children[0] }],
      ['hive-router-gateway', hiveUrl, { 'hive-router-gateway': children[2], 'apollo-server': children[0] }],
    ] as const) {
      const check = (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json()) as { data?: unknown };
      if (JSON.stringify(check.data) !== JSON.stringify({ document: options.answer })) throw new Error(`${target} does not give the hub's answer: ${JSON.stringify(check)}`);
      const before = Object.values(serving).map((child) => cpuSecondsOf(child.pid));
      // A different id each request: no gateway may share one subgraph call between requests (Hive
      // Gateway deduplicates identical ones in flight; the hub never shares a principal's call).
      let sent = 0;
      const result = await autocannon({
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        connections: options.connections,
        duration: options.duration,
        requests: [{ setupRequest: (request: object) => ({ ...request, body: JSON.stringify({ query: options.query, variables: { ...options.variables, id: `ceiling-${(sent += 1)}` } }) }) }],
      });
      const after = Object.values(serving).map((child) => cpuSecondsOf(child.pid));
      if (result.errors + result.non2xx > 0) throw new Error(`${target}: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
      const cpuMsPerRequest = Object.fromEntries(Object.keys(serving).map((name, index) => [name, Math.round(((after[index] - before[index]) * 100_000) / result.requests.total) / 100]));
      rows.push({ target, requestsPerSecond: Math.round(result.requests.average), p50Ms: result.latency.p50, cpuMsPerRequest });
    }
    return rows;
  } finally {
    await stopChildren(children);
    rmSync(folder, { recursive: true, force: true });
  }
}
