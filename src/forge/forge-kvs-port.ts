import { Filter, FilterConditions, ForgeKvsAPIError, kvs, WhereConditions } from '@forge/kvs';
import { AppError } from '../contract/errors';
import type { EntityExpectation, KvPort, KvSetOptions } from '../ports';

const KEY_NOT_FOUND = 'KEY_NOT_FOUND';

const ttlOf = (options?: KvSetOptions) =>
  options?.ttlSeconds ? { ttl: { value: options.ttlSeconds, unit: 'SECONDS' as const } } : {};

/**
 * Storage refusals as the app's error kinds: over a quota the store answers HTTP 429
 * `RATE_LIMIT_EXCEEDED` (https://developer.atlassian.com/platform/forge/storage-reference/handling-errors-kvs),
 * an outage 5xx; `@forge/kvs` throws both as `ForgeKvsAPIError` with `responseDetails.status`
 * (node_modules/@forge/kvs/out/utils/error-handling.js). Both are worth a later retry.
 */
function storageError(error: unknown): unknown {
  if (!(error instanceof ForgeKvsAPIError)) return error;
  const status = error.responseDetails.status;
  if (status === 429)
    return new AppError(
      'RateLimited',
      `Forge storage is rate-limiting the app (${error.code}); retry later.`,
      {
        cause: error,
      },
    );
  if (status >= 500)
    return new AppError('Unavailable', `Forge storage is unavailable (HTTP ${status}); try again shortly.`, {
      cause: error,
    });
  return error;
}

async function mapped<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw storageError(error);
  }
}

/** `@forge/kvs`, the app's key-value store (values up to 240 KiB). */
export function forgeKvsPort(): KvPort {
  return {
    get: (key) => mapped(() => kvs.get(key)),
    getMany: <T>(keys: readonly string[]) =>
      mapped(async () => {
        const result = await kvs.batchGet<T>(keys.map((key) => ({ key })));
        // A missing key is a failed key with KEY_NOT_FOUND, not an error of the batch.
        const failed = result.failedKeys.filter((item) => item.error.code !== KEY_NOT_FOUND);
        if (failed.length > 0)
          throw new Error(
            `kvs batchGet failed for ${failed.length} key(s): ${failed[0]?.error.message ?? ''}`,
          );
        return new Map(result.successfulKeys.map((item) => [item.key, item.value]));
      }),
    set: (key, value, options) => mapped(() => kvs.set(key, value, ttlOf(options))),
    setIfAbsent: (key, value, options) =>
      mapped(async () => {
        try {
          await kvs.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS', ...ttlOf(options) });
          return true;
        } catch (error) {
          // A present key is a conflict: HTTP 409. Atlassian's pages do not name the error code, so the
          // status decides, not the code.
          if (error instanceof ForgeKvsAPIError && error.responseDetails.status === 409) return false;
          throw error;
        }
      }),
    delete: (key) => mapped(() => kvs.delete(key)),
    async *listByPrefix<T>(prefix: string) {
      let cursor: string | undefined;
      do {
        let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(100);
        if (cursor) query = query.cursor(cursor);
        const page = await mapped(() => query.getMany<T>());
        for (const result of page.results) yield { key: result.key, value: result.value };
        cursor = page.nextCursor;
      } while (cursor);
    },
    getEntity: <T extends object>(entityName: string, key: string) =>
      mapped(() => kvs.entity<T>(entityName).get(key)),
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
        throw storageError(error);
      }
    },
    getSecret: (key) => mapped(() => kvs.getSecret(key)),
    setSecret: (key, value) => mapped(() => kvs.setSecret(key, value)),
    deleteSecret: (key) => mapped(() => kvs.deleteSecret(key)),
  };
}
