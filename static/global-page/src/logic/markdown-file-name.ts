/** The download's name, as the brief fixes it: `incident-trend-report-YYYY-MM.md`. */
export function markdownFileName(month: string): string {
  return `incident-trend-report-${month}.md`;
}
