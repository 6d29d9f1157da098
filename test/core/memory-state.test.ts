import { MemoryState } from '../../services/core/shared-state/memory-state';
import { ReplayGuard } from '../../services/core/principal';

/**
 * The embedded shared state's replay guard (services/core/shared-state/memory-state.ts): each
 * signed call's id is accepted once until it expires, however many ids are held, and expired
 * ids are swept once more than 10,000 are held.
 */
describe('memory state: ids claimed once', () => {
  const inSeconds = (seconds: number) => Date.now() / 1000 + seconds;

  it('accepts an id once while it is valid, and again after it expired', async () => {
    const state = new MemoryState();
    const guard = new ReplayGuard('principal', state);
    expect(await guard.accept('a', inSeconds(60))).toBe(true);
    expect(await guard.accept('a', inSeconds(60))).toBe(false);
    // Another family of ids does not collide.
    expect(await new ReplayGuard('internal', state).accept('a', inSeconds(60))).toBe(true);
    expect(await guard.accept('gone', inSeconds(-1))).toBe(true);
    expect(await guard.accept('gone', inSeconds(60))).toBe(true);
  });

  it('refuses every replay with more than 10,000 ids held, and sweeps the expired ones', async () => {
    const state = new MemoryState();
    for (let index = 0; index < 6_000; index += 1) expect(await state.claimOnce(`expired:${index}`, inSeconds(-5))).toBe(true);
    for (let index = 0; index < 6_000; index += 1) expect(await state.claimOnce(`live:${index}`, inSeconds(60))).toBe(true);
    // The claim that found more than 10,000 held swept the expired ones.
    expect(state.heldIds).toBe(6_000);
    for (const index of [0, 2_999, 5_999]) expect(await state.claimOnce(`live:${index}`, inSeconds(60))).toBe(false);
    expect(await state.claimOnce('live:new', inSeconds(60))).toBe(true);
    expect(state.heldIds).toBe(6_001);
  });
});
