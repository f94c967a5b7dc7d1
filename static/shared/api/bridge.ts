import { makeInvoke, view } from '@forge/bridge';
import type { Result } from '../../../src/contract/errors';
import type { DataOf, PayloadOf, ResolverApi } from '../../../src/contract/resolver-contract';

/**
 * The only module of the front end that touches `@forge/bridge`. Typed by the same resolver
 * contract the backend implements (src/contract/), so both sides change together.
 */
export function resolverClient<Api extends ResolverApi>() {
  // Every call of a ResolverApi takes exactly one payload, so the variadic bridge type narrows safely.
  const invoke = makeInvoke<Api>() as unknown as (call: string, payload: unknown) => Promise<unknown>;
  return <Call extends keyof Api & string>(
    call: Call,
    payload: PayloadOf<Api, Call>,
  ): Promise<Result<DataOf<Api, Call>>> =>
    (invoke(call, payload) as Promise<Result<DataOf<Api, Call>>>).catch((error: unknown) => ({
      ok: false as const,
      error: {
        kind: 'Unavailable' as const,
        message: `Could not reach the app (${error instanceof Error ? error.message : String(error)}). Check your connection and try again.`,
      },
    }));
}

export interface ViewContext {
  issueKey?: string;
  accountId?: string;
  siteUrl?: string;
}

export async function getViewContext(): Promise<ViewContext> {
  const context = (await view.getContext()) as unknown as {
    accountId?: string;
    siteUrl?: string;
    extension?: { issue?: { key?: string } };
  };
  return { issueKey: context.extension?.issue?.key, accountId: context.accountId, siteUrl: context.siteUrl };
}

/** Follows Jira's light/dark theme through design tokens (`data-color-mode` on <html>). */
export async function enableJiraTheme(): Promise<void> {
  await view.theme.enable();
}

/** The part of the host page's history a page module needs: its URL's path and query. */
export interface HostHistory {
  readonly location: { pathname: string; search: string };
  replace(to: { pathname: string; search: string }): void;
}

/**
 * The Jira page's own URL (a Custom UI runs in an iframe whose URL is not the one people share).
 * Null where the host offers no history (e.g. a module that is not a page).
 */
export async function openHostHistory(): Promise<HostHistory | null> {
  try {
    return await view.createHistory();
  } catch {
    return null;
  }
}

/**
 * `view.submit`: a dashboard gadget's edit view hands Jira the gadget's configuration, which Jira
 * stores for that gadget and shows its view with (https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-dashboard-gadget/).
 */
export async function submitView(payload: Record<string, unknown>): Promise<void> {
  await view.submit(payload);
}
