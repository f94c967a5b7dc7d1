/**
 * Contract between the emulator's REST layer and its JQL evaluator (test/emulator/jql/).
 * Issues are stored as Jira issue beans (the shape `GET /rest/api/3/issue/{key}` answers with
 * every field present), plus their entity properties.
 */
export interface StoredIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  properties: Record<string, unknown>;
}

export interface JqlContext {
  /** "now" for relative dates (-30d, startOfMonth(-1), now()). */
  now: Date;
  /** IANA zone for date literals and startOf/endOf functions (Jira uses the user's zone). */
  timeZone: string;
  /** accountId of the calling user, for currentUser(). */
  currentAccountId: string;
  /** Indexed entity properties from the app's manifest (`jira:entityProperty` values). */
  propertyAliases: Array<{
    propertyKey: string;
    path: string;
    type: 'string' | 'text' | 'number' | 'date' | 'user';
    searchAlias?: string;
  }>;
}

export interface CompiledJql {
  matches(issue: StoredIssue): boolean;
  /** Sort comparator from ORDER BY (stable default: created DESC then key, as Jira). */
  compare(a: StoredIssue, b: StoredIssue): number;
  /** True when the query restricts the search (Jira Cloud rejects unbounded JQL on search/jql). */
  bounded: boolean;
}

/** Jira's 400 body for bad JQL: { errorMessages: [...], errors: {} }. */
export class JqlError extends Error {
  constructor(readonly errorMessages: string[]) {
    super(errorMessages.join(' '));
    this.name = 'JqlError';
  }
}

export type CompileJql = (jql: string, context: JqlContext) => CompiledJql;
