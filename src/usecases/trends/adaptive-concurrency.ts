/**
 * How many Jira searches run at once: additive increase, multiplicative decrease. Jira asks apps to
 * pace themselves and to slow down on a 429 and when its headers say the budget is nearly spent
 * (`X-RateLimit-NearLimit: true`, or `X-RateLimit-Remaining` low against `X-RateLimit-Limit`):
 * https://developer.atlassian.com/cloud/jira/platform/rate-limiting/ and
 * https://developer.atlassian.com/cloud/jira/platform/build-an-app-that-respects-rate-limits/
 */
import type { JiraPort } from '../../ports';

export interface ConcurrencyLimits {
  initial: number;
  max: number;
}

// Below a fifth of the window's budget, slow down before Jira has to answer 429.
const NEAR_LIMIT_FRACTION = 0.2;

export class AdaptiveConcurrency {
  private current: number;
  private running = 0;
  private successes = 0;
  private readonly waiting: Array<() => void> = [];
  /** The most requests ever in flight at once (reported by the bench). */
  peak = 0;
  slowdowns = 0;

  constructor(private readonly limits: ConcurrencyLimits) {
    this.current = Math.max(1, Math.min(limits.initial, limits.max));
  }

  get limit(): number {
    return this.current;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    while (this.running >= this.current) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    this.peak = Math.max(this.peak, this.running);
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }

  /** A rate-limit signal: halve (at least 1), and start counting successes again. */
  slowDown(): void {
    this.slowdowns += 1;
    this.successes = 0;
    this.current = Math.max(1, Math.floor(this.current / 2));
  }

  /** After as many clean answers as the current limit, one more request may run at once. */
  succeeded(): void {
    this.successes += 1;
    if (this.successes < this.current || this.current >= this.limits.max) return;
    this.successes = 0;
    this.current += 1;
    this.waiting.shift()?.();
  }

  /** The same Jira, telling this limiter about every answer's rate-limit status. */
  observe(jira: JiraPort): JiraPort {
    return {
      requestJira: async (path, init) => {
        const response = await jira.requestJira(path, init);
        if (response.status === 429 || nearLimit(response.headers)) this.slowDown();
        else if (response.ok) this.succeeded();
        return response;
      },
    };
  }
}

function nearLimit(headers: { get(name: string): string | null }): boolean {
  if (headers.get('X-RateLimit-NearLimit')?.toLowerCase() === 'true') return true;
  const remaining = Number(headers.get('X-RateLimit-Remaining') ?? Number.NaN);
  const limit = Number(headers.get('X-RateLimit-Limit') ?? Number.NaN);
  return Number.isFinite(remaining) && Number.isFinite(limit) && limit > 0
    ? remaining < limit * NEAR_LIMIT_FRACTION
    : false;
}
