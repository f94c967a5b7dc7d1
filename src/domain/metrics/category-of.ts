import type { IncidentRecord } from './metric-records';

export const UNCATEGORIZED = 'Uncategorized';

// DESIGN.md "Data conventions — Category": postmortem category, else first component, else Uncategorized.
export function categoryOf(incident: Pick<IncidentRecord, 'postmortem' | 'components'>): string {
  const fromPostmortem = incident.postmortem?.category?.trim();
  if (fromPostmortem) return fromPostmortem;
  const component = incident.components[0]?.trim();
  return component ? component : UNCATEGORIZED;
}
