import type { Finding } from '../../../../src/contract/issue-panel-api';

/**
 * Findings whose path is `section` or below it (`actionItems` matches `actionItems.ai-2`), so each
 * editor shows only its own hints. `header` also collects `header.*`.
 */
export function findingsForSection(findings: readonly Finding[], section: string): Finding[] {
  return findings.filter((finding) => finding.path === section || finding.path.startsWith(`${section}.`));
}

/** Findings about one action item row (`actionItems.ai-2`, `actionItems.ai-2.owner`). */
export function findingsForActionItem(findings: readonly Finding[], id: string): Finding[] {
  return findingsForSection(findings, `actionItems.${id}`);
}

/** Finding paths not covered by any known section go to a general list so nothing is hidden. */
export function unplacedFindings(findings: readonly Finding[], sections: readonly string[]): Finding[] {
  return findings.filter(
    (finding) =>
      !sections.some((section) => finding.path === section || finding.path.startsWith(`${section}.`)),
  );
}

/** The quoted phrase of a blame finding, so the hint can show what to reword. */
export function findingExcerpt(finding: Finding, text: string | undefined): string | null {
  if (!finding.range || text === undefined) return null;
  const excerpt = text.slice(finding.range.start, finding.range.end);
  return excerpt.length > 0 ? excerpt : null;
}
