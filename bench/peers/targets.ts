import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot } from '../../services/core/config';
import type { PeerKind } from './serve-peer';

/** A gateway the benchmark measures, or a subgraph reached directly. */
export interface Target {
  name: string;
  url: string;
  /** The hub's own gateway, a peer gateway, or one subgraph without a gateway. */
  kind: 'hub' | 'peer' | 'direct';
}

export const PEERS: { name: string; kind: PeerKind; description: string }[] = [
  { name: 'apollo-bare', kind: 'apollo', description: 'Apollo Gateway in Apollo Server standalone, no plugins' },
  { name: 'hive', kind: 'hive', description: "Hive Gateway's runtime (createGatewayRuntime) on node:http, its defaults" },
  { name: 'hive-router', kind: 'hive-router', description: "Hive Gateway's runtime with the router runtime's query planner (unifiedGraphHandler)" },
];

/** `schema/supergraph.graphql` with each subgraph's URL replaced by where the benchmark runs it. */
export function supergraphFor(subgraphUrls: Record<string, string>, folder: string): string {
  const sdl = readFileSync(resolve(projectRoot(), 'schema/supergraph.graphql'), 'utf8').replace(
    /@join__graph\(name:\s*"([^"]+)",\s*url:\s*"[^"]+"\)/g,
    (whole, name: string) => (subgraphUrls[name] ? `@join__graph(name: "${name}", url: "${subgraphUrls[name]}")` : whole),
  );
  const file = join(folder, 'supergraph.graphql');
  writeFileSync(file, sdl);
  return file;
}

/**
 * Throws when something already answers on one of `ports` of 127.0.0.1: a gateway left from
 * another run would otherwise be measured in place of the one this run starts.
 */
export async function assertPortsFree(ports: number[]) {
  for (const port of ports) {
    const taken = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) }).then(
      () => true,
      (error: Error & { cause?: { code?: string } }) => error.cause?.code !== 'ECONNREFUSED',
    );
    if (taken) throw new Error(`port ${port} of 127.0.0.1 is in use: stop what listens there or pick another --port`);
  }
}

/** Waits until `url` answers `{ __typename }`. */
async function waitForGraphql(url: string, name: string, child: ChildProcess, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`${name} did not answer within ${timeoutMs / 1000}s`);
}

/** Ends each child: SIGTERM, and SIGKILL for one still running 10 s later. */
export async function stopChildren(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
          // One that does not end within 10 s is killed, so the hub's processes are stopped too.
          setTimeout(() => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
}

/** Runs `node <script> ...args` (pushed onto `children` at once) and waits until `url` answers GraphQL. */
export async function startGraphqlProcess(name: string, script: string, args: string[], url: string, children: ChildProcess[]): Promise<void> {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  await waitForGraphql(url, name, child);
}

/** The three peers as separate processes on 127.0.0.1 from `basePort`; `stop` ends them. */
export async function launchPeers(supergraphFile: string, basePort: number): Promise<{ targets: Target[]; stop: () => Promise<void> }> {
  const children: ChildProcess[] = [];
  const stop = () => stopChildren(children);
  try {
    const targets = await Promise.all(
      PEERS.map(async (peer, index) => {
        const port = basePort + index;
        const url = `http://127.0.0.1:${port}/graphql`;
        await startGraphqlProcess(peer.name, resolve(__dirname, 'serve-peer.js'), [peer.kind, String(port), supergraphFile], url, children);
        return { name: peer.name, url, kind: 'peer' as const };
      }),
    );
    return { targets, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
