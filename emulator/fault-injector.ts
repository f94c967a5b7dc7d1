/**
 * Scripted failures: chosen requests answer 429, a 5xx, or hang until cleared — before Jira does
 * anything, or (`afterServing`) after it did the work, as a lost answer looks.
 */
import { errorResponse, jsonResponse, type EmulatorResponse } from './emulator-types';

/**
 * A 429 as Jira sends it: "429 responses may be accompanied by Retry-After and X-RateLimit-Reset
 * headers" (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/), so either, both or
 * neither. `X-RateLimit-Reset` is the emulator's now plus `resetAfterSeconds`, in Jira's
 * `yyyy-MM-ddTHH:mmZ` (seconds dropped).
 */
export interface RateLimitFault {
  status: 429;
  retryAfterSeconds?: number;
  resetAfterSeconds?: number;
}

export type FaultResponse = RateLimitFault | { status: 500 | 502 | 503 | 504 } | { hang: true };

export interface FaultRule {
  method?: string;
  /** Tested against the path without its query string, e.g. `/rest/api/3/issue/bulk`. */
  path: RegExp;
  /** How many matching requests fail; every one when left out. */
  times?: number;
  response: FaultResponse;
  /** Serve the request (its writes happen), then answer with the fault instead. */
  afterServing?: boolean;
}

export interface Faults {
  add(rule: FaultRule): void;
  /** Drops every rule and releases hanging requests (they reject). */
  clear(): void;
}

export interface FaultInjector extends Faults {
  /** The faulted answer for this request, or `undefined` to serve it normally. */
  intercept(method: string, path: string, signal?: AbortSignal): Promise<EmulatorResponse> | undefined;
  /** The faulted answer replacing one already served (`afterServing` rules), or `undefined`. */
  interceptServed(method: string, path: string, signal?: AbortSignal): Promise<EmulatorResponse> | undefined;
}

const STATUS_TEXT: Record<number, string> = {
  500: 'Internal server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

function rateLimitHeaders(fault: RateLimitFault, now: Date): Record<string, string> {
  const headers: Record<string, string> = {};
  if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
  if (fault.resetAfterSeconds !== undefined) {
    const reset = new Date(now.getTime() + fault.resetAfterSeconds * 1000);
    headers['x-ratelimit-reset'] = `${reset.toISOString().slice(0, 16)}Z`;
  }
  return headers;
}

export function createFaultInjector(now: () => Date): FaultInjector {
  let rules: Array<FaultRule & { remaining: number }> = [];
  const hanging = new Set<(error: Error) => void>();

  const hang = (signal?: AbortSignal): Promise<EmulatorResponse> =>
    new Promise<EmulatorResponse>((_resolve, reject) => {
      const release = (error: Error): void => {
        hanging.delete(release);
        reject(error);
      };
      hanging.add(release);
      signal?.addEventListener('abort', () => release(new Error('The request was aborted')), { once: true });
    });

  return {
    add(rule) {
      rules.push({ ...rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
    },
    clear() {
      rules = [];
      for (const release of [...hanging]) release(new Error('The emulator released a hanging request'));
    },
    intercept: (method, path, signal) => answer(false, method, path, signal),
    interceptServed: (method, path, signal) => answer(true, method, path, signal),
  };

  function answer(
    served: boolean,
    method: string,
    path: string,
    signal?: AbortSignal,
  ): Promise<EmulatorResponse> | undefined {
    const rule = rules.find(
      (r) =>
        r.remaining > 0 &&
        (r.afterServing ?? false) === served &&
        (!r.method || r.method.toUpperCase() === method.toUpperCase()) &&
        r.path.test(path),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    const response = rule.response;
    if ('hang' in response) return hang(signal);
    if (response.status === 429) {
      return Promise.resolve(
        jsonResponse(
          429,
          { errorMessages: ['Rate limit exceeded.'], errors: {} },
          rateLimitHeaders(response, now()),
        ),
      );
    }
    return Promise.resolve(errorResponse(response.status, [STATUS_TEXT[response.status] ?? 'Server error']));
  }
}
