/**
 * Identical calls in flight share one: the first caller of a key runs it, later callers of
 * the same key get the same result until it settles. Nothing is kept after that (the cache of
 * public answers is `public-answers.ts`).
 */
export class InFlight<T> {
  private readonly calls = new Map<string, Promise<T>>();

  /** The result of `run`, or of the call already in flight under `key`; `shared` says which. */
  async share(key: string, run: () => Promise<T>): Promise<{ value: T; shared: boolean }> {
    const running = this.calls.get(key);
    if (running) return { value: await running, shared: true };
    const call = run().finally(() => this.calls.delete(key));
    this.calls.set(key, call);
    return { value: await call, shared: false };
  }
}
