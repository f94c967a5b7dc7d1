import type { DeadlineView } from '../../../src/contract/issue-panel-api';

export type LozengeAppearance = 'success' | 'moved' | 'removed';

export interface DeadlineDescription {
  appearance: LozengeAppearance;
  label: string;
  remaining: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** `2 d 4 h`, `5 h`, `35 min`: precise enough to act on, short enough for the narrow panel. */
export function formatTimeSpan(ms: number): string {
  const abs = Math.abs(ms);
  if (abs >= DAY) {
    const days = Math.floor(abs / DAY);
    const hours = Math.floor((abs % DAY) / HOUR);
    return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  }
  if (abs >= HOUR) return `${Math.floor(abs / HOUR)} h`;
  return `${Math.max(1, Math.floor(abs / 60_000))} min`;
}

/** Maps a deadline to the Lozenge appearance and words the banner shows; null → not started yet. */
export function describeDeadline(deadline: DeadlineView | null): DeadlineDescription | null {
  if (!deadline) return null;
  switch (deadline.state) {
    case 'on-track':
      return {
        appearance: 'success',
        label: 'On track',
        remaining: `${formatTimeSpan(deadline.remainingMs)} left`,
      };
    case 'due-soon':
      return {
        appearance: 'moved',
        label: 'Due soon',
        remaining: `${formatTimeSpan(deadline.remainingMs)} left`,
      };
    case 'overdue':
      return {
        appearance: 'removed',
        label: 'Overdue',
        remaining: `${formatTimeSpan(deadline.remainingMs)} overdue`,
      };
  }
}
