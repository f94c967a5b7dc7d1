import type { SectionKind } from './section-kind';

/** What an import did with each part of the source, for the person who has to trust it. */
export interface ImportReport {
  /** Source headings, labels and fields, and the part of the postmortem each now fills. */
  mapped: Array<{ source: string; target: string }>;
  /** What was kept verbatim under Other notes, and why it had no better place. */
  otherNotes: Array<{ source: string; reason: string }>;
  /** Readings the source did not state outright: zones, dates carried to rows, titles. */
  guessed: string[];
  /** Anything else worth checking: repeated header fields, empty input. */
  warnings: string[];
}

export function emptyImportReport(): ImportReport {
  return { mapped: [], otherNotes: [], guessed: [], warnings: [] };
}

/** The panel's and the Markdown template's name of each part of the postmortem. */
export const SECTION_TITLES: Readonly<Record<SectionKind, string>> = {
  summary: 'Summary',
  impact: 'Impact',
  detection: 'Detection',
  resolution: 'Resolution',
  timeline: 'Timeline',
  rootCause: 'Root Cause',
  contributing: 'Contributing Factors',
  whatWorkedWell: 'What Worked Well',
  lessons: 'Lessons Learned',
  actionItems: 'Action Items',
  blameless: 'Notes on Blameless Culture',
  otherNotes: 'Other Notes',
  reviewHistory: 'Review History',
  metadata: 'Header',
};

/** The report as plain lines, as `npm run convert` prints it on stderr. */
export function formatImportReport(report: ImportReport): string {
  const lines: string[] = [];
  for (const { source, target } of report.mapped) lines.push(`  mapped   ${source} → ${target}`);
  for (const { source, reason } of report.otherNotes)
    lines.push(`  kept     ${source} → Other Notes (${reason})`);
  for (const guess of report.guessed) lines.push(`  guessed  ${guess}`);
  for (const warning of report.warnings) lines.push(`  warning  ${warning}`);
  return lines.length === 0 ? '  (nothing to import)\n' : `${lines.join('\n')}\n`;
}
