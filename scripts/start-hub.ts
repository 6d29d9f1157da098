import 'reflect-metadata';
import { env, envInt } from '../services/core/config';
import { devJwtSecret, internalSecret } from '../services/core/secrets';
import { mintDevToken } from '../gateway/auth/dev-token';
import { launchHub, type HubProcesses } from './hub-processes';
import { configureLogging, logger } from '../services/core/observability/logger';

/**
 * `npm start`: runs every subgraph and the gateway as their own processes on the embedded
 * default (a SQLite file per subgraph under data/), loads the demo data on first start, and
 * prints the playground URL with a development token. The processes log JSON lines (one per
 * request); the banner below is plain text for the person who started the hub.
 */
let hub: HubProcesses | undefined;

/**
 * Stops every process in order (scripts/hub-processes.ts), each finishing its requests in
 * flight, and exits with `code`, or 1 when a process did not exit 0.
 */
function stop(code = 0) {
  if (!hub) process.exit(code);
  void hub.stop().then((clean) => process.exit(clean ? code : 1));
}

async function main() {
  // Made before the children start, so that they all read the same development secrets.
  internalSecret();
  devJwtSecret();
  const started = Date.now();
  hub = await launchHub({
    basePort: envInt('HUB_BASE_PORT', 4000),
    host: env('HOST') ?? '127.0.0.1',
    onUnexpectedExit: (name, reason) => {
      logger().error({ process: name, reason }, 'a hub process stopped; stopping the hub');
      stop(1);
    },
  });
  // An official of today's tree: code 51 names the merged Quảng Ngãi from 1 July 2025 (the
  // gateway resolves the code to the unit in force), whose scope holds old Kon Tum's history.
  const token = await mintDevToken({ unit: '51', roles: ['OFFICER'], name: 'Cán bộ UBND tỉnh Quảng Ngãi (development)' });
  const url = hub.gatewayUrl;
  console.log(`
The hub is up in ${((Date.now() - started) / 1000).toFixed(1)}s (embedded SQLite under ${env('HUB_DATA_DIR') ?? 'data/'}).

  Playground:  ${url}/playground#token=${token}
  GraphQL:     ${url}/graphql
  Health:      ${url}/health

Development token (OFFICER of Quảng Ngãi province after the 2025 merger, unit 51, valid 8 hours):

  ${token}

More tokens: npm run token -- --unit 91 --roles VIEWER      Stop: Ctrl-C
`);
}

// SIGTERM and SIGINT (Ctrl-C) are passed on to the processes, which drain before they exit.
process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));
configureLogging({ service: 'hub' });
main().catch((error) => {
  logger().fatal({ err: error }, 'the hub could not start');
  stop(1);
});
