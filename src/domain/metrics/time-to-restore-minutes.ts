import type { IncidentRecord } from './metric-records';
import { isoMs } from './zone-clock';

// DESIGN.md "Data conventions — time to restore": created → resolved unless the postmortem's Duration overrides.
export function timeToRestoreMinutes(
  incident: Pick<IncidentRecord, 'created' | 'resolved' | 'durationOverrideMinutes'>,
): number | null {
  if (incident.resolved === null) return null;
  if (incident.durationOverrideMinutes !== null) return incident.durationOverrideMinutes;
  const ms = isoMs(incident.resolved) - isoMs(incident.created);
  // A resolution before creation is bad data, not a negative outage.
  return Number.isFinite(ms) && ms >= 0 ? ms / 60_000 : null;
}
