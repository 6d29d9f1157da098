/** A service client's side of the hub: the token endpoint and operations, over plain HTTP. */
export interface TokenAnswer {
  status: number;
  headers: Headers;
  body: { access_token?: string; token_type?: string; expires_in?: number; scope?: string; error?: string; error_description?: string };
}

export async function requestToken(gatewayUrl: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<TokenAnswer> {
  const response = await fetch(`${gatewayUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as TokenAnswer['body'] };
}

export const basicAuth = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

/** An operation sent by its hash alone, the APQ way. */
export async function postPersisted(gatewayUrl: string, hash: string, variables: Record<string, unknown>, token: string) {
  const response = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
  });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] }) };
}
