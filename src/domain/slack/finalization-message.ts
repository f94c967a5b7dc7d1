/**
 * The Slack message posted when a postmortem is finalized (reference Step 3: share the outcome and
 * the action items). Pure: Block Kit limits are enforced here so Slack never answers invalid_blocks.
 */
import type { ContextBlock, DividerBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import { escapeSlackText, neutraliseMentions } from './escape-slack-text';

// https://api.slack.com/reference/block-kit/blocks — per-message and per-field limits.
export const MAX_BLOCKS = 50;
export const MAX_SECTION_TEXT = 3000;
export const MAX_HEADER_TEXT = 150;
const MAX_FIELD_TEXT = 2000;
const MAX_ROOT_CAUSE = 1500;
const MAX_ITEM_LINE = 600;
const MAX_FALLBACK_TEXT = 3000;

export interface FinalizationActionItem {
  action: string;
  ownerLabel: string | null;
  /** ISO date (YYYY-MM-DD). */
  dueDate: string | null;
  childKey: string | null;
  warnings: string[];
}

export interface FinalizationMessageInput {
  incident: {
    key: string;
    summary: string;
    url: string;
    severity: string | null;
    durationMinutes: number | null;
  };
  rootCause: string;
  actionItems: FinalizationActionItem[];
  /** Owner names/handles that matched no Jira user; their items were left unassigned. */
  unresolvedOwners: string[];
  /** The panel's blocking rules a label added in Jira skipped (empty when finalized from the panel). */
  skippedRules?: ReadonlyArray<{ message: string }>;
}

export interface FinalizationMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Cuts to `max` characters with an ellipsis, never inside an `&amp;`-style entity. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1).replace(/&[a-z]{0,4}$/, '')}…`;
}

function safeUrl(url: string): string | null {
  return /^https?:\/\/[^\s<>|]+$/.test(url) ? url : null;
}

function link(url: string | null, label: string): string {
  return url ? `<${url}|${label}>` : label;
}

/** `https://site/browse/INC-1` → `https://site/browse/ACT-7`, so child keys link without a site URL. */
function issueUrl(incidentUrl: string | null, key: string): string | null {
  if (!incidentUrl) return null;
  const at = incidentUrl.indexOf('/browse/');
  return at < 0 ? null : safeUrl(`${incidentUrl.slice(0, at)}/browse/${encodeURIComponent(key)}`);
}

export function incidentDurationText(minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes) || minutes < 0) return 'unknown';
  const whole = Math.round(minutes);
  const days = Math.floor(whole / 1440);
  const hours = Math.floor((whole % 1440) / 60);
  const mins = whole % 60;
  const parts = [
    days ? `${days} d` : '',
    hours ? `${hours} h` : '',
    mins || whole === 0 ? `${mins} min` : '',
  ];
  return parts.filter(Boolean).join(' ');
}

function section(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, MAX_SECTION_TEXT) } };
}

function itemLine(item: FinalizationActionItem, incidentUrl: string | null): string {
  const owner = item.ownerLabel?.trim() ? escapeSlackText(item.ownerLabel.trim()) : '_no owner_';
  const due = item.dueDate?.trim() ? escapeSlackText(item.dueDate.trim()) : '_no due date_';
  const child = item.childKey
    ? ` · ${link(issueUrl(incidentUrl, item.childKey), escapeSlackText(item.childKey))}`
    : '';
  const action = truncate(escapeSlackText(item.action.trim() || '(no description)'), MAX_ITEM_LINE);
  const warnings = [
    ...(item.ownerLabel?.trim() ? [] : ['no owner']),
    ...(item.dueDate?.trim() ? [] : ['no due date']),
    ...item.warnings.map((w) => escapeSlackText(w)),
  ];
  const warningText =
    warnings.length > 0 ? `\n    :warning: ${truncate(warnings.join('; '), MAX_ITEM_LINE)}` : '';
  return `• ${action} — ${owner} · due ${due}${child}${warningText}`;
}

/** Packs lines into as few sections as fit 3,000 characters, within `maxBlocks`. */
function packLines(lines: string[], maxBlocks: number): SectionBlock[] {
  const texts: string[] = [];
  let current = '';
  let packed = 0;
  for (const line of lines) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= MAX_SECTION_TEXT - 80) {
      current = candidate;
      packed += 1;
      continue;
    }
    if (texts.length + 1 >= maxBlocks) break;
    texts.push(current);
    current = line;
    packed += 1;
  }
  if (current) texts.push(current);
  const left = lines.length - packed;
  if (left > 0 && texts.length > 0) {
    // Room is reserved by the -80 above; the full list stays in Jira.
    texts[texts.length - 1] += `\n_…and ${left} more action item${left === 1 ? '' : 's'} in Jira_`;
  }
  return texts.map(section);
}

export function finalizationMessage(input: FinalizationMessageInput): FinalizationMessage {
  const { incident } = input;
  const incidentUrl = safeUrl(incident.url);
  const key = escapeSlackText(incident.key);
  const summary = escapeSlackText(incident.summary.trim());
  const severity = incident.severity ? escapeSlackText(incident.severity) : 'Unknown';
  const duration = incidentDurationText(incident.durationMinutes);
  const rootCause = input.rootCause.trim();

  const header: HeaderBlock = {
    type: 'header',
    text: {
      type: 'plain_text',
      text: truncate(
        neutraliseMentions(`Postmortem finalized: ${incident.key} ${incident.summary.trim()}`),
        MAX_HEADER_TEXT,
      ),
      emoji: true,
    },
  };
  const overview: SectionBlock = {
    type: 'section',
    text: { type: 'mrkdwn', text: truncate(`*${link(incidentUrl, key)}* ${summary}`, MAX_SECTION_TEXT) },
    fields: [
      { type: 'mrkdwn', text: truncate(`*Severity*\n${severity}`, MAX_FIELD_TEXT) },
      { type: 'mrkdwn', text: `*Duration*\n${duration}` },
    ],
  };
  const rootCauseBlock = section(
    `*Root cause*\n${rootCause ? truncate(escapeSlackText(rootCause), MAX_ROOT_CAUSE) : '_Not recorded_'}`,
  );
  const divider: DividerBlock = { type: 'divider' };

  const noOwner = input.actionItems.filter((i) => !i.ownerLabel?.trim()).length;
  const noDue = input.actionItems.filter((i) => !i.dueDate?.trim()).length;
  const warningLines = [
    noOwner ? `${noOwner} action item${noOwner === 1 ? ' has' : 's have'} no owner` : '',
    noDue ? `${noDue} action item${noDue === 1 ? ' has' : 's have'} no due date` : '',
    input.unresolvedOwners.length
      ? `No Jira user found for ${input.unresolvedOwners.map((o) => escapeSlackText(o)).join(', ')}; those items are unassigned`
      : '',
  ].filter(Boolean);
  const warningsBlock = warningLines.length
    ? [section(`:warning: *Needs attention*\n${warningLines.map((l) => `• ${l}`).join('\n')}`)]
    : [];
  const skipped = input.skippedRules ?? [];
  const skippedBlock = skipped.length
    ? [
        section(
          `:no_entry: *Finalized in Jira without the panel's checks*\nThe label was added while these rules were not met:\n${skipped
            .map((rule) => `• ${truncate(escapeSlackText(rule.message), MAX_ITEM_LINE)}`)
            .join('\n')}`,
        ),
      ]
    : [];
  const footer: ContextBlock = {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `Posted by Postmortems for Jira for ${link(incidentUrl, key)}` }],
  };

  const fixed = 5 + warningsBlock.length + skippedBlock.length; // header, overview, root cause, divider, footer
  const itemCount = input.actionItems.length;
  const itemBlocks =
    itemCount === 0
      ? [section('*Action items*\nNo action items')]
      : packLines(
          [`*Action items (${itemCount})*`, ...input.actionItems.map((item) => itemLine(item, incidentUrl))],
          MAX_BLOCKS - fixed,
        );

  const blocks: KnownBlock[] = [
    header,
    overview,
    rootCauseBlock,
    divider,
    ...skippedBlock,
    ...itemBlocks,
    ...warningsBlock,
    footer,
  ];
  const text = truncate(
    `Postmortem finalized for ${key}: ${summary} (${severity}, ${duration}) — ${
      itemCount === 0 ? 'no action items' : `${itemCount} action item${itemCount === 1 ? '' : 's'}`
    }`,
    MAX_FALLBACK_TEXT,
  );
  return { text, blocks };
}
