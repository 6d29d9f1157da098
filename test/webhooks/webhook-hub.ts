import { startGateway } from '../../gateway/gateway-server';
import { mintDevToken } from '../../gateway/auth/dev-token';
import type { RunningServer } from '../../services/core/subgraph-server';
import type { DatabaseKind } from '../support/databases';
import { postGraphQL } from '../support/graphql-client';
import { testGatewayConfig } from '../support/hub';
import { startSubgraphs, type TestSubgraphs } from '../support/subgraphs';

export const REGISTER_CLIENT = `mutation($input: RegisterServiceClientInput!) { registerServiceClient(input: $input) { client { id } } }`;
export const REGISTER_WEBHOOK = `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret webhook { id clientId url eventTypes } } }`;

export interface WebhookHub {
  started: TestSubgraphs;
  gateway: RunningServer;
  query<T = any>(text: string, variables: Record<string, unknown>, token?: string): ReturnType<typeof postGraphQL<T>>;
  /** A service client of `unitCode` registered by an ADMIN of that unit; its id. */
  client(unitCode: string, scopes: string[]): Promise<string>;
  close(): Promise<void>;
}

/**
 * Institutions (which holds everything webhooks need) on a seeded database, with the real gateway
 * in front; the other subgraphs' addresses answer nothing, and the webhook suites ask none of them.
 * The environment the webhook code reads at start (NATS_URL, HUB_WEBHOOK_*) is the caller's to set first.
 */
export async function startWebhookHub(kind: DatabaseKind, suite: string): Promise<WebhookHub> {
  const started = await startSubgraphs(kind, suite, ['institutions']);
  const nowhere = 'http://127.0.0.1:9/graphql';
  let gateway: RunningServer;
  try {
    gateway = await startGateway(testGatewayConfig({ procedures: nowhere, documents: nowhere, inspections: nowhere, ...started.urls }));
  } catch (error) {
    await started.close();
    throw error;
  }
  const query: WebhookHub['query'] = (text, variables, token) => postGraphQL(`${gateway.url}/graphql`, text, variables, token ? { authorization: `Bearer ${token}` } : {});
  return {
    started,
    gateway,
    query,
    async client(unitCode, scopes) {
      const admin = await mintDevToken({ unit: unitCode, roles: ['ADMIN'] });
      const answer = await query<any>(REGISTER_CLIENT, { input: { name: `Hệ thống thử ${unitCode}`, unitCode, scopes } }, admin);
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
      return answer.data.registerServiceClient.client.id;
    },
    async close() {
      await gateway.close();
      await started.close();
    },
  };
}
