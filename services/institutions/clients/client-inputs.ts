import { ArgsType, Field, InputType } from 'type-graphql';
import { SyncPageArgs } from '../../core/updated-since';
import { ClientStatus } from './service-client';
import { CLIENT_KEY_DESCRIPTION } from '../../core/idempotency';

@InputType({ description: 'A new service client. Give publicKeyPem for private_key_jwt; without it the hub makes a secret.' })
export class RegisterServiceClientInput {
  @Field(() => String, { nullable: true, description: CLIENT_KEY_DESCRIPTION })
  clientKey?: string | null;

  @Field({ description: '1 to 120 characters, for example "Hệ thống một cửa điện tử tỉnh Kon Tum".' })
  name!: string;

  @Field({ description: 'The unit the client acts for: yours or one below it.' })
  unitCode!: string;

  @Field(() => [String], { description: 'Service scopes, for example dossiers:write (see the README for the list).' })
  scopes!: string[];

  @Field(() => String, { nullable: true, description: 'PEM (SPKI) RSA (2048 bits or more) or EC P-256 public key.' })
  publicKeyPem?: string;
}

@ArgsType()
export class ServiceClientListArgs extends SyncPageArgs {
  @Field(() => ClientStatus, { nullable: true, description: 'Only clients in this status; every status when omitted.' })
  status?: ClientStatus;
}
