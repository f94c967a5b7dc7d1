import { InvocationError, InvocationErrorCode } from '@forge/events';
import { makeResolver } from '@forge/resolver';
import { z } from 'zod';
import { isAppError } from '../contract/errors';
import type { ResolverApi } from '../contract/resolver-contract';
import { postmortemJobsConsumer as consumeJob } from '../handlers/consumers/postmortem-jobs-consumer';
import { adminSettingsResolver as adminSettings } from '../handlers/resolvers/admin-settings-resolver';
import { dashboardGadgetResolver as dashboardGadget } from '../handlers/resolvers/dashboard-gadget-resolver';
import { globalPageResolver as globalPage } from '../handlers/resolvers/global-page-resolver';
import { issueContextResolver as issueContext } from '../handlers/resolvers/issue-context-resolver';
import { issuePanelResolver as issuePanel } from '../handlers/resolvers/issue-panel-resolver';
import { resolverHandlers, type ResolverImplementation } from '../handlers/resolvers/resolver-handlers';
import { dailyMaintenance as runDaily } from '../handlers/scheduled/daily-maintenance';
import { issueUpdatedTrigger as onIssueUpdated } from '../handlers/triggers/issue-updated-trigger';
import { clearJobFailure, saveJobFailure } from '../storage/job-failure-store';
import { forgeContext } from './forge-context';
import { forgeServices } from './forge-services';

function forgeResolver<Api extends ResolverApi>(implementation: ResolverImplementation<Api>) {
  const handlers = resolverHandlers(implementation, forgeServices);
  const bound: Record<string, (request: { payload: unknown; context: unknown }) => Promise<unknown>> = {};
  for (const [call, handler] of Object.entries(handlers)) {
    bound[call] = ({ payload, context }) => handler({ payload, context: forgeContext(context) });
  }
  return makeResolver(bound);
}

export const issuePanelResolver = forgeResolver(issuePanel);
export const issueContextResolver = forgeResolver(issueContext);
export const globalPageResolver = forgeResolver(globalPage);
export const adminSettingsResolver = forgeResolver(adminSettings);
export const dashboardGadgetResolver = forgeResolver(dashboardGadget);

export const issueUpdatedTrigger = async (event: unknown, context: unknown) => {
  await onIssueUpdated(event, forgeServices(forgeContext(context)));
};

// Since @forge/events 2 a consumer is a plain function invoked with an AsyncEvent; the job is its body
// (https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api-version-2-upgrade).
const asyncEvent = z.object({
  body: z.record(z.string(), z.unknown()),
  jobId: z.string(),
  retryContext: z.object({ retryCount: z.number() }).optional(),
});
const finalizeJob = z.object({ type: z.literal('finalize-postmortem'), issueKey: z.string() });

// After this many redeliveries the panel says finalization has not finished. Forge names no number: it
// redelivers for the event's 24-hour retention window with backoff up to about 15 minutes
// (https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api, "Retries"); a later
// delivery that succeeds clears the note. The local platform stops at this count (the stricter case).
const MAX_EVENT_RETRIES = 4;

export const postmortemJobsConsumer = async (event: unknown, context: unknown) => {
  const parsed = asyncEvent.safeParse(event);
  // The job handler logs and drops a malformed body; an event without one is dropped the same way.
  const body = parsed.success ? parsed.data.body : undefined;
  const services = forgeServices(forgeContext(context));
  const finalize = finalizeJob.safeParse(body);
  try {
    await consumeJob(body, services);
    if (finalize.success) await clearJobFailure(services.kv, finalize.data.issueKey);
  } catch (error) {
    // Jira stayed rate-limited or down past our own retries: let the platform redeliver later.
    if (isAppError(error) && (error.kind === 'RateLimited' || error.kind === 'Unavailable')) {
      const retries = parsed.success ? (parsed.data.retryContext?.retryCount ?? 0) : 0;
      // The last delivery: the platform records the job as failed; the panel must say so too.
      if (finalize.success && retries >= MAX_EVENT_RETRIES)
        await saveJobFailure(services.kv, finalize.data.issueKey, {
          at: services.clock.now().toISOString(),
          message: `Finalization did not finish after ${MAX_EVENT_RETRIES + 1} attempts: ${error.message}`,
        });
      return new InvocationError({
        retryAfter: Math.ceil((error.retryAfterMs ?? 60_000) / 1000),
        retryReason:
          error.kind === 'RateLimited'
            ? InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED
            : InvocationErrorCode.FUNCTION_RETRY_REQUEST,
      });
    }
    throw error;
  }
};

export const dailyMaintenance = async (_request: unknown, context: unknown) => {
  await runDaily(forgeServices(forgeContext(context)));
};
