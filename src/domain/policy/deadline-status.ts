export type DeadlineState = 'on-track' | 'due-soon' | 'overdue';

export interface DeadlineStatus {
  state: DeadlineState;
  /** Negative once overdue (how long ago it was due). */
  remainingMs: number;
}

export interface DeadlineStatusOptions {
  /** How close to the deadline counts as "due soon"; default 24 hours. */
  dueSoonMs?: number;
}

// Reference "Step 1 … Timeline" deadlines, shown as on track / due soon / overdue with the time remaining.
export function deadlineStatus(dueAt: Date, now: Date, options: DeadlineStatusOptions = {}): DeadlineStatus {
  const remainingMs = dueAt.getTime() - now.getTime();
  if (Number.isNaN(remainingMs)) throw new RangeError('deadlineStatus: dueAt and now must be valid dates.');
  const dueSoonMs = options.dueSoonMs ?? 24 * 3_600_000;
  const state: DeadlineState =
    remainingMs < 0 ? 'overdue' : remainingMs <= dueSoonMs ? 'due-soon' : 'on-track';
  return { state, remainingMs };
}
