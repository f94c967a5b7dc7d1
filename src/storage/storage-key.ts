/**
 * Forge storage accepts only keys matching `^(?!\s+$)[a-zA-Z0-9:._\s-#]+$` and refuses the rest with
 * `INVALID_KEY` (https://developer.atlassian.com/platform/forge/storage-reference/handling-errors-kvs).
 * A key segment built from data (project lists, JQL, user input) goes through here: every character
 * outside letters, digits, `.`, `_` and `-` becomes `#` and its code point in hex, so distinct
 * segments stay distinct keys and `:` keeps separating segments.
 */
export function keySegment(text: string): string {
  return text.replace(/[^a-zA-Z0-9._-]/g, (char) => `#${(char.codePointAt(0) ?? 0).toString(16)}`);
}
