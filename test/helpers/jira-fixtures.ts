import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Shared test data beside the checkout (`../shared/`), overridable for other machines. */
const corpusDir =
  process.env.JIRA_CORPUS_DIR ?? join(__dirname, '..', '..', '..', 'shared', 'corpus', 'jira-examples');
const specFile =
  process.env.JIRA_OPENAPI_SPEC ??
  join(__dirname, '..', '..', '..', 'shared', 'jira-openapi', 'jira-platform-v3.json');

/** A recorded Jira payload from the corpus, e.g. `openapi-examples/createIssues.response.201.json`. */
export function jiraFixture<T = unknown>(relativePath: string): T {
  return JSON.parse(readFileSync(join(corpusDir, relativePath), 'utf8')) as T;
}

let spec: { paths: Record<string, Record<string, unknown>> } | undefined;

/** The response example Atlassian publishes for an operation in its OpenAPI spec. */
export function openApiExample<T = unknown>(path: string, method: string, status: string): T {
  spec ??= JSON.parse(readFileSync(specFile, 'utf8')) as { paths: Record<string, Record<string, unknown>> };
  const operation = spec.paths[path]?.[method] as
    { responses?: Record<string, { content?: { 'application/json'?: { example?: unknown } } }> } | undefined;
  const example = operation?.responses?.[status]?.content?.['application/json']?.example;
  if (example === undefined) throw new Error(`No example for ${method.toUpperCase()} ${path} ${status}`);
  return (typeof example === 'string' ? JSON.parse(example) : example) as T;
}
