export interface BlameFinding {
  /** The sentence the phrase is in, trimmed. */
  sentence: string;
  phrase: string;
  /** Offsets of the phrase in the text passed in (end exclusive). */
  start: number;
  end: number;
  /** A system-focused way to say it instead. */
  hint: string;
}

interface BlamePattern {
  pattern: RegExp;
  hint: string;
  /** "not careless", "no one is to blame" are the opposite of blame. */
  negatable?: boolean;
  /** Index of the capture group holding the person, which must then look like one (see isPerson). */
  personGroup?: number;
}

// First names people write in postmortems; words that are also names ("Will", "Mark") are left out on purpose.
const NAMES =
  'alex|alice|amy|andrew|anna|bob|brian|carlos|chris|daniel|david|emma|eric|james|jane|jason|jennifer|jessica|john|jon|josh|kevin|laura|lisa|maria|mary|matt|michael|mike|nick|olivia|paul|peter|priya|raj|ryan|sam|sara|sarah|steve|tom|wei|yuki';
const ROLE =
  '(?:the|an|a|our|one|their|his|her|that|this)\\s+(?:[\\w-]+\\s+)?(?:engineer|developer|dev|operator|admin|administrator|sre|intern|employee|contractor|person|team member|on-?call(?: person)?)';
const PERSON = `(@[\\w.-]+|\\b(?:${NAMES})\\b|\\b(?:mr|ms|mrs)\\.?\\s+\\w+|\\b(?:he|she|i)\\b|\\b(?:someone|somebody)\\b|\\b${ROLE}\\b)`;
const PERSON_FAILURE_VERB =
  "(?:failed to|neglected to|forgot|ignored|overlooked|missed|broke|caused|introduced|mistakenly|accidentally|carelessly|wrongly|made a mistake|made an error|should have|should've|(?:didn't|did not|never) (?:check|test|follow|read|verify|notice|review|look|bother|think|ask|consider|run|update|tell|inform))";

const PATTERNS: readonly BlamePattern[] = [
  {
    pattern: /\b(?:[\w@.-]+'s|his|her|their|your|my|our) fault\b|\bfault of\b|\bat fault\b/gi,
    hint: 'Describe the conditions that allowed the failure (missing check, unclear runbook) instead of whose fault it was.',
    negatable: true,
  },
  {
    pattern:
      /\b(?:careless(?:ly|ness)?|negligen(?:t|tly|ce)|sloppy|sloppiness|incompeten(?:t|ce)|lazy|laziness|reckless(?:ly)?|irresponsible|stupid|dumb|clueless|inattentive)\b/gi,
    hint: 'Replace judgements of people with facts: what happened, what the person could see at the time, and what made the action possible.',
    negatable: true,
  },
  {
    pattern: /\bshould(?:'ve| have) known\b/gi,
    hint: 'Hindsight: say what information was available at the time and how the system could surface it (alert, dashboard, check).',
  },
  {
    pattern:
      /\b(?:human|operator|user|engineer|developer|manual) error\b(?!\s+(?:rates?|counts?|budget|ratio|logs?|messages?|pages?|codes?|responses?))/gi,
    hint: 'Name the safeguard that was missing (validation, review, automation, guard rail) rather than "human error".',
    negatable: true,
  },
  {
    pattern: /\bforg(?:ot|otten|etting) to\b/gi,
    hint: 'Describe the missing reminder, checklist or automation, e.g. "the renewal was manual and no alert warned before expiry".',
  },
  {
    pattern: /\b(?:to blame|blamed|blames|blame (?:on|for))\b/gi,
    hint: 'Postmortems are blameless: describe the system conditions, not who is responsible for the failure.',
    negatable: true,
  },
  {
    pattern:
      /\b(?:messed up|screwed up|dropped the ball|(?:wasn't|was not|weren't|not) paying attention|(?:didn't|did not|never) bother(?:ed)?|(?:nobody|no one) bothered|rookie mistake|should be (?:fired|disciplined|reprimanded))\b/gi,
    hint: 'Describe the action and its context neutrally; ask which system gap made the outcome possible.',
  },
  {
    pattern: new RegExp(`${PERSON}(?:'s\\s+\\w+)?\\s+(?:\\w+\\s+)?${PERSON_FAILURE_VERB}`, 'gi'),
    hint: 'Make the system the subject: e.g. "the deploy pipeline allowed an unreviewed change" instead of "<person> failed to review".',
    personGroup: 1,
  },
  {
    pattern: new RegExp(`\\b(?:caused|triggered|broken|introduced)\\s+by\\s+${PERSON}`, 'gi'),
    hint: 'Name the change or condition that caused it (e.g. "a config change without validation"), not the person.',
    personGroup: 1,
  },
  {
    pattern: new RegExp(`\\b(?:mistake|error|oversight)\\s+(?:by|of|from)\\s+${PERSON}`, 'gi'),
    hint: 'Describe what the system allowed to happen rather than attributing a mistake to a person.',
    personGroup: 1,
  },
  {
    pattern: new RegExp(`\\broot cause (?:was|is)\\s+${PERSON}`, 'gi'),
    hint: 'A person is never the root cause: name the technical or process condition instead.',
    personGroup: 1,
  },
];

const NAME_SET = new Set(NAMES.split('|'));
// A negation just before the phrase ("not anyone's fault", "no one is to blame"), within a few words.
const NEGATION = /\b(?:not|no|nobody|no one|never|isn't|wasn't|nor)\b[^.!?]{0,12}$/i;

/** Names and "I" only count when capitalised as written; "i" or "sam" in a path are not people. */
function isPerson(match: RegExpExecArray, group: number): boolean {
  const subject = match[group];
  if (subject === undefined) return false;
  const bare = subject.toLowerCase();
  if (NAME_SET.has(bare) || bare === 'i') return /^[A-Z]/.test(subject);
  return true;
}

interface SentenceSpan {
  start: number;
  end: number;
}

/** Sentences end at . ! ? followed by space, or at a line break; `v2.4.1` and `e.g.x` stay whole. */
function sentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    const boundary =
      ch === '\n' ||
      ((ch === '.' || ch === '!' || ch === '?') && (i + 1 === text.length || /\s/.test(text[i + 1] ?? '')));
    if (boundary) {
      spans.push({ start, end: ch === '\n' ? i : i + 1 });
      start = i + 1;
    }
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans.filter((span) => text.slice(span.start, span.end).trim() !== '');
}

// Reference "Context" and "Common Anti-Patterns: Blame postmortem" — systems are accountable, not people.
export function findBlameLanguage(text: string): BlameFinding[] {
  const findings: BlameFinding[] = [];
  for (const span of sentences(text)) {
    const sentence = text.slice(span.start, span.end);
    const taken: Array<[number, number]> = [];
    for (const rule of PATTERNS) {
      rule.pattern.lastIndex = 0;
      for (let match = rule.pattern.exec(sentence); match !== null; match = rule.pattern.exec(sentence)) {
        if (match[0].length === 0) {
          rule.pattern.lastIndex += 1;
          continue;
        }
        const start = match.index;
        const end = start + match[0].length;
        if (rule.personGroup !== undefined && !isPerson(match, rule.personGroup)) continue;
        if (rule.negatable && NEGATION.test(sentence.slice(0, start))) continue;
        if (taken.some(([s, e]) => start < e && end > s)) continue;
        taken.push([start, end]);
        findings.push({
          sentence: sentence.trim(),
          phrase: match[0],
          start: span.start + start,
          end: span.start + end,
          hint: rule.hint,
        });
      }
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}
