/** JQL validation, so an admin's incident JQL is checked before the app relies on it. */
import { z } from 'zod';
import type { JiraPort } from '../ports';
import { JSON_HEADERS, jiraResponse } from './jira-response';
import { route } from './route';

export interface ParsedJql {
  query: string;
  valid: boolean;
  errors: string[];
  warnings: string[];
}

const parsedSchema = z.looseObject({
  queries: z.array(
    z.looseObject({
      query: z.string(),
      errors: z.array(z.string()).optional(),
      warnings: z.array(z.string()).optional(),
    }),
  ),
});

/** `POST /rest/api/3/jql/parse`; `strict` reports unknown fields and values as errors. */
export async function parseJql(
  jira: JiraPort,
  params: { queries: string[]; validation?: 'strict' | 'warn' | 'none' },
): Promise<ParsedJql[]> {
  if (params.queries.length === 0) return [];
  const query = new URLSearchParams({ validation: params.validation ?? 'strict' });
  const result = await jiraResponse('check JQL', parsedSchema, () =>
    jira.requestJira(route`/rest/api/3/jql/parse?${query}`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ queries: params.queries }),
    }),
  );
  return result.queries.map((parsed) => ({
    query: parsed.query,
    valid: (parsed.errors ?? []).length === 0,
    errors: parsed.errors ?? [],
    warnings: parsed.warnings ?? [],
  }));
}
