/**
 * `@forge/kvs` in memory: values are stored and returned as JSON copies (so callers cannot mutate
 * what is stored, and non-JSON values fail as they would in Forge), listing is by key prefix in key
 * order, TTLs expire, and secrets live apart from plain keys.
 */
import type { EntityExpectation, KvPort, KvSetOptions } from '../src/ports';

interface Entry {
  json: string;
  expiresAt: number | undefined;
}

export interface MemoryKvsOptions {
  now?: () => Date;
}

function toJson(key: string, value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new Error(`kvs: the value for key "${key}" is not JSON-serialisable`);
  return json;
}

export function createMemoryKvs(options: MemoryKvsOptions = {}): KvPort {
  const now = options.now ?? (() => new Date());
  const values = new Map<string, Entry>();
  const secrets = new Map<string, string>();
  // Custom entities are a store apart from plain keys: `kvs.get('k')` never sees `kvs.entity('e').get('k')`.
  const entities = new Map<string, Map<string, string>>();
  const entityStore = (entityName: string) => {
    let store = entities.get(entityName);
    if (!store) entities.set(entityName, (store = new Map()));
    return store;
  };

  const live = (key: string): Entry | undefined => {
    const entry = values.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= now().getTime()) {
      values.delete(key);
      return undefined;
    }
    return entry;
  };
  const entry = (key: string, value: unknown, set?: KvSetOptions): Entry => ({
    json: toJson(key, value),
    expiresAt: set?.ttlSeconds === undefined ? undefined : now().getTime() + set.ttlSeconds * 1000,
  });

  return {
    async get<T>(key: string) {
      const found = live(key);
      return found === undefined ? undefined : (JSON.parse(found.json) as T);
    },
    async set(key, value, set) {
      values.set(key, entry(key, value, set));
    },
    async setIfAbsent(key, value, set) {
      if (live(key) !== undefined) return false;
      values.set(key, entry(key, value, set));
      return true;
    },
    async delete(key) {
      values.delete(key);
    },
    async *listByPrefix<T>(prefix: string) {
      const keys = [...values.keys()].filter((key) => key.startsWith(prefix)).sort();
      for (const key of keys) {
        const found = live(key);
        if (found !== undefined) yield { key, value: JSON.parse(found.json) as T };
      }
    },
    async getEntity<T extends object>(entityName: string, key: string) {
      const json = entityStore(entityName).get(key);
      return json === undefined ? undefined : (JSON.parse(json) as T);
    },
    async setEntityIf(entityName, key, value, expect) {
      // An entity value is a map of the attributes declared in the manifest, never a bare value.
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new Error(`kvs: entity "${entityName}" values are objects of attributes`);
      const store = entityStore(entityName);
      const stored = store.get(key);
      if (!expectationHolds(stored === undefined ? undefined : JSON.parse(stored), expect)) return false;
      // Checked and written in one synchronous step: no other call can interleave, as in a KVS transaction.
      store.set(key, toJson(key, value));
      return true;
    },
    async getSecret<T>(key: string) {
      const json = secrets.get(key);
      return json === undefined ? undefined : (JSON.parse(json) as T);
    },
    async setSecret(key, value) {
      secrets.set(key, toJson(key, value));
    },
    async deleteSecret(key) {
      secrets.delete(key);
    },
  };
}

/**
 * A transaction's entity condition on a key with no value fails, as an `equalTo` filter matches nothing
 * (https://developer.atlassian.com/platform/forge/storage-reference/transactions-entities/).
 */
function expectationHolds(stored: Record<string, unknown> | undefined, expect: EntityExpectation): boolean {
  if ('absent' in expect) return stored === undefined;
  return stored !== undefined && stored[expect.field] === expect.equals;
}
