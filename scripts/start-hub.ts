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

function stop(code = 0) {
  hub?.stop();
  setTimeout(() => process.exit(code), 500).unref();
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
  const token = await mintDevToken({ unit: '91', roles: ['OFFICER'], name: 'Cán bộ UBND tỉnh Kiên Giang (development)' });
  const url = hub.gatewayUrl;
  console.log(`
The hub is up in ${((Date.now() - started) / 1000).toFixed(1)}s (embedded SQLite under ${env('HUB_DATA_DIR') ?? 'data/'}).

  Playground:  ${url}/playground#token=${token}
  GraphQL:     ${url}/graphql
  Health:      ${url}/health

Development token (OFFICER of Kiên Giang province, unit 91, valid 8 hours):

  ${token}

More tokens: npm run token -- --unit 905 --roles VIEWER     Stop: Ctrl-C
`);
}

process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));
configureLogging({ service: 'hub' });
main().catch((error) => {
  logger().fatal({ err: error }, 'the hub could not start');
  stop(1);
});
