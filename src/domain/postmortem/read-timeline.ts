import { append, atxHeading, closesFence, fenceOpening, isBlank, LIST_ITEM } from './markdown-blocks';
import { readTables, splitTableRow, type Table } from './markdown-table';
import type { TimelineRow } from './postmortem-document';
import { isZoneStatement, readTimePrefix, statedZone } from './timeline-time';

// A timeline from a section's lines, in every layout the corpus uses: a `Time | Event` table, bullets
// (`- 2:54 PM PST: …`), one heading per timestamp (`### 2018-01-18 4:19`, then `### 4:27`), bare paragraphs
// (`5:10 AM` and the event below), and day headings between rows (`## May 12`).

export interface TimelineRead {
  rows: TimelineRow[];
  /** The zone the section states or its rows carry (`PST`, `UTC+2`), or null. */
  zone: string | null;
  /** Where the zone came from, for the import report. */
  zoneSource: string | null;
  /** Day headings, column headers and zone statements read as structure. */
  mapped: string[];
  /** Column headers that qualify the time column and are not a zone: kept as a note. */
  notes: string[];
  leftover: string[];
}

interface DraftRow {
  date: string | null;
  clock: string | null;
  zone: string | null;
  /** The time as written, for rows whose time was not read (placeholders such as `HH:mm`). */
  written: string;
  /** The event's first line, and the lines that continue it (null until one does: most rows are one line). */
  event: string;
  more: string[] | null;
  /** Rows from a heading own every line up to the next heading; list rows only their indented lines. */
  fromHeading: boolean;
  /** The row's date, or the day heading or earlier row it falls under; set when the row is added. */
  day: string | null;
}

/** Every row has the same fields from the start: one object shape, however many rows a timeline has. */
function draftRow(
  time: { date: string | null; clock: string | null; zone: string | null } | null,
  written: string,
  event: string,
  fromHeading: boolean,
): DraftRow {
  return {
    date: time?.date ?? null,
    clock: time?.clock ?? null,
    zone: time?.zone ?? null,
    written,
    event,
    more: null,
    fromHeading,
    day: null,
  };
}

function isEmptyRow(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell !== '') return false;
  return true;
}

const WEEKDAY_ONLY = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/i;

function timelineColumn(header: string): 'time' | 'event' | null {
  const h = header.toLowerCase();
  if (/^(time|date|when|timestamp|date\/time|datetime)\b/.test(h)) return 'time';
  if (/^(event|events|description|what|action|details)\b/.test(h)) return 'event';
  return null;
}

function tableRows(
  table: Table,
  zoneHint: string | null,
): { rows: DraftRow[]; notes: string[]; mapped: string[]; zone: string | null } {
  const columns = table.header.map(timelineColumn);
  const timeColumn = columns.indexOf('time');
  const eventColumn = columns.indexOf('event');
  // Without a separator row the first row is still a header when it names the columns.
  const hasHeader = table.hasSeparator || timeColumn !== -1 || eventColumn !== -1;
  const mapped: string[] = [];
  const notes: string[] = [];
  let zone: string | null = null;
  if (hasHeader) {
    append(mapped, table.header.filter(Boolean));
    const timeHeader = table.header[timeColumn] ?? '';
    zone = timeColumn === -1 ? null : statedZone(timeHeader);
    // "Date and time (approximate)" says how to read every row; keep it where people will see it.
    if (timeColumn !== -1 && zone === null && !/^(time|date|when)(\s*\([^)]*\))?$/i.test(timeHeader))
      notes.push(`Timeline time column: ${timeHeader}`);
  }
  const t = timeColumn === -1 ? 0 : timeColumn;
  const e = eventColumn === -1 ? (t === 0 ? 1 : 0) : eventColumn;
  const rows: DraftRow[] = [];
  const readRow = (cells: readonly string[]): void => {
    if (isEmptyRow(cells)) return;
    const event = cells.length <= 2 ? (cells[e] ?? '') : eventWithOtherColumns(cells, t, e, table);
    const written = cells[t] ?? '';
    const time = readTimePrefix(written);
    rows.push(draftRow(time !== null && time.rest === '' ? time : null, written, event, false));
  };
  if (!hasHeader) readRow(table.header);
  for (const line of table.rowLines) readRow(splitTableRow(line));
  return { rows, notes, mapped, zone: zone ?? zoneHint };
}

/** Columns other than time and event stay readable in the event: `[Owner: Alex]`. */
function eventWithOtherColumns(cells: readonly string[], t: number, e: number, table: Table): string {
  const parts = [cells[e] ?? ''];
  cells.forEach((cell, c) => {
    if (c === t || c === e || cell === '') return;
    parts.push(`[${table.hasSeparator && table.header[c] ? `${table.header[c]}: ${cell}` : cell}]`);
  });
  return parts.filter(Boolean).join(' ');
}

const EVENT_LABEL = /^([A-Za-z][A-Za-z ]{0,40}?):?\s+(?=\d)/;

/** `First detected: 2023-07-25 14:05` or `Resolved 2020-02-12 12:07`: an event named first, its time last. */
function labelledRow(text: string): DraftRow | null {
  const label = EVENT_LABEL.exec(text);
  if (label === null) return null;
  const time = readTimePrefix(text.slice(label[0].length));
  if (time === null || time.rest.trim() !== '' || (time.clock === null && time.date === null)) return null;
  return draftRow(time, '', label[1] ?? '', false);
}

function rowFrom(text: string, fromHeading: boolean): DraftRow | null {
  const time = readTimePrefix(text);
  if (time === null || (time.clock === null && time.date === null)) return null;
  return draftRow(time, '', time.rest, fromHeading);
}

/** The time as written (zone included); a date carried from a day heading or an earlier row goes first. */
function rowTime(row: DraftRow, date: string | null): string {
  if (row.clock === null && row.date === null) return row.written;
  let time = date ?? '';
  if (row.clock !== null) time = time === '' ? row.clock : `${time} ${row.clock}`;
  if (row.zone !== null) time = time === '' ? row.zone : `${time} ${row.zone}`;
  return time;
}

function continueRow(row: DraftRow, line: string): void {
  if (row.more === null) row.more = [line];
  else row.more.push(line);
}

function eventText(row: DraftRow): string {
  // Most rows are one line (every table row is): no copies for them.
  if (row.more === null) return row.event.trim();
  const kept: string[] = [];
  for (const line of [row.event, ...row.more]) {
    if (isBlank(line) && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    kept.push(isBlank(line) ? '' : line.trimEnd());
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.join('\n').trim();
}

/**
 * Row ids `tl-1`, `tl-2`… in document order, minted as each timeline's rows are read: numbering them
 * afterwards copied every row of a 1 MB timeline once more.
 */
export function timelineRowIds(): () => string {
  let count = 0;
  return () => {
    count += 1;
    return `tl-${count}`;
  };
}

/**
 * The rows of a timeline section; `heading` is the section's heading text (it may name the zone). Rows take
 * their ids from `rowId` in order, so the caller keeps them in the order read.
 */
export function readTimeline(lines: readonly string[], heading: string, rowId: () => string): TimelineRead {
  const rows: DraftRow[] = [];
  const leftover: string[] = [];
  const mapped: string[] = [];
  const notes: string[] = [];
  let zone = statedZone(heading);
  let zoneSource = zone === null ? null : `the heading "${heading.trim()}"`;
  let day: string | null = null;
  let current: DraftRow | null = null;
  let afterBlank = false;
  let fence: string | null = null;
  const days = new Set<string>();
  const start = (row: DraftRow): void => {
    if (row.date !== null) day = row.date;
    row.day = row.date ?? day;
    if (row.day !== null) days.add(row.day);
    rows.push(row);
    current = row;
  };
  for (const part of readTables(lines)) {
    if (part.table !== null) {
      const read = tableRows(part.table, null);
      if (read.rows.length === 0 && part.table.hasSeparator && read.mapped.length === 0) {
        append(leftover, part.lines);
        continue;
      }
      if (!part.table.header.map(timelineColumn).some((c) => c !== null) && part.table.hasSeparator) {
        append(leftover, part.lines);
        continue;
      }
      append(mapped, read.mapped);
      append(notes, read.notes);
      if (zone === null && read.zone !== null) {
        zone = read.zone;
        zoneSource = 'the time column header';
      }
      for (const row of read.rows) start(row);
      current = null;
      continue;
    }
    for (const line of part.lines) {
      if (fence !== null) {
        if (closesFence(line, fence)) fence = null;
        if (current !== null) continueRow(current, line);
        else leftover.push(line);
        continue;
      }
      const opening = fenceOpening(line);
      if (opening !== null) {
        fence = opening.marker;
        if (current !== null) continueRow(current, line);
        else leftover.push(line);
        continue;
      }
      if (isBlank(line)) {
        afterBlank = true;
        if (current !== null) continueRow(current, '');
        continue;
      }
      const heading = atxHeading(line);
      if (heading !== null) {
        afterBlank = false;
        const row = rowFrom(heading.text, true);
        if (row !== null && row.clock === null && (row.event === '' || WEEKDAY_ONLY.test(row.event))) {
          // A day heading: the date of the rows below it.
          day = row.date;
          mapped.push(heading.text);
          current = null;
          continue;
        }
        if (row !== null) {
          start(row);
          continue;
        }
        current = null;
        leftover.push(line);
        continue;
      }
      if (zone === null && isZoneStatement(line)) {
        zone = statedZone(line);
        zoneSource = `"${line.trim()}"`;
        mapped.push(line.trim());
        continue;
      }
      const item = LIST_ITEM.exec(line);
      const topLevel = item !== null && (item[1] ?? '').length < 2;
      const active = current as DraftRow | null;
      if (topLevel && !(active?.fromHeading ?? false)) {
        afterBlank = false;
        const text = item[3] ?? '';
        const row = rowFrom(text, false) ?? labelledRow(text);
        // An item without a time is still an event of the timeline (its time left for the team to fill).
        start(row ?? draftRow(null, '', text, false));
        continue;
      }
      if (active !== null && (active.fromHeading || /^\s/.test(line) || !afterBlank)) {
        // Inside a heading's body a line may itself start with a time ("5:10 AM" paragraphs); it stays text.
        continueRow(active, line);
        afterBlank = false;
        continue;
      }
      afterBlank = false;
      const row = rowFrom(line.trim(), false);
      if (row !== null) {
        start(row);
        continue;
      }
      if (active !== null) {
        // A paragraph after a row tells more of that event (blog-style timelines interleave prose).
        continueRow(active, line);
        continue;
      }
      leftover.push(line);
    }
  }
  const zoned = zone === null ? rows.find((row) => row.zone !== null) : undefined;
  if (zoned !== undefined) {
    zone = zoned.zone;
    zoneSource = 'the rows';
  }
  // Multi-day timelines keep each row's date, so 23:28 followed by 18:00 still reads in order.
  const multiDay = days.size > 1;
  return {
    rows: rows.map((row) => ({
      id: rowId(),
      time: rowTime(row, row.date ?? (multiDay && row.clock !== null ? row.day : null)),
      event: eventText(row),
    })),
    zone,
    zoneSource,
    mapped,
    notes,
    leftover,
  };
}
