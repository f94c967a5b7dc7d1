import { z } from 'zod';
import type { ActionItemStatus, ActionItemStatusView } from '../../contract/follow-through-api';
import { followThroughCounts, itemDaysOverdue, statusCategoryKey } from '../../domain/follow-through';
import { bulkFetchIssues } from '../../jira/issues';
import type { Services } from '../../services';
import { loadAutomationRecord } from '../../storage/automation-record-store';
import { loadSettings } from '../../storage/settings-store';

const childFields = z.looseObject({
  status: z.looseObject({
    name: z.string(),
    statusCategory: z.looseObject({ key: z.string() }),
  }),
  assignee: z.looseObject({ displayName: z.string().optional() }).nullish(),
  duedate: z.string().nullish(),
});

/**
 * The live status of each action item's child issue, read as the viewer at view time (bulk fetch reads
 * issues directly, so a transition made a moment ago shows, unlike search's lagging index). Jira leaves
 * out the children the viewer may not browse: they are reported as not visible, with no status, assignee
 * or due date. The incident itself is checked first (the call's `viewed-issue` access), so nobody learns
 * about the children of an incident they cannot see.
 */
export async function loadActionItemStatus(
  services: Services,
  issueKey: string,
): Promise<ActionItemStatusView> {
  const [settings, record] = await Promise.all([
    loadSettings(services.kv, services.logger),
    loadAutomationRecord(services.kv, issueKey),
  ]);
  const children = Object.entries(record?.children ?? {});
  const fetched =
    children.length === 0
      ? []
      : await bulkFetchIssues(services.jiraAsUser, {
          issueIdsOrKeys: children.map(([, key]) => key),
          fields: ['status', 'assignee', 'duedate'],
          fieldsSchema: childFields,
        });
  const byKey = new Map(fetched.map((issue) => [issue.key.toUpperCase(), issue]));
  const now = services.clock.now();
  const items = children.map(([rowId, key]): ActionItemStatus => {
    const url = `${services.siteUrl}/browse/${key}`;
    const issue = byKey.get(key.toUpperCase());
    if (!issue) return { rowId, key, url, visible: false };
    const { fields } = issue;
    const category = statusCategoryKey(fields.status.statusCategory.key);
    const dueDate = fields.duedate ?? null;
    return {
      rowId,
      key,
      url,
      visible: true,
      status: { name: fields.status.name, category },
      assignee: fields.assignee?.displayName ?? null,
      dueDate,
      daysOverdue: itemDaysOverdue({ statusCategory: category, dueDate }, now, settings.timeZone),
    };
  });
  const counts = followThroughCounts(
    items.map((item) =>
      item.visible
        ? { visible: true, statusCategory: item.status.category, daysOverdue: item.daysOverdue }
        : { visible: false },
    ),
  );
  return { items, counts, readAt: now.toISOString() };
}
