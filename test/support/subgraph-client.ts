import { PRINCIPAL_HEADER, signPrincipal, type Principal, type Role } from '../../services/core/principal';
import { postGraphQL, type GraphQLResponse } from './graphql-client';

/** A principal as the gateway would forward it, for suites that talk to one subgraph directly. */
export function principal(unitCode: string, unitPath: string, roles: Role[], subject = `test-${unitCode}-${roles.join('-')}`): Principal {
  return { subject, name: subject, kind: 'USER', roles, scopes: [], unitCode, unitPath };
}

/** Sends an operation straight to a subgraph, with a signed principal or with none. */
export async function querySubgraph<T = Record<string, unknown>>(
  subgraphUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  who?: Principal,
): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = who ? { [PRINCIPAL_HEADER]: await signPrincipal(who, query) } : {};
  return postGraphQL<T>(`${subgraphUrl}/graphql`, query, variables, headers);
}
