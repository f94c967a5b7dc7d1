/**
 * The storage endpoints `@forge/kvs` calls through `__forge_fetch__({ type: 'kvs' }, '/api/v1/...')`
 * (node_modules/@forge/kvs/out/storage-api.js): POST with a JSON body, answers JSON or nothing, and
 * refusals as `{ code, message }` with the HTTP status, which `@forge/kvs` turns into
 * `ForgeKvsAPIError` (https://developer.atlassian.com/platform/forge/storage-reference/handling-errors-kvs).
 */
import {
  KVS_LIMITS,
  KvsError,
  type Condition,
  type EntityQuery,
  type KvsStore,
  type SetOptions,
  type TransactionRequest,
} from './kvs-store';

// The store checks keys, values and conditions itself (with the platform's codes); the rest is as sent.
interface Body {
  key: string;
  value?: unknown;
  entityName?: string;
  options?: SetOptions;
  where?: Condition[];
  limit?: number;
  after?: string;
}
interface Answer {
  status: number;
  body?: unknown;
}

const ok = (body?: unknown): Answer => (body === undefined ? { status: 204 } : { status: 200, body });

interface BatchItem {
  key: string;
  value?: unknown;
  entityName?: string;
  options?: SetOptions;
}

function batch(items: unknown, run: (item: BatchItem) => unknown): Answer {
  if (!Array.isArray(items) || items.length === 0)
    throw new KvsError('INVALID_BATCH', 'A batch operation needs at least one key.');
  if (items.length > KVS_LIMITS.maxBatchKeys)
    throw new KvsError(
      'TOO_MANY_KEYS',
      `A batch operation may contain at most ${KVS_LIMITS.maxBatchKeys} keys.`,
    );
  const ids = new Set((items as BatchItem[]).map((item) => `${item.entityName ?? ''}\u0000${item.key}`));
  if (ids.size !== items.length)
    throw new KvsError('DUPLICATE_KEYS', 'A batch operation names a key more than once.');
  const successfulKeys: unknown[] = [];
  const failedKeys: unknown[] = [];
  for (const item of items as BatchItem[]) {
    const id = { key: item.key, ...(item.entityName ? { entityName: item.entityName } : {}) };
    try {
      const value = run(item);
      successfulKeys.push(value === undefined ? id : { ...id, value });
    } catch (error) {
      if (!(error instanceof KvsError)) throw error;
      failedKeys.push({ ...id, error: { code: error.code, message: error.message } });
    }
  }
  return ok({ successfulKeys, failedKeys });
}

function route(store: KvsStore, path: string, body: Body): Answer {
  switch (path) {
    case '/api/v1/get':
      return ok(store.get(body.key));
    case '/api/v1/secret/get':
      return ok(store.getSecret(body.key));
    case '/api/v1/entity/get':
      return ok(store.get(body.key, body.entityName));
    case '/api/v1/set':
      store.set(body.key, body.value, body.options);
      return ok();
    case '/api/v1/secret/set':
      store.setSecret(body.key, body.value, body.options);
      return ok();
    case '/api/v1/entity/set':
      store.set(body.key, body.value, body.options, body.entityName);
      return ok();
    case '/api/v1/delete':
      store.delete(body.key);
      return ok();
    case '/api/v1/secret/delete':
      store.deleteSecret(body.key);
      return ok();
    case '/api/v1/entity/delete':
      store.delete(body.key, body.entityName);
      return ok();
    case '/api/v1/query':
      return ok(store.query(body.where, body.limit, body.after));
    case '/api/v1/entity/query':
      return ok(store.queryEntity(body as unknown as EntityQuery));
    case '/api/v1/batch/set':
      return batch(body, (item) => void store.set(item.key, item.value, item.options, item.entityName));
    case '/api/v1/batch/get':
      return batch(body, (item) => store.get(item.key, item.entityName).value);
    case '/api/v1/batch/delete':
      return batch(body, (item) => store.delete(item.key, item.entityName));
    case '/api/v1/transaction':
      store.transact(body as unknown as TransactionRequest);
      return ok();
    default:
      return { status: 404, body: { code: 'NOT_FOUND', message: `No storage endpoint ${path}.` } };
  }
}

/** One storage request, answered as a fetch `Response`. */
export function kvsApiResponse(store: KvsStore, path: string, requestBody: string): Response {
  let answer: Answer;
  try {
    if (Buffer.byteLength(requestBody) > KVS_LIMITS.maxRequestBytes)
      throw new KvsError(
        'MAX_SIZE',
        `A storage request may carry at most ${KVS_LIMITS.maxRequestBytes} bytes.`,
      );
    answer = route(store, path, JSON.parse(requestBody || '{}') as Body);
  } catch (error) {
    if (!(error instanceof KvsError)) throw error;
    answer = { status: error.status, body: { code: error.code, message: error.message } };
  }
  return answer.body === undefined
    ? new Response(null, { status: answer.status })
    : new Response(JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'content-type': 'application/json' },
      });
}
