// Reading the time at the start of a timeline entry, in the many ways real postmortems write it:
// `14:23`, `2:54 PM PST`, `[08:47]`, `**09:15 GMT**`, `` `07:35` ``, `24-10-2024 13:15`, `2024-09-01 01:04:55`,
// `July 11, 2025, 12:42 PM`, `Sunday, March 31st, 2024`, `1625`, `ca. 18:30`, `~13:30-13:45`.
// Every step is an anchored (sticky) regex over bounded repetitions, so a line is read in linear time.

export interface TimePrefix {
  /** The date as written (`2024-09-01`, `July 11, 2025`), or null. */
  date: string | null;
  /** The clock time as written, without the zone (`2:54 PM`, `17:14pm`, `8:20 - 8:24`), or null. */
  clock: string | null;
  /** The zone written with the time (`PST`, `UTC+2`), or null. */
  zone: string | null;
  /** The rest of the text: the event. */
  rest: string;
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?';

// Zones the corpus and the issue name; offsets such as `UTC+2`, `GMT-7`, `UTC+05:30` too.
const ZONE_NAMES =
  'UTC|GMT|PST|PDT|PT|MST|MDT|CST|CDT|EST|EDT|CET|CEST|BST|EET|EEST|WET|WEST|IST|JST|AEST|AEDT|Z|Eastern|Pacific|US/Pacific|US/Eastern';
const ZONE_SOURCE = `(?:(?:UTC|GMT)\\s?[+-−]\\s?\\d{1,2}(?::?\\d{2})?|(?:${ZONE_NAMES}))`;

const OPENERS = /(?:\[|\*\*|`|~|\(|ca\.?\s|approx\.?\s|approximately\s|around\s|on\s|at\s)?/iy;
const WEEKDAY_PREFIX = new RegExp(`${WEEKDAY},?\\s+`, 'iy');
const DATE = new RegExp(
  [
    '\\d{4}-\\d{2}-\\d{2}',
    '\\d{1,2}-\\d{1,2}-\\d{4}',
    '\\d{1,2}/\\d{1,2}/\\d{2,4}',
    `${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?`,
    `\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\.?(?:,?\\s+\\d{4})?`,
  ].join('|'),
  'iy',
);
const DATE_TIME_GAP = /(?:,?\s+(?:at\s+)?|T)/iy;
const CLOCK = /\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?|\d{1,2}\s?[ap]\.?m\.?(?![a-z])/iy;
const MILITARY = /[01]\d[0-5]\d|2[0-3][0-5]\d/y;
const TIME_AFTER_DATE = /(?:[01]?\d|2[0-3])\.[0-5]\d(?![\d.])|(?:[01]\d|2[0-3])[0-5]\d(?![\d.])/y;
const RANGE_END = /\s?[-–—]\s?\d{1,2}:\d{2}(?:\s?[ap]\.?m\.?)?/iy;
const ZONE = new RegExp(`\\s?\\(?${ZONE_SOURCE}\\)?(?![A-Za-z])`, 'y');
const CLOSERS = /(?:\]|\*\*|`|\))?/y;
const SEPARATOR = /\s*(?:[-–—:|,]\s*)?/y;

// `test` and `lastIndex`, not `exec`: no match array per attempt (a 1 MB timeline makes hundreds of thousands).
function stickyMatch(pattern: RegExp, text: string, at: number): string | null {
  pattern.lastIndex = at;
  return pattern.test(text) ? text.slice(at, pattern.lastIndex) : null;
}

/** `14:23`, `2:54 PM`, `7am`, or military `1625` when a colon or a zone follows (a bare number is not a time). */
function readClock(text: string, at: number): string | null {
  const clock = stickyMatch(CLOCK, text, at);
  if (clock !== null) return clock;
  const military = stickyMatch(MILITARY, text, at);
  if (military === null) return null;
  const next = at + military.length;
  return text[next] === ':' || stickyMatch(ZONE, text, next) !== null ? military : null;
}

// Words that say a time is approximate stay with it; brackets, bold and backticks are only markup.
// The commonest time cell (`14:23`), read without the general steps.
const BARE_CLOCK = /^\d{1,2}:\d{2}$/;
const STARTS_LIKE_TIME = /^[\p{L}\d[*`~(]/u;
const SENTENCE_OPENER = /^(?:on|at)$/i;
const APPROXIMATE = /^(?:~|ca\.?|approx\.?|approximately|around)$/i;

/** The date and/or time at the start of `text`, or null when it does not start with one. */
export function readTimePrefix(text: string): TimePrefix | null {
  // Every form starts with a digit, a letter (month, weekday, "ca.") or an opener; most text can stop here.
  if (BARE_CLOCK.test(text)) return { date: null, clock: text, zone: null, rest: '' };
  if (!STARTS_LIKE_TIME.test(text)) return null;
  const openerText = stickyMatch(OPENERS, text, 0) ?? '';
  const opener = openerText.trim();
  let at = openerText.length;
  at += stickyMatch(WEEKDAY_PREFIX, text, at)?.length ?? 0;
  const date = stickyMatch(DATE, text, at);
  let clock: string | null;
  if (date !== null) {
    at += date.length;
    const gap = stickyMatch(DATE_TIME_GAP, text, at);
    // After a date, `11.50` and a bare `1600` can only be times.
    clock =
      gap === null
        ? null
        : (readClock(text, at + gap.length) ?? stickyMatch(TIME_AFTER_DATE, text, at + gap.length));
    if (gap !== null && clock !== null) at += gap.length + clock.length;
  } else {
    clock = readClock(text, at);
    if (clock === null) return null;
    at += clock.length;
  }
  if (clock !== null) {
    const rangeEnd = stickyMatch(RANGE_END, text, at);
    if (rangeEnd !== null) {
      clock += rangeEnd;
      at += rangeEnd.length;
    }
  }
  const zone = stickyMatch(ZONE, text, at);
  if (zone !== null) at += zone.length;
  // `12:30pmish` or `2024-09-01abc`: the word goes on, so this is not a time prefix.
  if (zone === null && /[a-z0-9]/i.test(text[at] ?? '')) return null;
  at += stickyMatch(CLOSERS, text, at)?.length ?? 0;
  at += stickyMatch(SEPARATOR, text, at)?.length ?? 0;
  const approximate = APPROXIMATE.test(opener) ? (opener === '~' ? '~' : `${opener} `) : '';
  return {
    date: date === null ? null : date.trim(),
    clock: clock === null ? null : `${approximate}${clock}`,
    zone: zone === null ? null : zone.trim().replace(/^\(|\)$/g, ''),
    // "On September 5th, a researcher…" is a sentence: the event keeps it whole.
    rest: SENTENCE_OPENER.test(opener) ? text : text.slice(at),
  };
}

const ZONE_STATEMENT = new RegExp(`(?<![A-Za-z])(${ZONE_SOURCE})(?![A-Za-z])`);

/**
 * The zone a sentence or heading states: "All times in PST", "Timeline (times in BST)", "(All times US/Pacific)".
 * Only the first zone counts; the search is one unanchored pass over bounded alternatives (linear).
 */
export function statedZone(text: string): string | null {
  const match = ZONE_STATEMENT.exec(text.slice(0, 400));
  if (!match) return null;
  const zone = match[1] ?? '';
  // A lone `Z` or `PT` inside prose is rarely a zone; they count only beside the word "time".
  if ((zone === 'Z' || zone === 'PT') && !/\btimes?\b/i.test(text)) return null;
  return zone.replace(/\s+/g, '');
}

/** True for a line that says which zone the times are in rather than describing an event. */
export function isZoneStatement(text: string): boolean {
  return /^[*_(\s]{0,4}(?:all\s)?\s?times?\s/i.test(text) && statedZone(text) !== null;
}
