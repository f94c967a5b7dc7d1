import { isTableLine, isTableSeparator, splitTableRow } from './markdown-table';
import {
  isIsoDay,
  normalizeSeverity,
  type PostmortemHeader,
  type PostmortemStatus,
  type Severity,
} from './postmortem-document';
import { durationLine, STATUS_LABELS } from './render-markdown';

// Header facts as teams write them: `**Date:** …`, `- Severity: High`, `| Duration | 47 minutes |`.

export interface HeaderReadOptions {
  /**
   * Words teams use for a severity (`High`, `Critical`) and the severity each means, as the admin set them
   * for Jira priorities in the settings; matched without regard to case.
   */
  severityNames?: Readonly<Record<string, Severity>>;
}

export type HeaderField =
  | 'incidentId'
  | 'date'
  | 'severity'
  | 'duration'
  | 'writtenBy'
  | 'reviewedBy'
  | 'status'
  | 'category'
  | 'finalizedAt';

export interface HeaderFact {
  field: HeaderField;
  patch: Partial<PostmortemHeader>;
  /** The team's own wording, kept in Other notes when the model's value differs from it. */
  note: string | null;
}

const KEYS: Readonly<Record<string, HeaderField>> = {
  'incident id': 'incidentId',
  incident: 'incidentId',
  id: 'incidentId',
  date: 'date',
  'incident date': 'date',
  severity: 'severity',
  sev: 'severity',
  priority: 'severity',
  duration: 'duration',
  'total duration': 'duration',
  'incident duration': 'duration',
  'time to resolve': 'duration',
  'written by': 'writtenBy',
  author: 'writtenBy',
  authors: 'writtenBy',
  owner: 'writtenBy',
  owners: 'writtenBy',
  'postmortem owner': 'writtenBy',
  'incident owner': 'writtenBy',
  'document owner': 'writtenBy',
  'reviewed by': 'reviewedBy',
  reviewers: 'reviewedBy',
  status: 'status',
  category: 'category',
  'finalized at': 'finalizedAt',
};

/** Normalised key of a header label, or null when the label names no header field. */
export function headerFieldOf(rawKey: string): HeaderField | null {
  const key = rawKey.slice(0, 60).toLowerCase().replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
  return KEYS[key] ?? null;
}

// A value this long is prose, not a header fact; the cap also bounds the regexes below.
const MAX_VALUE_LENGTH = 300;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_DAY_YEAR = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})$/i;
const SLASHED_ISO = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const ISO_WITH_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function isoOf(year: string, month: number, day: string): string | null {
  const value = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDay(value) ? value : null;
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/**
 * A calendar day written unambiguously: `2025-03-15` (with or without a time), `2025/03/15`,
 * `March 15, 2025`, `15th March 2025`. `03/04/2025` is refused: US and European readings differ.
 */
export function isoDayOf(value: string): string | null {
  const text = value.trim().slice(0, 40);
  const iso = ISO_WITH_TIME.exec(text);
  if (iso) return isIsoDay(iso[1] ?? '') ? (iso[1] ?? null) : null;
  const slashed = SLASHED_ISO.exec(text);
  if (slashed) return isoOf(slashed[1] ?? '', Number(slashed[2]), slashed[3] ?? '');
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy && monthNumber(mdy[1] ?? '') > 0)
    return isoOf(mdy[3] ?? '', monthNumber(mdy[1] ?? ''), mdy[2] ?? '');
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy && monthNumber(dmy[2] ?? '') > 0)
    return isoOf(dmy[3] ?? '', monthNumber(dmy[2] ?? ''), dmy[1] ?? '');
  return null;
}

function severityOf(value: string, options: HeaderReadOptions): Severity | null {
  const direct = normalizeSeverity(value) ?? normalizeSeverity(/^\S+(?:\s[1-4])?/.exec(value)?.[0]);
  if (direct !== null) return direct;
  const wanted = value.trim().toLowerCase();
  for (const [name, severity] of Object.entries(options.severityNames ?? {}))
    if (name.trim().toLowerCase() === wanted) return severity;
  return null;
}

function parseStatus(value: string): PostmortemStatus | null {
  const v = value.toLowerCase();
  if (/^(final|finali[sz]ed|published|complete|completed|done)$/.test(v)) return 'FINAL';
  if (/^in[ _-]?review$|^review$/.test(v)) return 'IN_REVIEW';
  if (/^approved$/.test(v)) return 'APPROVED';
  if (/^finali[sz]ing$/.test(v)) return 'FINALIZING';
  if (v === 'draft') return 'DRAFT';
  return null;
}

const DURATION_PARTS = /^(?:(\d{1,4})\s*(?:h|hrs?|hours?))?\s*(?:(\d{1,5})\s*(?:m|mins?|minutes?))?$/i;

const EMPTY_DURATION = { durationMinutes: null, startTime: null, endTime: null, timeZone: null };

/** `47 minutes`, `1h 50m`, `2 hours`, `3 hours 5 minutes`; a range in parentheses gives start, end, zone. */
function durationOf(value: string): Partial<PostmortemHeader> | null {
  const match = /^([^(]*?)\s*(?:\((.*)\))?$/.exec(value);
  if (!match) return null;
  const amount = (match[1] ?? '').replace(/^(?:about|approx\.?|approximately|~)\s*/i, '').trim();
  const parts = DURATION_PARTS.exec(amount);
  if (!parts || (amount !== '' && parts[1] === undefined && parts[2] === undefined)) return null;
  if (amount === '' && match[2] === undefined) return null;
  // Only the exact wording is a fact; "about an hour" stays text rather than a guessed number.
  if (amount !== (match[1] ?? '').trim()) return null;
  const minutes =
    parts[1] === undefined && parts[2] === undefined
      ? null
      : Number(parts[1] ?? 0) * 60 + Number(parts[2] ?? 0);
  const patch: Partial<PostmortemHeader> = {
    durationMinutes: minutes,
    startTime: null,
    endTime: null,
    timeZone: null,
  };
  if (match[2] === undefined) return patch;
  const inner = match[2].trim();
  // Quadratic at worst in the remark, which MAX_VALUE_LENGTH bounds.
  const range = /^(.+?)\s+[–-]\s+(.+?)(?:\s+([A-Za-z][\w/+:-]*))?$/.exec(inner);
  if (range) {
    patch.startTime = range[1] === '?' ? null : (range[1] ?? null);
    patch.endTime = range[2] === '?' ? null : (range[2] ?? null);
    patch.timeZone = range[3] ?? null;
    return patch;
  }
  if (/^[A-Za-z][\w/+:-]{0,30}$/.test(inner)) {
    patch.timeZone = inner;
    return patch;
  }
  return null;
}

/** The header fact a `key: value` pair states; `'empty'` for a template label left blank; null otherwise. */
export function readHeaderField(
  rawKey: string,
  rawValue: string,
  options: HeaderReadOptions = {},
): HeaderFact | 'empty' | null {
  const field = headerFieldOf(rawKey);
  if (field === null) return null;
  const value = rawValue.trim();
  // The template writes every header label, empty ones included (`**Date:**`); those carry nothing.
  if (value === '') return 'empty';
  if (value.length > MAX_VALUE_LENGTH) return null;
  const label = rawKey.trim();
  switch (field) {
    case 'incidentId':
    case 'category':
      return { field, patch: { [field]: value }, note: null };
    case 'date': {
      const day = isoDayOf(value);
      return day === null
        ? null
        : { field, patch: { date: day }, note: day === value ? null : `${label}: ${value}` };
    }
    case 'severity': {
      const severity = severityOf(value, options);
      if (severity === null) return null;
      return { field, patch: { severity }, note: severity === value ? null : `${label}: ${value}` };
    }
    case 'duration': {
      const patch = durationOf(value);
      if (patch === null) return null;
      const written = durationLine({ ...EMPTY_DURATION, ...patch });
      return { field, patch, note: written === value ? null : `${label}: ${value}` };
    }
    case 'writtenBy':
      if (value.startsWith('<')) return null;
      return { field, patch: { writtenBy: value }, note: null };
    case 'reviewedBy':
      return {
        field,
        patch: {
          reviewedBy: value
            .split(',')
            .map((name) => name.trim())
            .filter(Boolean),
        },
        note: null,
      };
    case 'status': {
      const status = parseStatus(value);
      if (status === null) return null;
      // "published" becomes FINAL; the team's own word is kept so nothing they wrote disappears.
      return {
        field,
        patch: { status },
        note: STATUS_LABELS[status] === value ? null : `${label}: ${value}`,
      };
    }
    case 'finalizedAt':
      if (Number.isNaN(Date.parse(value)) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
      return { field, patch: { finalizedAt: value }, note: null };
  }
}

/** `**Key:** value`, `**Key**: value`, `- Key: value`, `Key: value` or a two-column table row. */
export function keyValue(line: string): [string, string] | null {
  const bold =
    /^\s*(?:[-*+]\s+)?\*\*([^*]{1,60}?):\*\*\s?(.*)$/.exec(line) ??
    /^\s*(?:[-*+]\s+)?\*\*([^*]{1,60}?)\*\*:\s?(.*)$/.exec(line);
  if (bold) return [bold[1] ?? '', bold[2] ?? ''];
  const plain = /^\s*(?:[-*+]\s+)?([A-Za-z][A-Za-z ]{0,30}):\s+(.*)$/.exec(line);
  if (plain) return [plain[1] ?? '', plain[2] ?? ''];
  if (isTableLine(line) && !isTableSeparator(line)) {
    const cells = splitTableRow(line);
    if (cells.length === 2 && cells[0] !== '') return [cells[0] ?? '', cells[1] ?? ''];
  }
  return null;
}
