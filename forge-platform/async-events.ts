/**
 * Forge's async events, as the platform runs them behind `@forge/events`' `Queue`
 * (https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api):
 * - `push` (POST `/webhook/queue/publish/...` through `__requestAtlassianAsApp`): at most 50 events and
 *   200 KB per push, `delayInSeconds` 0–900, bodies are objects; answered 201;
 * - each event goes to the queue's consumer function as an `AsyncEvent` (`queueName`, `jobId`,
 *   `eventId`, `body`, and `retryContext` on redeliveries);
 * - a consumer that returns or throws an `InvocationError` (`{ _retry: true, retryOptions }`) is
 *   redelivered after `retryAfter` seconds (the page: "values exceeding [900] are lowered to 900
 *   seconds"), with `retryContext.retryCount` counting up, at most MAX_RETRIES times; then the event is
 *   recorded as failed. `retryData` over 4 KB ("The maximum retryData size is 4KB", enforced since
 *   13 Nov 2025; the page does not say how) fails the event instead of redelivering it;
 * - stricter than the page, which (section "Retries") retries every event, app-level errors such as a
 *   runtime error or a time-out included, with exponential backoff "up to approximately 15 minutes"
 *   for as long as the event's 24-hour retention window lasts (extended to 96 h by platform errors),
 *   and names no number of retries: here a plain throw fails the event at once and an
 *   `InvocationError` is redelivered MAX_RETRIES times. An app must not count on more;
 * - job progress (`/webhook/queue/stats/...`) counts the job's events as success / inProgress / failed;
 *   `/webhook/queue/cancel/...` drops what has not run.
 */
import { z } from 'zod';
import { appendBounded, DEFAULT_RECORD_LIMIT } from '../emulator/bounded-log';

/**
 * Redeliveries after the first delivery. The async events page once named this number; today it names
 * none (retries last the retention window, see above), so 4 is kept as the stricter bound.
 */
export const MAX_RETRIES = 4;
// RetryOptions reference: retryAfter is lowered to 900 s; retryData holds at most 4 KB.
const MAX_RETRY_AFTER_SECONDS = 900;
const MAX_RETRY_DATA_BYTES = 4 * 1024;
const MAX_EVENTS = 50;
const MAX_PAYLOAD_BYTES = 200 * 1024;
const MAX_DELAY_SECONDS = 900;

const pushRequest = z.object({
  queueName: z.string().regex(/^[a-zA-Z0-9-_]+$/),
  jobId: z.string().min(1),
  payload: z.array(
    z.object({
      body: z.record(z.string(), z.unknown()),
      delayInSeconds: z.number().min(0).max(MAX_DELAY_SECONDS).optional(),
      concurrency: z.unknown().optional(),
    }),
  ),
});
const jobRequest = z.object({ queueName: z.string(), jobId: z.string().min(1) });
const retryAnswer = z.object({
  _retry: z.literal(true),
  retryOptions: z
    .object({
      retryAfter: z.number().optional(),
      retryReason: z.string().optional(),
      retryData: z.unknown().optional(),
    })
    .optional(),
});

export interface AsyncEvent {
  queueName: string;
  jobId: string;
  eventId: string;
  body: Record<string, unknown>;
  delayInSeconds?: number;
  retryContext?: { retryCount: number; retryReason: string; retryData: unknown };
}

export type EventState = 'inProgress' | 'success' | 'failed' | 'cancelled';

export interface FailedEvent {
  queueName: string;
  jobId: string;
  eventId: string;
  body: Record<string, unknown>;
  attempts: number;
  error: string;
}

export interface AsyncEventsOptions {
  /** The queue's consumer: runs the function, resolving to what it returned or rejecting with its throw. */
  consume(queueName: string, event: AsyncEvent): Promise<unknown>;
  hasConsumer(queueName: string): boolean;
  /** Multiplies every delay (`delayInSeconds`, `retryAfter`), so tests need not wait real minutes. */
  delayScale: number;
  /** How many of the latest events `pushed` and `failed` keep (`DEFAULT_RECORD_LIMIT` by default). */
  recordLimit?: number;
  /** Schedules platform work outside the pushing invocation's context. */
  defer(work: () => Promise<void>, delayMs: number): Promise<void>;
}

const json = (status: number, body?: unknown) =>
  body === undefined
    ? new Response(null, { status })
    : new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export function createAsyncEvents(options: AsyncEventsOptions) {
  const jobs = new Map<string, { queueName: string; events: Map<string, EventState> }>();
  const failed: FailedEvent[] = [];
  const accepted: AsyncEvent[] = [];
  const pending = new Set<Promise<void>>();
  const recordLimit = options.recordLimit ?? DEFAULT_RECORD_LIMIT;

  const deliver = async (event: AsyncEvent, attempt: number): Promise<void> => {
    const job = jobs.get(event.jobId);
    if (!job || job.events.get(event.eventId) !== 'inProgress') return;
    let answer: unknown;
    let thrown: unknown;
    try {
      answer = await options.consume(event.queueName, event);
    } catch (error) {
      thrown = error;
    }
    const retry = retryAnswer.safeParse(thrown ?? answer);
    const retryData = retry.success ? retry.data.retryOptions?.retryData : undefined;
    const retryDataBytes = retryData === undefined ? 0 : Buffer.byteLength(JSON.stringify(retryData));
    if (retry.success && attempt < MAX_RETRIES && retryDataBytes <= MAX_RETRY_DATA_BYTES) {
      const retryOptions = retry.data.retryOptions ?? {};
      const next: AsyncEvent = {
        ...event,
        retryContext: {
          retryCount: attempt + 1,
          retryReason: retryOptions.retryReason ?? 'FUNCTION_RETRY_REQUEST',
          retryData: retryOptions.retryData,
        },
      };
      const retryAfter = Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, retryOptions.retryAfter ?? 1));
      schedule(next, attempt + 1, retryAfter * 1000);
      return;
    }
    if (retry.success || thrown !== undefined) {
      job.events.set(event.eventId, 'failed');
      const { retryContext: _, ...pushed } = event;
      appendBounded(
        failed,
        {
          queueName: pushed.queueName,
          jobId: pushed.jobId,
          eventId: pushed.eventId,
          body: pushed.body,
          attempts: attempt + 1,
          error: !retry.success
            ? thrown instanceof Error
              ? thrown.message
              : String(thrown)
            : retryDataBytes > MAX_RETRY_DATA_BYTES
              ? `InvocationError with ${retryDataBytes} bytes of retryData, more than the ${MAX_RETRY_DATA_BYTES} allowed`
              : `InvocationError after ${MAX_RETRIES} retries (${retry.data.retryOptions?.retryReason ?? 'FUNCTION_RETRY_REQUEST'})`,
        },
        recordLimit,
      );
      return;
    }
    job.events.set(event.eventId, 'success');
  };

  const schedule = (event: AsyncEvent, attempt: number, delayMs: number) => {
    const work = options.defer(() => deliver(event, attempt), delayMs * options.delayScale);
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };

  function publish(body: unknown): Response {
    const parsed = pushRequest.safeParse(body);
    if (!parsed.success) return json(400, { message: `Invalid push: ${parsed.error.issues[0]?.message}` });
    const { queueName, jobId, payload } = parsed.data;
    if (payload.length === 0 || payload.length > MAX_EVENTS)
      return json(400, {
        message: `A push carries 1 to ${MAX_EVENTS} events; this one has ${payload.length}.`,
      });
    if (Buffer.byteLength(JSON.stringify(payload)) > MAX_PAYLOAD_BYTES)
      return json(413, { errorMessage: `The maximum payload size is ${MAX_PAYLOAD_BYTES / 1024}KB.` });
    if (!options.hasConsumer(queueName))
      // Forge would accept and never deliver; refusing makes a queue-name typo loud (the stricter choice).
      return json(400, { message: `No consumer module in manifest.yml reads the queue "${queueName}".` });
    const events = new Map<string, EventState>();
    jobs.set(jobId, { queueName, events });
    payload.forEach((pushed, index) => {
      const eventId = `${jobId}#${index}`;
      events.set(eventId, 'inProgress');
      const event: AsyncEvent = {
        queueName,
        jobId,
        eventId,
        body: pushed.body,
        ...(pushed.delayInSeconds ? { delayInSeconds: pushed.delayInSeconds } : {}),
      };
      appendBounded(accepted, event, recordLimit);
      schedule(event, 0, (pushed.delayInSeconds ?? 0) * 1000);
    });
    return json(201, {});
  }

  function jobOf(body: unknown) {
    const parsed = jobRequest.safeParse(body);
    const job = parsed.success ? jobs.get(parsed.data.jobId) : undefined;
    return job && parsed.success && job.queueName === parsed.data.queueName ? job : undefined;
  }

  return {
    failed,
    /** The latest events a push was accepted with, in order. */
    pushed: accepted,
    /** `POST /webhook/queue/{publish,stats,cancel}/...` as `@forge/events` sends them. */
    handle(path: string, body: unknown): Response {
      if (path.startsWith('/webhook/queue/publish/')) return publish(body);
      const job = jobOf(body);
      if (path.startsWith('/webhook/queue/stats/')) {
        if (!job) return json(404, { message: 'Job not found' });
        const count = (state: EventState) => [...job.events.values()].filter((s) => s === state).length;
        return json(200, {
          success: count('success'),
          inProgress: count('inProgress'),
          failed: count('failed'),
        });
      }
      if (path.startsWith('/webhook/queue/cancel/')) {
        if (!job) return json(404, { message: 'Job not found' });
        for (const [eventId, state] of job.events)
          if (state === 'inProgress') job.events.set(eventId, 'cancelled');
        return json(204);
      }
      return json(404, { message: `No async events endpoint ${path}` });
    },
    idle: () => pending.size === 0,
    async drain(): Promise<void> {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
