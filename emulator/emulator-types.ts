/** Shapes shared by the emulator's parts: requests, responses and the issues it stores. */
import type { StoredIssue } from './jql/compile-jql.types';

export interface EmulatorRequest {
  method: string;
  /** Path with its query string, e.g. `/rest/api/3/issue/INC-1?fields=summary`. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** The calling user; defaults to the emulator's default account. */
  accountId?: string;
  /** As the app (Forge `asApp()`): every permission, and its edits are flagged self-generated. */
  asApp?: boolean;
  /** Aborts a request the emulator is holding (a `hang` fault). */
  signal?: AbortSignal;
}

export interface EmulatorResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface ChangelogItem {
  field: string;
  fieldtype: string;
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface ChangelogHistory {
  id: string;
  author: Record<string, unknown>;
  created: string;
  items: ChangelogItem[];
}

/** What the store keeps per issue: the JQL contract's bean plus its change history. */
export interface EmulatedIssue extends StoredIssue {
  histories: ChangelogHistory[];
}

export interface RecordedEmulatorRequest {
  method: string;
  path: string;
  body: string | undefined;
  asApp: boolean;
  accountId: string;
  /** What the emulator answered; absent while the request is in flight. */
  response?: EmulatorResponse;
}

export function jsonResponse(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): EmulatorResponse {
  return {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8', ...headers },
    body: value === undefined ? '' : JSON.stringify(value),
  };
}

export function emptyResponse(status: number): EmulatorResponse {
  return { status, headers: {}, body: '' };
}

/** Jira's ErrorCollection body. */
export function errorResponse(
  status: number,
  errorMessages: string[],
  errors: Record<string, string> = {},
): EmulatorResponse {
  return jsonResponse(status, { errorMessages, errors });
}

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

export function issueNotFound(): EmulatorResponse {
  return errorResponse(404, [ISSUE_NOT_FOUND]);
}

/** Jira's timestamp format: `2026-01-31T10:00:00.000+0000`. */
export function jiraTimestamp(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}
