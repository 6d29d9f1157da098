import { readFileSync } from 'node:fs';
import type { Role } from '../../services/core/principal';
import {
  SUPERGRAPH_FILE,
  DEFAULT_AUDIENCE,
  DEV_TOKEN_ISSUER,
  clientCacheSecondsFromEnv,
  deadlinesFromEnv,
  clientTokensFromEnv,
  limitsFromEnv,
  rateLimitsFromEnv,
  type GatewayConfig,
} from '../../gateway/config';
import { startGateway } from '../../gateway/gateway-server';
import type { RunningServer } from '../../services/core/subgraph-server';
import type { RunningSubgraph } from '../../services/core/subgraph-definition';
import { mintDevToken, type DevTokenOptions } from '../../gateway/auth/dev-token';
import type { DatabaseKind } from './databases';
import { postGraphQL, type GraphQLResponse } from './graphql-client';
import { startSubgraphs } from './subgraphs';

export interface TestHub {
  gatewayUrl: string;
  subgraphs: Record<string, RunningSubgraph>;
  /** Runs an operation through the gateway over HTTP. */
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  token(unit: string, roles: Role[], extra?: Partial<DevTokenOptions>): Promise<string>;
  close(): Promise<void>;
}

/** The gateway's configuration in the tests: the environment's, on a free port, in front of `subgraphUrls`. */
export function testGatewayConfig(subgraphUrls: Record<string, string>, overrides: Partial<GatewayConfig> = {}): GatewayConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    subgraphUrls,
    audience: DEFAULT_AUDIENCE,
    devTokens: { secret: process.env.HUB_DEV_JWT_SECRET!, issuer: DEV_TOKEN_ISSUER },
    introspection: true,
    limits: limitsFromEnv(),
    rateLimits: rateLimitsFromEnv(),
    clientTokens: clientTokensFromEnv(),
    clientCacheSeconds: clientCacheSecondsFromEnv(),
    deadlines: deadlinesFromEnv(),
    // Every request timed: suites count a plugin's observations as its calls.
    pluginTimingEvery: 1,
    ...overrides,
  };
}

/**
 * Starts every subgraph of the registry on the given database kind, with its demo data, and
 * the gateway in front of them, all on free ports over real HTTP.
 */
export async function startTestHub(kind: DatabaseKind, suite: string, gatewayOverrides: Partial<GatewayConfig> = {}): Promise<TestHub> {
  const started = await startSubgraphs(kind, suite);
  let gateway: RunningServer;
  try {
    gateway = await startGateway(testGatewayConfig(started.urls, gatewayOverrides));
  } catch (error) {
    await started.close();
    throw error;
  }
  const gatewayUrl = gateway.url;
  return {
    gatewayUrl,
    subgraphs: started.subgraphs,
    query: (query, variables, token) => postGraphQL(`${gatewayUrl}/graphql`, query, variables, token ? { authorization: `Bearer ${token}` } : {}),
    token: (unit, roles, extra) => mintDevToken({ unit, roles, ...extra }),
    close: async () => {
      await gateway.close();
      await started.close();
    },
  };
}
