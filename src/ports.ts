/**
 * The small ports every use case depends on. Forge (src/forge/), the tests and the local preview
 * plug different adapters into the same ports, so handlers run unchanged in all three.
 */
import type { JiraRoute } from './jira/route';

export interface JiraRequestInit {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers?: Record<string, string>;
  body?: string;
}

/** The subset of the Fetch API `Response` that Forge's `requestJira` returns. */
export interface JiraResponse {
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  json(): Promise<unknown>;
}

/**
 * One method, named like Forge's `requestJira` so Atlassian's permission linter finds every endpoint
 * the app calls (it looks for `*.requestJira(route`...`, { method: '...' })`).
 */
export interface JiraPort {
  requestJira(path: JiraRoute, init?: JiraRequestInit): Promise<JiraResponse>;
}

/**
 * Forge: "Each batch operation can contain a maximum of 25 keys"; an empty batch or a repeated key
 * fails the whole call. https://developer.atlassian.com/platform/forge/storage-reference/entities-batch/
 */
export const KV_BATCH_LIMIT = 25;

export interface KvSetOptions {
  ttlSeconds?: number;
}

export type EntityExpectation = { absent: true } | { field: string; equals: number };

/** `@forge/kvs` semantics: JSON values, prefix listing, secrets kept apart from plain keys. */
export interface KvPort {
  get<T>(key: string): Promise<T | undefined>;
  /**
   * One batched read (`kvs.batchGet`) of at most `KV_BATCH_LIMIT` distinct keys; absent keys are left
   * out of the map.
   */
  getMany<T>(keys: readonly string[]): Promise<Map<string, T>>;
  set<T>(key: string, value: T, options?: KvSetOptions): Promise<void>;
  /** Writes only when the key is absent (kvs `keyPolicy: 'FAIL_IF_EXISTS'`); true when written. */
  setIfAbsent<T>(key: string, value: T, options?: KvSetOptions): Promise<boolean>;
  delete(key: string): Promise<void>;
  listByPrefix<T>(prefix: string): AsyncIterable<{ key: string; value: T }>;
  /** A custom entity's value (`kvs.entity(name).get`); the entity is declared in manifest.yml `app.storage.entities`. */
  getEntity<T extends object>(entityName: string, key: string): Promise<T | undefined>;
  /**
   * Writes a custom entity's value atomically only while `expect` holds for the stored one: none stored
   * yet, or its integer attribute `field` still equal to `equals` (a KVS transaction with an entity
   * condition). False, and nothing written, when another write got there first.
   */
  setEntityIf<T extends object>(
    entityName: string,
    key: string,
    value: T,
    expect: EntityExpectation,
  ): Promise<boolean>;
  getSecret<T>(key: string): Promise<T | undefined>;
  setSecret<T>(key: string, value: T): Promise<void>;
  deleteSecret(key: string): Promise<void>;
}

export type SlackDeliveryResult =
  { ok: true; status: number } | { ok: false; status: number | null; error: string; retryable: boolean };

export interface SlackPort {
  /** Posts a Block Kit payload to an incoming webhook. Never throws: failures are values. */
  send(webhookUrl: string, payload: unknown): Promise<SlackDeliveryResult>;
}

export interface Clock {
  now(): Date;
  /** Resolves after `ms`, or as soon as `signal` aborts (the caller then checks it). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

/** Work handed from a fast trigger/resolver to the async-events consumer (up to 900 s). */
export interface QueuePort {
  push(event: AppJob): Promise<void>;
}

export type AppJob =
  | { type: 'finalize-postmortem'; issueKey: string; deliveryId: string }
  | { type: 'refresh-trends'; month: string; projectKeys: string[] };
