// A Map split into shards, so that growing it never rehashes everything at once.
// Pure: no `vscode` import.

/**
 * A Map from string keys split over 64 smaller Maps. A JS Map grows by rehashing all
 * of its entries in one go: at 524,288 entries one `set` takes 25–35 ms, which alone
 * broke the 50 ms main-thread budget while a 570,000-match result was indexed. Shards
 * rehash 64 times less at once.
 */
export class ShardedMap<V> {
  private readonly shards: Map<string, V>[] = Array.from({ length: 64 }, () => new Map<string, V>());

  private shard(key: string): Map<string, V> {
    let h = key.length;
    for (let i = Math.max(0, key.length - 4); i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
    return this.shards[h & 63];
  }

  /** The value of a key, if any. */
  get(key: string): V | undefined {
    return this.shard(key).get(key);
  }

  /** Whether the key is present. */
  has(key: string): boolean {
    return this.shard(key).has(key);
  }

  /** Sets a key's value. */
  set(key: string, value: V): this {
    this.shard(key).set(key, value);
    return this;
  }

  /** Number of entries over all shards. */
  get size(): number {
    let n = 0;
    for (const m of this.shards) n += m.size;
    return n;
  }
}
