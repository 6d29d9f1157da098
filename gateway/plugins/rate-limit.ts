import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { rateLimited, serviceUnavailable } from '../../services/core/errors';
import type { Principal } from '../../services/core/principal';
import { sharedState, type SharedState } from '../../services/core/shared-state';
import { rateLimitRefusals } from '../../services/core/observability/metrics';
import { logger } from '../../services/core/observability/logger';

/** Requests per minute; 0 turns a limit off. */
export interface RateLimits {
  anonymousPerMinute: number;
  userPerMinute: number;
  servicePerMinute: number;
}

/**
 * Rate limits per principal (its subject, so one official's tokens share a budget), per
 * service client, and per address for anonymous requests. The counters are the shared state's
 * (`core/shared-state`): in process, or in Redis so that N gateways admit N in total, not N each.
 */
export class RequestRateLimiter {
  private readonly limiters: Record<'anonymous' | 'USER' | 'SERVICE', RateLimiterAbstract | undefined>;

  constructor(limits: RateLimits, state: SharedState = sharedState()) {
    const make = (name: string, points: number) => (points > 0 ? state.rateLimiter(name, points, 60) : undefined);
    this.limiters = {
      anonymous: make('anonymous', limits.anonymousPerMinute),
      USER: make('user', limits.userPerMinute),
      SERVICE: make('service', limits.servicePerMinute),
    };
  }

  /**
   * Counts `operations` requests (a batched HTTP request counts each operation it holds);
   * RATE_LIMITED past the budget, SERVICE_UNAVAILABLE (503) when the counters cannot be read:
   * an unreadable budget refuses, it never admits.
   */
  async consume(principal: Principal | undefined, address: string, operations = 1): Promise<void> {
    const category = principal ? principal.kind : 'anonymous';
    const limiter = this.limiters[category];
    if (!limiter) return;
    const key = principal ? `${principal.kind}:${principal.subject}` : `ip:${address}`;
    try {
      await limiter.consume(key, Math.max(1, operations));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) {
        // The store's address stays in the log, never in an answer.
        logger().error({ err: rejection }, 'rate limit cannot be checked');
        throw serviceUnavailable('The rate limit cannot be checked right now; try again shortly');
      }
      rateLimitRefusals.inc({ category });
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      const who = principal ? `${principal.kind === 'SERVICE' ? 'client' : 'principal'} ${principal.subject}` : `address ${address}`;
      throw rateLimited(`Too many requests for ${who}: ${limiter.points} a minute. Retry in ${retryAfterSeconds} s`, retryAfterSeconds);
    }
  }
}
