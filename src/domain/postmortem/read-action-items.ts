import { isoDayOf } from './header-fields';
import { append, readListEntries } from './markdown-blocks';
import { readTables, splitTableRow, type Table } from './markdown-table';
import type { ActionItem, ActionItemOwner } from './postmortem-document';

// Action items from a section's lines: the reference's table (`# | Action | Owner | Due Date | Jira`), other
// teams' tables (etcd's `Action Item | Type | Priority | Bug | Status`), or lists with owners and due dates
// written inline (`- [ ] Add alert @sre (due 2025-04-01)`).

export interface ActionItemIds {
  taken(id: string): boolean;
  take(id: string): string;
  mint(): string;
}

/**
 * Ids `ai-<n>` above every id seen so far, as `nextActionItemId` gives, but in constant time per item:
 * rescanning the list for each new item made 20,000 action items take 15–29 s (issue 18). Minted numbers are
 * kept as ascending runs, not one set entry each: mints between two takes are consecutive, so a 1 MB list of
 * 62,500 items is one run, and a taken-check is a binary search over the runs.
 */
export function actionItemIds(): ActionItemIds {
  const seen = new Set<string>();
  const runs: Array<{ first: number; last: number }> = [];
  let highest = 0;
  const mintedNumber = (n: number): boolean => {
    let low = 0;
    let high = runs.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const run = runs[middle] as { first: number; last: number };
      if (n < run.first) high = middle - 1;
      else if (n > run.last) low = middle + 1;
      else return true;
    }
    return false;
  };
  const take = (id: string): string => {
    seen.add(id);
    const match = /^ai-(\d{1,15})$/.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
    return id;
  };
  const mint = (): string => {
    highest += 1;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.last === highest - 1) last.last = highest;
    else runs.push({ first: highest, last: highest });
    return `ai-${highest}`;
  };
  const taken = (id: string): boolean => {
    if (seen.has(id)) return true;
    // Only the minted spelling (`ai-7`, not `ai-07`) is a minted id; a take of 15 digits lets mints reach 16.
    const match = /^ai-([1-9]\d{0,15})$/.exec(id);
    return match !== null && mintedNumber(Number(match[1]));
  };
  return { taken, take, mint };
}

export interface ActionItemsRead {
  items: ActionItem[];
  /** Table header cells and group headings that were read as structure. */
  mapped: string[];
  leftover: string[];
}

type ActionColumn = 'number' | 'action' | 'owner' | 'due' | 'ref' | 'created';

function actionColumn(header: string): ActionColumn | null {
  const h = header.toLowerCase().trim();
  if (/^(#|no\.?|nr\.?|id)$/.test(h)) return 'number';
  if (/^(action|action item|action items|item|task|description|what|corrective action)$/.test(h))
    return 'action';
  if (/^(owner|owners|assignee|assigned to|who|responsible|dri)$/.test(h)) return 'owner';
  if (/^(due|due date|deadline|when|eta|target date|by)$/.test(h)) return 'due';
  if (/^created issue$/.test(h)) return 'created';
  if (/^(jira|ticket|issue|bug|ref|reference|link|tracking|key|pr)$/.test(h)) return 'ref';
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

function actionFromCells(table: Table, cells: readonly string[], ids: ActionItemIds): ActionItem {
  const columns = table.header.map(actionColumn);
  const cell = (column: ActionColumn): string => {
    const index = columns.indexOf(column);
    return index === -1 ? '' : (cells[index] ?? '');
  };
  const extras: string[] = [];
  // Columns the template has no field for (etcd's Type/Priority/Status) stay readable in the action text.
  cells.forEach((value, index) => {
    if ((columns[index] ?? null) === null && value !== '')
      extras.push(`${table.header[index] || 'Column ' + String(index + 1)}: ${value}`);
  });
  const due = cell('due');
  const dueDate = isoDayOf(due);
  if (due !== '' && dueDate !== due) extras.push(`Due: ${due}`);
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
    dueDate,
    externalRef: cell('ref') || null,
    createdIssueKey: cell('created') || null,
  };
}

// `(owner: Ada)`, `Owner: @ada`, `(due 2025-04-01)`, `due: March 3, 2025`, `by 2025-04-01`: bounded pieces.
const OWNER_REMARK = /\s*[([]\s*owners?\s*[:=-]\s*([^)\]]{1,80})[)\]]/i;
const OWNER_SUFFIX = /\s*[-–,;]?\s*\**owners?\**\s*:\s*\**([^,;()]{1,80}?)\**\s*$/i;
const DUE_REMARK = /\s*[([]\s*(?:due|by|deadline|eta)\s*[:=-]?\s*([^)\]]{4,40})[)\]]/i;
const DUE_SUFFIX = /\s*[-–,;]?\s*\**(?:due|deadline)\**\s*[:=-]?\s*([^;()]{4,40}?)\s*$/i;
const HANDLE = /(?:^|[\s(])(@[A-Za-z0-9][\w.-]{0,38})/;
// An empty task box says nothing; a ticked one (`[x]`) says the item is done and stays in the text.
const TASK_BOX = /^\[ ?\]\s*/;

function firstLineOf(text: string): string {
  const end = text.indexOf('\n');
  return text.slice(0, Math.min(end === -1 ? text.length : end, 500));
}

/** An item's owner and due date from its own words; the words that said so leave the action text. */
/** `[ ] fix it` → `fix it`; most items have no box, and are not copied. */
function withoutTaskBox(text: string): string {
  return text.startsWith('[') ? text.replace(TASK_BOX, '') : text;
}

function itemFromText(text: string, ids: ActionItemIds): ActionItem {
  let action = withoutTaskBox(text);
  let owner: ActionItemOwner | null = null;
  let dueDate: string | null = null;
  // Owners and due dates are read from the first line's first 500 characters: the searches below are not
  // anchored, and the cap keeps them linear on a pathological line. Each runs only when its keyword is there.
  const firstLine = firstLineOf(action);
  const ownerMatch = /owner/i.test(firstLine)
    ? (OWNER_REMARK.exec(firstLine) ?? OWNER_SUFFIX.exec(firstLine))
    : null;
  if (ownerMatch && !PLACEHOLDER_OWNER.test((ownerMatch[1] ?? '').trim())) {
    owner = { text: (ownerMatch[1] ?? '').trim() };
    action = action.replace(ownerMatch[0], '');
  } else if (firstLine.includes('@')) {
    const handle = HANDLE.exec(firstLine);
    // A handle names the owner but stays in the sentence ("@ana to add the alert").
    if (handle) owner = { text: handle[1] ?? '' };
  }
  if (/due|by|deadline|eta/i.test(firstLine)) {
    const dueLine = firstLineOf(action);
    const dueMatch = DUE_REMARK.exec(dueLine) ?? DUE_SUFFIX.exec(dueLine);
    const day = dueMatch ? isoDayOf(dueMatch[1] ?? '') : null;
    if (dueMatch && day !== null) {
      dueDate = day;
      action = action.replace(dueMatch[0], '');
    }
  }
  return {
    id: ids.mint(),
    action: action.trim(),
    owner,
    dueDate,
    externalRef: null,
    createdIssueKey: null,
  };
}

/** Items of a list: nested bullets and wrapped lines continue the item above them; other text is left over. */
function itemsFromList(lines: readonly string[], ids: ActionItemIds): ActionItemsRead {
  const items: ActionItem[] = [];
  const leftover: string[] = [];
  for (const entry of readListEntries(lines)) {
    const text = entry.lines.length === 1 ? (entry.lines[0] as string) : entry.lines.join('\n');
    if (entry.item && withoutTaskBox(text).trim() !== '') items.push(itemFromText(text, ids));
    else if (!entry.item) append(leftover, entry.blankBefore ? ['', ...entry.lines] : entry.lines);
  }
  return { items, mapped: [], leftover };
}

/** The action items of a section's lines; lines that are neither a table row nor an item are left over. */
export function readActionItems(lines: readonly string[], ids: ActionItemIds): ActionItemsRead {
  const items: ActionItem[] = [];
  const mapped: string[] = [];
  const outside: string[] = [];
  for (const part of readTables(lines)) {
    if (part.table === null) {
      append(outside, part.lines);
      continue;
    }
    const { table } = part;
    if (table.hasSeparator && table.header.map(actionColumn).includes('action')) {
      append(mapped, table.header.filter(Boolean));
      for (const line of table.rowLines) {
        const cells = splitTableRow(line);
        if (cells.some((cell) => cell !== '')) items.push(actionFromCells(table, cells, ids));
      }
    } else {
      append(outside, part.lines);
    }
  }
  // Beside a table of action items, a list is commentary (etcd's notes under its table), not more items.
  if (items.length > 0) return { items, mapped, leftover: outside };
  const listed = itemsFromList(outside, ids);
  return { items: listed.items, mapped, leftover: listed.leftover };
}
