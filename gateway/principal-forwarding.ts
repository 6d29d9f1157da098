import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { PRINCIPAL_HEADER, signPrincipal, type Principal } from '../services/core/principal';

export interface GatewayContext {
  /** The verified principal; absent for an anonymous request. */
  principal?: Principal;
}

/**
 * Sends each subgraph request with the verified principal, signed with the internal key for
 * that request alone (its query, once). The client's own Authorization header is not passed
 * on: subgraphs trust only the gateway's signature.
 */
export class PrincipalForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const principal = (context as GatewayContext | undefined)?.principal;
    if (principal) request.http?.headers.set(PRINCIPAL_HEADER, await signPrincipal(principal, request.query ?? ''));
  }
}
