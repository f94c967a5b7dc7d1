/**
 * `@forge/kvs` in memory, as the app's `KvPort`, for pure unit tests: the same store the local Forge
 * platform serves (forge-platform/kvs-store.ts), so keys, value sizes, TTLs and FAIL_IF_EXISTS follow
 * the platform's rules and refusals (`KvsError` with the platform's code). Values are JSON copies.
 */
import type { KvPort, KvSetOptions } from '../src/ports';
import { kvsApiResponse } from './kvs-api';
import { createKvsStore, KvsError, type KvsStore } from './kvs-store';

export interface MemoryKvsOptions {
  now?: () => Date;
  /** Share a store with a running platform (the preview), so both see the same data. */
  store?: KvsStore;
}

const setOptions = (options?: KvSetOptions) =>
  options?.ttlSeconds ? { ttl: { value: options.ttlSeconds, unit: 'SECONDS' as const } } : {};

const refusedWith = (code: string, write: () => void): boolean => {
  try {
    write();
    return true;
  } catch (error) {
    if (error instanceof KvsError && error.code === code) return false;
    throw error;
  }
};

const orUndefined = <T>(read: () => { value: unknown }): T | undefined => {
  try {
    return read().value as T;
  } catch (error) {
    if (error instanceof KvsError && error.code === 'KEY_NOT_FOUND') return undefined;
    throw error;
  }
};

export function createMemoryKvs(options: MemoryKvsOptions = {}): KvPort {
  const store = options.store ?? createKvsStore({ ...(options.now ? { now: options.now } : {}) });
  return {
    get: async <T>(key: string) => orUndefined<T>(() => store.get(key)),
    async getMany<T>(keys: readonly string[]) {
      // Through the platform's own batch endpoint: its refusals (empty, over 25 keys, a key twice) apply.
      const response = kvsApiResponse(
        store,
        '/api/v1/batch/get',
        JSON.stringify(keys.map((key) => ({ key }))),
      );
      const body = (await response.json()) as {
        code?: string;
        message?: string;
        successfulKeys?: Array<{ key: string; value: T }>;
        failedKeys?: Array<{ key: string; error: { code: string; message: string } }>;
      };
      if (!response.ok) throw new KvsError(body.code ?? 'INVALID_BATCH', body.message ?? 'batch get refused');
      const failed = (body.failedKeys ?? []).find((item) => item.error.code !== 'KEY_NOT_FOUND');
      if (failed) throw new KvsError(failed.error.code, failed.error.message);
      return new Map((body.successfulKeys ?? []).map((item) => [item.key, item.value]));
    },
    async set(key, value, set) {
      store.set(key, value, setOptions(set));
    },
    setIfAbsent: async (key, value, set) =>
      refusedWith('KEY_CONFLICT', () =>
        store.set(key, value, { ...setOptions(set), keyPolicy: 'FAIL_IF_EXISTS' }),
      ),
    async delete(key) {
      store.delete(key);
    },
    async *listByPrefix<T>(prefix: string) {
      let cursor: string | undefined;
      do {
        const page = store.query(
          [{ property: 'key', condition: 'BEGINS_WITH', values: [prefix] }],
          100,
          cursor,
        );
        for (const { key, value } of page.data) yield { key, value: value as T };
        cursor = page.cursor;
      } while (cursor);
    },
    getEntity: async <T extends object>(entityName: string, key: string) =>
      orUndefined<T>(() => store.get(key, entityName)),
    // As src/forge/forge-kvs-port.ts writes it: FAIL_IF_EXISTS for the first save, else a transaction
    // conditioned on the stored attribute.
    setEntityIf: async (entityName, key, value, expect) =>
      'absent' in expect
        ? refusedWith('KEY_CONFLICT', () =>
            store.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS' }, entityName),
          )
        : refusedWith('CONDITION_FAILED', () =>
            store.transact({
              set: [
                {
                  key,
                  value,
                  entityName,
                  conditions: {
                    and: [{ property: expect.field, condition: 'EQUAL_TO', values: [expect.equals] }],
                  },
                },
              ],
            }),
          ),
    getSecret: async <T>(key: string) => orUndefined<T>(() => store.getSecret(key)),
    async setSecret(key, value) {
      store.setSecret(key, value);
    },
    async deleteSecret(key) {
      store.deleteSecret(key);
    },
  };
}
