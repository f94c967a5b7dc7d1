import type { KnownBlock } from '@slack/types';
import { escapeSlackText } from './escape-slack-text';
import { MAX_BLOCKS, MAX_SECTION_TEXT } from './finalization-message';

export interface ReminderLine {
  key: string;
  url: string;
  title: string;
  ownerLabel: string | null;
  /** e.g. "document due in 2 days", "overdue by 3 days". */
  due: string;
}

/** An action item's line, with the project (team) its child issue is in. */
export interface ActionItemReminderLine extends ReminderLine {
  project: { key: string; name: string };
}

export interface ReminderDigestInput {
  day: string;
  postmortems: ReminderLine[];
  actionItems: ActionItemReminderLine[];
}

/** Issue 17: overdue work reaches the team that plans it, so action items are listed per project. */
function byProject(
  lines: readonly ActionItemReminderLine[],
): Array<[ActionItemReminderLine['project'], ReminderLine[]]> {
  const groups = new Map<string, [ActionItemReminderLine['project'], ReminderLine[]]>();
  for (const line of lines) {
    const group = groups.get(line.project.key) ?? [line.project, []];
    group[1].push(line);
    groups.set(line.project.key, group);
  }
  return [...groups.values()].sort(([a], [b]) => a.key.localeCompare(b.key));
}

function lineText(line: ReminderLine): string {
  const url = /^https?:\/\/[^\s<>|]+$/.test(line.url) ? line.url : null;
  const key = escapeSlackText(line.key);
  const link = url ? `<${url}|${key}>` : key;
  const owner = line.ownerLabel ? escapeSlackText(line.ownerLabel) : '_no owner_';
  return `• ${link} ${escapeSlackText(line.title)} — ${owner} — ${escapeSlackText(line.due)}`;
}

/** Packs lines into sections under Slack's 3,000-character limit. */
function sections(lines: string[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let current = '';
  for (const line of lines) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length > MAX_SECTION_TEXT && current) {
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: current } });
      current = line.slice(0, MAX_SECTION_TEXT);
    } else current = candidate.slice(0, MAX_SECTION_TEXT);
  }
  if (current) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: current } });
  return blocks;
}

/** Reference anti-pattern "No review of action item completion": one daily digest of what is due. Null when nothing is. */
export function reminderDigest(input: ReminderDigestInput): { text: string; blocks: KnownBlock[] } | null {
  if (input.postmortems.length === 0 && input.actionItems.length === 0) return null;
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `Postmortem reminders – ${input.day}` } },
  ];
  if (input.postmortems.length > 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: '*Postmortems due or overdue*' } });
    blocks.push(...sections(input.postmortems.map(lineText)));
  }
  for (const [project, lines] of byProject(input.actionItems)) {
    const team = `${escapeSlackText(project.name)} (${escapeSlackText(project.key)})`;
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `*Action items due soon or overdue — ${team}*` },
    });
    blocks.push(...sections(lines.map(lineText)));
  }
  const text = `${input.postmortems.length} postmortems and ${input.actionItems.length} action items need attention`;
  return { text, blocks: blocks.slice(0, MAX_BLOCKS) };
}
