import type { InvocationContext } from '../contract/invocation-context';

/** Reads the fields the app uses from Forge's loosely typed invocation context. */
export function forgeContext(raw: unknown): InvocationContext {
  const context = (raw ?? {}) as Record<string, unknown>;
  const extension = (context.extension ?? {}) as Record<string, unknown>;
  const issue = (extension.issue ?? {}) as Record<string, unknown>;
  const project = (extension.project ?? {}) as Record<string, unknown>;
  const pick = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  const result: InvocationContext = {};
  const fields: Array<[Exclude<keyof InvocationContext, 'gadgetConfiguration'>, unknown]> = [
    ['accountId', context.accountId],
    ['cloudId', context.cloudId],
    ['siteUrl', context.siteUrl],
    ['moduleKey', context.moduleKey],
    ['issueKey', issue.key],
    ['projectKey', project.key],
  ];
  for (const [key, value] of fields) {
    const text = pick(value);
    if (text) result[key] = text;
  }
  const gadgetConfiguration = extension.gadgetConfiguration;
  if (typeof gadgetConfiguration === 'object' && gadgetConfiguration !== null)
    result.gadgetConfiguration = gadgetConfiguration as Record<string, unknown>;
  return result;
}
