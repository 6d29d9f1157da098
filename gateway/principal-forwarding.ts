import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { PRINCIPAL_HEADER, operationHash, signPrincipal, type Principal } from '../services/core/principal';
import type { ClientRecord } from '../services/core/service-client-record';

export interface GatewayContext {
  /** The verified principal; absent for an anonymous request. */
  principal?: Principal;
  /** The registered client behind a SERVICE principal. */
  client?: ClientRecord;
}

/**
 * Sends each subgraph request with the verified principal, signed with the internal key for
 * that request alone (its query, once), and naming the client's operation for the audit log.
 * The client's own Authorization header is not passed on: subgraphs trust only the gateway's
 * signature.
 */
export class PrincipalForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const { request, context } = options;
    const principal = (context as GatewayContext | undefined)?.principal;
    if (!principal) return;
    const incoming = 'incomingRequestContext' in options ? options.incomingRequestContext : undefined;
    const clientQuery = incoming?.source ?? incoming?.request.query;
    const operation = clientQuery ? { name: incoming?.operationName ?? incoming?.request.operationName ?? null, hash: operationHash(clientQuery) } : undefined;
    request.http?.headers.set(PRINCIPAL_HEADER, await signPrincipal(principal, request.query ?? '', operation));
  }
}
