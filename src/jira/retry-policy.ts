/**
 * What is worth another attempt (network errors, timeouts, 429 and 5xx) and how long to wait: what
 * Jira's headers ask for (read in jira-errors.ts from Retry-After, X-RateLimit-Reset and RateLimit),
 * else exponential backoff with full jitter. `src/runtime/retrying-jira-port.ts` applies it to every
 * request within the invocation's budget.
 */
import { isAppError } from '../contract/errors';

export interface BackoffOptions {
  /** Uniform in [0, 1); injected so tests can pin the jitter. */
  random?: () => number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EPIPE',
  'UND_ERR_SOCKET',
]);

/** Errors worth another attempt: rate limits, Jira outages, and failures below HTTP. */
export function isRetryable(error: unknown): boolean {
  if (isAppError(error)) return error.kind === 'RateLimited' || error.kind === 'Unavailable';
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  if (error.name === 'AbortError' || error.name === 'TimeoutError' || error.name === 'FetchError')
    return true;
  return /fetch failed|network|socket hang up/i.test(error.message);
}

/**
 * The wait after failed attempt number `attempt` (from 1): what the server named, else full jitter
 * (AWS architecture blog) under an exponential ceiling, which spreads retries of concurrent consumers.
 * The delay a server's headers name is a floor we must not undercut.
 */
export function backoff(attempt: number, serverDelayMs: number | undefined, options: BackoffOptions): number {
  const ceiling = Math.min(options.maxDelayMs ?? 30_000, (options.baseDelayMs ?? 500) * 2 ** (attempt - 1));
  return serverDelayMs ?? Math.floor((options.random ?? Math.random)() * ceiling);
}
