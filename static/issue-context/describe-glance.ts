import type { FollowThroughCounts } from '../../src/contract/follow-through-api';
import type { GlanceDeadline, GlanceView } from '../../src/contract/issue-context-api';
// The issue panel words deadlines the same way; one description keeps the two views in step.
import { describeDeadline } from '../shared/logic/describe-deadline';

export type TextColor =
  'color.text.success' | 'color.text.warning' | 'color.text.danger' | 'color.text.subtle';

const DEADLINE_NAME: Record<GlanceDeadline['kind'], string> = {
  meeting: 'Review meeting',
  document: 'Document',
};

const STATE_COLOR: Record<GlanceDeadline['state'], TextColor> = {
  'on-track': 'color.text.success',
  'due-soon': 'color.text.warning',
  overdue: 'color.text.danger',
};

/** One line for the nearest deadline, coloured on track / due soon / overdue. */
export function describeNearestDeadline(view: GlanceView): { text: string; color: TextColor } {
  const deadline = view.nearestDeadline;
  const described = describeDeadline(deadline);
  if (!deadline || !described) {
    return {
      text:
        view.noDeadlineBecause === 'final'
          ? 'No deadline: the postmortem is final.'
          : 'Deadlines start when the incident is resolved.',
      color: 'color.text.subtle',
    };
  }
  const due = new Date(deadline.dueAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    text: `${DEADLINE_NAME[deadline.kind]}: ${described.label.toLowerCase()}, ${described.remaining} (due ${due})`,
    color: STATE_COLOR[deadline.state],
  };
}

/** `No action items yet`, `5 action items, all with owner and due date`, `5 action items: 1 without owner, …`. */
export function describeActionItems({ actionItems }: GlanceView): { text: string; complete: boolean } {
  const { total, withoutOwner, withoutDueDate } = actionItems;
  if (total === 0) return { text: 'No action items yet', complete: true };
  const noun = total === 1 ? '1 action item' : `${total} action items`;
  if (withoutOwner === null || withoutDueDate === null) return { text: noun, complete: true };
  const gaps = [
    withoutOwner > 0 ? `${withoutOwner} without owner` : null,
    withoutDueDate > 0 ? `${withoutDueDate} without due date` : null,
  ].filter((gap): gap is string => gap !== null);
  return gaps.length === 0
    ? { text: `${noun}, all with owner and due date`, complete: true }
    : { text: `${noun}: ${gaps.join(', ')}`, complete: false };
}

/**
 * The action items' children as Jira has them now: `3 open (1 overdue), 2 done in Jira`; children the
 * viewer may not see are counted, never described. Null before any child exists.
 */
export function describeFollowThrough(
  counts: FollowThroughCounts,
): { text: string; color: TextColor } | null {
  const { open, overdue, done, notVisible } = counts;
  if (open + done + notVisible === 0) return null;
  const parts = [
    `${open} open${overdue > 0 ? ` (${overdue} overdue)` : ''}`,
    `${done} done`,
    ...(notVisible > 0 ? [`${notVisible} not visible to you`] : []),
  ];
  const color: TextColor =
    overdue > 0 ? 'color.text.danger' : open === 0 ? 'color.text.success' : 'color.text.subtle';
  return { text: `In Jira: ${parts.join(', ')}`, color };
}
