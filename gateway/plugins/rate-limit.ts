import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited } from '../../services/core/errors';
import type { Principal } from '../../services/core/principal';
import { rateLimitRefusals } from '../../services/core/observability/metrics';

/** Requests per minute; 0 turns a limit off. */
export interface RateLimits {
  anonymousPerMinute: number;
  userPerMinute: number;
  servicePerMinute: number;
}

/**
 * Rate limits per principal (its subject, so one official's tokens share a budget), per
 * service client, and per address for anonymous requests. Memory-backed: one gateway process
 * holds the counters (several gateways would share them through rate-limiter-flexible's Redis store).
 */
export class RequestRateLimiter {
  private readonly limiters: Record<'anonymous' | 'USER' | 'SERVICE', RateLimiterMemory | undefined>;

  constructor(limits: RateLimits) {
    const make = (points: number) => (points > 0 ? new RateLimiterMemory({ points, duration: 60 }) : undefined);
    this.limiters = { anonymous: make(limits.anonymousPerMinute), USER: make(limits.userPerMinute), SERVICE: make(limits.servicePerMinute) };
  }

  /** Counts `operations` requests (a batched HTTP request counts each operation it holds); RATE_LIMITED past the budget. */
  async consume(principal: Principal | undefined, address: string, operations = 1): Promise<void> {
    const category = principal ? principal.kind : 'anonymous';
    const limiter = this.limiters[category];
    if (!limiter) return;
    const key = principal ? `${principal.kind}:${principal.subject}` : `ip:${address}`;
    try {
      await limiter.consume(key, Math.max(1, operations));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      rateLimitRefusals.inc({ category });
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      const who = principal ? `${principal.kind === 'SERVICE' ? 'client' : 'principal'} ${principal.subject}` : `address ${address}`;
      throw rateLimited(`Too many requests for ${who}: ${limiter.points} a minute. Retry in ${retryAfterSeconds} s`, retryAfterSeconds);
    }
  }
}
