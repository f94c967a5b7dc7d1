/**
 * The `postmortem-summary` issue entity property: the one home of its key, its shape as read back, its
 * reader and its writer. Written at finalization; searched through the manifest's
 * `jira:entityProperty` aliases (postmortemStatus, postmortemCategory…), read by the glance, the
 * reminders, the trends and the postmortem search.
 */
import { z } from 'zod';
import { indexedSummary, POSTMORTEM_STATUSES, type PostmortemDocument } from '../domain/postmortem';
import type { JiraPort } from '../ports';
import { getIssueProperty, setIssueProperty } from './issue-properties';

export const POSTMORTEM_SUMMARY_PROPERTY = 'postmortem-summary';

/**
 * What readers rely on. Loose, and every field but the status optional: summaries written by earlier
 * versions of the app (or edited by hand through the REST API) must not break a reader.
 */
export const postmortemSummarySchema = z.looseObject({
  status: z.enum(POSTMORTEM_STATUSES),
  severity: z.string().nullish(),
  category: z.string().nullish(),
  sloImpact: z.string().nullish(),
  finalizedAt: z.string().nullish(),
  rootCause: z.string().default(''),
  actionItemCount: z.number().int().nonnegative().optional(),
});
export type StoredPostmortemSummary = z.infer<typeof postmortemSummarySchema>;

/** The summary among an issue's properties as search returns them; null when absent or malformed. */
export function readPostmortemSummary(
  properties: Record<string, unknown> | undefined,
): StoredPostmortemSummary | null {
  const parsed = postmortemSummarySchema.safeParse(properties?.[POSTMORTEM_SUMMARY_PROPERTY]);
  return parsed.success ? parsed.data : null;
}

/** The summary read from the issue (strongly consistent), checked; null when the issue has none. */
export async function getPostmortemSummary(
  jira: JiraPort,
  issueKey: string,
): Promise<z.ZodSafeParseResult<StoredPostmortemSummary> | null> {
  const value = await getIssueProperty(jira, {
    issueIdOrKey: issueKey,
    propertyKey: POSTMORTEM_SUMMARY_PROPERTY,
  });
  return value === undefined ? null : postmortemSummarySchema.safeParse(value);
}

export function writePostmortemSummary(
  jira: JiraPort,
  issueKey: string,
  document: PostmortemDocument,
): Promise<void> {
  return setIssueProperty(jira, {
    issueIdOrKey: issueKey,
    propertyKey: POSTMORTEM_SUMMARY_PROPERTY,
    value: indexedSummary(document),
  });
}
