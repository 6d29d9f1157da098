import { internalCallTimeoutMs } from '../config';
import { PRINCIPAL_HEADER, signPrincipal, type Principal } from '../principal';

export interface InstitutionsAnswer<T> {
  data?: T | null;
  errors?: { message?: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/**
 * One server-to-server GraphQL request to the institutions subgraph: public when no principal
 * is given, else with the principal signed for this query alone, as the gateway forwards it.
 * Only the lookups in this folder send it.
 */
export async function askInstitutions<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  principal?: Principal,
): Promise<InstitutionsAnswer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (principal) headers[PRINCIPAL_HEADER] = await signPrincipal(principal, query);
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(internalCallTimeoutMs()),
  });
  return (await response.json()) as InstitutionsAnswer<T>;
}
