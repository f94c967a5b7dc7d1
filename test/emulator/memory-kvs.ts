/**
 * In-memory Forge storage with @forge/kvs semantics: JSON round-trips (so callers cannot keep
 * references to stored objects), prefix listing in key order, secrets in their own namespace,
 * optional persistence to a JSON file so the preview keeps state across restarts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { KvPort, KvSetOptions } from '../../src/ports';

interface Entry {
  json: string;
  expiresAt: number | null;
}

export interface MemoryKvsOptions {
  filePath?: string;
  now?: () => number;
}

export function createMemoryKvs(options: MemoryKvsOptions = {}): KvPort {
  const now = options.now ?? (() => Date.now());
  const plain = new Map<string, Entry>();
  const secrets = new Map<string, Entry>();
  load();

  function load(): void {
    if (!options.filePath || !existsSync(options.filePath)) return;
    const parsed: unknown = JSON.parse(readFileSync(options.filePath, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return;
    for (const [name, target] of [
      ['plain', plain],
      ['secrets', secrets],
    ] as const) {
      const section: unknown = (parsed as Record<string, unknown>)[name];
      if (typeof section !== 'object' || section === null) continue;
      for (const [key, entry] of Object.entries(section)) {
        if (isEntry(entry)) target.set(key, entry);
      }
    }
  }

  function persist(): void {
    if (!options.filePath) return;
    writeFileSync(
      options.filePath,
      JSON.stringify({ plain: Object.fromEntries(plain), secrets: Object.fromEntries(secrets) }),
    );
  }

  function read<T>(map: Map<string, Entry>, key: string): T | undefined {
    const entry = map.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== null && entry.expiresAt <= now()) {
      map.delete(key);
      return undefined;
    }
    return JSON.parse(entry.json) as T;
  }

  function write(map: Map<string, Entry>, key: string, value: unknown, opts?: KvSetOptions): void {
    validateKey(key);
    const json = JSON.stringify(value);
    // @forge/kvs rejects values above 240 KiB; fail the same way so tests catch oversize documents.
    if (Buffer.byteLength(json, 'utf8') > 240 * 1024) throw new Error('Value exceeds 240 KiB');
    map.set(key, { json, expiresAt: opts?.ttlSeconds ? now() + opts.ttlSeconds * 1000 : null });
    persist();
  }

  return {
    get: async <T>(key: string) => read<T>(plain, key),
    set: async (key, value, opts) => write(plain, key, value, opts),
    setIfAbsent: async (key, value, opts) => {
      if (read(plain, key) !== undefined) return false;
      write(plain, key, value, opts);
      return true;
    },
    delete: async (key) => {
      plain.delete(key);
      persist();
    },
    listByPrefix: <T>(prefix: string) => listEntries<T>(plain, prefix, read),
    getSecret: async <T>(key: string) => read<T>(secrets, key),
    setSecret: async (key, value) => write(secrets, key, value),
    deleteSecret: async (key) => {
      secrets.delete(key);
      persist();
    },
  };
}

async function* listEntries<T>(
  map: Map<string, Entry>,
  prefix: string,
  read: <U>(map: Map<string, Entry>, key: string) => U | undefined,
): AsyncIterable<{ key: string; value: T }> {
  const keys = [...map.keys()].filter((key) => key.startsWith(prefix)).sort();
  for (const key of keys) {
    const value = read<T>(map, key);
    if (value !== undefined) yield { key, value };
  }
}

function validateKey(key: string): void {
  // Forge keys: 1-500 chars of [a-zA-Z0-9:._\s-#]; anything else is rejected by the platform.
  if (key.length === 0 || key.length > 500 || !/^[a-zA-Z0-9:._\s\-#]+$/.test(key)) {
    throw new Error(`Invalid storage key: ${key}`);
  }
}

function isEntry(value: unknown): value is Entry {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.json === 'string' && (record.expiresAt === null || typeof record.expiresAt === 'number')
  );
}
