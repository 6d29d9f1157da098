import { randomUUID } from 'node:crypto';
import { sharedState } from '../../services/core/shared-state';
import { logger } from '../../services/core/observability/logger';

const CHANNEL = 'cache-generation';
const KEY = 'current';

/**
 * The generation of the gateways' cached public answers: part of every cache key and of every
 * shared call's key, so a new generation drops them all at once. A write through any gateway
 * starts a new one, stored in the shared state (so a gateway that starts later reads it) and
 * announced to every gateway (in Redis with `REDIS_URL`: every replica drops them).
 */
export class CacheGeneration {
  private current = '0';
  private unsubscribe?: () => void;

  async start(): Promise<void> {
    this.current = await this.stored();
    // A gap (Redis came back): messages may be lost, so read the stored one, else start afresh.
    this.unsubscribe = sharedState().subscribe(CHANNEL, (next) => (this.current = next), () => {
      this.current = randomUUID();
      void this.stored(this.current).then((stored) => (this.current = stored));
    });
  }

  get value(): string {
    return this.current;
  }

  /** A write went through: from now on no cached answer and no call in flight is shared with a read. */
  async bump(): Promise<void> {
    const next = randomUUID();
    this.current = next;
    try {
      await sharedState().keyValueCache('cache')?.set(KEY, next);
      await sharedState().publish(CHANNEL, next);
    } catch (error) {
      // The write is done; other gateways serve their copies until they expire (the lifetimes).
      logger().warn({ err: error }, 'the cache generation could not be announced');
    }
  }

  close(): void {
    this.unsubscribe?.();
  }

  /** The stored generation; the first gateway stores `0`, which every other one then reads. */
  private async stored(fallback = '0'): Promise<string> {
    const store = sharedState().keyValueCache('cache');
    const stored = await store?.get(KEY);
    if (stored) return stored;
    await store?.set(KEY, fallback);
    return fallback;
  }
}
