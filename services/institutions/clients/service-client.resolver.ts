import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ServiceScope } from '../../core/access/service-scope-directive';
import type { SubgraphContext } from '../../core/context';
import { whereInScope } from '../../core/access';
import { notFound } from '../../core/errors';
import { Connection, paginate, type Page } from '../../core/pagination';
import { SyncPageArgs } from '../../core/updated-since';
import { unitById } from '../loaders';
import { unitCodeOf } from '../../core/access';
import { AdministrativeUnit } from '../unit/administrative-unit';
import { assertMayReadClients, serviceClientById } from './client-access';
import { RegisterServiceClientInput, ServiceClientListArgs } from './client-inputs';
import { registerClient, removeSafelistedOperation, revokeClient, rotateCredentials, safelistOperation } from './client-registry';
import { SafelistedOperation } from './safelisted-operation';
import { PersistedDocumentManifest, SafelistManifestResult, safelistManifest } from './safelist-manifest';
import { ServiceClient, ServiceClientCredentials } from './service-client';

const ServiceClientConnection = Connection(ServiceClient);
const SafelistedOperationConnection = Connection(SafelistedOperation);

@Resolver(() => ServiceClient)
export class ServiceClientResolver {
  @Query(() => ServiceClientConnection, { nullable: true, description: 'Service clients of your unit and the units below it (ADMIN or INSPECTOR).' })
  @ServiceScope('closed')
  serviceClients(@Args() args: ServiceClientListArgs, @Ctx() context: SubgraphContext): Promise<Page<ServiceClient>> {
    const principal = assertMayReadClients(context.principal);
    const query = context.dataSource.getRepository(ServiceClient).createQueryBuilder('client');
    whereInScope(query, 'client.unitPath', principal);
    if (args.status) query.andWhere('client.status = :status', { status: args.status });
    return paginate(query, 'client.id', (client) => client.id, args);
  }

  @Query(() => ServiceClient, { nullable: true, description: 'A service client in your scope (ADMIN or INSPECTOR).' })
  @ServiceScope('closed')
  async serviceClient(@Arg('id', () => ID, { description: 'Id of the service client.' }) id: string, @Ctx() context: SubgraphContext): Promise<ServiceClient> {
    assertMayReadClients(context.principal);
    const client = await serviceClientById(context).load(id);
    if (!client) throw notFound(`No service client has id "${id}"`);
    return client;
  }

  @FieldResolver(() => AdministrativeUnit, { description: 'The unit the client acts for: its scope.' })
  unit(@Root() client: ServiceClient, @Ctx() context: SubgraphContext) {
    return unitById(context).load(unitCodeOf(client.unitPath));
  }

  @FieldResolver(() => SafelistedOperationConnection, { description: 'The only operations the client may run.' })
  safelistedOperations(@Root() client: ServiceClient, @Args() page: SyncPageArgs, @Ctx() context: SubgraphContext): Promise<Page<SafelistedOperation>> {
    const query = context.dataSource
      .getRepository(SafelistedOperation)
      .createQueryBuilder('operation')
      .where('operation.clientId = :clientId', { clientId: client.id });
    return paginate(query, 'operation.id', (operation) => operation.id, page);
  }

  @Mutation(() => ServiceClientCredentials, { description: 'Registers a service client (ADMIN of its unit or a unit above). The secret is shown once.' })
  @ServiceScope('closed')
  registerServiceClient(@Arg('input', { description: 'The service client to register: name, unit, scopes and authentication.' }) input: RegisterServiceClientInput, @Ctx() context: SubgraphContext) {
    return registerClient(context, input);
  }

  @Mutation(() => ServiceClientCredentials, {
    description: 'Replaces the secret (a new one is shown once) or the public key; the old credential stops working at once. Tokens already issued run out within their 5 minutes.',
  })
  @ServiceScope('closed')
  rotateServiceClientCredentials(
    @Arg('id', () => ID, { description: 'Id of the service client.' }) id: string,
    @Arg('publicKeyPem', () => String, { nullable: true, description: 'New PEM (SPKI) public key for a PUBLIC_KEY client; omit for a SECRET client, which gets a new secret.' }) publicKeyPem: string | null,
    @Ctx() context: SubgraphContext,
  ) {
    return rotateCredentials(context, id, publicKeyPem);
  }

  @Mutation(() => ServiceClient, { description: "Revokes a client for good: no new tokens, and its tokens stop working within a minute." })
  @ServiceScope('closed')
  revokeServiceClient(@Arg('id', () => ID, { description: 'Id of the service client.' }) id: string, @Arg('reason', { description: 'Why it is revoked: kept as revocationReason.' }) reason: string, @Ctx() context: SubgraphContext) {
    return revokeClient(context, id, reason);
  }

  @Mutation(() => SafelistedOperation, { description: 'Registers an operation the client may run, keyed by the SHA-256 of its exact text.' })
  @ServiceScope('closed')
  safelistOperation(@Arg('clientId', () => ID, { description: 'Id of the service client.' }) clientId: string, @Arg('document', { description: 'The GraphQL operation text, exactly as the client will send it.' }) document: string, @Ctx() context: SubgraphContext) {
    return safelistOperation(context, clientId, document);
  }

  @Mutation(() => SafelistManifestResult, {
    description:
      'Safelists every document of a persisted-documents manifest (GraphQL Code Generator client preset, persisted-documents.json) for the client, ' +
      'all or nothing: a key that is not the SHA-256 of its document, or a document that cannot be safelisted, is BAD_USER_INPUT naming the entry, and nothing is written.',
  })
  @ServiceScope('closed')
  safelistManifest(
    @Arg('clientId', () => ID, { description: 'Id of the service client.' }) clientId: string,
    @Arg('manifest', () => PersistedDocumentManifest, { description: 'The persisted document manifest: operations keyed by their SHA-256 hash.' }) manifest: Record<string, unknown>,
    @Ctx() context: SubgraphContext,
  ) {
    return safelistManifest(context, clientId, manifest);
  }

  @Mutation(() => SafelistedOperation, { description: 'Removes an operation from a client\'s safelist; the gateway stops running it within a minute.' })
  @ServiceScope('closed')
  removeSafelistedOperation(@Arg('clientId', () => ID, { description: 'Id of the service client.' }) clientId: string, @Arg('hash', { description: 'SHA-256 (hex) of the operation to remove.' }) hash: string, @Ctx() context: SubgraphContext) {
    return removeSafelistedOperation(context, clientId, hash);
  }
}
