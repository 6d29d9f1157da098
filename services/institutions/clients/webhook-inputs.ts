import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { SyncPageArgs } from '../../core/updated-since';
import { CLIENT_KEY_DESCRIPTION } from '../../core/idempotency';
import { DeliveryStatus } from '../events/webhook-delivery';

@InputType({ description: "A new webhook of a service client. The hub makes its signing secret and shows it once." })
export class RegisterWebhookInput {
  @Field(() => String, { nullable: true, description: CLIENT_KEY_DESCRIPTION })
  clientKey?: string | null;

  @Field(() => ID, { description: 'The service client: of your unit or one below it.' })
  clientId!: string;

  @Field({ description: 'https URL (at most 2000 characters, no credentials, no fragment) on a host of HUB_WEBHOOK_ALLOWED_HOSTS.' })
  url!: string;

  @Field(() => [String], {
    description: 'Event types to deliver, 1 or more of the README\'s "Events" list (for example dossier.received); the client\'s scopes must let it read their records.',
  })
  eventTypes!: string[];
}

@ArgsType()
export class WebhookDeliveryListArgs extends SyncPageArgs {
  @Field(() => DeliveryStatus, { nullable: true, description: 'Only deliveries in this status (PARKED: those waiting for a replay).' })
  status?: DeliveryStatus;
}
