import { env } from '../config';
import { MemoryState } from './memory-state';
import { RedisState } from './redis-state';
import type { SharedState } from './shared-state';

export { StateUnavailable, type SharedState, type SharedKeyValueCache } from './shared-state';

let state: SharedState | undefined;

/**
 * This process's shared state: Redis when `REDIS_URL` is set (every replica sees the same
 * counters and ids; keys under `REDIS_KEY_PREFIX`, default `hub:`), else in process.
 */
export function sharedState(): SharedState {
  if (!state) {
    const url = env('REDIS_URL');
    state = url ? new RedisState(url, env('REDIS_KEY_PREFIX') ?? 'hub:') : new MemoryState();
  }
  return state;
}
