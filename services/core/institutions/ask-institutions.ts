import { internalCallTimeoutMs } from '../config';
import { partUnavailable, signalFor, type Deadline } from '../deadline';
import { PRINCIPAL_HEADER, signPrincipal, type Principal } from '../principal';
import { forwardedRequestId } from '../observability/http-scope';
import { logger } from '../observability/logger';

export interface InstitutionsAnswer<T> {
  data?: T | null;
  errors?: { message?: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/**
 * One server-to-server GraphQL request to the institutions subgraph: public when no principal
 * is given, else with the principal signed for this query alone, as the gateway forwards it.
 * Only the lookups in this folder send it. It waits until `deadline` (the request it serves;
 * services/core/deadline.ts), at most `internalCallTimeoutMs()`. When institutions is down,
 * frozen or answers no GraphQL: SERVICE_UNAVAILABLE naming institutions, never its address.
 */
export async function askInstitutions<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  principal?: Principal,
  deadline?: Deadline,
): Promise<InstitutionsAnswer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...forwardedRequestId() };
  if (principal) headers[PRINCIPAL_HEADER] = await signPrincipal(principal, query);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      signal: signalFor(deadline, internalCallTimeoutMs(), 'institutions lookup'),
    });
    const body = (await response.json()) as InstitutionsAnswer<T>;
    if (!body || typeof body !== 'object' || (!('data' in body) && !Array.isArray(body.errors))) throw new Error(`institutions answered HTTP ${response.status} without GraphQL`);
    return body;
  } catch (error) {
    logger().warn({ err: error }, 'institutions lookup failed');
    throw partUnavailable('institutions', error);
  }
}
