import { parseIsoMs } from './parse-iso-ms';
import type { IncidentRecord } from './trend-records';

type RestoreFields = Pick<IncidentRecord, 'created' | 'resolved' | 'postmortemDurationMinutes'>;

/** Whole milliseconds, so a month's sum stays an exact integer and only the mean is rounded, once. */
export function timeToRestoreMs(incident: RestoreFields): number | null {
  // MTTR averages resolved incidents only; an open incident has not been restored yet.
  if (incident.resolved === null) return null;
  const explicit = incident.postmortemDurationMinutes;
  if (explicit !== undefined && explicit !== null && Number.isFinite(explicit) && explicit >= 0)
    return Math.round(explicit * 60_000);
  const start = parseIsoMs(incident.created);
  const end = parseIsoMs(incident.resolved);
  if (Number.isNaN(start) || Number.isNaN(end)) return null;
  return Math.max(0, end - start);
}

// DESIGN "Data conventions — Incident duration / time to restore": created → resolved, unless the postmortem gives start/end.
export function timeToRestoreMinutes(incident: RestoreFields): number | null {
  const ms = timeToRestoreMs(incident);
  return ms === null ? null : ms / 60_000;
}
