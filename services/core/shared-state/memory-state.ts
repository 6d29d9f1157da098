import { EventEmitter } from 'node:events';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { SharedState } from './shared-state';

/** One process's state: the embedded default, right for one process of each kind. */
export class MemoryState implements SharedState {
  readonly kind = 'memory' as const;
  private readonly claimed = new Map<string, number>();
  private readonly channels = new EventEmitter();

  async ready(): Promise<void> {}

  async claimOnce(key: string, expiresAtSeconds: number): Promise<boolean> {
    const now = Date.now() / 1000;
    if (this.claimed.size > 10_000) for (const [seen, expiry] of this.claimed) if (expiry < now) this.claimed.delete(seen);
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
