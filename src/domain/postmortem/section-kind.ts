// Real postmortems name the template's sections in many ways (and with typos); this maps a heading to one.

export type SectionKind =
  | 'summary'
  | 'impact'
  | 'detection'
  | 'resolution'
  | 'timeline'
  | 'rootCause'
  | 'contributing'
  | 'whatWorkedWell'
  | 'lessons'
  | 'actionItems'
  | 'blameless'
  | 'otherNotes'
  | 'reviewHistory'
  | 'metadata';

// Names from the styles teams use: the reference template, Google SRE (Summary, Impact, Root Causes, Trigger,
// Resolution, Detection, Lessons Learned > What went well / What went wrong / Where we got lucky, Timeline),
// PagerDuty (Summary, What Happened, Resolution, What went well / What didn't go so well), Atlassian
// (Leadup, Fault, Impact, Detection, Response, Recovery, Five whys, Corrective actions) and GitLab
// (Summary, Timeline, Root cause, What went well / What can be improved, Corrective actions).
const SECTION_NAMES: ReadonlyArray<readonly [SectionKind, readonly string[]]> = [
  ['blameless', ['notes on blameless culture', 'blameless culture', 'blameless notes', 'blameless']],
  ['otherNotes', ['other notes']],
  ['reviewHistory', ['review history']],
  [
    'summary',
    [
      'summary',
      'issue summary',
      'incident summary',
      'executive summary',
      'tl;dr',
      'tldr',
      'tl dr',
      'overview',
      'what happened',
      'background',
      'context',
      'leadup',
      'lead up',
      'description',
      'incident description',
      'introduction',
      'details',
      'incident details',
    ],
  ],
  [
    'impact',
    ['impact', 'customer impact', 'user impact', 'users impact', 'business impact', 'impact on users'],
  ],
  [
    'detection',
    ['detection', 'detected', 'identified', 'how was it detected', 'how it was detected', 'discovery'],
  ],
  [
    'resolution',
    [
      'resolution',
      'resolutions',
      'mitigation',
      'mitigations',
      'recovery',
      'response',
      'resolution and recovery',
      'response and recovery',
      'mitigation and resolution',
      'workaround',
      'the fix',
      'fix',
    ],
  ],
  [
    'timeline',
    [
      'timeline',
      'timelines',
      'events timeline',
      'incident timeline',
      'timeline of events',
      'timeline and response',
      'key events',
      'events',
      'chronology',
    ],
  ],
  [
    'rootCause',
    [
      'root cause',
      'root causes',
      'root cause analysis',
      'root causes and trigger',
      'cause',
      'causes',
      'fault',
      'trigger',
      'five whys',
      '5 whys',
      'why it happened',
    ],
  ],
  [
    'contributing',
    [
      'contributing factors',
      'contributing factor',
      'what went wrong',
      'what went poorly',
      'what went badly',
      'what didn t go so well',
      'what didn t go well',
      'what did not go well',
      'what did not go so well',
      'what could have gone better',
      'what can be improved',
      'what could be improved',
      'findings',
    ],
  ],
  [
    'whatWorkedWell',
    ['what worked well', 'what went well', 'went well', 'what went right', 'things that went well'],
  ],
  [
    'lessons',
    [
      'lessons learned',
      'lessons learnt',
      'lesson learned',
      'lessons',
      'learnings',
      'learning',
      'takeaways',
      'key takeaways',
      'where we got lucky',
      'reflections',
    ],
  ],
  [
    'actionItems',
    [
      'action items',
      'action item',
      'actions',
      'corrective actions',
      'corrective action',
      'corrective and preventative measures',
      'corrective and preventive measures',
      'corrective and preventative actions',
      'corrective and preventive actions',
      'preventive actions',
      'preventative actions',
      'preventive measures',
      'preventative measures',
      'remediation',
      'remediations',
      'remediation actions',
      'remediation items',
      'follow ups',
      'followups',
      'follow up',
      'follow up actions',
      'follow up items',
      'follow up improvements',
      'next steps',
      'future work',
      'future measures',
      'future actions',
      'long term solution',
      'long term changes',
      'review actions',
      'actions following review',
      'improvements',
      'todo',
    ],
  ],
  ['metadata', ['stats', 'statistics', 'metadata']],
];

// Names that still name the section with words after them: "Timeline (all times PST) 10/14/2022 - …",
// "Root cause of the outage", "Action items for Q3". Longest first, so "root causes" wins over "root cause".
const PREFIX_NAMES: ReadonlyArray<readonly [SectionKind, string]> = [
  ['timeline', 'timeline'],
  ['rootCause', 'root causes'],
  ['rootCause', 'root cause'],
  ['lessons', 'lessons learned'],
  ['lessons', 'lessons learnt'],
  ['actionItems', 'action items'],
  ['actionItems', 'corrective actions'],
  ['actionItems', 'follow up actions'],
  ['contributing', 'contributing factors'],
  ['whatWorkedWell', 'what went well'],
  ['contributing', 'what went wrong'],
  ['impact', 'impact'],
  ['detection', 'detection'],
  ['resolution', 'resolution'],
  ['summary', 'summary'],
];

/** Lower-cased heading words without Markdown emphasis, punctuation or a trailing "(…)" remark. */
export function normalizeHeading(text: string): string {
  return text
    .slice(0, 120)
    .toLowerCase()
    .replace(/^\s*\d{1,2}[.)]\s+/, '')
    .replace(/\(.*?\)/g, ' ')
    .replace(/[*_`:#.!?'’]/g, ' ')
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

/**
 * The template section a heading names, tolerating case, remarks in parentheses, words after a known name
 * and small typos; `fuzzy: false` accepts exact names only (for lines that are not headings).
 */
export function sectionKind(
  heading: string,
  options: { fuzzy: boolean } = { fuzzy: true },
): SectionKind | null {
  const name = normalizeHeading(heading);
  if (name === '') return null;
  for (const [kind, names] of SECTION_NAMES) if (names.includes(name)) return kind;
  if (!options.fuzzy) return null;
  for (const [kind, prefix] of PREFIX_NAMES) if (name.startsWith(`${prefix} `)) return kind;
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

// The last resort for a heading no name matches: the words it uses. Order matters ("What can we learn from
// this incident and improve?" is about lessons before improvements). Callers report these as guesses.
const WORD_RULES: ReadonlyArray<readonly [SectionKind, RegExp]> = [
  ['timeline', /\btimeline\b/],
  ['lessons', /\b(?:lessons?|learn(?:ed|t|ings?)?|takeaways?|conclusions?|thoughts|reflections?)\b/],
  [
    'actionItems',
    /\b(?:action items?|follow ?ups?|next steps|future (?:actions|measures|work)|long term|prevent(?:ive|ative|ion)|remediation|corrective|improvements?)\b/,
  ],
  [
    'resolution',
    /\b(?:resolution|resolved?|mitigat\w*|recover\w*|fix(?:es|ed)?|response|actions? taken|workaround)\b/,
  ],
  ['detection', /\b(?:detect\w*|identif\w*|discover\w*)\b/],
  ['impact', /\b(?:impact|affected)\b/],
  ['rootCause', /\b(?:causes?|why|how did (?:this|it) happen|analysis|investigation|trigger)\b/],
  [
    'summary',
    /\b(?:what happened|overview|summary|background|context|postmortem|post mortem|incident report)\b/,
  ],
];

/** The section a heading's words suggest when no name matches it (`"How did this happen"` → root cause). */
export function sectionKindByWords(heading: string): SectionKind | null {
  const name = normalizeHeading(heading);
  for (const [kind, words] of WORD_RULES) if (words.test(name)) return kind;
  return null;
}
