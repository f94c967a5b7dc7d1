import type { DocNode } from '@atlaskit/adf-schema';
import { doc, link, mention, p, text } from '@atlaskit/adf-utils/builders';
import { localTime } from '../trends/local-time';
import { itemDaysOverdue, type DueItem } from './due-day';

/** Someone the escalation comment names: mentioned when Jira knows their account, else written out. */
export interface EscalationPerson {
  accountId: string | null;
  label: string;
}

export interface EscalationCommentInput {
  /** The incident whose postmortem the item came from; null for an item labelled by hand, with no incident. */
  incident: { key: string; url: string } | null;
  dueDate: string;
  daysOverdue: number;
  assignee: EscalationPerson | null;
  author: EscalationPerson | null;
}

/**
 * Reference anti-pattern "No review of action item completion" (issue 17): an open item gets one
 * escalation once it is `afterDays` local days past its due day; never when escalation is off (null).
 */
export function isDueForEscalation(
  item: DueItem,
  now: Date,
  timeZone: string,
  afterDays: number | null,
): boolean {
  return afterDays !== null && itemDaysOverdue(item, now, timeZone) >= afterDays;
}

/** The latest due date an item may have to be due for escalation now: the team's day minus `afterDays`. */
export function latestEscalatedDueDate(now: Date, timeZone: string, afterDays: number): string {
  const today = localTime(now.toISOString(), timeZone).epochDay;
  return new Date((today - afterDays) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The words that mark an escalation for one due date: a run that does not know whether its comment
 * reached Jira (a lost answer) looks for them among the child's comments instead of commenting again.
 */
export function escalationTag(dueDate: string): string {
  return `Postmortem action item overdue since ${dueDate}`;
}

function person(who: EscalationPerson) {
  return who.accountId ? mention({ id: who.accountId, text: `@${who.label}` }) : text(who.label);
}

/**
 * The comment on the overdue child: ADF `mention` nodes
 * (https://developer.atlassian.com/cloud/jira/platform/apis/document/nodes/mention/) for the assignee
 * and the postmortem's author, so Jira's own notifications reach them; each person once.
 */
export function escalationComment(input: EscalationCommentInput): DocNode {
  const { assignee, author } = input;
  const samePerson =
    assignee !== null &&
    author !== null &&
    (assignee.accountId ?? assignee.label) === (author.accountId ?? author.label);
  const people = [assignee, samePerson ? null : author].filter((who) => who !== null);
  const days = `${input.daysOverdue} day${input.daysOverdue === 1 ? '' : 's'}`;
  const addressed = people.flatMap((who, index) => [...(index > 0 ? [text(' ')] : []), person(who)]);
  return doc(
    p(
      ...addressed,
      text(`${addressed.length > 0 ? ' ' : ''}${escalationTag(input.dueDate)} (${days}): this follow-up of `),
      ...(input.incident
        ? [link({ href: input.incident.url })(input.incident.key), text("'s postmortem")]
        : [text('a postmortem')]),
      text(' is still open. Finish it, or move its due date if the plan changed.'),
    ),
    ...(input.assignee === null ? [p(text('Nobody is assigned to it yet.'))] : []),
  );
}
