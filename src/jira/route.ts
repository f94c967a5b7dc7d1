/**
 * A Jira REST path with every interpolated value URI-encoded, like `route` in `@forge/api`.
 * Written as a tagged template at each call site so Atlassian's permission linter can read the
 * endpoint; kept here so code outside src/forge/ need not import Forge.
 */
export interface JiraRoute {
  readonly value: string;
}

export function route(
  strings: TemplateStringsArray,
  ...values: Array<string | number | URLSearchParams>
): JiraRoute {
  let value = strings[0] ?? '';
  values.forEach((part, index) => {
    const encoded = part instanceof URLSearchParams ? part.toString() : encodeURIComponent(String(part));
    value += encoded + (strings[index + 1] ?? '');
  });
  return { value };
}
