import pino, { type DestinationStream, type Logger } from 'pino';
import { env } from '../config';
import { activeTraceId, requestScope } from './request-scope';

/**
 * The hub's log: one JSON object a line (pino) on standard output. Every line names the process
 * part (`service`) and, inside a request, its `requestId` and `traceId`.
 *
 * What never reaches a line: headers (Authorization, x-hub-principal), tokens, secrets, GraphQL
 * variables and arguments, applicant or official identities. The code logs none of them; the
 * redaction paths below and the error serializer (no enumerable extras such as a failed query's
 * parameters) are a second line of defence.
 *
 * Level: `HUB_LOG_LEVEL` (fatal, error, warn, info, debug, trace, silent); default `info`, and
 * `error` under jest (NODE_ENV=test), so the suites' output shows faults but no request lines.
 */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

let processService = 'hub';
let destination: DestinationStream | undefined;
let root: Logger | undefined;

function level(): string {
  const configured = env('HUB_LOG_LEVEL')?.toLowerCase();
  if (configured === undefined) return env('NODE_ENV') === 'test' ? 'error' : 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(configured)) throw new Error(`HUB_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${configured}"`);
  return configured;
}

/** An error as a log line holds it: its class, message, code and stack; none of its other fields. */
export function errorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const codeOf = (value: Error) => {
    const code = (value as Error & { code?: unknown }).code;
    return typeof code === 'string' ? { code } : {};
  };
  const cause = (error as Error & { cause?: unknown }).cause;
  return {
    type: error.name,
    message: error.message,
    ...codeOf(error),
    stack: error.stack,
    ...(cause instanceof Error ? { cause: { type: cause.name, message: cause.message, ...codeOf(cause) } } : {}),
  };
}

const SENSITIVE = ['authorization', 'headers', 'variables', 'password', 'secret', 'client_secret', 'token', 'access_token', 'applicant', 'parameters'];

function build(): Logger {
  return pino(
    {
      level: level(),
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: errorForLog },
      redact: { paths: SENSITIVE.flatMap((key) => [key, `*.${key}`]), censor: '[redacted]' },
      mixin() {
        const scope = requestScope();
        const traceId = activeTraceId();
        return { service: scope?.service ?? processService, ...(scope ? { requestId: scope.requestId } : {}), ...(traceId ? { traceId } : {}) };
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** The process's logger (made at first use, after `configureLogging`). */
export function logger(): Logger {
  root ??= build();
  return root;
}

/**
 * Sets the name lines outside any request carry (`gateway`, `procedures`…) and, for tests, where
 * the lines go; the level is read again from HUB_LOG_LEVEL.
 */
export function configureLogging(options: { service?: string; destination?: DestinationStream } = {}) {
  if (options.service) processService = options.service;
  if (options.destination) destination = options.destination;
  root = build();
}
