export interface MeetingDeadlineOptions {
  /** Defaults to the reference's 48 hours. */
  hours?: number;
}

const HOUR_MS = 3_600_000;

// Reference "Step 1 … Timeline": postmortem meeting within 48h of incident resolution (elapsed hours, so DST-proof).
export function meetingDueAt(resolvedAt: Date, options: MeetingDeadlineOptions = {}): Date {
  if (Number.isNaN(resolvedAt.getTime()))
    throw new RangeError('meetingDueAt: resolvedAt is not a valid date.');
  return new Date(resolvedAt.getTime() + (options.hours ?? 48) * HOUR_MS);
}
