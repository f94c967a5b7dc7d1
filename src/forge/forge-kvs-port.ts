import { kvs, WhereConditions } from '@forge/kvs';
import type { KvPort, KvSetOptions } from '../ports';

const ttlOf = (options?: KvSetOptions) =>
  options?.ttlSeconds ? { ttl: { value: options.ttlSeconds, unit: 'SECONDS' as const } } : {};

/** `@forge/kvs`, the app's key-value store (values up to 240 KiB). */
export function forgeKvsPort(): KvPort {
  return {
    get: (key) => kvs.get(key),
    set: (key, value, options) => kvs.set(key, value, ttlOf(options)),
    async setIfAbsent(key, value, options) {
      try {
        await kvs.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS', ...ttlOf(options) });
        return true;
      } catch (error) {
        // FAIL_IF_EXISTS answers a KVS API error when the key is already there.
        if (error instanceof Error && 'code' in error && String(error.code).includes('EXISTS')) return false;
        if ((await kvs.get(key)) !== undefined) return false;
        throw error;
      }
    },
    delete: (key) => kvs.delete(key),
    async *listByPrefix<T>(prefix: string) {
      let cursor: string | undefined;
      do {
        let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(100);
        if (cursor) query = query.cursor(cursor);
        const page = await query.getMany<T>();
        for (const result of page.results) yield { key: result.key, value: result.value };
        cursor = page.nextCursor;
      } while (cursor);
    },
    getSecret: (key) => kvs.getSecret(key),
    setSecret: (key, value) => kvs.setSecret(key, value),
    deleteSecret: (key) => kvs.deleteSecret(key),
  };
}
