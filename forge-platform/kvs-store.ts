/**
 * Forge hosted storage (KVS and Custom Entity Store) in memory: the one place its semantics live.
 * The platform's `/api/v1/...` endpoints (forge-platform/kvs-api.ts) and the unit tests' `KvPort`
 * (forge-platform/memory-kvs.ts) both use it, so neither is kinder than the platform.
 *
 * Limits and error codes:
 * - keys: https://developer.atlassian.com/platform/forge/storage-reference/handling-errors-kvs
 *   (`INVALID_KEY` for keys outside `^(?!\s+$)[a-zA-Z0-9:._\s-#]+$`, `KEY_TOO_LONG` over 500 characters,
 *   `KEY_TOO_SHORT`; `MAX_SIZE` for a value over the limit);
 * - value size 240 KiB: https://developer.atlassian.com/platform/forge/limits-kvs-ce;
 * - transactions (all or nothing, 25 operations, 4 MB):
 *   https://developer.atlassian.com/platform/forge/storage-reference/transactions/;
 * - batches (25 keys, no duplicate keys, none empty):
 *   https://developer.atlassian.com/platform/forge/storage-reference/entities-batch/;
 * - a missing key answers `KEY_NOT_FOUND` (what `@forge/kvs`'s `handleKeyNotFound` expects).
 * - `keyPolicy: 'FAIL_IF_EXISTS'` on a present key answers HTTP 409 `KEY_CONFLICT`. Atlassian's pages do
 *   not name the code; 409 is what practitioners report
 *   (https://hashnode.com/posts/forge-kvs-locking-failifexists-vs-ttl-leases/6aad018918f3424d9a9ae29b), so
 *   the app's port must not depend on the code (src/forge/forge-kvs-port.ts checks the status).
 */

export const KVS_LIMITS = {
  maxKeyLength: 500,
  maxValueBytes: 240 * 1024,
  maxTransactionOperations: 25,
  maxRequestBytes: 4 * 1024 * 1024,
  maxBatchKeys: 25,
  maxQueryLimit: 100,
} as const;

// The documented rule, with `-` moved to the end of the class so it reads as a literal.
const KEY_RULE = /^(?!\s+$)[a-zA-Z0-9:._\s#-]+$/;

/** A refusal with the code and HTTP status the platform answers. */
export class KvsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(`${code}: ${message}`);
    this.name = 'KvsError';
  }
}

export function checkKey(key: unknown): string {
  if (typeof key !== 'string' || key.length === 0)
    throw new KvsError('KEY_TOO_SHORT', 'The provided key needs to be at least one character.');
  if (key.length > KVS_LIMITS.maxKeyLength)
    throw new KvsError(
      'KEY_TOO_LONG',
      `The provided key has exceeded the maximum ${KVS_LIMITS.maxKeyLength} characters.`,
    );
  if (!KEY_RULE.test(key))
    throw new KvsError(
      'INVALID_KEY',
      `The provided key "${key}" does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/`,
    );
  return key;
}

/** The value as stored JSON; refuses what JSON cannot carry and what exceeds the size limit. */
export function checkValue(key: string, value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new KvsError('INVALID_VALUE', `The value for key "${key}" is not JSON.`);
  const bytes = Buffer.byteLength(json);
  if (bytes > KVS_LIMITS.maxValueBytes)
    throw new KvsError(
      'MAX_SIZE',
      `The value for key "${key}" is ${bytes} bytes; the maximum size is ${KVS_LIMITS.maxValueBytes} bytes.`,
    );
  return json;
}

/** A custom entity's value is a map of its declared attributes, never a bare value. */
function checkEntityValue(entityName: string, value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new KvsError('INVALID_VALUE', `Values of entity "${entityName}" are objects of attributes.`);
}

export interface StoredEntry {
  key: string;
  json: string;
  createdAt: number;
  updatedAt: number;
  expiresAt?: number;
}

export type TtlUnit = 'SECONDS' | 'MINUTES' | 'HOURS' | 'DAYS';
export interface SetOptions {
  ttl?: { value: number; unit: TtlUnit };
  keyPolicy?: 'OVERRIDE' | 'FAIL_IF_EXISTS';
}

const TTL_SECONDS: Record<TtlUnit, number> = { SECONDS: 1, MINUTES: 60, HOURS: 3600, DAYS: 86_400 };

export interface Condition {
  property: string;
  condition: string;
  values: unknown[];
}

/** `WhereConditions` / `FilterConditions` of `@forge/kvs`, applied to one value. */
export function meetsCondition(value: unknown, { condition, values }: Condition): boolean {
  const [first, second] = values as [never, never];
  switch (condition) {
    case 'EXISTS':
      return value !== undefined;
    case 'NOT_EXISTS':
      return value === undefined;
    case 'BEGINS_WITH':
      return typeof value === 'string' && value.startsWith(String(first));
    case 'EQUAL_TO':
      return value === first;
    case 'NOT_EQUAL_TO':
      return value !== first;
    case 'GREATER_THAN':
      return value !== undefined && (value as never) > first;
    case 'GREATER_THAN_EQUAL_TO':
      return value !== undefined && (value as never) >= first;
    case 'LESS_THAN':
      return value !== undefined && (value as never) < first;
    case 'LESS_THAN_EQUAL_TO':
      return value !== undefined && (value as never) <= first;
    case 'BETWEEN':
      return value !== undefined && (value as never) >= first && (value as never) <= second;
    case 'CONTAINS':
      return (typeof value === 'string' || Array.isArray(value)) && value.includes(first);
    case 'NOT_CONTAINS':
      return !((typeof value === 'string' || Array.isArray(value)) && value.includes(first));
    default:
      throw new KvsError('INVALID_CONDITION', `Unknown condition ${condition}.`);
  }
}

export type ConditionGroup = { and?: Condition[]; or?: Condition[] } | undefined;

function meetsGroup(entity: Record<string, unknown> | undefined, group: ConditionGroup): boolean {
  if (!group) return true;
  const field = (condition: Condition) => entity?.[condition.property];
  if (group.and) return group.and.every((c) => meetsCondition(field(c), c));
  if (group.or) return group.or.some((c) => meetsCondition(field(c), c));
  return true;
}

/** One namespace of keys: the plain KVS, the secrets, or one custom entity. */
class Space {
  private readonly entries = new Map<string, StoredEntry>();
  constructor(private readonly now: () => number) {}

  live(key: string): StoredEntry | undefined {
    const entry = this.entries.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  prepare(key: string, value: unknown, options: SetOptions = {}): StoredEntry {
    checkKey(key);
    const json = checkValue(key, value);
    if (options.keyPolicy === 'FAIL_IF_EXISTS' && this.live(key))
      throw new KvsError('KEY_CONFLICT', `The key "${key}" already exists.`, 409);
    const at = this.now();
    const existing = this.live(key);
    return {
      key,
      json,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
      ...(options.ttl ? { expiresAt: at + options.ttl.value * TTL_SECONDS[options.ttl.unit] * 1000 } : {}),
    };
  }

  write(entry: StoredEntry): void {
    this.entries.set(entry.key, entry);
  }

  remove(key: string): void {
    checkKey(key);
    this.entries.delete(key);
  }

  sortedLive(): StoredEntry[] {
    return [...this.entries.keys()]
      .sort()
      .map((key) => this.live(key))
      .filter((entry): entry is StoredEntry => entry !== undefined);
  }
}

export interface QueryPage {
  data: Array<{ key: string; value: unknown }>;
  cursor?: string;
}

function page(entries: StoredEntry[], limit: number | undefined, after: string | undefined): QueryPage {
  const size = Math.min(limit ?? 10, KVS_LIMITS.maxQueryLimit);
  const start = after === undefined ? 0 : Number(Buffer.from(after, 'base64url').toString('utf8'));
  const slice = entries.slice(start, start + size);
  const next = start + size;
  return {
    data: slice.map((entry) => ({ key: entry.key, value: JSON.parse(entry.json) as unknown })),
    ...(next < entries.length ? { cursor: Buffer.from(String(next)).toString('base64url') } : {}),
  };
}

export interface EntityIndex {
  name: string;
  range: string[];
  partition?: string[];
}

export interface TransactionRequest {
  set?: Array<{
    key: string;
    value: unknown;
    entityName?: string;
    conditions?: ConditionGroup;
    options?: SetOptions;
  }>;
  delete?: Array<{ key: string; entityName?: string; conditions?: ConditionGroup }>;
  check?: Array<{ key: string; entityName: string; conditions?: ConditionGroup }>;
}

export interface EntityQuery {
  entityName: string;
  indexName: string;
  partition?: unknown[];
  range?: Condition | { condition: string; values: unknown[] };
  filters?: ConditionGroup;
  sort?: 'ASC' | 'DESC';
  cursor?: string;
  limit?: number;
}

export type KvsStore = ReturnType<typeof createKvsStore>;

export function createKvsStore(
  options: { now?: () => Date; entities?: Record<string, { indexes: EntityIndex[] }> } = {},
) {
  const now = () => (options.now ?? (() => new Date()))().getTime();
  const plain = new Space(now);
  const secrets = new Space(now);
  const entities = new Map<string, Space>();
  const entitySpace = (name: string | undefined): Space => {
    if (name === undefined) return plain;
    if (options.entities && !(name in options.entities))
      throw new KvsError(
        'ENTITY_NOT_FOUND',
        `No custom entity "${name}" is declared in the manifest (app.storage.entities).`,
      );
    let space = entities.get(name);
    if (!space) entities.set(name, (space = new Space(now)));
    return space;
  };
  const valueOf = (entry: StoredEntry | undefined) =>
    entry === undefined ? undefined : (JSON.parse(entry.json) as Record<string, unknown>);

  const get = (space: Space, key: string) => {
    checkKey(key);
    const entry = space.live(key);
    if (!entry) throw new KvsError('KEY_NOT_FOUND', `The key "${key}" does not exist.`, 404);
    return {
      key,
      value: JSON.parse(entry.json) as unknown,
      createdAt: new Date(entry.createdAt).toISOString(),
      updatedAt: new Date(entry.updatedAt).toISOString(),
      ...(entry.expiresAt ? { expireTime: new Date(entry.expiresAt).toISOString() } : {}),
    };
  };

  return {
    get: (key: string, entityName?: string) => get(entitySpace(entityName), key),
    getSecret: (key: string) => get(secrets, key),
    set(key: string, value: unknown, setOptions?: SetOptions, entityName?: string) {
      const space = entitySpace(entityName);
      if (entityName !== undefined) checkEntityValue(entityName, value);
      const entry = space.prepare(key, value, setOptions);
      space.write(entry);
      return entry;
    },
    setSecret(key: string, value: unknown, setOptions?: SetOptions) {
      const entry = secrets.prepare(key, value, setOptions);
      secrets.write(entry);
    },
    delete: (key: string, entityName?: string) => entitySpace(entityName).remove(key),
    deleteSecret: (key: string) => secrets.remove(key),
    /** Plain keys only: secrets live apart and are never listed. */
    query(where: Condition[] | undefined, limit?: number, after?: string): QueryPage {
      const matching = plain
        .sortedLive()
        .filter((entry) => (where ?? []).every((condition) => meetsCondition(entry.key, condition)));
      return page(matching, limit, after);
    },
    queryEntity(query: EntityQuery): QueryPage {
      const space = entitySpace(query.entityName);
      const index = options.entities?.[query.entityName]?.indexes.find((i) => i.name === query.indexName);
      if (!index)
        throw new KvsError(
          'INDEX_NOT_FOUND',
          `Entity "${query.entityName}" has no index "${query.indexName}".`,
        );
      const rangeOf = (value: Record<string, unknown>) => value[index.range[0] ?? ''];
      const matching = space
        .sortedLive()
        .filter((entry) => {
          const value = valueOf(entry) ?? {};
          const inPartition = (index.partition ?? []).every(
            (name, i) => value[name] === query.partition?.[i],
          );
          const inRange =
            query.range === undefined || meetsCondition(rangeOf(value), query.range as Condition);
          return inPartition && inRange && meetsGroup(value, query.filters);
        })
        .sort((a, b) => {
          const [x, y] = [rangeOf(valueOf(a) ?? {}), rangeOf(valueOf(b) ?? {})] as [never, never];
          const order = x < y ? -1 : x > y ? 1 : 0;
          return query.sort === 'DESC' ? -order : order;
        });
      return page(matching, query.limit, query.cursor);
    },
    /** All operations or none: every condition and refusal is checked before anything is written. */
    transact(request: TransactionRequest): void {
      const operations = [...(request.set ?? []), ...(request.delete ?? []), ...(request.check ?? [])];
      if (operations.length === 0)
        throw new KvsError('INVALID_TRANSACTION', 'The transaction has no operations.');
      if (operations.length > KVS_LIMITS.maxTransactionOperations)
        throw new KvsError(
          'TOO_MANY_OPERATIONS',
          `A transaction may contain at most ${KVS_LIMITS.maxTransactionOperations} operations; this one has ${operations.length}.`,
        );
      const seen = new Set<string>();
      for (const { key, entityName } of operations) {
        const id = `${entityName ?? ''}\u0000${key}`;
        if (seen.has(id))
          throw new KvsError('DUPLICATE_KEYS', `The transaction names the key "${key}" more than once.`);
        seen.add(id);
      }
      const conditionsHold = (space: Space, key: string, conditions: ConditionGroup) =>
        meetsGroup(valueOf(space.live(key)), conditions);
      const writes = (request.set ?? []).map((op) => {
        const space = entitySpace(op.entityName);
        if (!conditionsHold(space, op.key, op.conditions))
          throw new KvsError('CONDITION_FAILED', `The conditions on "${op.key}" do not hold.`, 409);
        if (op.entityName !== undefined) checkEntityValue(op.entityName, op.value);
        return { space, entry: space.prepare(op.key, op.value, op.options) };
      });
      const deletes = (request.delete ?? []).map((op) => {
        const space = entitySpace(op.entityName);
        checkKey(op.key);
        if (!conditionsHold(space, op.key, op.conditions))
          throw new KvsError('CONDITION_FAILED', `The conditions on "${op.key}" do not hold.`, 409);
        return { space, key: op.key };
      });
      for (const op of request.check ?? []) {
        if (!conditionsHold(entitySpace(op.entityName), checkKey(op.key), op.conditions))
          throw new KvsError('CONDITION_FAILED', `The conditions on "${op.key}" do not hold.`, 409);
      }
      for (const { space, entry } of writes) space.write(entry);
      for (const { space, key } of deletes) space.remove(key);
    },
  };
}
