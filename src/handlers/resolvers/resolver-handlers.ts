import type { z } from 'zod';
import { isConsentRequired } from '../../contract/consent';
import { AppError, isAppError, type AppErrorShape, type Result } from '../../contract/errors';
import type { InvocationContext } from '../../contract/invocation-context';
import { parsePayload } from '../../contract/parse-payload';
import type {
  ApiOf,
  CallAccess,
  CallContract,
  CallData,
  CallInput,
  DataOf,
  ResolverApi,
  ResolverContract,
} from '../../contract/resolver-contract';
import type { Services } from '../../services';
import { requireJiraAdmin } from '../../usecases/admin-settings';
import { requireIssuePermission } from '../../usecases/issue-panel/issue-permissions';

export interface ResolverRequest {
  payload: unknown;
  context: InvocationContext;
}

/** A resolver's calls as the platform runs them: the payload is still unchecked (see `defineResolver`). */
export type ResolverImplementation<Api extends ResolverApi> = {
  [Call in keyof Api & string]: (
    payload: unknown,
    services: Services,
    context: InvocationContext,
  ) => Promise<DataOf<Api, Call>>;
};

export type ResolverHandlers<Api extends ResolverApi> = {
  [Call in keyof Api & string]: (request: ResolverRequest) => Promise<Result<DataOf<Api, Call>>>;
};

/** The one boundary where thrown errors become `{ ok: false, error }` answers. */
export function resolverHandlers<Api extends ResolverApi>(
  implementation: ResolverImplementation<Api>,
  services: (context: InvocationContext) => Services,
): ResolverHandlers<Api> {
  const handlers = {} as ResolverHandlers<Api>;
  for (const call of Object.keys(implementation) as Array<keyof Api & string>) {
    const run = implementation[call];
    handlers[call] = async ({ payload, context }) => {
      const invocation = services(context);
      const logger = invocation.logger.child({ resolver: call });
      try {
        requireCaller(context);
        return { ok: true, data: await run(payload, { ...invocation, logger }, context) };
      } catch (error) {
        // The platform answers it with its consent prompt; the UI retries once the user allowed access.
        if (isConsentRequired(error)) throw error;
        return { ok: false, error: toErrorShape(error, logger) };
      }
    };
  }
  return handlers;
}

/**
 * Every resolver answers a person: Jira is asked as that user, so their permissions apply. Without an
 * account id (an anonymous or malformed invocation) the only Jira left would be the app's own, which
 * sees every issue — so nothing is answered at all.
 */
function requireCaller(context: InvocationContext): void {
  if (!context.accountId) {
    throw new AppError('Forbidden', 'Log in to Jira to use Postmortems: this request came without a user.');
  }
}

function toErrorShape(error: unknown, logger: Services['logger']): AppErrorShape {
  if (isAppError(error)) {
    if (error.kind === 'Internal') logger.error('resolver failed', { error: error.message });
    return error.toShape();
  }
  logger.error('resolver failed unexpectedly', {
    error: error instanceof Error ? error.message : String(error),
  });
  return new AppError(
    'Internal',
    'Something went wrong on our side. Try again; if it keeps failing, tell your Jira admin.',
  ).toShape();
}

/**
 * One call's use case, handed the payload its contract's schema produced, once the caller passed its
 * access. A call that reads nothing may answer at once.
 */
export type CallImplementation<Call extends CallContract> = (
  payload: z.output<CallInput<Call>>,
  services: Services,
  context: InvocationContext,
) => CallData<Call> | Promise<CallData<Call>>;

/**
 * A resolver from its contract (`src/contract/*-api.ts`): each call validates its payload against the
 * contract's schema (a bad one is answered field by field as `InvalidInput`), then checks the call's
 * access, and only then runs its implementation with the typed payload.
 */
export function defineResolver<Contract extends ResolverContract>(
  contract: Contract,
  implementation: { [Call in keyof Contract & string]: CallImplementation<Contract[Call]> },
): ResolverImplementation<ApiOf<Contract>> {
  const resolver: Record<
    string,
    (payload: unknown, services: Services, context: InvocationContext) => unknown
  > = {};
  for (const [call, { input, access }] of Object.entries(contract)) {
    const run = implementation[call as keyof Contract & string] as CallImplementation<CallContract>;
    resolver[call] = async (payload, services, context) => {
      const parsed = parsePayload(input, payload);
      await requireAccess(access, parsed, services, context);
      return run(parsed, services, context);
    };
  }
  // Each call's schema and implementation come from the same contract entry, which the types above tie.
  return resolver as ResolverImplementation<ApiOf<Contract>>;
}

async function requireAccess(
  access: CallAccess,
  payload: unknown,
  services: Services,
  context: InvocationContext,
): Promise<void> {
  switch (access) {
    case 'viewed-issue':
      return requireViewedIssue((payload as { issueKey: string }).issueKey, services, context, 'browse');
    case 'edited-issue':
      return requireViewedIssue((payload as { issueKey: string }).issueKey, services, context, 'edit');
    case 'jira-admin':
      return requireJiraAdmin(services);
    case 'signed-in':
      return; // every call needs a caller (`requireCaller`); their own Jira permissions do the rest
  }
}

/**
 * Forge puts the issue being viewed in the context, so a payload naming another one did not come from
 * this module's page; and the caller must be someone Jira lets see it (and, for a write, edit it),
 * before anything stored about it is read or written.
 */
export async function requireViewedIssue(
  issueKey: string,
  services: Services,
  context: InvocationContext,
  need: 'browse' | 'edit',
) {
  if (context.issueKey !== undefined && context.issueKey !== issueKey) {
    throw new AppError(
      'InvalidInput',
      `The request named ${issueKey} while ${context.issueKey} is open. Reload the issue and try again.`,
    );
  }
  await requireIssuePermission(services, issueKey, need);
}
