import { EventEmitter } from 'node:events';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { SharedState } from './shared-state';

/** One process's state: the embedded default, right for one process of each kind. */
export class MemoryState implements SharedState {
  readonly kind = 'memory' as const;
  private readonly claimed = new Map<string, number>();
  private readonly channels = new EventEmitter();
  /** When the claimed ids were last swept of expired ones (epoch seconds). */
  private lastSweep = 0;

  async ready(): Promise<void> {}

  /** Ids claimed and not yet swept (tests). */
  get heldIds(): number {
    return this.claimed.size;
  }

  async claimOnce(key: string, expiresAtSeconds: number): Promise<boolean> {
    const now = Date.now() / 1000;
    // Past 10,000 ids held, expired ones are dropped, at most once a second. Sweeping on every
    // claim scanned every id held: each forwarded principal is held for 60 s, so at 700 requests
    // a second each request scanned 42,000 ids, a seventh of the documents subgraph's CPU
    // (bench verify-document profile).
    if (this.claimed.size > 10_000 && now - this.lastSweep >= 1) {
      this.lastSweep = now;
      for (const [seen, expiry] of this.claimed) if (expiry < now) this.claimed.delete(seen);
    }
    const expiry = this.claimed.get(key);
    if (expiry !== undefined && expiry >= now) return false;
    this.claimed.set(key, expiresAtSeconds);
    return true;
  }

  rateLimiter(name: string, points: number, durationSeconds: number) {
    return new RateLimiterMemory({ keyPrefix: name, points, duration: durationSeconds });
  }

  async publish(channel: string, message: string): Promise<void> {
    this.channels.emit(channel, message);
  }

  subscribe(channel: string, onMessage: (message: string) => void): () => void {
    this.channels.setMaxListeners(0);
    this.channels.on(channel, onMessage);
    return () => void this.channels.off(channel, onMessage);
  }

  keyValueCache() {
    return undefined;
  }

  async close(): Promise<void> {
    this.channels.removeAllListeners();
  }
}
