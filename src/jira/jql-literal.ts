/** A JQL string literal for any text (labels, search words): Jira escapes `"` and `\` with a backslash. */
export const jqlString = (value: string): string => `"${value.replace(/["\\]/g, (char) => `\\${char}`)}"`;
