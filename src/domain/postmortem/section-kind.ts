// Real postmortems name the template's sections in many ways (and with typos); this maps a heading to one.

export type SectionKind =
  | 'impact'
  | 'timeline'
  | 'rootCause'
  | 'contributing'
  | 'whatWorkedWell'
  | 'lessons'
  | 'actionItems'
  | 'blameless'
  | 'otherNotes'
  | 'metadata';

const SECTION_NAMES: ReadonlyArray<readonly [SectionKind, readonly string[]]> = [
  ['blameless', ['notes on blameless culture', 'blameless culture', 'blameless notes', 'blameless']],
  ['otherNotes', ['other notes']],
  [
    'impact',
    [
      'impact',
      'customer impact',
      'user impact',
      'business impact',
      'summary',
      'incident summary',
      'overview',
      'what happened',
    ],
  ],
  ['timeline', ['timeline', 'events timeline', 'timeline of events', 'events', 'chronology']],
  ['rootCause', ['root cause', 'root causes', 'root cause analysis', 'cause', 'causes']],
  ['contributing', ['contributing factors', 'contributing factor', 'what went wrong', 'findings']],
  ['whatWorkedWell', ['what worked well', 'what went well', 'went well']],
  ['lessons', ['lessons learned', 'lessons learnt', 'lessons', 'learnings', 'takeaways']],
  [
    'actionItems',
    [
      'action items',
      'action item',
      'actions',
      'corrective actions',
      'follow ups',
      'followups',
      'next steps',
      'remediation',
      'long term solution',
    ],
  ],
  ['metadata', ['stats', 'statistics', 'metadata', 'details', 'incident details']],
];

/** Lower-cased heading words without Markdown emphasis, punctuation or a trailing "(…)" remark. */
export function normalizeHeading(text: string): string {
  return text
    .slice(0, 120)
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(/[*_`:#.!?]/g, ' ')
    .replace(/[/&,-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}

/** The template section a heading names, tolerating case, remarks in parentheses and small typos. */
export function sectionKind(
  heading: string,
  options: { fuzzy: boolean } = { fuzzy: true },
): SectionKind | null {
  const name = normalizeHeading(heading);
  if (name === '') return null;
  for (const [kind, names] of SECTION_NAMES) if (names.includes(name)) return kind;
  if (!options.fuzzy) return null;
  for (const [kind, names] of SECTION_NAMES) {
    for (const candidate of names) {
      const allowed = candidate.length >= 10 ? 2 : candidate.length >= 6 ? 1 : 0;
      if (
        allowed > 0 &&
        Math.abs(candidate.length - name.length) <= allowed &&
        editDistance(name, candidate) <= allowed
      ) {
        return kind;
      }
    }
  }
  return null;
}
