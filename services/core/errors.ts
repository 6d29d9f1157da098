import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * The one list of the codes the hub's own errors carry (`docs/architecture.md`, Conventions).
 * `refusal`: the hub refused what the request asked for, so the audit log records a refused
 * mutation as REFUSED; otherwise (a malformed HTTP request, the hub itself unavailable) FAILED.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: { refusal: true },
  FORBIDDEN: { refusal: true },
  BAD_USER_INPUT: { refusal: true },
  NOT_FOUND: { refusal: true },
  CONFLICT: { refusal: true },
  RATE_LIMITED: { refusal: true },
  QUERY_LIMIT: { refusal: true },
  BAD_REQUEST: { refusal: false },
  SERVICE_UNAVAILABLE: { refusal: false },
} as const satisfies Record<string, { refusal: boolean }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Codes Apollo raises itself for a request it cannot run; they reach the client as they are. */
export const APOLLO_CODES = ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'PERSISTED_QUERY_NOT_FOUND'] as const;

const codes = Object.keys(ERROR_CODES) as ErrorCode[];

/** Every code a response keeps as it is; anything else is reported as INTERNAL_SERVER_ERROR. */
export const KNOWN_CODES: ReadonlySet<string> = new Set<string>([...codes, ...APOLLO_CODES]);

/** The codes of refusals (see ERROR_CODES). */
export const REFUSAL_CODES: ReadonlySet<string> = new Set<string>(codes.filter((code) => ERROR_CODES[code].refusal));

/**
 * The HTTP answer of an error that ends a whole request outside the resolvers (a gateway step
 * or plugin, a subgraph's context): Apollo and `responseOf` answer with it and drop it from the
 * body. Errors thrown in resolvers carry none, so a subgraph's response stays 200 and the
 * gateway passes the error on.
 */
export interface HttpAnswer {
  status: number;
  headers?: Map<string, string>;
}

/** A GraphQL error with `extensions: { code, ...details, http? }`, in that key order. */
export function hubError(code: ErrorCode, message: string, details: Record<string, unknown> = {}, http?: HttpAnswer): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details, ...(http ? { http } : {}) } });
}

export const unauthenticated = (message = 'A valid bearer token is required for this field', http?: HttpAnswer) =>
  hubError('UNAUTHENTICATED', message, {}, http);

/** `details` name what was refused (e.g. `operationHash`, `missingScopes`). */
export const forbidden = (message: string, details: Record<string, unknown> = {}, http?: HttpAnswer) =>
  hubError('FORBIDDEN', message, details, http);

/** `argument`: the argument at fault, as `extensions.argument`; `http` where the gateway answers it before execution. */
export const badInput = (message: string, argument?: string, http?: HttpAnswer) =>
  hubError('BAD_USER_INPUT', message, argument ? { argument } : {}, http);

export const notFound = (message: string) => hubError('NOT_FOUND', message);

export const conflict = (message: string) => hubError('CONFLICT', message);

/** HTTP 429 with a Retry-After header; `extensions.retryAfterSeconds` says the same. */
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  hubError('RATE_LIMITED', message, { retryAfterSeconds }, { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) });

/** The names of the limits a refused request can break; `extensions.limit` carries one. */
export type LimitName = 'depth' | 'aliases' | 'directives' | 'cost' | 'batch' | 'bodySize' | 'introspection';

/** A request refused by a query limit, naming the limit, its maximum and what was found; HTTP 400 unless told. */
export const queryLimit = (limit: LimitName, message: string, details: { max?: number | string; found?: number } = {}, http: HttpAnswer = { status: 400 }) =>
  hubError('QUERY_LIMIT', message, { limit, ...details }, http);

/** An HTTP request the hub cannot take as it is; HTTP 400 unless told (405 for a wrong method). */
export const badRequest = (message: string, http: HttpAnswer = { status: 400 }) => hubError('BAD_REQUEST', message, {}, http);

/** A part of the hub the request depends on is down: HTTP 503, worth retrying. */
export const serviceUnavailable = (message: string) => hubError('SERVICE_UNAVAILABLE', message, {}, { status: 503 });

/**
 * An error as a response answers it before or beside Apollo: the HTTP status and headers it
 * asks for (400 when none) and its entry of `errors`, `{ message, extensions }` without `http`.
 */
export function responseOf(error: GraphQLError) {
  const { http, ...extensions } = error.extensions as { http?: Partial<HttpAnswer> } & Record<string, unknown>;
  return { status: http?.status ?? 400, headers: http?.headers, body: { message: error.message, extensions } };
}
