import { Filter, FilterConditions, kvs, WhereConditions } from '@forge/kvs';
import type { EntityExpectation, KvPort, KvSetOptions } from '../ports';

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
    getEntity: <T extends object>(entityName: string, key: string) => kvs.entity<T>(entityName).get(key),
    async setEntityIf<T extends object>(
      entityName: string,
      key: string,
      value: T,
      expect: EntityExpectation,
    ) {
      try {
        if ('absent' in expect) {
          await kvs.entity<T>(entityName).set(key, value, { keyPolicy: 'FAIL_IF_EXISTS' });
        } else {
          // One transaction: the set only commits while the stored attribute still holds the expected value.
          // https://developer.atlassian.com/platform/forge/storage-reference/transactions-entities/
          const conditions = new Filter<T>().and(
            expect.field as keyof T,
            FilterConditions.equalTo(expect.equals),
          );
          await kvs.transact().set(key, value, { entityName, conditions }).execute();
        }
        return true;
      } catch (error) {
        // Atlassian does not document the error code of a failed condition: a stored value that no longer
        // meets the expectation means another write won; anything else is a real failure.
        const stored = await kvs.entity<Record<string, unknown>>(entityName).get(key);
        const stillHolds =
          'absent' in expect ? stored === undefined : stored?.[expect.field] === expect.equals;
        if (!stillHolds) return false;
        throw error;
      }
    },
    getSecret: (key) => kvs.getSecret(key),
    setSecret: (key, value) => kvs.setSecret(key, value),
    deleteSecret: (key) => kvs.deleteSecret(key),
  };
}
