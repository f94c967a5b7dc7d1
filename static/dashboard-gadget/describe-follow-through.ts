import type { Comparison, PostmortemDue } from '../../src/contract/dashboard-gadget-api';
import { monthLabel } from '../../src/contract/month-label';

const MINUTE_MS = 60_000;

/** How fresh the figures are: "Updated just now", "Updated 2 min ago", "Updated 3 h ago", "Updated 2 days ago". */
export function describeFreshness(asOf: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(asOf)) / MINUTE_MS));
  if (minutes < 1) return 'Updated just now';
  if (minutes < 60) return `Updated ${minutes} min ago`;
  if (minutes < 24 * 60) return `Updated ${Math.floor(minutes / 60)} h ago`;
  const days = Math.floor(minutes / (24 * 60));
  return `Updated ${days} ${days === 1 ? 'day' : 'days'} ago`;
}

const change = (comparison: Comparison<number | null>): string => {
  const { trend } = comparison;
  if (trend === null) return '';
  if (trend.arrow === '→') return ', no change';
  return trend.percent === null ? `, ${trend.arrow}` : `, ${trend.arrow} ${trend.percent}%`;
};

/** "3 in May 2026 — 2 in April 2026, ↑ 50%". */
export function describeCount(count: Comparison<number>, month: string, previousMonth: string): string {
  return `${count.current} in ${monthLabel(month)} — ${count.previous} in ${monthLabel(previousMonth)}${change(count)}`;
}

const minutes = (value: number | null) => (value === null ? 'none resolved' : `${value} min`);

/** "45 min — 60 min in April 2026, ↓ 25%"; "none resolved" for a month without a resolved incident. */
export function describeMttr(mttr: Comparison<number | null>, previousMonth: string): string {
  return `${minutes(mttr.current)} — ${minutes(mttr.previous)} in ${monthLabel(previousMonth)}${change(mttr)}`;
}

export function describeDaysOverdue(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}

const DEADLINE: Record<PostmortemDue['deadline'], string> = {
  meeting: 'Review meeting (48 h)',
  document: 'Document (5 business days)',
};

export function describePostmortemDeadline(due: PostmortemDue): {
  deadline: string;
  state: string;
  appearance: 'removed' | 'moved';
} {
  return {
    deadline: DEADLINE[due.deadline],
    state: due.state === 'overdue' ? 'Overdue' : 'Due soon',
    appearance: due.state === 'overdue' ? 'removed' : 'moved',
  };
}
