import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { devJwtSecret, env, envInt, internalSecret } from '../services/core/config';
import { SUBGRAPHS } from '../services/registry';
import { mintDevToken } from '../gateway/auth/dev-token';

/**
 * `npm start`: runs every subgraph and the gateway as their own processes on the embedded
 * default (a SQLite file per subgraph under data/), loads the demo data on first start, and
 * prints the playground URL with a development token.
 */
const children: ChildProcess[] = [];

function run(name: string, script: string, extraEnv: Record<string, string>) {
  const child = spawn(process.execPath, ['--enable-source-maps', resolve(__dirname, script)], {
    env: { ...process.env, ...extraEnv },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? code}); stopping the hub`);
      stop(1);
    }
  });
  children.push(child);
}

async function waitForHealth(url: string, name: string, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`${name} did not become healthy within ${timeoutMs / 1000}s`);
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}

async function main() {
  // Made before the children start, so that they all read the same development secrets.
  internalSecret();
  devJwtSecret();
  const basePort = envInt('HUB_BASE_PORT', 4000);
  const host = env('HOST') ?? '127.0.0.1';
  const urls: Record<string, string> = {};
  const started = Date.now();
  for (const [index, subgraph] of SUBGRAPHS.entries()) {
    urls[`${subgraph.name.toUpperCase()}_URL`] = `http://${host}:${basePort + index + 1}/graphql`;
  }
  for (const [index, subgraph] of SUBGRAPHS.entries()) {
    run(subgraph.name, `../services/${subgraph.name}/main.js`, {
      PORT: String(basePort + index + 1),
      HOST: host,
      INSTITUTIONS_URL: urls.INSTITUTIONS_URL,
    });
  }
  await Promise.all(
    SUBGRAPHS.map((subgraph) => waitForHealth(urls[`${subgraph.name.toUpperCase()}_URL`].replace(/graphql$/, 'health'), subgraph.name)),
  );
  run('gateway', '../gateway/main.js', { PORT: String(basePort), HOST: host, ...urls });
  const gatewayUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${basePort}`;
  await waitForHealth(`${gatewayUrl}/health`, 'gateway');
  const token = await mintDevToken({ unit: '91', roles: ['OFFICER'], name: 'Cán bộ UBND tỉnh Kiên Giang (development)' });
  console.log(`
The hub is up in ${((Date.now() - started) / 1000).toFixed(1)}s (embedded SQLite under ${env('HUB_DATA_DIR') ?? 'data/'}).

  Playground:  ${gatewayUrl}/playground#token=${token}
  GraphQL:     ${gatewayUrl}/graphql
  Health:      ${gatewayUrl}/health

Development token (OFFICER of Kiên Giang province, unit 91, valid 8 hours):

  ${token}

More tokens: npm run token -- --unit 905 --roles VIEWER     Stop: Ctrl-C
`);
}

process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));
main().catch((error) => {
  console.error(error);
  stop(1);
});
