import { readFrontMatter, type FrontMatter } from './front-matter';
import {
  headerFieldOf,
  keyValue,
  readHeaderField,
  type HeaderField,
  type HeaderReadOptions,
} from './header-fields';
import { emptyImportReport, SECTION_TITLES, type ImportReport } from './import-report';
import {
  append,
  atxHeading,
  closesFence,
  fenceOpening,
  isBlank,
  joinBlocks,
  LIST_ITEM,
  readListEntries,
  trimBody,
} from './markdown-blocks';
import { isTableLine, isTableSeparator, splitTableRow } from './markdown-table';
import {
  emptyPostmortem,
  overLimitFields,
  type PostmortemDocument,
  type TimelineRow,
} from './postmortem-document';
import { actionItemIds, readActionItems, type ActionItemIds } from './read-action-items';
import { readTimeline, timelineRowIds, type TimelineRead } from './read-timeline';
import { sectionKind, sectionKindByWords, type SectionKind } from './section-kind';
import { emptyReview } from '../review/review-record';
import { readReviewHistory } from '../review/review-history-markdown';
import { isZoneStatement, readTimePrefix, statedZone } from './timeline-time';

// Import of postmortems as teams write them. Pure readers, each `(lines) → result`: sections (with the
// headings nested under them), front matter, header fields, timeline, action items, list sections; what none
// of them claims is kept verbatim under Other notes, and every decision is written into the import report.

export interface ParseResult {
  document: PostmortemDocument;
  /** Headings and header fields that were mapped onto the template, as written in the source. */
  mapped: string[];
  /** Headings (or "(preamble)") whose content was kept verbatim under Other notes. */
  unmapped: string[];
  report: ImportReport;
}

export type ParseOptions = HeaderReadOptions;

interface Section {
  headingLine: string | null;
  headingText: string;
  level: number;
  lines: string[];
}

/** A recognised section with the unrecognised headings nested under it, or one section on its own. */
interface Group {
  kind: SectionKind | null;
  section: Section;
  /** The body, nested sections' heading lines included. */
  lines: string[];
  nestedHeadings: string[];
  /** True when only the heading's words, not a known name, gave the kind: reported as a guess. */
  byWords: boolean;
}

/** A line such as `Action Items` or `**Action Items**` on its own, which some teams use instead of a heading. */
function pseudoHeading(line: string, previous: string | undefined): string | null {
  if (previous !== undefined && !isBlank(previous)) return null;
  const trimmed = line.trim();
  if (trimmed.length > 48) return null;
  const text = trimmed.replace(/^\*\*(.+)\*\*:?$/, '$1');
  if (text.length === 0 || text.length > 40 || /^[-*+|>#]/.test(text)) return null;
  return sectionKind(text, { fuzzy: false }) === null ? null : text;
}

/** Sections in order: the preamble (no heading), then one per heading; fenced code never starts one. */
function readSections(lines: readonly string[]): Section[] {
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
      current = { headingLine: line, headingText, level: heading ? heading.level : 2, lines: [] };
      sections.push(current);
      // Other notes hold arbitrary Markdown, headings included, to the end of the document.
      if (sectionKind(headingText, { fuzzy: false }) === 'otherNotes') swallowRest = true;
      continue;
    }
    current.lines.push(line);
  }
  return sections;
}

const LIST_KINDS = new Set<SectionKind>(['contributing', 'whatWorkedWell', 'lessons']);

/** A heading nested in a text section, at level 3 or deeper so it stays nested when read back. */
function nestedHeadingLine(section: Section, kind: SectionKind): string | null {
  if (kind === 'actionItems') return null;
  if (kind === 'timeline') return section.headingLine;
  if (LIST_KINDS.has(kind)) return `**${section.headingText}**`;
  return `${'#'.repeat(Math.max(3, section.level))} ${section.headingText}`;
}

/** A heading that is a time or a day (`### 20:15`, `## May 12`): a timeline row or day, not a section. */
function isTimeHeading(text: string): boolean {
  const time = readTimePrefix(text);
  return time !== null && (time.clock !== null || time.rest.length <= 12);
}

/**
 * Unrecognised headings below a recognised one belong to it (`### 4:27` under `## Timeline`); so do time and
 * day headings after a timeline at its own level (`## Timeline`, then `## May 12`). A heading no name matches
 * at the top level may still say by its words what it holds ("How did this happen" → root cause).
 */
function groupSections(sections: readonly Section[]): Group[] {
  const groups: Group[] = [];
  const open: Array<{ level: number; group: Group }> = [];
  let lastRecognised: Group | null = null;
  for (const section of sections) {
    if (section.headingLine === null) {
      groups.push({ kind: null, section, lines: section.lines, nestedHeadings: [], byWords: false });
      continue;
    }
    while (open.length > 0 && (open[open.length - 1]?.level ?? 0) >= section.level) open.pop();
    const named = sectionKind(section.headingText);
    const parent =
      open[open.length - 1]?.group ??
      (named === null && lastRecognised?.kind === 'timeline' && isTimeHeading(section.headingText)
        ? lastRecognised
        : undefined);
    if (named === null && parent !== undefined && parent.kind !== null && parent.kind !== 'metadata') {
      const headingLine = nestedHeadingLine(section, parent.kind);
      // A bold group name needs a blank line before it, or it would continue the list item above.
      if (headingLine !== null) parent.lines.push(...(LIST_KINDS.has(parent.kind) ? [''] : []), headingLine);
      append(parent.lines, section.lines);
      parent.nestedHeadings.push(section.headingText);
      if (open.length === 0) open.push({ level: section.level, group: parent });
      continue;
    }
    // A first H1 is the title ("Incident Report: …"), whatever its words say.
    const title = section.level === 1 && !groups.some((group) => group.section.headingLine !== null);
    const byWords = named === null && !title ? sectionKindByWords(section.headingText) : null;
    const kind = named ?? byWords;
    const group: Group = {
      kind,
      section,
      lines: [...section.lines],
      nestedHeadings: [],
      byWords: byWords !== null,
    };
    groups.push(group);
    if (kind !== null) {
      open.push({ level: section.level, group });
      lastRecognised = group;
    }
  }
  return groups;
}

/** One item per top-level list entry; wrapped lines, nested lists and loose paragraphs stay with their item. */
function readListItems(body: readonly string[]): string[] {
  return readListEntries(body)
    .map((entry) => entry.lines.join('\n'))
    .filter((text) => text.trim() !== '');
}

const IMPACT_FIELDS: Readonly<Record<string, keyof Omit<PostmortemDocument['impact'], 'text'>>> = {
  'users affected': 'usersAffected',
  'transactions failed': 'failedTransactions',
  'failed transactions': 'failedTransactions',
  'revenue impact': 'revenueImpact',
  'slo impact': 'sloImpact',
};

/** The reference's impact bullets (`- **Users affected:** …`) and the prose around them. */
function readImpact(body: readonly string[], impact: PostmortemDocument['impact']): string[] {
  const text: string[] = [];
  for (const line of body) {
    const match = /^\s*[-*+]\s+\*\*([^*]{1,40}?):\*\*\s*(.*)$/.exec(line);
    const field = IMPACT_FIELDS[match?.[1]?.toLowerCase() ?? ''];
    const value = match?.[2]?.trim() ?? '';
    if (field !== undefined && impact[field] === null && value !== '') impact[field] = value;
    else text.push(line);
  }
  return trimBody(text);
}

/**
 * Whether a list reads as a timeline: its first item and most of the others start with a time (MoJ's
 * "Context" bullets). The first item counts so that a summary joined from several parts reads the same on a
 * second pass.
 */
function looksLikeTimeline(lines: readonly string[]): boolean {
  let items = 0;
  let timed = 0;
  let firstTimed = false;
  for (const line of lines) {
    const item = LIST_ITEM.exec(line);
    if (item === null || (item[1] ?? '').length >= 2) continue;
    const isTimed = readTimePrefix(item[3] ?? '') !== null;
    if (items === 0) firstTimed = isTimed;
    items += 1;
    if (isTimed) timed += 1;
  }
  return firstTimed && items >= 2 && timed * 2 >= items;
}

const BULLET_SPELLING = /^(\s*)(?:[*+][ \t]+|-[ \t]{2,})(?=\S)/;
const LABELLED_BULLET = /^[-*+][ \t]+\*\*([^*\n]{1,60}?)(?::\*\*|\*\*:?)[ \t]*(.*)$/;

/**
 * A document written as one list of bold labels (`- **Impact**: …` with nested bullets, as MoJ's Cloud
 * Platform team does) split into the sections the labels name; lines under no such label stay together.
 */
function splitLabelledBullets(lines: readonly string[]): Array<{ label: string | null; lines: string[] }> {
  const chunks: Array<{ label: string | null; lines: string[] }> = [];
  let current: { label: string | null; lines: string[]; indent: number | null } | null = null;
  const plain = (line: string): void => {
    const last = chunks[chunks.length - 1];
    if (current === null && last !== undefined && last.label === null) last.lines.push(line);
    else chunks.push({ label: null, lines: [line] });
    current = null;
  };
  for (const line of lines) {
    const labelled = LABELLED_BULLET.exec(line);
    const label = labelled?.[1]?.trim() ?? '';
    if (labelled && sectionKind(label.split('/')[0] ?? '', { fuzzy: false }) !== null) {
      const rest = labelled[2] ?? '';
      current = { label, lines: rest === '' ? [] : [rest], indent: null };
      chunks.push(current);
      continue;
    }
    if (current !== null && (isBlank(line) || /^\s/.test(line))) {
      if (!isBlank(line) && current.indent === null) current.indent = /^\s*/.exec(line)?.[0].length ?? 0;
      const indent = current.indent ?? 0;
      const strip = Math.min(indent, /^\s*/.exec(line)?.[0].length ?? 0);
      // Bullets as the ADF export writes them (`- `), so the section reads the same on a second pass.
      current.lines.push(line.slice(strip).replace(BULLET_SPELLING, '$1- '));
      continue;
    }
    plain(line);
  }
  return chunks;
}

interface Draft {
  doc: PostmortemDocument;
  options: ParseOptions;
  mapped: string[];
  unmapped: string[];
  report: ImportReport;
  notes: string[];
  summary: string[];
  impact: string[];
  detection: string[];
  resolution: string[];
  rootCause: string[];
  timeline: TimelineRow[];
  timelineRowId: () => string;
  ids: ActionItemIds;
  headerTaken: Set<HeaderField>;
  titleTaken: boolean;
  sawSection: boolean;
}

function keepInOtherNotes(draft: Draft, source: string, reason: string, lines: readonly string[]): void {
  const body = trimBody(lines);
  if (body.length === 0) return;
  draft.unmapped.push(source);
  draft.report.otherNotes.push({ source, reason });
  draft.notes.push(body.join('\n'));
}

/**
 * Applies `key: value` header facts; a field given twice keeps the first value and notes the second. Lines
 * naming a header field with a value the model refuses (`Date: 2025-02-30`) go to Other notes, with a reason.
 */
function readHeaderLines(draft: Draft, lines: readonly string[]): string[] {
  const leftover: number[] = [];
  const refused: string[] = [];
  // Lines read as facts, or refused into Other notes: what leaves the text.
  const taken = new Set<number>();
  lines.forEach((line, index) => {
    const pair = keyValue(line);
    const fact = pair === null ? null : readHeaderField(pair[0], pair[1], draft.options);
    if (pair === null || fact === null) {
      if (pair === null || headerFieldOf(pair[0]) === null) leftover.push(index);
      else {
        refused.push(line);
        taken.add(index);
      }
      return;
    }
    taken.add(index);
    applyHeaderFact(draft, line, pair, fact);
  });
  keepInOtherNotes(draft, 'header fields', 'values the template cannot hold as they are written', refused);
  const skeleton = tableSkeletons(lines, taken);
  return leftover.filter((index) => !skeleton.has(index)).map((index) => lines[index] as string);
}

const isWordlessTableRow = (line: string): boolean =>
  isTableSeparator(line) || splitTableRow(line).every((cell) => cell === '');

/**
 * The rows left of a key/value table once its facts were taken out: the empty header row and separator it
 * is drawn with (etcd's Authors/Date/Status table). They hold no words, and left in the summary they ran into
 * the table below them, which ADF then read as one table with a "---" row. A table with any other row left
 * keeps them.
 */
function tableSkeletons(lines: readonly string[], taken: ReadonlySet<number>): Set<number> {
  const skeleton = new Set<number>();
  let start = 0;
  while (start < lines.length) {
    let end = start;
    while (end < lines.length && isTableLine(lines[end] as string)) end += 1;
    const run = Array.from({ length: end - start }, (_, offset) => start + offset);
    const rest = run.filter((index) => !taken.has(index));
    if (rest.length < run.length && rest.every((index) => isWordlessTableRow(lines[index] as string)))
      rest.forEach((index) => skeleton.add(index));
    start = end + 1;
  }
  return skeleton;
}

function applyHeaderFact(
  draft: Draft,
  line: string,
  pair: [string, string],
  fact: NonNullable<ReturnType<typeof readHeaderField>>,
): void {
  const label = pair[0].trim();
  draft.mapped.push(pair[0]);
  if (fact === 'empty') return;
  if (draft.headerTaken.has(fact.field)) {
    draft.notes.push(line.trim());
    draft.report.warnings.push(
      `${label} is given more than once: the first value was kept, "${pair[1].trim()}" is in Other notes`,
    );
    return;
  }
  draft.headerTaken.add(fact.field);
  draft.doc.header = { ...draft.doc.header, ...fact.patch };
  draft.report.mapped.push({ source: label, target: `Header: ${label}` });
  if (fact.note !== null) draft.notes.push(fact.note);
}

function readFrontMatterFields(draft: Draft, frontMatter: FrontMatter): void {
  const kept: string[] = [...frontMatter.unread];
  for (const { key, values, line } of frontMatter.fields) {
    const value = values.join(', ');
    if (key === 'title' && value !== '') {
      draft.doc.header.title = value;
      draft.titleTaken = true;
      draft.mapped.push(key);
      draft.report.mapped.push({ source: `front matter ${key}`, target: 'Title' });
      continue;
    }
    if ((key === 'summary' || key === 'description') && value !== '') {
      draft.summary.push(value);
      draft.mapped.push(key);
      draft.report.mapped.push({ source: `front matter ${key}`, target: 'Summary' });
      continue;
    }
    const fact = headerFieldOf(key) === null ? null : readHeaderField(key, value, draft.options);
    if (fact !== null && fact !== 'empty' && !draft.headerTaken.has(fact.field)) {
      draft.headerTaken.add(fact.field);
      draft.doc.header = { ...draft.doc.header, ...fact.patch };
      draft.mapped.push(key);
      draft.report.mapped.push({ source: `front matter ${key}`, target: `Header: ${key}` });
      if (fact.note !== null) draft.notes.push(fact.note);
      continue;
    }
    kept.push(line);
  }
  if (kept.length > 0) keepInOtherNotes(draft, 'front matter', 'fields the template has no place for', kept);
}

/** Text before the first section, or under the title: header facts, labelled bullets, then prose (Summary). */
function readPreamble(draft: Draft, lines: readonly string[]): void {
  for (const chunk of splitLabelledBullets(lines)) {
    if (chunk.label === null) {
      if (trimBody(chunk.lines).length === 0) continue;
      draft.report.mapped.push({ source: 'text before the first section', target: 'Summary' });
      readSummary(draft, 'the text before the first section', chunk.lines);
      continue;
    }
    const kind = sectionKind(chunk.label.split('/')[0] ?? '', { fuzzy: false }) ?? 'summary';
    draft.mapped.push(chunk.label);
    readGroup(draft, kind, chunk.label, null, chunk.lines);
  }
}

function takeTitle(draft: Draft, section: Section): void {
  const title = section.headingText.replace(/^\s*(?:post[- ]?mortem|incident|title)\s*[:–-]\s*/i, '').trim();
  draft.mapped.push(section.headingText.trim() || '(title)');
  if (title !== '') {
    draft.doc.header.title = title;
    draft.titleTaken = true;
    draft.report.mapped.push({ source: section.headingText.trim(), target: 'Title' });
  }
  readPreamble(draft, section.lines);
}

/**
 * Summary text, after any header facts in it (`- Date: …`). A timed list in it is the timeline (MoJ's
 * "Context" bullets); the prose around it stays the summary.
 */
function readSummary(draft: Draft, source: string, lines: readonly string[]): void {
  const body = trimBody(readHeaderLines(draft, lines));
  if (body.length === 0) return;
  if (!looksLikeTimeline(body)) {
    draft.summary.push(body.join('\n'));
    return;
  }
  draft.report.guessed.push(`the timed list in ${source} read as a timeline`);
  draft.summary.push(trimBody(takeTimeline(draft, readTimeline(body, '', draft.timelineRowId))).join('\n'));
}

/** Adds a timeline's rows and zone to the draft; returns the lines that were not rows. */
function takeTimeline(draft: Draft, read: TimelineRead): string[] {
  const header = draft.doc.header;
  append(draft.timeline, read.rows);
  append(draft.mapped, read.mapped);
  append(draft.notes, read.notes);
  if (read.zone !== null && header.timeZone === null) {
    draft.doc.header = { ...header, timeZone: read.zone };
    draft.report.guessed.push(`time zone ${read.zone} from ${read.zoneSource ?? 'the timeline'}`);
  } else if (read.zone !== null && header.timeZone !== read.zone) {
    draft.report.warnings.push(
      `the timeline says ${read.zone}, the header ${header.timeZone}: the header's zone was kept`,
    );
  }
  return read.leftover;
}

/** Reads one group's lines as the given kind; what the kind's reader leaves over goes to Other notes. */
function readGroup(
  draft: Draft,
  kind: SectionKind,
  heading: string,
  headingLine: string | null,
  lines: readonly string[],
): void {
  const body = trimBody(lines);
  const doc = draft.doc;
  const leftoverReason = `lines under "${heading}" that are not ${SECTION_TITLES[kind]}`;
  const keep = (leftover: readonly string[]): void => {
    // No blank line under the heading: the ADF export keeps none there, and a second pass must equal the first.
    const rest = trimBody(leftover);
    if (rest.length === 0) return;
    keepInOtherNotes(draft, heading, leftoverReason, headingLine === null ? rest : [headingLine, ...rest]);
  };
  draft.report.mapped.push({ source: heading, target: SECTION_TITLES[kind] });
  switch (kind) {
    case 'summary':
      readSummary(draft, heading, body);
      return;
    case 'detection':
      draft.detection.push(body.join('\n'));
      return;
    case 'resolution':
      draft.resolution.push(body.join('\n'));
      return;
    case 'impact':
      draft.impact.push(readImpact(body, doc.impact).join('\n'));
      return;
    case 'timeline':
      keep(takeTimeline(draft, readTimeline(body, heading, draft.timelineRowId)));
      return;
    case 'rootCause': {
      const text: string[] = [];
      for (const line of body) {
        const match = /^\*\*Root Cause:\*\*\s*(.*)$/i.exec(line);
        if (match && doc.rootCause.summary === null && (match[1] ?? '').trim() !== '')
          doc.rootCause.summary = (match[1] ?? '').trim();
        else text.push(line);
      }
      draft.rootCause.push(trimBody(text).join('\n'));
      return;
    }
    case 'contributing':
      append(doc.contributingFactors, readListItems(body));
      return;
    case 'whatWorkedWell':
      append(doc.whatWorkedWell, readListItems(body));
      return;
    case 'lessons':
      append(doc.lessonsLearned, readListItems(body));
      return;
    case 'actionItems': {
      const read = readActionItems(body, draft.ids);
      append(doc.actionItems, read.items);
      append(draft.mapped, read.mapped);
      keep(read.leftover);
      return;
    }
    case 'blameless':
      doc.blamelessNotes = joinBlocks([doc.blamelessNotes, body.join('\n')]);
      return;
    case 'otherNotes':
      if (body.length > 0) draft.notes.push(body.join('\n'));
      return;
    case 'reviewHistory': {
      // Decisions go back to the review record, not into the content (the server keeps its own on save).
      const read = readReviewHistory(body);
      doc.review = {
        ...(doc.review ?? emptyReview()),
        decisions: [...(doc.review?.decisions ?? []), ...read.decisions],
      };
      keep(read.leftover);
      return;
    }
    case 'metadata':
      keep(readHeaderLines(draft, body));
      return;
  }
}

// Table rows are not searched: the timeline reader has read the zones in its cells already.
const ZONE_LINE_START = /^\s*(?:[-*+>]|#{1,6})?\s*[_*(]{0,3}(?:\d|at\s|on\s|all\s|times?\s|\[|`)/i;

/**
 * A zone stated outside the timeline ("_All times are in Eastern Time (UTC-4)_" under What happened, or
 * "15:23 UTC we received a report" in prose) is still the zone of the document's times.
 */
function recordZoneStatedElsewhere(draft: Draft, lines: readonly string[]): void {
  for (const line of lines) {
    if (line.length > 300) continue;
    // Only lines that can state a zone: "All times …", or a time first ("15:23 UTC", "At 17:41 UTC").
    if (!ZONE_LINE_START.test(line)) continue;
    const bare = line.replace(/^\s*(?:[-*+>]|#{1,6})?\s*/, '');
    const zone = isZoneStatement(bare) ? statedZone(bare) : readTimePrefix(bare)?.zone;
    if (zone === null || zone === undefined) continue;
    draft.doc.header = { ...draft.doc.header, timeZone: zone };
    draft.report.guessed.push(`time zone ${zone} from "${bare.trim().slice(0, 80)}"`);
    return;
  }
}

function sameWords(a: string, b: string): boolean {
  const words = (text: string) => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
  return words(a) === words(b);
}

function readSectionGroup(draft: Draft, group: Group): void {
  const { section } = group;
  if (section.headingLine === null) {
    readPreamble(draft, group.lines);
    return;
  }
  if (group.kind === null) {
    if (!draft.titleTaken && !draft.sawSection) {
      takeTitle(draft, section);
      return;
    }
    const heading = section.headingText.trim() || '(empty heading)';
    if (draft.titleTaken && section.level === 1 && !draft.sawSection) {
      // The H1 under front matter is the title again; a differing one is kept where people will see it.
      if (sameWords(section.headingText, draft.doc.header.title)) draft.mapped.push(section.headingText);
      else
        keepInOtherNotes(draft, heading, 'a second title (the front matter has one)', [section.headingLine]);
      readPreamble(draft, section.lines);
      return;
    }
    keepInOtherNotes(draft, heading, 'heading not recognised as a template section', [
      section.headingLine,
      ...trimBody(section.lines),
    ]);
    return;
  }
  draft.sawSection = true;
  draft.mapped.push(section.headingText.trim());
  if (group.byWords)
    draft.report.guessed.push(
      `"${section.headingText.trim()}" read as ${SECTION_TITLES[group.kind]} from its words`,
    );
  if (group.kind === 'actionItems') {
    append(draft.mapped, group.nestedHeadings);
    for (const name of group.nestedHeadings)
      draft.report.guessed.push(`"${name}" read as a group of action items; the group name is not kept`);
  }
  readGroup(draft, group.kind, section.headingText.trim(), section.headingLine, group.lines);
}

/**
 * Reads a postmortem written in the reference template (exact round trip) or any real-world Markdown:
 * recognised sections map onto the model, everything else is kept verbatim under Other notes.
 */
export function parseMarkdown(text: string, options: ParseOptions = {}): ParseResult {
  const draft: Draft = {
    doc: emptyPostmortem({ incidentId: '' }),
    options,
    mapped: [],
    unmapped: [],
    report: emptyImportReport(),
    notes: [],
    summary: [],
    impact: [],
    detection: [],
    resolution: [],
    rootCause: [],
    timeline: [],
    timelineRowId: timelineRowIds(),
    ids: actionItemIds(),
    headerTaken: new Set(),
    titleTaken: false,
    sawSection: false,
  };
  if (text.trim() === '') draft.report.warnings.push('the file is empty: there is nothing to import');
  const frontMatter = readFrontMatter(text.replace(/\r\n?/g, '\n').split('\n'));
  readFrontMatterFields(draft, frontMatter);
  for (const group of groupSections(readSections(frontMatter.body))) readSectionGroup(draft, group);
  if (draft.doc.header.timeZone === null) recordZoneStatedElsewhere(draft, frontMatter.body);
  const doc = draft.doc;
  const joined = joinBlocks;
  const summary = joined(draft.summary);
  const detection = joined(draft.detection);
  const resolution = joined(draft.resolution);
  if (summary !== '') doc.summary = summary;
  if (detection !== '') doc.detection = detection;
  if (resolution !== '') doc.resolution = resolution;
  doc.impact.text = joined(draft.impact);
  doc.rootCause.text = joined(draft.rootCause);
  doc.timeline = draft.timeline;
  doc.otherNotes = joinBlocks(draft.notes);
  // Nothing is cut to fit: the person importing sees what to shorten before the postmortem can be saved.
  for (const field of overLimitFields(doc))
    draft.report.warnings.push(`${field}: shorten it before saving, nothing was cut`);
  return { document: doc, mapped: draft.mapped, unmapped: draft.unmapped, report: draft.report };
}

/** Import of real-world files; the same parser, named for what callers do with it. */
export const importMarkdown = parseMarkdown;
