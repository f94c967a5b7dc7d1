import type { TrendsProgress } from '../../../../src/contract/global-page-api';

const number = new Intl.NumberFormat('en-US');

/** "1,200 of about 5,000 issues read (24%). " — the total is Jira's approximate count, so it may be passed. */
export function describeProgress(progress: TrendsProgress | null): string {
  if (progress === null || progress.issuesTotal <= 0) return '';
  const percent = Math.min(100, Math.floor((100 * progress.issuesRead) / progress.issuesTotal));
  return `${number.format(progress.issuesRead)} of about ${number.format(progress.issuesTotal)} issues read (${percent}%). `;
}
