/** A JQL string literal for any text (labels, search words): Jira escapes `"` and `\` with a backslash. */
export const jqlString = (value: string): string => `"${value.replace(/["\\]/g, (char) => `\\${char}`)}"`;

/**
 * `project in ("A", "B")` for the given keys, each quoted like any JQL value (a key such as `IS` or
 * `ORDER` is also a JQL word); empty when no project narrows the scope.
 */
export function projectScopeJql(projectKeys: readonly string[]): string {
  return projectKeys.length > 0 ? `project in (${projectKeys.map(jqlString).join(', ')})` : '';
}
