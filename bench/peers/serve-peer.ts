import { readFileSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

/**
 * One peer gateway, as its own process (bench/peers/targets.ts starts it):
 * `node serve-peer.js <kind> <port> <supergraph file>`, listening on 127.0.0.1:<port>/graphql.
 * Each serves the supergraph as its authors ship it, with none of the hub's plugins:
 * - `apollo`: Apollo Gateway in Apollo Server's standalone server;
 * - `hive`: Hive Gateway's runtime (`createGatewayRuntime`) on node:http;
 * - `hive-router`: the same with the router runtime's query planner (`unifiedGraphHandler`).
 * The supergraph file names the subgraph URLs the peer calls.
 */
export type PeerKind = 'apollo' | 'hive' | 'hive-router';

async function main() {
  const [kind, port, file] = process.argv.slice(2);
  const supergraphSdl = readFileSync(file, 'utf8');
  const host = '127.0.0.1';
  if (kind === 'apollo') {
    process.env.APOLLO_TELEMETRY_DISABLED = 'true';
    const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl }) });
    await startStandaloneServer(server, { listen: { port: Number(port), host } });
  } else if (kind === 'hive' || kind === 'hive-router') {
    // Loaded untyped: their types augment graphql's GraphQLErrorExtensions for the whole program
    // (graphql-yoga's `http` extension), which the hub's own errors do not follow.
    const { createGatewayRuntime } = require('@graphql-hive/gateway') as { createGatewayRuntime: (config: object) => RequestListener };
    const router = kind === 'hive-router' ? (require('@graphql-hive/router-runtime') as { unifiedGraphHandler: unknown }) : undefined;
    const runtime = createGatewayRuntime({
      supergraph: supergraphSdl,
      logging: false,
      landingPage: false,
      graphiql: false,
      ...(router ? { unifiedGraphHandler: router.unifiedGraphHandler } : {}),
    });
    await new Promise<void>((done) => createServer(runtime).listen(Number(port), host, done));
  } else {
    throw new Error(`unknown peer ${kind}: apollo, hive or hive-router`);
  }
  // Hive Gateway's runtime handles SIGTERM by disposing itself and stays up: the benchmark ends it.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => process.exit(0));
  console.log(`${kind} listening on http://${host}:${port}/graphql`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
