// Issue 15 "Timeline from Jira": rows proposed from the incident's own history, for the writer to pick.
// Reference "Step 2: Use the Postmortem Template", Timeline: `| Time (UTC) | Event |`, one line per event.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { incidentWindow, type PostmortemDocument, type TimelineRow } from '../postmortem';
import { parseIsoMs } from '../trends/parse-iso-ms';

/** One change of one field, as a changelog item carries it (display strings). */
export interface HistoryChange {
  field: string;
  fromString: string | null;
  toString: string | null;
}

/** What Jira holds about the incident, already read and checked; times are Jira's ISO timestamps. */
export interface IncidentHistory {
  issueKey: string;
  created: string;
  /** Jira's resolution time; null while the incident is open. */
  resolved: string | null;
  reporterName: string | null;
  changes: ReadonlyArray<{
    id: string;
    at: string;
    authorName: string | null;
    items: readonly HistoryChange[];
  }>;
  comments: ReadonlyArray<{ id: string; at: string; authorName: string | null; firstLine: string }>;
  linkedIssues: ReadonlyArray<{ key: string; summary: string; created: string }>;
}

export type ProposalSource = 'created' | 'status' | 'priority' | 'assignee' | 'comment' | 'link';

export interface TimelineProposal {
  /** Stable across calls (derived from the Jira record), so a selection survives a reload. */
  id: string;
  source: ProposalSource;
  /** The instant, ISO 8601 UTC. */
  at: string;
  /** As the timeline writes it, in the document's zone: `14:23`, or `2025-03-16 09:05` off the incident's day. */
  time: string;
  event: string;
}

export interface TimelineProposals {
  proposals: TimelineProposal[];
  /** The zone the times are in (the document's, or UTC when the document names none Jira's clock knows). */
  timeZone: string;
  /** The document's zone label when it could not be used (`Zurich time` names none), so the UI can say so. */
  unknownZoneLabel: string | null;
}

// The longest event a proposal carries; a comment's first line can be a whole paragraph.
export const PROPOSED_EVENT_LIMIT = 200;
const ZONE_ALIASES: Record<string, string> = { UTC: 'UTC', GMT: 'UTC', Z: 'UTC' };

function resolveZone(label: string | null): { zone: string; unknown: string | null } {
  if (label === null || label.trim() === '') return { zone: 'UTC', unknown: null };
  const zone = ZONE_ALIASES[label.trim().toUpperCase()] ?? label.trim();
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return { zone, unknown: null };
  } catch {
    return { zone: 'UTC', unknown: label };
  }
}

function clip(text: string): string {
  const points = Array.from(text.replace(/\s+/g, ' ').trim());
  return points.length <= PROPOSED_EVENT_LIMIT
    ? points.join('')
    : `${points.slice(0, PROPOSED_EVENT_LIMIT - 1).join('')}…`;
}

const by = (name: string | null) => (name ? ` (${name})` : '');

function changeEvent(
  change: HistoryChange,
  authorName: string | null,
): { source: ProposalSource; event: string } | null {
  const field = change.field.toLowerCase();
  const from = change.fromString?.trim() || null;
  const to = change.toString?.trim() || null;
  if (field === 'status' && to)
    return {
      source: 'status',
      event: `Status changed ${from ? `from ${from} ` : ''}to ${to}${by(authorName)}`,
    };
  if (field === 'priority' && to)
    return {
      source: 'priority',
      event: `Priority changed ${from ? `from ${from} ` : ''}to ${to}${by(authorName)}`,
    };
  if (field === 'assignee')
    return {
      source: 'assignee',
      event: to ? `Assigned to ${to}${by(authorName)}` : `Unassigned${by(authorName)}`,
    };
  return null;
}

/**
 * The incident window: the document's Duration line when it pins one down, else Jira's creation to
 * resolution (or to now while the incident is open) — DESIGN "Incident duration".
 */
function proposalWindow(
  doc: PostmortemDocument,
  history: IncidentHistory,
  now: Date,
): { start: Date; end: Date } {
  const fromDocument = incidentWindow(doc);
  if (fromDocument) return fromDocument;
  const resolved = history.resolved === null ? Number.NaN : parseIsoMs(history.resolved);
  return {
    start: new Date(parseIsoMs(history.created)),
    end: Number.isFinite(resolved) ? new Date(resolved) : now,
  };
}

/** Lower case, one space, no punctuation: `14:23 Error rate drops.` and `14:23 error rate drops` are one event. */
export function normalizedEvent(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** `HH:mm` (with the day when it has one) of a time cell as the timeline writes it; null when unreadable. */
function minuteOf(time: string, documentDay: string | null): string | null {
  const match = /^(?:(\d{4}-\d{2}-\d{2})[ T])?(\d{1,2}):(\d{2})(?::\d{2})?\s*(?:UTC|Z)?$/i.exec(time.trim());
  if (!match) return null;
  const day = match[1] ?? documentDay ?? '';
  return `${day} ${(match[2] ?? '').padStart(2, '0')}:${match[3] ?? ''}`;
}

/**
 * Rows proposed from the incident's history, oldest first: creation, status/priority/assignee changes,
 * each comment's first line, linked issues created inside the incident window. A proposal the timeline
 * already has — same minute and same event text, normalised — is left out.
 */
export function proposeTimelineRows(
  doc: PostmortemDocument,
  history: IncidentHistory,
  now: Date,
): TimelineProposals {
  const window = proposalWindow(doc, history, now);
  const { zone, unknown } = resolveZone(doc.header.timeZone);
  const documentDay = doc.header.date;
  const candidates: Array<Omit<TimelineProposal, 'time' | 'at'> & { ms: number }> = [];
  const add = (id: string, source: ProposalSource, at: string, event: string) => {
    const ms = parseIsoMs(at);
    if (Number.isFinite(ms) && event.trim() !== '') candidates.push({ id, source, ms, event: clip(event) });
  };

  add(
    `created:${history.issueKey}`,
    'created',
    history.created,
    `Incident ${history.issueKey} created${by(history.reporterName)}`,
  );
  history.changes.forEach((change) =>
    change.items.forEach((item, itemIndex) => {
      const described = changeEvent(item, change.authorName);
      if (described) add(`change:${change.id}:${itemIndex}`, described.source, change.at, described.event);
    }),
  );
  for (const comment of history.comments)
    add(
      `comment:${comment.id}`,
      'comment',
      comment.at,
      `${comment.authorName ? `${comment.authorName}: ` : ''}${comment.firstLine}`,
    );
  for (const linked of history.linkedIssues) {
    const ms = parseIsoMs(linked.created);
    const inWindow = ms >= window.start.getTime() && ms <= window.end.getTime();
    if (inWindow)
      add(`link:${linked.key}`, 'link', linked.created, `${linked.key} created: ${linked.summary}`);
  }

  const existing = new Set(
    doc.timeline.flatMap((row: TimelineRow) => {
      const minute = minuteOf(row.time, documentDay);
      return minute === null ? [] : [`${minute}|${normalizedEvent(row.event)}`];
    }),
  );
  const proposals = candidates
    .sort((a, b) => a.ms - b.ms)
    .map((candidate): TimelineProposal => {
      const local = new TZDate(candidate.ms, zone);
      const day = format(local, 'yyyy-MM-dd');
      const clock = format(local, 'HH:mm');
      return {
        id: candidate.id,
        source: candidate.source,
        at: new Date(candidate.ms).toISOString(),
        time: day === documentDay ? clock : `${day} ${clock}`,
        event: candidate.event,
      };
    })
    .filter((proposal) => {
      const minute = minuteOf(proposal.time, documentDay);
      return !existing.has(`${minute ?? ''}|${normalizedEvent(proposal.event)}`);
    });
  return { proposals, timeZone: zone, unknownZoneLabel: unknown };
}

/**
 * The timeline with the chosen proposals among its rows in time order: each goes after the last row at or
 * before its minute, else before the first row after it. Rows whose time cannot be read keep their place
 * and place nothing. `newId` mints each new row's id, so the caller keeps its own id scheme.
 */
export function mergeProposals(
  timeline: readonly TimelineRow[],
  chosen: readonly TimelineProposal[],
  documentDay: string | null,
  newId: (rows: readonly TimelineRow[]) => string,
): TimelineRow[] {
  const rows = [...timeline];
  const oldestFirst = [...chosen].sort((a, b) => parseIsoMs(a.at) - parseIsoMs(b.at));
  for (const proposal of oldestFirst) {
    const minute = minuteOf(proposal.time, documentDay);
    let lastAtOrBefore = -1;
    let firstAfter = -1;
    rows.forEach((row, index) => {
      const rowMinute = minuteOf(row.time, documentDay);
      if (rowMinute === null || minute === null) return;
      if (rowMinute <= minute) lastAtOrBefore = index;
      else if (firstAfter === -1) firstAfter = index;
    });
    const at = lastAtOrBefore >= 0 ? lastAtOrBefore + 1 : firstAfter >= 0 ? firstAfter : rows.length;
    rows.splice(at, 0, { id: newId(rows), time: proposal.time, event: proposal.event });
  }
  return rows;
}
