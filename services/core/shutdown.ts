import type { Server } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { envInt } from './config';

/**
 * Clean shutdown (docs/architecture.md, "Shutdown"). On SIGTERM or SIGINT a process stops
 * accepting connections, lets the requests in flight finish (Apollo's drain plugin, which also
 * closes idle keep-alive connections), closes its database pool and exits 0. Requests still
 * running after the grace period are cut; the process still exits 0 then (it did shut down as
 * asked). It exits 1 only when closing itself hangs past the grace period and a margin.
 */

/** How long requests in flight may take after SIGTERM: `HUB_SHUTDOWN_GRACE_MS`, default 25,000 ms (under Kubernetes' 30 s). */
export const shutdownGraceMs = () => envInt('HUB_SHUTDOWN_GRACE_MS', 25_000);

/** Time past the grace period for closing pools and the server before the process gives up (exit 1). */
const CLOSE_MARGIN_MS = 5_000;

/** Apollo's own signal handlers stay off (`stopOnTerminationSignals: false`): closeOnSignals owns the signals. */
export const APOLLO_SIGNALS = { stopOnTerminationSignals: false } as const;

/** The drain plugin for a process's HTTP server, with the configured grace period. */
export const drainPlugin = (httpServer: Server): ApolloServerPlugin<any> =>
  ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: shutdownGraceMs() });

/**
 * Calls `close` on the first SIGTERM or SIGINT, then exits 0 (1 when `close` fails or hangs past
 * the grace period). `name` prefixes the log lines.
 */
export function closeOnSignals(name: string, close: () => Promise<void>) {
  let closing = false;
  // One shutdown whatever arrives: Ctrl-C reaches npm start's children both directly and through it.
  const stop = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    console.log(`${name}: ${signal}, finishing the requests in flight`);
    // Kept referenced: the process does not end quietly with a shutdown half done.
    setTimeout(() => {
      console.error(`${name}: did not close within ${shutdownGraceMs() + CLOSE_MARGIN_MS} ms`);
      process.exit(1);
    }, shutdownGraceMs() + CLOSE_MARGIN_MS);
    close().then(
      () => {
        console.log(`${name}: stopped`);
        process.exit(0);
      },
      (error) => {
        console.error(`${name}: shutdown failed`, error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
