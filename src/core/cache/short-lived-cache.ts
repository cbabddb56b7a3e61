/** How long authentication trusts a user or session row it read (the owner's own writes forget it at once). */
export const AUTH_CACHE_TTL_MS = 5_000;

/**
 * Answers this process read in the last few seconds (authentication's user and session rows, so
 * that a request is authenticated without a database read: issue #15). The owner of the rows
 * forgets an entry whenever it writes one, so a change made through this process counts from the
 * next request; another process (a second API replica) sees it within `ttlMs`.
 *
 * A read that started before a forget is not stored (the generation moved meanwhile): it may have
 * read the row as it was before the change.
 */
export class ShortLivedCache<K, V> {
  private readonly entries = new Map<K, { value: V; until: number }>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached value, or undefined when not cached (or expired). */
  get(key: K): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  /** The cached value, else what `load` reads, stored unless a forget came in between. */
  async through(key: K, load: () => Promise<V>): Promise<V> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation && this.ttlMs > 0) {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, { value, until: this.now() + this.ttlMs });
    }
    return value;
  }

  forget(key: K): void {
    this.generation += 1;
    this.entries.delete(key);
  }

  /** Forgets every entry whose value matches (e.g. every session of a user). */
  forgetWhere(match: (value: V) => boolean): void {
    this.generation += 1;
    for (const [k, e] of this.entries) if (match(e.value)) this.entries.delete(k);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }
}
