import { atxHeading, closesFence, fenceOpening, isThematicBreak } from './markdown-blocks';
import { isTableLine, isTableSeparator, splitTableRow } from './markdown-table';
import {
  emptyPostmortem,
  isIsoDay,
  normalizeSeverity,
  type ActionItem,
  type ActionItemOwner,
  type PostmortemDocument,
  type PostmortemStatus,
} from './postmortem-document';
import { STATUS_LABELS } from './render-markdown';
import { sectionKind, type SectionKind } from './section-kind';

export interface ParseResult {
  document: PostmortemDocument;
  /** Headings and header fields that were mapped onto the template, as written in the source. */
  mapped: string[];
  /** Headings (or "(preamble)") whose content was kept verbatim under Other notes. */
  unmapped: string[];
}

interface Section {
  headingLine: string | null;
  headingText: string;
  level: number;
  lines: string[];
}

const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** A line such as `Action Items` or `**Action Items**` on its own, which some teams use instead of a heading. */
function pseudoHeading(line: string, previous: string | undefined): string | null {
  if (previous !== undefined && !isBlank(previous)) return null;
  const text = line.trim().replace(/^\*\*(.+)\*\*:?$/, '$1');
  if (text.length === 0 || text.length > 40 || /^[-*+|>#]/.test(text)) return null;
  return sectionKind(text, { fuzzy: false }) === null ? null : text;
}

function splitSections(text: string): Section[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const sections: Section[] = [{ headingLine: null, headingText: '', level: 0, lines: [] }];
  let fence: string | null = null;
  let current = sections[0] as Section;
  let swallowRest = false;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (swallowRest) {
      current.lines.push(line);
      continue;
    }
    if (fence !== null) {
      if (closesFence(line, fence)) fence = null;
      current.lines.push(line);
      continue;
    }
    const opening = fenceOpening(line);
    if (opening) {
      fence = opening.marker;
      current.lines.push(line);
      continue;
    }
    const heading = atxHeading(line);
    const pseudo = heading ? null : pseudoHeading(line, lines[i - 1]);
    if (heading || pseudo !== null) {
      const headingText = heading ? heading.text : (pseudo ?? '');
      current = {
        headingLine: line,
        headingText,
        level: heading ? heading.level : 2,
        lines: [],
      };
      sections.push(current);
      // Other notes hold arbitrary Markdown, headings included, to the end of the document.
      if (sectionKind(headingText, { fuzzy: false }) === 'otherNotes') swallowRest = true;
      continue;
    }
    current.lines.push(line);
  }
  return sections;
}

/** Drops blank lines and `---` breaks around a section body; they are layout, not content. */
function trimBody(lines: readonly string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && (isBlank(lines[start] ?? '') || isThematicBreak(lines[start] ?? ''))) start += 1;
  while (end > start && (isBlank(lines[end - 1] ?? '') || isThematicBreak(lines[end - 1] ?? ''))) end -= 1;
  return lines.slice(start, end);
}

class Collector {
  readonly doc: PostmortemDocument;
  readonly mapped: string[] = [];
  readonly unmapped: string[] = [];
  private readonly notes: string[] = [];
  private readonly impactParts: string[] = [];
  private readonly ids = actionItemIds();
  private titleTaken = false;
  private sawSection = false;

  constructor() {
    this.doc = emptyPostmortem({ incidentId: '' });
  }

  keep(section: Section, lines: readonly string[], withHeading = true): void {
    const body = trimBody(lines);
    if (body.length === 0) return;
    this.unmapped.push(section.headingText.trim() || '(preamble)');
    const heading = withHeading && section.headingLine !== null ? [section.headingLine] : [];
    this.notes.push([...heading, ...body].join('\n'));
  }

  keepWhole(section: Section): void {
    const body = trimBody(section.lines);
    if (section.headingLine === null && body.length === 0) return;
    this.unmapped.push(section.headingText.trim() || '(preamble)');
    this.notes.push([...(section.headingLine === null ? [] : [section.headingLine]), ...body].join('\n'));
  }

  add(section: Section): void {
    const kind = sectionKind(section.headingText);
    if (section.headingLine === null) {
      this.keep(section, this.headerFields(section.lines));
      return;
    }
    if (kind === null) {
      if (!this.titleTaken && !this.sawSection) {
        this.takeTitle(section);
        return;
      }
      this.keepWhole(section);
      return;
    }
    this.sawSection = true;
    this.mapped.push(section.headingText.trim());
    const leftover = this.section(kind, section.lines);
    this.keep(section, leftover);
  }

  private takeTitle(section: Section): void {
    const title = section.headingText
      .replace(/^\s*(?:post[- ]?mortem|incident|title)\s*[:–-]\s*/i, '')
      .trim();
    this.mapped.push(section.headingText.trim() || '(title)');
    if (title !== '') {
      this.doc.header.title = title;
      this.titleTaken = true;
    }
    this.keep(section, this.headerFields(section.lines), title === '');
  }

  private section(kind: SectionKind, lines: readonly string[]): string[] {
    const body = trimBody(lines);
    switch (kind) {
      case 'impact':
        return this.impact(body);
      case 'timeline':
        return this.timeline(body);
      case 'rootCause':
        this.rootCause(body);
        return [];
      case 'contributing':
        this.doc.contributingFactors.push(...listItems(body));
        return [];
      case 'whatWorkedWell':
        this.doc.whatWorkedWell.push(...listItems(body));
        return [];
      case 'lessons':
        this.doc.lessonsLearned.push(...listItems(body));
        return [];
      case 'actionItems':
        return this.actionItems(body);
      case 'blameless':
        this.doc.blamelessNotes = joinText(this.doc.blamelessNotes, body.join('\n'));
        return [];
      case 'otherNotes':
        if (body.length > 0) this.notes.push(body.join('\n'));
        return [];
      case 'metadata':
        return this.headerFields(body);
    }
  }

  /** `**Key:** value`, `- Key: value`, `Key: value` and two-column table rows naming a header field. */
  private headerFields(lines: readonly string[]): string[] {
    const leftover: string[] = [];
    for (const line of lines) {
      const pair = keyValue(line);
      if (pair === null || !this.headerField(pair[0], pair[1])) leftover.push(line);
    }
    return leftover;
  }

  private headerField(rawKey: string, rawValue: string): boolean {
    const key = rawKey.toLowerCase().replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
    const value = rawValue.trim();
    const h = this.doc.header;
    const take = (label: string): true => {
      this.mapped.push(label);
      return true;
    };
    // The template writes every header label, empty ones included (`**Date:**`); those carry nothing.
    if (value === '' && HEADER_KEYS.has(key)) return true;
    switch (key) {
      case 'incident id':
      case 'incident':
      case 'id':
        if (value === '' || h.incidentId !== '') return false;
        h.incidentId = value;
        return take(rawKey);
      case 'date': {
        if (!isIsoDay(value) || h.date !== null) return false;
        h.date = value;
        return take(rawKey);
      }
      case 'severity':
      case 'sev': {
        const severity = normalizeSeverity(value);
        if (severity === null) return false;
        h.severity = severity;
        if (severity !== value) this.notes.push(`${rawKey.trim()}: ${value}`);
        return take(rawKey);
      }
      case 'duration':
        return this.duration(value) ? take(rawKey) : false;
      case 'written by':
      case 'author':
      case 'authors':
      case 'owner':
        if (value.startsWith('<') || h.writtenBy !== null) return false;
        h.writtenBy = value;
        return take(rawKey);
      case 'reviewed by':
      case 'reviewers':
        h.reviewedBy = value
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean);
        return take(rawKey);
      case 'status': {
        const status = parseStatus(value);
        if (status === null) return false;
        h.status = status;
        // "published" becomes FINAL; the team's own word is kept so nothing they wrote disappears.
        if (STATUS_LABELS[status] !== value) this.notes.push(`${rawKey.trim()}: ${value}`);
        return take(rawKey);
      }
      case 'category':
        if (value === '' || h.category !== null) return false;
        h.category = value;
        return take(rawKey);
      case 'finalized at': {
        if (Number.isNaN(Date.parse(value)) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return false;
        h.finalizedAt = value;
        return take(rawKey);
      }
      default:
        return false;
    }
  }

  private duration(value: string): boolean {
    if (value === '') return true;
    const match = /^(?:(\d+)\s*min(?:ute)?s?)?\s*(?:\((.*)\))?$/i.exec(value);
    if (!match || (match[1] === undefined && match[2] === undefined)) return false;
    const h = this.doc.header;
    let start: string | null = null;
    let end: string | null = null;
    let zone: string | null = null;
    if (match[2] !== undefined) {
      const range = /^(.+?)\s+[–-]\s+(.+?)(?:\s+([A-Za-z][\w/+:-]*))?$/.exec(match[2].trim());
      if (range) {
        start = range[1] === '?' ? null : (range[1] ?? null);
        end = range[2] === '?' ? null : (range[2] ?? null);
        zone = range[3] ?? null;
      } else if (/^[A-Za-z][\w/+:-]*$/.test(match[2].trim())) {
        zone = match[2].trim();
      } else {
        return false;
      }
    }
    h.durationMinutes = match[1] === undefined ? null : Number(match[1]);
    h.startTime = start;
    h.endTime = end;
    h.timeZone = zone;
    return true;
  }

  private impact(body: string[]): string[] {
    const text: string[] = [];
    const i = this.doc.impact;
    for (const line of body) {
      const match = /^\s*[-*+]\s+\*\*(.+?):\*\*\s*(.*)$/.exec(line);
      const key = match?.[1]?.toLowerCase();
      const value = match?.[2]?.trim() ?? '';
      if (key === 'users affected' && i.usersAffected === null && value) i.usersAffected = value;
      else if (
        (key === 'transactions failed' || key === 'failed transactions') &&
        i.failedTransactions === null &&
        value
      )
        i.failedTransactions = value;
      else if (key === 'revenue impact' && i.revenueImpact === null && value) i.revenueImpact = value;
      else if (key === 'slo impact' && i.sloImpact === null && value) i.sloImpact = value;
      else text.push(line);
    }
    const joined = trimBody(text).join('\n');
    if (joined !== '') this.impactParts.push(joined);
    return [];
  }

  private timeline(body: string[]): string[] {
    const leftover: string[] = [];
    const rows = this.doc.timeline;
    let inBullet = false;
    for (let index = 0; index < body.length; index += 1) {
      const line = body[index] as string;
      if (isTableLine(line)) {
        const end = tableEnd(body, index);
        const table = parseTable(body.slice(index, end));
        const columns = table.header.map(timelineColumn);
        const timeColumn = columns.indexOf('time');
        const eventColumn = columns.indexOf('event');
        if (timeColumn === -1 && eventColumn === -1 && table.hasSeparator) {
          leftover.push(...body.slice(index, end));
        } else {
          // Without a separator row the first row is still a header when it names the columns.
          const hasHeader = table.hasSeparator || timeColumn !== -1 || eventColumn !== -1;
          const rowsToRead = hasHeader ? table.rows : [table.header, ...table.rows];
          if (hasHeader) {
            this.mapped.push(...table.header.filter(Boolean));
            const timeHeader = table.header[timeColumn] ?? '';
            // "Date and time in CET" says how to read every row; keep it where people will see it.
            if (timeColumn !== -1 && !/^(time|date|when)(\s*\([^)]*\))?$/i.test(timeHeader)) {
              this.notes.push(`Timeline time column: ${timeHeader}`);
            }
          }
          const t = timeColumn === -1 ? 0 : timeColumn;
          const e = eventColumn === -1 ? (t === 0 ? 1 : 0) : eventColumn;
          for (const cells of rowsToRead) {
            if (cells.every((cell) => cell === '')) continue;
            const extras = cells
              .map((cell, c) => ({ cell, c }))
              .filter(({ cell, c }) => c !== t && c !== e && cell !== '')
              .map(({ cell, c }) =>
                table.hasSeparator && table.header[c] ? `${table.header[c]}: ${cell}` : cell,
              );
            const event = [cells[e] ?? '', ...extras.map((x) => `[${x}]`)].filter(Boolean).join(' ');
            rows.push({ id: `tl-${rows.length + 1}`, time: cells[t] ?? '', event });
          }
        }
        inBullet = false;
        index = end - 1;
        continue;
      }
      const item = LIST_ITEM.exec(line);
      if (item && (item[1] ?? '').length < 2) {
        const content = item[3] ?? '';
        const timed =
          /^\**((?:\d{4}-\d{2}-\d{2}[ T])?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:UTC|Z))?|\d{4}-\d{2}-\d{2})\**\s*(?:[-–—:|]\s*)?(.*)$/.exec(
            content,
          );
        rows.push({
          id: `tl-${rows.length + 1}`,
          time: timed?.[1] ?? '',
          event: timed ? (timed[2] ?? '') : content,
        });
        inBullet = true;
        continue;
      }
      const last = rows[rows.length - 1];
      if (inBullet && last !== undefined && (/^\s/.test(line) || isBlank(line))) {
        if (!isBlank(line)) last.event = `${last.event}\n${line}`;
        continue;
      }
      inBullet = false;
      leftover.push(line);
    }
    return leftover;
  }

  private rootCause(body: string[]): void {
    const text: string[] = [];
    for (const line of body) {
      const match = /^\*\*Root Cause:\*\*\s*(.*)$/i.exec(line);
      if (match && this.doc.rootCause.summary === null && (match[1] ?? '').trim() !== '') {
        this.doc.rootCause.summary = (match[1] ?? '').trim();
      } else {
        text.push(line);
      }
    }
    this.doc.rootCause.text = joinText(this.doc.rootCause.text, trimBody(text).join('\n'));
  }

  private actionItems(body: string[]): string[] {
    const items = this.doc.actionItems;
    const tableRows: string[] = [];
    const leftover: string[] = [];
    let foundTable = false;
    for (let index = 0; index < body.length; index += 1) {
      if (!isTableLine(body[index] as string)) continue;
      const end = tableEnd(body, index);
      const table = parseTable(body.slice(index, end));
      const columns = table.header.map(actionColumn);
      if (table.hasSeparator && columns.includes('action')) {
        foundTable = true;
        this.mapped.push(...table.header.filter(Boolean));
        for (const cells of table.rows) {
          if (cells.some((cell) => cell !== ''))
            items.push(actionFromCells(cells, table.header, columns, this.ids));
        }
        tableRows.push(...body.slice(index, end));
      }
      index = end - 1;
    }
    if (foundTable) {
      const consumed = new Set(tableRows);
      for (const line of body) if (!consumed.has(line)) leftover.push(line);
      return leftover;
    }
    let current: ActionItem | null = null;
    for (const line of body) {
      const item = LIST_ITEM.exec(line);
      if (item) {
        const action = (item[3] ?? '').replace(/^\[[ xX]?\]\s*/, '');
        if (action.trim() === '') {
          current = null;
          continue;
        }
        current = {
          id: this.ids.mint(),
          action,
          owner: null,
          dueDate: null,
          externalRef: null,
          createdIssueKey: null,
        };
        items.push(current);
        continue;
      }
      if (current !== null && !isBlank(line) && /^\s/.test(line)) {
        current.action = `${current.action}\n${line}`;
        continue;
      }
      current = null;
      leftover.push(line);
    }
    return leftover;
  }

  finish(): ParseResult {
    this.doc.impact.text = this.impactParts.join('\n\n');
    this.doc.otherNotes = this.notes.join('\n\n');
    return { document: this.doc, mapped: this.mapped, unmapped: this.unmapped };
  }
}

interface ActionItemIds {
  taken(id: string): boolean;
  take(id: string): string;
  mint(): string;
}

/**
 * Ids `ai-<n>` above every id seen so far, as `nextActionItemId` gives, but in constant time per item:
 * rescanning the list for each new item made 20,000 action items take 15–29 s (issue 18).
 */
function actionItemIds(): ActionItemIds {
  const seen = new Set<string>();
  let highest = 0;
  const take = (id: string): string => {
    seen.add(id);
    const match = /^ai-(\d{1,15})$/.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
    return id;
  };
  return { taken: (id) => seen.has(id), take, mint: () => take(`ai-${highest + 1}`) };
}

const HEADER_KEYS = new Set([
  'incident id',
  'date',
  'severity',
  'duration',
  'written by',
  'reviewed by',
  'status',
  'category',
  'finalized at',
]);

function joinText(existing: string, addition: string): string {
  if (addition === '') return existing;
  return existing === '' ? addition : `${existing}\n\n${addition}`;
}

function keyValue(line: string): [string, string] | null {
  const bold =
    /^\s*(?:[-*+]\s+)?\*\*(.+?):\*\*\s?(.*)$/.exec(line) ??
    /^\s*(?:[-*+]\s+)?\*\*(.+?)\*\*:\s?(.*)$/.exec(line);
  if (bold) return [bold[1] ?? '', bold[2] ?? ''];
  const plain = /^\s*(?:[-*+]\s+)?([A-Za-z][A-Za-z ]{0,30}):\s+(.*)$/.exec(line);
  if (plain) return [plain[1] ?? '', plain[2] ?? ''];
  if (isTableLine(line) && !isTableSeparator(line)) {
    const cells = splitTableRow(line);
    if (cells.length === 2 && cells[0] !== '') return [cells[0] ?? '', cells[1] ?? ''];
  }
  return null;
}

function parseStatus(value: string): PostmortemStatus | null {
  const v = value.toLowerCase();
  if (/^(final|finali[sz]ed|published|complete|completed|done)$/.test(v)) return 'FINAL';
  if (/^in[ _-]?review$|^review$/.test(v)) return 'IN_REVIEW';
  if (v === 'draft') return 'DRAFT';
  return null;
}

/** One item per top-level list entry; wrapped lines, nested lists and loose paragraphs stay with their item. */
function listItems(body: readonly string[]): string[] {
  const items: string[][] = [];
  let afterBlank = false;
  for (const line of body) {
    if (isBlank(line)) {
      afterBlank = true;
      continue;
    }
    const item = LIST_ITEM.exec(line);
    const topLevel = item !== null && (item[1] ?? '').length < 2;
    const current = items[items.length - 1];
    if (current !== undefined && !topLevel && (!afterBlank || /^\s/.test(line))) {
      current.push(line.trimEnd());
      continue;
    }
    items.push([topLevel ? (item[3] ?? '').trimEnd() : line.trimEnd()]);
    afterBlank = false;
  }
  return items.map((lines) => lines.join('\n')).filter((text) => text.trim() !== '');
}

interface Table {
  header: string[];
  rows: string[][];
  hasSeparator: boolean;
}

function tableEnd(lines: readonly string[], start: number): number {
  let end = start;
  while (end < lines.length && isTableLine(lines[end] as string)) end += 1;
  return end;
}

function parseTable(lines: readonly string[]): Table {
  const hasSeparator = lines.length > 1 && isTableSeparator(lines[1] as string);
  const rows = lines.filter((line, index) => !(index === 1 && hasSeparator)).map(splitTableRow);
  return { header: rows[0] ?? [], rows: rows.slice(1), hasSeparator };
}

function timelineColumn(header: string): 'time' | 'event' | null {
  const h = header.toLowerCase();
  if (/^(time|date|when|timestamp|date\/time|datetime)\b/.test(h)) return 'time';
  if (/^(event|events|description|what|action|details)\b/.test(h)) return 'event';
  return null;
}

type ActionColumn = 'number' | 'action' | 'owner' | 'due' | 'ref' | 'created';

function actionColumn(header: string): ActionColumn | null {
  const h = header.toLowerCase().trim();
  if (/^(#|no\.?|nr\.?|id)$/.test(h)) return 'number';
  if (/^(action|action item|action items|item|task|description|what)$/.test(h)) return 'action';
  if (/^(owner|owners|assignee|who|responsible)$/.test(h)) return 'owner';
  if (/^(due|due date|deadline|when|eta|target date)$/.test(h)) return 'due';
  if (/^created issue$/.test(h)) return 'created';
  if (/^(jira|ticket|issue|bug|ref|reference|link|tracking|key)$/.test(h)) return 'ref';
  return null;
}

const PLACEHOLDER_OWNER = /^(tbd|tba|n\/?a|none|nobody|unassigned|-|–|\?+)$/i;

function parseOwner(cell: string): ActionItemOwner | null {
  if (cell === '') return null;
  const linked = /^\[([^\]]*)\]\(accountid:([^)\s]+)\)$/.exec(cell);
  if (linked)
    return linked[1]
      ? { accountId: linked[2] ?? '', displayName: linked[1] }
      : { accountId: linked[2] ?? '' };
  return { text: cell };
}

function actionFromCells(
  cells: readonly string[],
  header: readonly string[],
  columns: ReadonlyArray<ActionColumn | null>,
  ids: ActionItemIds,
): ActionItem {
  const cell = (column: ActionColumn): string => {
    const index = columns.indexOf(column);
    return index === -1 ? '' : (cells[index] ?? '');
  };
  const extras: string[] = [];
  // Columns the template has no field for (etcd's Type/Priority/Status) stay readable in the action text.
  cells.forEach((value, index) => {
    if ((columns[index] ?? null) === null && value !== '')
      extras.push(`${header[index] || 'Column ' + String(index + 1)}: ${value}`);
  });
  const due = cell('due');
  if (due !== '' && !isIsoDay(due)) extras.push(`Due: ${due}`);
  // "TBD" is not an owner: the row must still count as unassigned for the finalization rule.
  const ownerCell = PLACEHOLDER_OWNER.test(cell('owner')) ? '' : cell('owner');
  if (ownerCell === '' && cell('owner') !== '') extras.push(`Owner: ${cell('owner')}`);
  const number = cell('number');
  const wanted = /^\d+$/.test(number) ? `ai-${Number(number)}` : number;
  return {
    id: wanted !== '' && !ids.taken(wanted) ? ids.take(wanted) : ids.mint(),
    action: [cell('action'), ...(extras.length > 0 ? [`[${extras.join('; ')}]`] : [])]
      .filter(Boolean)
      .join(' '),
    owner: parseOwner(ownerCell),
    dueDate: isIsoDay(due) ? due : null,
    externalRef: cell('ref') || null,
    createdIssueKey: cell('created') || null,
  };
}

/**
 * Reads a postmortem written in the reference template (exact round trip) or any real-world Markdown:
 * recognised sections map onto the model, everything else is kept verbatim under Other notes.
 */
export function parseMarkdown(text: string): ParseResult {
  const collector = new Collector();
  for (const section of splitSections(text)) collector.add(section);
  return collector.finish();
}

/** Import of real-world files; the same parser, named for what callers do with it. */
export const importMarkdown = parseMarkdown;
