/**
 * The one retry policy for Jira calls: network errors, 429 and 5xx. It waits what Jira's headers ask
 * for (`retryAfterMs`, read in jira-errors.ts from Retry-After, X-RateLimit-Reset and RateLimit), and
 * when Jira sent none, backs off exponentially with full jitter; always inside a time budget. When the budget or the attempts run out
 * the last error is rethrown carrying `retryAfterMs`, so a Forge consumer can hand the work back to
 * the platform (`InvocationError` with `retryAfter`) instead of burning its 900 s.
 */
import { AppError, isAppError } from '../contract/errors';
import type { Clock } from '../ports';

export interface RetryOptions {
  clock: Clock;
  /** Wall-clock milliseconds the caller can spend, waits included. */
  budgetMs: number;
  maxAttempts: number;
  /** Uniform in [0, 1); injected so tests can pin the jitter. */
  random?: () => number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Which errors earn another attempt here; by default `isRetryable`. */
  retryable?: (error: unknown) => boolean;
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

function asRetryLater(error: unknown, retryAfterMs: number): AppError {
  if (isAppError(error)) {
    if (error.retryAfterMs !== undefined) return error;
    return new AppError(error.kind, error.message, {
      ...(error.fields ? { fields: error.fields } : {}),
      retryAfterMs,
      cause: error,
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError('Unavailable', `Jira could not be reached (${reason}); try again shortly.`, {
    retryAfterMs,
    cause: error,
  });
}

export type BackoffOptions = Pick<RetryOptions, 'random' | 'baseDelayMs' | 'maxDelayMs'>;

/**
 * The wait after failed attempt number `attempt` (from 1): what the server named, else full jitter
 * (AWS architecture blog) under an exponential ceiling, which spreads retries of concurrent consumers.
 * The delay a server's headers name is a floor we must not undercut.
 */
export function backoff(
  attempt: number,
  serverDelayMs: number | undefined,
  options: BackoffOptions,
): { ceiling: number; delayMs: number } {
  const ceiling = Math.min(options.maxDelayMs ?? 30_000, (options.baseDelayMs ?? 500) * 2 ** (attempt - 1));
  return { ceiling, delayMs: serverDelayMs ?? Math.floor((options.random ?? Math.random)() * ceiling) };
}

export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const { clock, budgetMs, maxAttempts } = options;
  const startedAt = clock.now().getTime();

  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (!(options.retryable ?? isRetryable)(error)) throw error;
      const { ceiling, delayMs } = backoff(
        attempt,
        isAppError(error) ? error.retryAfterMs : undefined,
        options,
      );
      const elapsedMs = clock.now().getTime() - startedAt;
      if (attempt >= maxAttempts || elapsedMs + delayMs > budgetMs) {
        throw asRetryLater(error, Math.max(delayMs, ceiling));
      }
      await clock.sleep(delayMs);
    }
  }
}
