import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import {
  APOLLO_CODES,
  ERROR_CODES,
  KNOWN_CODES,
  REFUSAL_CODES,
  badInput,
  badRequest,
  conflict,
  forbidden,
  notFound,
  queryLimit,
  rateLimited,
  responseOf,
  serviceUnavailable,
  unauthenticated,
} from '../../services/core/errors';
import { formatError } from '../../services/core/format-error';

const shape = (error: GraphQLError) => ({ message: error.message, extensions: error.extensions });

describe('error constructors', () => {
  it('resolver errors carry their code and no HTTP status', () => {
    expect(shape(unauthenticated())).toEqual({ message: 'A valid bearer token is required for this field', extensions: { code: 'UNAUTHENTICATED' } });
    expect(shape(forbidden('No'))).toEqual({ message: 'No', extensions: { code: 'FORBIDDEN' } });
    expect(shape(badInput('Bad day', 'on'))).toEqual({ message: 'Bad day', extensions: { code: 'BAD_USER_INPUT', argument: 'on' } });
    expect(shape(badInput('Bad'))).toEqual({ message: 'Bad', extensions: { code: 'BAD_USER_INPUT' } });
    expect(shape(notFound('None'))).toEqual({ message: 'None', extensions: { code: 'NOT_FOUND' } });
    expect(shape(conflict('Taken'))).toEqual({ message: 'Taken', extensions: { code: 'CONFLICT' } });
  });

  it('errors that end a request carry the HTTP status the gateway answers with', () => {
    expect(unauthenticated('Bad token', { status: 401 }).extensions).toEqual({ code: 'UNAUTHENTICATED', http: { status: 401 } });
    expect(forbidden('Not safelisted', { operationHash: 'abc' }, { status: 403 }).extensions).toEqual({ code: 'FORBIDDEN', operationHash: 'abc', http: { status: 403 } });
    expect(serviceUnavailable('Down').extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', http: { status: 503 } });
    expect(badRequest('Not JSON').extensions).toEqual({ code: 'BAD_REQUEST', http: { status: 400 } });
    expect(badRequest('POST only', { status: 405 }).extensions).toEqual({ code: 'BAD_REQUEST', http: { status: 405 } });
    expect(queryLimit('depth', 'Too deep', { max: 10, found: 12 }).extensions).toEqual({ code: 'QUERY_LIMIT', limit: 'depth', max: 10, found: 12, http: { status: 400 } });
    expect(queryLimit('bodySize', 'Too big', { max: 5 }, { status: 413 }).extensions).toEqual({ code: 'QUERY_LIMIT', limit: 'bodySize', max: 5, http: { status: 413 } });
    const limited = rateLimited('Slow down', 7);
    expect(limited.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 7, http: { status: 429 } });
    expect([...(limited.extensions.http as { headers: Map<string, string> }).headers]).toEqual([['retry-after', '7']]);
  });

  it('the code comes first in extensions, then the details, then http (responses keep this order)', () => {
    expect(Object.keys(forbidden('x', { missingScopes: [], closedFields: [] }, { status: 403 }).extensions)).toEqual(['code', 'missingScopes', 'closedFields', 'http']);
    expect(Object.keys(queryLimit('cost', 'x', { max: 1, found: 2 }).extensions)).toEqual(['code', 'limit', 'max', 'found', 'http']);
  });

  it('an error answered outside Apollo: its status and headers, and its body without http', () => {
    expect(responseOf(forbidden('No', { operationHash: null }, { status: 403 }))).toEqual({
      status: 403,
      headers: undefined,
      body: { message: 'No', extensions: { code: 'FORBIDDEN', operationHash: null } },
    });
    expect(responseOf(notFound('None'))).toMatchObject({ status: 400, body: { message: 'None', extensions: { code: 'NOT_FOUND' } } });
    expect(JSON.stringify(responseOf(serviceUnavailable('Down')).body)).toBe('{"message":"Down","extensions":{"code":"SERVICE_UNAVAILABLE"}}');
  });
});

describe('the one list of codes', () => {
  it('holds the hub codes and Apollo codes, and nothing else', () => {
    expect([...KNOWN_CODES].sort()).toEqual(
      [
        'UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'QUERY_LIMIT',
        'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'PERSISTED_QUERY_NOT_FOUND', 'BAD_REQUEST', 'SERVICE_UNAVAILABLE',
      ].sort(),
    );
    expect([...APOLLO_CODES].every((code) => !(code in ERROR_CODES))).toBe(true);
  });

  it('refusals are what the hub refused on purpose; a bad HTTP request or an outage is a failure', () => {
    expect([...REFUSAL_CODES].sort()).toEqual(['BAD_USER_INPUT', 'CONFLICT', 'FORBIDDEN', 'NOT_FOUND', 'QUERY_LIMIT', 'RATE_LIMITED', 'UNAUTHENTICATED']);
  });
});

describe('formatError', () => {
  const previous = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = previous;
    jest.restoreAllMocks();
  });
  const formatted = (message: string, extensions: Record<string, unknown>): GraphQLFormattedError => ({ message, path: ['field'], extensions });

  it.each([...KNOWN_CODES])('keeps %s with its message, dropping the stack trace', (code) => {
    process.env.NODE_ENV = 'production';
    expect(formatError(formatted('Said on purpose', { code, stacktrace: ['at x'], argument: 'on' }), new Error('x'))).toEqual({
      message: 'Said on purpose',
      path: ['field'],
      extensions: { code, argument: 'on' },
    });
  });

  it('files a limit under QUERY_LIMIT and a bad variable under BAD_USER_INPUT', () => {
    expect(formatError(formatted('Too deep', { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth' }), null).extensions?.code).toBe('QUERY_LIMIT');
    expect(formatError(formatted('Variable "$on" got invalid value "x"', {}), null).extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('hides anything else in production', () => {
    process.env.NODE_ENV = 'production';
    expect(formatError(formatted('SQLITE_ERROR: no such table', { code: 'SQLITE_ERROR' }), new Error('SQLITE_ERROR'))).toEqual({
      message: 'Internal server error',
      locations: undefined,
      path: ['field'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('outside production, shows the message (still as INTERNAL_SERVER_ERROR)', () => {
    process.env.NODE_ENV = 'test';
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(formatError(formatted('Boom', {}), new Error('Boom'))).toMatchObject({ message: 'Boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});

describe("the README's error table", () => {
  it('lists every code the hub can answer, and no other', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('\n## Errors'), readme.indexOf('\n## ', readme.indexOf('\n## Errors') + 1));
    const listed = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]);
    expect(listed.sort()).toEqual([...KNOWN_CODES, 'INTERNAL_SERVER_ERROR'].sort());
  });
});
