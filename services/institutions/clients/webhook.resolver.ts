import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import type { SubgraphContext } from '../../core/context';
import { assertMayManageClient } from '../../core/access';
import { Connection, paginate, type Page } from '../../core/pagination';
import { SyncPageArgs } from '../../core/updated-since';
import { WebhookDelivery } from '../events/webhook-delivery';
import { ServiceClient } from './service-client';
import { Webhook, WebhookCredentials } from './webhook';
import { RegisterWebhookInput, WebhookDeliveryListArgs } from './webhook-inputs';
import { registerWebhook, removeWebhook, replayDelivery, replayParkedDeliveries, rotateWebhookSecret } from './webhook-registry';

const WebhookConnection = Connection(Webhook);
const WebhookDeliveryConnection = Connection(WebhookDelivery);

/**
 * Webhooks of service clients and their deliveries (README, "Webhooks"): for ADMIN officials of
 * the client's unit or a unit above (the client itself is reached only within the caller's scope).
 */
@Resolver(() => ServiceClient)
export class WebhookResolver {
  @FieldResolver(() => WebhookConnection, { nullable: true, description: "The client's webhooks, oldest first (ADMIN of its unit or above; secrets are never listed)." })
  webhooks(@Root() client: ServiceClient, @Args() page: SyncPageArgs, @Ctx() context: SubgraphContext): Promise<Page<Webhook>> {
    assertMayManageClient(context.principal, client.unitPath, "Reading a client's webhooks");
    const query = context.dataSource.getRepository(Webhook).createQueryBuilder('webhook').where('webhook.clientId = :clientId', { clientId: client.id });
    return paginate(query, 'webhook.id', (webhook) => webhook.id, page);
  }

  @FieldResolver(() => WebhookDeliveryConnection, {
    nullable: true,
    description: "The client's webhook deliveries with their attempts and last status, by id; `status: PARKED` lists those waiting for a replay (ADMIN of its unit or above).",
  })
  webhookDeliveries(@Root() client: ServiceClient, @Args() args: WebhookDeliveryListArgs, @Ctx() context: SubgraphContext): Promise<Page<WebhookDelivery>> {
    assertMayManageClient(context.principal, client.unitPath, "Reading a client's webhook deliveries");
    const query = context.dataSource.getRepository(WebhookDelivery).createQueryBuilder('delivery').where('delivery.clientId = :clientId', { clientId: client.id });
    if (args.status) query.andWhere('delivery.status = :status', { status: args.status });
    return paginate(query, 'delivery.id', (delivery) => delivery.id, args);
  }

  @Mutation(() => WebhookCredentials, {
    description: 'Registers a webhook for a service client (ADMIN of its unit or above). The signing secret is shown once. BAD_USER_INPUT for a URL off the allow-list.',
  })
  @ServiceScope('closed')
  registerWebhook(@Arg('input', { description: 'The webhook to register: client, URL and event types.' }) input: RegisterWebhookInput, @Ctx() context: SubgraphContext) {
    return registerWebhook(context, input);
  }

  @Mutation(() => WebhookCredentials, { description: 'Replaces the signing secret (the new one is shown once); the next attempt is signed with it.' })
  @ServiceScope('closed')
  rotateWebhookSecret(@Arg('id', () => ID, { description: 'Id of the webhook.' }) id: string, @Ctx() context: SubgraphContext) {
    return rotateWebhookSecret(context, id);
  }

  @Mutation(() => Webhook, { description: 'Removes a webhook and its deliveries not yet made.' })
  @ServiceScope('closed')
  removeWebhook(@Arg('id', () => ID, { description: 'Id of the webhook.' }) id: string, @Ctx() context: SubgraphContext) {
    return removeWebhook(context, id);
  }

  @Mutation(() => WebhookDelivery, { description: 'Sends a PARKED delivery again from its first attempt. CONFLICT when it is not parked.' })
  @ServiceScope('closed')
  replayWebhookDelivery(@Arg('id', () => ID, { description: 'Id of the webhook delivery.' }) id: string, @Ctx() context: SubgraphContext) {
    return replayDelivery(context, id);
  }

  @Mutation(() => Int, { description: 'Sends every PARKED delivery of a client again; answers how many.' })
  @ServiceScope('closed')
  replayParkedWebhookDeliveries(@Arg('clientId', () => ID, { description: 'Id of the service client whose parked deliveries go out again.' }) clientId: string, @Ctx() context: SubgraphContext) {
    return replayParkedDeliveries(context, clientId);
  }
}
