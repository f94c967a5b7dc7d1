/**
 * Slack incoming webhooks. Failures are values (the finalization must not fail because Slack did),
 * and the webhook URL is a secret: it never appears in a result, an error or a log line.
 */
import type { Clock, SlackDeliveryResult, SlackPort } from '../ports';

export interface WebhookSlackPortDeps {
  fetch: typeof fetch;
  clock: Clock;
  /** Slack answers in well under a second; a hung socket must not eat the invocation's budget. */
  timeoutMs?: number;
}

// Documented incoming-webhook errors: https://api.slack.com/messaging/webhooks#handling_errors
const KNOWN_ERRORS = new Set([
  'invalid_payload',
  'invalid_blocks',
  'invalid_blocks_format',
  'user_not_found',
  'channel_not_found',
  'channel_is_archived',
  'action_prohibited',
  'posting_to_general_channel_denied',
  'too_many_attachments',
  'no_service',
  'no_service_id',
  'no_team',
  'team_disabled',
  'invalid_token',
  'no_text',
  'rollup_error',
]);

const isRetryableStatus = (status: number): boolean => status === 429 || status >= 500;

function retryAfterSeconds(header: string | null, now: Date): number | undefined {
  if (header === null) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

function describeError(status: number, body: string): string {
  const word = body.trim();
  if (KNOWN_ERRORS.has(word)) return word;
  // Anything else is summarised: an unexpected body could echo parts of the request.
  if (/^[a-z_]{1,60}$/.test(word)) return word;
  return `http_${status}`;
}

function scrub(text: string, secret: string): string {
  return secret ? text.split(secret).join('[webhook]') : text;
}

export function createWebhookSlackPort(deps: WebhookSlackPortDeps): SlackPort {
  const timeoutMs = deps.timeoutMs ?? 10_000;
  return {
    async send(webhookUrl: string, payload: unknown): Promise<SlackDeliveryResult> {
      let url: URL;
      try {
        url = new URL(webhookUrl);
      } catch {
        return { ok: false, status: null, error: 'invalid_webhook_url', retryable: false };
      }
      if (url.protocol !== 'https:')
        return { ok: false, status: null, error: 'invalid_webhook_url', retryable: false };

      let body: string;
      try {
        body = JSON.stringify(payload);
      } catch {
        return { ok: false, status: null, error: 'invalid_payload', retryable: false };
      }

      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        const response = await deps.fetch(webhookUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body,
          signal: controller.signal,
        });
        const text = await response.text().catch(() => '');
        if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
        let error = describeError(response.status, text);
        if (response.status === 429) {
          const seconds = retryAfterSeconds(response.headers.get('Retry-After'), deps.clock.now());
          error = seconds === undefined ? 'rate_limited' : `rate_limited (retry after ${seconds} s)`;
        }
        return { ok: false, status: response.status, error, retryable: isRetryableStatus(response.status) };
      } catch (cause) {
        const name = cause instanceof Error ? cause.name : 'Error';
        const reason = controller.signal.aborted ? 'timeout' : `network_error (${name})`;
        return { ok: false, status: null, error: scrub(reason, webhookUrl), retryable: true };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
