import { tz } from '@date-fns/tz';
import { addDays, isValid, parse } from 'date-fns';
import type { PostmortemDocument } from './postmortem-document';

export interface IncidentWindow {
  start: Date;
  end: Date;
  minutes: number;
}

const ZONE_ALIASES: Record<string, string> = { UTC: 'UTC', GMT: 'UTC', Z: 'UTC' };

function zoneOf(label: string | null): string | null {
  if (label === null) return 'UTC';
  const zone = ZONE_ALIASES[label.toUpperCase()] ?? label;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    // A zone label the runtime does not know: better no window than one shifted by hours.
    return null;
  }
}

function instant(value: string, day: string | null, zone: string): Date | null {
  const trimmed = value.trim();
  const full = /^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}$/.test(trimmed) ? trimmed.replace('T', ' ') : null;
  const text = full ?? (day !== null && /^\d{1,2}:\d{2}$/.test(trimmed) ? `${day} ${trimmed}` : null);
  if (text === null) return null;
  const parsed = parse(text, 'yyyy-MM-dd H:mm', new Date(0), { in: tz(zone) });
  return isValid(parsed) ? new Date(parsed.getTime()) : null;
}

/**
 * The incident's start and end as instants, from the header's Duration line (DESIGN: "unless the
 * postmortem gives an explicit start/end"); null when the header does not pin them down.
 */
export function incidentWindow(doc: PostmortemDocument): IncidentWindow | null {
  const h = doc.header;
  if (h.startTime === null || h.endTime === null) return null;
  const zone = zoneOf(h.timeZone);
  if (zone === null) return null;
  const start = instant(h.startTime, h.date, zone);
  if (start === null) return null;
  const startDay = /^\d{4}-\d{2}-\d{2}/.exec(h.startTime.trim())?.[0] ?? h.date;
  let end = instant(h.endTime, startDay, zone);
  if (end === null) return null;
  // "23:40 – 00:25" crosses midnight: a clock-only end before the start is on the next day.
  if (end < start && /^\d{1,2}:\d{2}$/.test(h.endTime.trim())) end = new Date(addDays(end, 1).getTime());
  if (end < start) return null;
  return { start, end, minutes: Math.round((end.getTime() - start.getTime()) / 60_000) };
}
