import { EventEmitter } from 'node:events';
import Redis from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { StateUnavailable, type SharedKeyValueCache, type SharedState } from './shared-state';

/** How long a command may wait for Redis before what it guards is refused. */
const COMMAND_TIMEOUT_MS = 2_000;
const READY_TIMEOUT_MS = 10_000;

/** `redis://user:pass@host:port/db` -> `host:port/db`: messages never carry the password. */
export const redisAddress = (url: string) => {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname.length > 1 ? parsed.pathname : ''}`;
  } catch {
    return 'REDIS_URL (unparsable)';
  }
};

/**
 * State shared by every replica through Redis 7: keys under `prefix` (`REDIS_KEY_PREFIX`, so
 * several hubs or test runs can share one server). Commands fail at once while Redis is away
 * (no offline queue), so a guard refuses instead of waiting; the client reconnects by itself.
 */
export class RedisState implements SharedState {
  readonly kind = 'redis' as const;
  private readonly client: Redis;
  private subscriber?: Redis;
  private readonly messages = new EventEmitter();
  private readonly gaps = new EventEmitter();

  constructor(
    private readonly url: string,
    private readonly prefix: string,
  ) {
    this.client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: COMMAND_TIMEOUT_MS, lazyConnect: false });
    // Errors reach the callers as refused commands; without a listener ioredis would print each retry.
    this.client.on('error', () => {});
    this.messages.setMaxListeners(0);
    this.gaps.setMaxListeners(0);
  }

  private unavailable(error: unknown): StateUnavailable {
    return new StateUnavailable(`Redis at ${redisAddress(this.url)} (REDIS_URL) does not answer: ${(error as Error)?.message ?? error}`, error);
  }

  async ready(): Promise<void> {
    if (this.client.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.client.off('ready', done);
        reject(this.unavailable(new Error(`no connection within ${READY_TIMEOUT_MS / 1000} s`)));
      }, READY_TIMEOUT_MS);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.client.once('ready', done);
    });
  }

  async claimOnce(key: string, expiresAtSeconds: number): Promise<boolean> {
    const seconds = Math.max(1, Math.ceil(expiresAtSeconds - Date.now() / 1000));
    try {
      return (await this.client.set(`${this.prefix}once:${key}`, '1', 'EX', seconds, 'NX')) === 'OK';
    } catch (error) {
      throw this.unavailable(error);
    }
  }

  rateLimiter(name: string, points: number, durationSeconds: number) {
    return new RateLimiterRedis({
      storeClient: this.client,
      keyPrefix: `${this.prefix}rate:${name}`,
      points,
      duration: durationSeconds,
      rejectIfRedisNotReady: true,
    });
  }

  async publish(channel: string, message: string): Promise<void> {
    try {
      await this.client.publish(`${this.prefix}${channel}`, message);
    } catch (error) {
      throw this.unavailable(error);
    }
  }

  subscribe(channel: string, onMessage: (message: string) => void, onGap?: () => void): () => void {
    const full = `${this.prefix}${channel}`;
    if (!this.subscriber) {
      // A connection in subscriber mode takes no other command: its own. It queues while away
      // and subscribes again after a reconnection; what was published meanwhile is lost (a gap).
      const subscriber = new Redis(this.url, { maxRetriesPerRequest: null });
      subscriber.on('error', () => {});
      let connectedBefore = false;
      subscriber.on('ready', () => {
        if (connectedBefore) this.gaps.emit('gap');
        connectedBefore = true;
      });
      subscriber.on('message', (from: string, message: string) => this.messages.emit(from, message));
      this.subscriber = subscriber;
    }
    if (this.messages.listenerCount(full) === 0) void this.subscriber.subscribe(full).catch(() => {});
    this.messages.on(full, onMessage);
    if (onGap) this.gaps.on('gap', onGap);
    return () => {
      this.messages.off(full, onMessage);
      if (onGap) this.gaps.off('gap', onGap);
    };
  }

  /** Apollo's cache in Redis: a miss when Redis is away (the client sends the full query again). */
  keyValueCache(name: string): SharedKeyValueCache {
    const key = (of: string) => `${this.prefix}${name}:${of}`;
    return {
      get: async (of) => (await this.client.get(key(of)).catch(() => null)) ?? undefined,
      set: async (of, value, options) => {
        const ttl = options?.ttl;
        await (ttl ? this.client.set(key(of), value, 'EX', Math.max(1, Math.ceil(ttl))) : this.client.set(key(of), value)).catch(() => undefined);
      },
      delete: async (of) => (await this.client.del(key(of)).catch(() => 0)) > 0,
    };
  }

  async close(): Promise<void> {
    this.subscriber?.disconnect();
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
