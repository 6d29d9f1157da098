import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { PRINCIPAL_HEADER } from '../services/core/principal';

export interface GatewayContext {
  /** The principal signed for the subgraphs; absent for an anonymous request. */
  forwardedPrincipal?: string;
}

/**
 * Sends each subgraph request with the verified principal, signed with the internal key.
 * The client's own Authorization header is not passed on: subgraphs trust only the gateway's signature.
 */
export class PrincipalForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const forwarded = (context as GatewayContext | undefined)?.forwardedPrincipal;
    if (forwarded) request.http?.headers.set(PRINCIPAL_HEADER, forwarded);
  }
}
