/**
 * The one place where a Jira HTTP answer becomes an `AppError`, so every endpoint and the retry
 * policy agree on what "rate limited" or "unavailable" means (the jira.js / Octokit model).
 */
import { AppError, type ErrorKind, isAppError } from '../contract/errors';
import type { JiraResponse } from '../ports';

/** Jira's `ErrorCollection`: `{ errorMessages: string[], errors: { field: message } }`. */
interface ErrorCollection {
  messages: string[];
  fields: Record<string, string>;
}

function readErrorCollection(body: string): ErrorCollection {
  const collection: ErrorCollection = { messages: [], fields: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    // Gateways answer 502/503 with HTML; keep a short excerpt rather than the whole page.
    const excerpt = body.trim().slice(0, 200);
    if (excerpt && !excerpt.startsWith('<')) collection.messages.push(excerpt);
    return collection;
  }
  if (typeof parsed !== 'object' || parsed === null) return collection;
  const record = parsed as Record<string, unknown>;
  if (Array.isArray(record.errorMessages)) {
    for (const message of record.errorMessages)
      if (typeof message === 'string') collection.messages.push(message);
  }
  if (typeof record.errors === 'object' && record.errors !== null && !Array.isArray(record.errors)) {
    for (const [field, message] of Object.entries(record.errors as Record<string, unknown>)) {
      if (typeof message === 'string') collection.fields[field] = message;
    }
  }
  if (typeof record.message === 'string') collection.messages.push(record.message);
  return collection;
}

/**
 * `Retry-After` is either delta-seconds or an HTTP-date (RFC 9110 §10.2.3); Jira sends seconds,
 * proxies in front of it sometimes send dates.
 */
export function parseRetryAfter(header: string | null, now: Date): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

const MINUTE_MS = 60_000;
const MINUTE_PRECISION = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(Z|[+-]\d{2}:?\d{2})$/;

/**
 * `X-RateLimit-Reset`: when the limit resets, "in ISO 8601 format … yyyy-MM-ddTHH:mmZ"
 * (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/). Without seconds the reset
 * lies somewhere in that minute, so it counts as the minute's end: waiting less could be refused again.
 */
function parseRateLimitReset(header: string | null, now: Date): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  const reset = MINUTE_PRECISION.test(value) ? at + MINUTE_MS : at;
  return Math.max(0, reset - now.getTime());
}

/**
 * The points-based limits' `RateLimit: "<policy>";r=<remaining>;t=<seconds until reset>`
 * (enforced for Forge apps from 2 March 2026, https://developer.atlassian.com/cloud/jira/platform/rate-limiting/).
 * Its `Beta-` twins are not read: they describe a limit that would have applied, on answers that were served.
 */
function parseRateLimitWindow(header: string | null): number | undefined {
  const seconds = header === null ? undefined : /(?:^|;)\s*t=(\d+(?:\.\d+)?)\s*(?:;|$)/.exec(header)?.[1];
  return seconds === undefined ? undefined : Math.round(Number(seconds) * 1000);
}

/**
 * How long Jira asks the caller to wait before trying again, from every header it may send with a
 * 429 or a 503: the longest of them, as retrying before any of them has passed "will fail and return
 * the same or longer Retry-After period". `undefined` when Jira sent none (the retry policy then
 * backs off with jitter).
 */
export function retryDelayFromHeaders(headers: JiraResponse['headers'], now: Date): number | undefined {
  const delays = [
    parseRetryAfter(headers.get('Retry-After'), now),
    parseRateLimitReset(headers.get('X-RateLimit-Reset'), now),
    parseRateLimitWindow(headers.get('RateLimit')),
  ].filter((delay): delay is number => delay !== undefined);
  return delays.length === 0 ? undefined : Math.max(...delays);
}

function describe(collection: ErrorCollection): string {
  const parts = [...collection.messages, ...Object.entries(collection.fields).map(([f, m]) => `${f}: ${m}`)];
  return parts.join('; ');
}

/** The error kind for an HTTP status; also used for bulk-create elements, which carry a status each. */
export function errorKindForStatus(status: number): ErrorKind {
  if (status === 400) return 'InvalidInput';
  if (status === 401 || status === 403) return 'Forbidden';
  if (status === 404) return 'NotFound';
  if (status === 409) return 'Conflict';
  if (status === 429) return 'RateLimited';
  if (status >= 500) return 'Unavailable';
  if (status >= 400) return 'InvalidInput';
  return 'Internal';
}

/** Maps a non-2xx Jira response to the error kind callers switch on. */
export async function jiraError(
  response: JiraResponse,
  operation: string,
  now: Date = new Date(),
): Promise<AppError> {
  const body = await response.text().catch(() => '');
  return jiraErrorFromBody(response, body, operation, now);
}

/** As `jiraError`, for callers that already read the body (to look for a partial result first). */
export function jiraErrorFromBody(
  response: Pick<JiraResponse, 'status' | 'headers'>,
  body: string,
  operation: string,
  now: Date = new Date(),
): AppError {
  const collection = readErrorCollection(body);
  const detail = describe(collection);
  const suffix = detail ? `: ${detail}` : '';
  const status = response.status;
  const retryAfterMs = retryDelayFromHeaders(response.headers, now);
  const retry = retryAfterMs === undefined ? {} : { retryAfterMs };

  const kind = errorKindForStatus(status);
  switch (kind) {
    case 'InvalidInput': {
      const fields = Object.keys(collection.fields).length > 0 ? { fields: collection.fields } : {};
      return new AppError(
        kind,
        `Jira rejected the request to ${operation} (HTTP ${status})${suffix}`,
        fields,
      );
    }
    case 'Forbidden':
      return new AppError(
        kind,
        `Jira refused to ${operation} (HTTP ${status})${suffix}. Check that the user or app has the Jira permission for it.`,
      );
    case 'NotFound':
      return new AppError(kind, `Jira could not ${operation}: not found or not visible${suffix}`);
    case 'Conflict':
      return new AppError(kind, `Jira could not ${operation}: a conflicting update happened first${suffix}`);
    case 'RateLimited':
      return new AppError(kind, `Jira rate-limited the request to ${operation}; retry later${suffix}`, retry);
    case 'Unavailable':
      return new AppError(
        kind,
        `Jira is unavailable (HTTP ${status}) and could not ${operation}${suffix}`,
        retry,
      );
    default:
      return new AppError(
        'Internal',
        `Jira answered the request to ${operation} with unexpected HTTP ${status}`,
      );
  }
}

/** A request that never got an HTTP answer (DNS, reset socket, timeout) is worth retrying. */
export function jiraNetworkError(operation: string, cause: unknown): AppError {
  const reason =
    cause instanceof Error ? cause.name + (cause.message ? `: ${cause.message}` : '') : String(cause);
  const timedOut = /timeout|timed out|aborted/i.test(reason);
  return new AppError(
    'Unavailable',
    `Jira could not be reached to ${operation} (${timedOut ? 'timed out' : reason}); try again shortly.`,
    { cause },
  );
}

export const isRateLimited = (error: unknown): error is AppError =>
  isAppError(error) && error.kind === 'RateLimited';
export const isUnavailable = (error: unknown): error is AppError =>
  isAppError(error) && error.kind === 'Unavailable';
export const isNotFound = (error: unknown): error is AppError =>
  isAppError(error) && error.kind === 'NotFound';
export const isForbidden = (error: unknown): error is AppError =>
  isAppError(error) && error.kind === 'Forbidden';
export const isConflict = (error: unknown): error is AppError =>
  isAppError(error) && error.kind === 'Conflict';
export const isInvalidInput = (error: unknown): error is AppError =>
  isAppError(error) && error.kind === 'InvalidInput';
