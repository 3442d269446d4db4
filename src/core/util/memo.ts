// Bounded memo tables: the one way core modules cache per-word and per-text results.
// Never imports vscode.

/**
 * Stores `value` under `key` in a memo table holding at most `limit` entries: a full table is
 * emptied first (words and names recur across a corpus, so the working set refills quickly and
 * memory stays bounded). Returns `value`, so a lookup reads `cache.get(k) ?? rememberBounded(...)`.
 */
export function rememberBounded<K, V>(cache: Map<K, V>, key: K, value: V, limit: number): V {
  if (cache.size >= limit) cache.clear();
  cache.set(key, value);
  return value;
}
