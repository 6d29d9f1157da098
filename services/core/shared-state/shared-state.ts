import type { RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * What the hub's processes must agree on when more than one of each runs (README, "Running N
 * replicas"): single-use ids, rate-limit counters, messages to every gateway, and the APQ cache.
 * In process by default (`memory-state.ts`); in Redis when `REDIS_URL` is set (`redis-state.ts`).
 */
export interface SharedState {
  /** `redis` or `memory`, for messages. */
  readonly kind: 'redis' | 'memory';
  /** Waits until the store answers; throws a clear `StateUnavailable` when it does not. */
  ready(): Promise<void>;
  /**
   * Claims `key` until `expiresAtSeconds` (Unix seconds): true the first time, false for every
   * later claim before then, in any process. Throws `StateUnavailable` when the store is down,
   * so a guard built on it refuses (fails closed).
   */
  claimOnce(key: string, expiresAtSeconds: number): Promise<boolean>;
  /** A limiter of `points` per `durationSeconds` whose counters every process shares. */
  rateLimiter(name: string, points: number, durationSeconds: number): RateLimiterAbstract;
  /** Sends `message` to every process subscribed to `channel` (this one included). */
  publish(channel: string, message: string): Promise<void>;
  /**
   * Calls `onMessage` for each message on `channel`; `onGap` when messages may have been lost
   * (the connection to the store came back), so a cache can drop everything. Returns the
   * unsubscribe.
   */
  subscribe(channel: string, onMessage: (message: string) => void, onGap?: () => void): () => void;
  /** Apollo's KeyValueCache (the APQ cache) under `name`, or undefined for Apollo's own in-process one. */
  keyValueCache(name: string): SharedKeyValueCache | undefined;
  close(): Promise<void>;
}

/** The shape of `@apollo/utils.keyvaluecache`'s KeyValueCache; `ttl` in seconds. */
export interface SharedKeyValueCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

/** The shared store did not answer: what it guards is refused (HTTP 503), never let through. */
export class StateUnavailable extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'StateUnavailable';
  }
}
