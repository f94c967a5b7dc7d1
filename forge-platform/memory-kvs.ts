/**
 * `@forge/kvs` in memory: values are stored and returned as JSON copies (so callers cannot mutate
 * what is stored, and non-JSON values fail as they would in Forge), listing is by key prefix in key
 * order, TTLs expire, and secrets live apart from plain keys.
 */
import type { KvPort, KvSetOptions } from '../src/ports';

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
