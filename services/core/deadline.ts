import type { IncomingHttpHeaders } from 'node:http';
import { hubError } from './errors';

/**
 * Deadlines of a request across the hub's processes (docs/architecture.md, "Deadlines").
 * The gateway gives each client request a deadline and every subgraph call what is left of it,
 * in this header: the budget in milliseconds, counted from when the call was sent (relative,
 * so no two clocks need agree). A subgraph's own calls (institutions lookups) take
 * min(what is left of that budget, their own cap). The header is not signed: a caller can only
 * shorten its own request with it, since every process caps it.
 */
export const BUDGET_HEADER = 'x-hub-budget-ms';

/** An absolute deadline, in epoch milliseconds. */
export type Deadline = number;

/** The deadline a subgraph request carries: now + min(the forwarded budget, `capMs`). */
export function deadlineFrom(headers: IncomingHttpHeaders, capMs: number): Deadline {
  const raw = headers[BUDGET_HEADER];
  const budget = Number(Array.isArray(raw) ? raw[0] : raw);
  const allowed = Number.isFinite(budget) && budget > 0 ? Math.min(budget, capMs) : capMs;
  return Date.now() + allowed;
}

/** Milliseconds left before `deadline`, at most `capMs` (with no deadline: `capMs`). */
export function budgetLeft(deadline: Deadline | undefined, capMs: number): number {
  return deadline === undefined ? capMs : Math.min(capMs, Math.floor(deadline - Date.now()));
}

/** The request's time is used up: no further call is started. */
export class DeadlineExceeded extends Error {
  constructor(what: string) {
    super(`${what}: the request's deadline passed`);
    this.name = 'DeadlineExceeded';
  }
}

/**
 * An AbortSignal that fires when the budget left runs out; throws DeadlineExceeded when none is
 * left already.
 */
export function signalFor(deadline: Deadline | undefined, capMs: number, what: string): AbortSignal {
  const left = budgetLeft(deadline, capMs);
  if (left <= 0) throw new DeadlineExceeded(what);
  return AbortSignal.timeout(left);
}

/**
 * Whether an error is a deadline running out (ours, or an AbortSignal.timeout firing). By name,
 * not `instanceof`: fetch's DOMException comes from another realm than the caller's Error under
 * a test runner.
 */
export const isTimeout = (error: unknown) => {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return name === 'DeadlineExceeded' || name === 'TimeoutError' || name === 'AbortError';
};

/**
 * SERVICE_UNAVAILABLE for a part of the hub that did not answer, naming the part and never its
 * address (no host, port or URL reaches a client). Without an HTTP status: the rest of the
 * answer stays, with HTTP 200.
 */
export function partUnavailable(part: string, error: unknown) {
  return hubError(
    'SERVICE_UNAVAILABLE',
    isTimeout(error) ? `The ${part} service did not answer in time; try again shortly` : `The ${part} service is unavailable; try again shortly`,
  );
}
