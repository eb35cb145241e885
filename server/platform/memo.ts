import type { Db } from './db';

/**
 * Results kept per database and per data version. `versionedMemo(readVersion, compute)` returns a function
 * that reads the version (one small query) and returns the result already computed at that version for the
 * same arguments, or computes it. It is exactly as fresh as `compute` when every committed write to an
 * input changes the version in its own transaction: the version is read BEFORE computing, so a result is
 * never older than the version it is kept under, and the next write moves the version on.
 * Results are shared between callers: treat them as immutable.
 */
export function versionedMemo<A, R>(
  readVersion: (db: Db) => Promise<string>,
  compute: (db: Db, args: A) => Promise<R>,
  size = 16,
): (db: Db, args: A) => Promise<R> {
  const caches = new WeakMap<Db, { version: string; results: Map<string, Promise<R>> }>();
  return async (db, args) => {
    const version = await readVersion(db);
    let cache = caches.get(db);
    if (!cache || cache.version !== version) {
      cache = { version, results: new Map() };
      caches.set(db, cache);
    }
    const { results } = cache;
    const key = JSON.stringify(args);
    const hit = results.get(key);
    if (hit) {
      results.delete(key);
      results.set(key, hit);
      return hit;
    }
    const result = compute(db, args);
    results.set(key, result);
    result.catch(() => results.delete(key));
    for (const old of results.keys()) {
      if (results.size <= size) break;
      results.delete(old);
    }
    return result;
  };
}
