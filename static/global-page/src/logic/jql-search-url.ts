/**
 * Jira's issue navigator for a JQL. Custom UI runs in an iframe on another origin, so a relative
 * `/issues/…` would resolve against the app's CDN: prefix the site URL from the view context.
 */
export function jqlSearchUrl(jql: string, siteUrl = ''): string {
  return `${siteUrl.replace(/\/+$/, '')}/issues/?jql=${encodeURIComponent(jql)}`;
}
