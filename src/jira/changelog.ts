/** An issue's changelog, paged by `startAt` (this endpoint still uses offsets, unlike search/jql). */
import { z } from 'zod';
import type { JiraPort } from '../ports';
import { ACCEPT_JSON, jiraResponse } from './jira-response';
import { route } from './route';

export interface ChangelogItem {
  field: string;
  fieldId?: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface Changelog {
  id: string;
  created: string;
  authorAccountId?: string;
  /** The author's display name, for people reading the history (absent for a deleted account). */
  authorName?: string;
  items: ChangelogItem[];
}

export interface ChangelogPage {
  startAt: number;
  total: number;
  isLast: boolean;
  values: Changelog[];
}

const ITEM_KEYS = ['field', 'fieldId', 'from', 'fromString', 'to', 'toString'] as const;

/**
 * The item's own values for the keys read here, a missing one as `null`. zod reads `item.toString`
 * through the prototype chain: an item without that key (Jira leaves out empty values) would be
 * checked as `Object.prototype.toString`, a function, and fail the whole event; and a parsed item
 * without the key would still answer `item.toString` with that function.
 */
function ownItemValues(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const own = new Map(Object.entries(value));
  return Object.fromEntries(ITEM_KEYS.map((key) => [key, own.has(key) ? own.get(key) : null]));
}

// Atlassian's own examples send `from: null` where the spec says string; accept both.
/** One changelog item, as both the changelog endpoint and the issue-updated event carry it. */
export const changelogItemSchema = z.preprocess(
  ownItemValues,
  z.object({
    field: z.string(),
    fieldId: z
      .string()
      .nullable()
      .transform((id) => id ?? undefined),
    from: z.string().nullable(),
    fromString: z.string().nullable(),
    to: z.string().nullable(),
    toString: z.string().nullable(),
  }),
);

const pageSchema = z.looseObject({
  startAt: z.number().int().default(0),
  maxResults: z.number().int().optional(),
  total: z.number().int().optional(),
  isLast: z.boolean().optional(),
  values: z
    .array(
      z.looseObject({
        id: z.string(),
        created: z.string(),
        author: z
          .looseObject({ accountId: z.string().optional(), displayName: z.string().optional() })
          .optional(),
        items: z.array(changelogItemSchema).default([]),
      }),
    )
    .default([]),
});

export async function* getChangelogs(
  jira: JiraPort,
  params: { issueIdOrKey: string; maxResults?: number },
): AsyncGenerator<ChangelogPage, void, undefined> {
  const maxResults = params.maxResults ?? 100;
  let startAt = 0;
  for (;;) {
    const query = new URLSearchParams({ startAt: String(startAt), maxResults: String(maxResults) });
    const page = await jiraResponse(`read the changelog of ${params.issueIdOrKey}`, pageSchema, () =>
      jira.requestJira(route`/rest/api/3/issue/${params.issueIdOrKey}/changelog?${query}`, {
        method: 'GET',
        headers: ACCEPT_JSON,
      }),
    );
    const next = page.startAt + page.values.length;
    const total = page.total ?? next;
    const isLast = page.isLast ?? next >= total;
    yield {
      startAt: page.startAt,
      total,
      isLast: isLast || page.values.length === 0,
      values: page.values.map((entry) => ({
        id: entry.id,
        created: entry.created,
        ...(entry.author?.accountId ? { authorAccountId: entry.author.accountId } : {}),
        ...(entry.author?.displayName ? { authorName: entry.author.displayName } : {}),
        items: entry.items.map(({ fieldId, ...item }) => ({ ...item, ...(fieldId ? { fieldId } : {}) })),
      })),
    };
    if (isLast || page.values.length === 0) return;
    startAt = next;
  }
}

/** The issue's newest change (the one that fired an issue-updated event, when read right after it). */
export async function latestChangelog(jira: JiraPort, issueIdOrKey: string): Promise<Changelog | undefined> {
  let latest: Changelog | undefined;
  for await (const page of getChangelogs(jira, { issueIdOrKey })) latest = page.values.at(-1) ?? latest;
  return latest;
}
