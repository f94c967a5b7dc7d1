import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { PostmortemDocument } from '../postmortem';
import type { TemplateKind } from '../templates/postmortem-template';
import { actionItemsHaveOwnerAndDueDate } from './finalization-blockers';
import { findBlameLanguage } from './find-blame-language';
import type { Finding } from './finding';

// Reference "Step 2: Use the Postmortem Template" — the sections every postmortem fills in; with the short
// template of issue 15 (SEV-3/4): summary, impact, what happened (the timeline) and action items.
export function requiredSectionsPresent(doc: PostmortemDocument, template: TemplateKind = 'full'): Finding[] {
  const i = doc.impact;
  const short = template === 'short';
  const missing: Array<[string, string, boolean]> = [
    ['header.incidentId', 'Incident ID', doc.header.incidentId.trim() === ''],
    ['header.severity', 'Severity', doc.header.severity === null],
    ...(short
      ? [['summary', 'Summary', (doc.summary ?? '').trim() === ''] as [string, string, boolean]]
      : []),
    [
      'impact',
      'Impact',
      [i.usersAffected, i.failedTransactions, i.revenueImpact, i.sloImpact].every((v) => v === null) &&
        i.text.trim() === '',
    ],
    ['timeline', 'Timeline', doc.timeline.length === 0],
    ...(short
      ? []
      : ([
          ['rootCause', 'Root Cause', doc.rootCause.text.trim() === '' && doc.rootCause.summary === null],
          [
            'contributingFactors',
            'Contributing Factors',
            doc.contributingFactors.every((f) => f.trim() === ''),
          ],
        ] as Array<[string, string, boolean]>)),
    ['actionItems', 'Action Items', doc.actionItems.length === 0],
  ];
  return missing
    .filter(([, , isMissing]) => isMissing)
    .map(([path, name]) => ({
      code: 'missing-section',
      severity: 'warning',
      message: `${name} is empty.`,
      path,
    }));
}

export interface CompletenessOptions {
  /** Zone whose calendar day counts as "today" for due dates; default UTC. */
  timeZone?: string;
  /** The template the document is written with (issue 15); its sections are the required ones. Default full. */
  template?: TemplateKind;
}

// Reference "Common Anti-Patterns: No review of action item completion" — a due date already past at finalization.
export function dueDatesNotPassed(
  doc: PostmortemDocument,
  now: Date,
  options: CompletenessOptions = {},
): Finding[] {
  const today = format(new TZDate(now.getTime(), options.timeZone ?? 'UTC'), 'yyyy-MM-dd');
  return doc.actionItems
    .filter((item) => item.dueDate !== null && item.dueDate < today)
    .map((item) => ({
      code: 'action-item-due-date-passed',
      severity: 'warning',
      message: `Action item "${item.action.slice(0, 60)}" is due ${item.dueDate ?? ''}, which has passed; agree a new date.`,
      path: `actionItems.${item.id}.dueDate`,
    }));
}

/** Minutes since an arbitrary origin for `HH:mm`, `YYYY-MM-DD HH:mm` or `YYYY-MM-DD`; null when unreadable. */
function timelineMinutes(time: string): { minutes: number; dated: boolean } | null {
  const match = /^(?:(\d{4})-(\d{2})-(\d{2}))?[ T]?(?:(\d{1,2}):(\d{2}))?(?::\d{2})?\s*(?:UTC|Z)?$/i.exec(
    time.trim(),
  );
  if (!match || (match[1] === undefined && match[4] === undefined)) return null;
  const day =
    match[1] === undefined ? 0 : Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 60_000;
  const clock = match[4] === undefined ? 0 : Number(match[4]) * 60 + Number(match[5]);
  return { minutes: day + clock, dated: match[1] !== undefined };
}

// Reference "Common Anti-Patterns: Meeting without preparation" — an unclear (out-of-order) timeline.
export function timelineInOrder(doc: PostmortemDocument): Finding[] {
  const findings: Finding[] = [];
  let previous: { minutes: number; dated: boolean; time: string } | null = null;
  for (const row of doc.timeline) {
    const current = timelineMinutes(row.time);
    if (current === null) continue;
    if (previous !== null && previous.dated === current.dated && current.minutes < previous.minutes) {
      // Clock-only times wrap at midnight; a drop of more than 12 hours is read as the next day.
      const wrapsMidnight = !current.dated && previous.minutes - current.minutes > 12 * 60;
      if (!wrapsMidnight) {
        findings.push({
          code: 'timeline-out-of-order',
          severity: 'warning',
          message: `Timeline entry at ${row.time} comes after ${previous.time}; put the timeline in order.`,
          path: `timeline.${row.id}`,
        });
      }
    }
    previous = { ...current, time: row.time };
  }
  return findings;
}

function blameFindings(doc: PostmortemDocument): Finding[] {
  const texts: Array<[string, string]> = [
    ['impact.text', doc.impact.text],
    ['rootCause.text', doc.rootCause.text],
    ['rootCause.summary', doc.rootCause.summary ?? ''],
    ...doc.contributingFactors.map((text, index): [string, string] => [`contributingFactors.${index}`, text]),
    ...doc.timeline.map((row): [string, string] => [`timeline.${row.id}`, row.event]),
    ['blamelessNotes', doc.blamelessNotes],
  ];
  return texts.flatMap(([path, text]) =>
    findBlameLanguage(text).map((finding): Finding => ({
      code: 'blame-language',
      severity: 'warning',
      message: `"${finding.phrase}" puts a person at the centre. ${finding.hint}`,
      path,
      range: { start: finding.start, end: finding.end },
    })),
  );
}

/** Everything a reviewer should look at before finalizing; only `finalizationBlockers` actually blocks. */
export function checkCompleteness(
  doc: PostmortemDocument,
  now: Date,
  options: CompletenessOptions = {},
): Finding[] {
  return [
    ...requiredSectionsPresent(doc, options.template),
    ...actionItemsHaveOwnerAndDueDate(doc),
    ...dueDatesNotPassed(doc, now, options),
    ...timelineInOrder(doc),
    ...blameFindings(doc),
  ];
}
