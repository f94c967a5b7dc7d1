import type { z } from 'zod';
import { isConsentRequired } from '../../contract/consent';
import { AppError, isAppError, type AppErrorShape, type Result } from '../../contract/errors';
import type { InvocationContext } from '../../contract/invocation-context';
import { parsePayload } from '../../contract/parse-payload';
import type { DataOf, ResolverApi } from '../../contract/resolver-contract';
import type { Services } from '../../services';

export interface ResolverRequest {
  payload: unknown;
  context: InvocationContext;
}

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
 * A payload that names an issue, parsed, where the module shows one issue: Forge puts the issue being
 * viewed in the context, so a payload naming another one did not come from this module's page.
 */
export function parseIssuePayload<Schema extends z.ZodType<{ issueKey: string }>>(
  schema: Schema,
  payload: unknown,
  context: InvocationContext,
): z.infer<Schema> {
  const parsed = parsePayload(schema, payload);
  if (context.issueKey !== undefined && context.issueKey !== parsed.issueKey) {
    throw new AppError(
      'InvalidInput',
      `The request named ${parsed.issueKey} while ${context.issueKey} is open. Reload the issue and try again.`,
    );
  }
  return parsed;
}
