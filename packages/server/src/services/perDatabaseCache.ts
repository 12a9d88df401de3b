import type { Database, Sql } from '../db/database.js';

/**
 * A bounded cache of immutable responses, one per database (tests and tools may open several in
 * one process, whose run ids and revisions overlap) or per transaction. The oldest entry goes first when it is full.
 */
export function perDatabaseCache<V>(size: number) {
  const caches = new WeakMap<Database | Sql, Map<string, V>>();
  return {
    get(database: Database | Sql, key: string): V | undefined {
      return caches.get(database)?.get(key);
    },
    set(database: Database | Sql, key: string, value: V): void {
      let cache = caches.get(database);
      if (!cache) {
        cache = new Map();
        caches.set(database, cache);
      }
      if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      cache.set(key, value);
    },
  };
}
