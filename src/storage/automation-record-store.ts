import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../contract/errors';
import type { SkippedRule } from '../domain/automation/skipped-rules';
import type { FindingCode } from '../domain/checks';
import type { KvPort } from '../ports';

export type SlackDeliveryState = 'sent' | 'failed' | 'not-configured';

export interface SlackDeliveryRecord {
  /** The finalization (`AutomationRecord.finalizationId`) this message belongs to: one message per finalization. */
  deliveryId: string;
  state: SlackDeliveryState;
  at: string;
  attempts: number;
  error?: string;
  retryable?: boolean;
  /** Kept so a failed delivery can be retried later with the same message. */
  payload?: unknown;
}

/** What the finalization automation did for an incident; the panel shows it. */
export interface AutomationRecord {
  issueKey: string;
  lastDeliveryId: string;
  lastRunAt: string;
  /**
   * Action-item row id → child issue key, written right after each create. The only place child keys
   * live: the document's `createdIssueKey` comes from the client and is never trusted.
   */
  children: Record<string, string>;
  /**
   * Rows a bulk create was sent for (and when) whose answer has not been recorded: Jira may hold their
   * children. Written before each create, so a lost answer is recovered by reading Jira, whatever
   * search shows; only these rows can bind to a child found there. Absent in records written before
   * it existed: then every row without a child is looked up once.
   */
  pendingCreate?: { rowIds: string[]; at: string } | null;
  /**
   * The current finalization (label on, postmortem FINAL): minted by the run that finds the postmortem
   * not FINAL, so duplicate, concurrent and panel-queued runs of one finalization share it.
   */
  finalizationId?: string;
  /** The panel's hard rules that were broken when the label was added outside the panel. */
  skippedRules?: SkippedRule[];
  unresolvedOwners: string[];
  failures: Array<{ rowId: string; message: string }>;
  childIssueType: 'sub-task' | 'linked task' | null;
  /**
   * Row ids whose linked-task child has its link to the incident. Absent in records written before
   * it existed, whose created children were linked right after their create.
   */
  linkedChildren?: string[];
  slack: SlackDeliveryRecord | null;
}

/**
 * A record as stored, read back with zod: storage written by an earlier version (fields it did not have
 * stay optional) or damaged must not reach the finalization as if it were sound — a children map read
 * wrongly would create every child again.
 */
const automationRecordSchema: z.ZodType<AutomationRecord> = z.object({
  issueKey: z.string(),
  lastDeliveryId: z.string(),
  lastRunAt: z.string(),
  children: z.record(z.string(), z.string()),
  pendingCreate: z
    .object({ rowIds: z.array(z.string()), at: z.string() })
    .nullable()
    .optional(),
  finalizationId: z.string().optional(),
  // Rule codes are shown as recorded; one an older version knew and this one does not still displays.
  skippedRules: z
    .array(z.object({ rule: z.custom<FindingCode>((code) => typeof code === 'string'), message: z.string() }))
    .optional(),
  unresolvedOwners: z.array(z.string()),
  failures: z.array(z.object({ rowId: z.string(), message: z.string() })),
  childIssueType: z.enum(['sub-task', 'linked task']).nullable(),
  linkedChildren: z.array(z.string()).optional(),
  slack: z
    .object({
      deliveryId: z.string(),
      state: z.enum(['sent', 'failed', 'not-configured']),
      at: z.string(),
      attempts: z.number(),
      error: z.string().optional(),
      retryable: z.boolean().optional(),
      payload: z.unknown().optional(),
    })
    .nullable(),
});

const recordKey = (issueKey: string) => `automation:${issueKey}`;
const claimKey = (issueKey: string) => `finalize-lock:${issueKey}`;

export function emptyAutomationRecord(issueKey: string): AutomationRecord {
  return {
    issueKey,
    lastDeliveryId: '',
    lastRunAt: '',
    children: {},
    unresolvedOwners: [],
    failures: [],
    childIssueType: null,
    linkedChildren: [],
    pendingCreate: null,
    slack: null,
  };
}

export async function loadAutomationRecord(kv: KvPort, issueKey: string): Promise<AutomationRecord | null> {
  const stored = await kv.get<unknown>(recordKey(issueKey));
  if (stored === undefined) return null;
  const parsed = automationRecordSchema.safeParse(stored);
  if (!parsed.success) {
    throw new AppError(
      'Internal',
      `The automation record of ${issueKey} cannot be read (${parsed.error.issues[0]?.path.join('.') ?? ''}: ` +
        `${parsed.error.issues[0]?.message ?? 'invalid'}); nothing is created until it is repaired.`,
    );
  }
  return parsed.data;
}

export async function saveAutomationRecord(kv: KvPort, record: AutomationRecord): Promise<void> {
  await kv.set(recordKey(record.issueKey), record);
}

/** Every readable record; one that cannot be read is left out (opening its issue's panel says why). */
export async function* listAutomationRecords(kv: KvPort): AsyncIterable<AutomationRecord> {
  for await (const { value } of kv.listByPrefix<unknown>('automation:')) {
    const parsed = automationRecordSchema.safeParse(value);
    if (parsed.success) yield parsed.data;
  }
}

/**
 * Claims the incident's finalization for one run: a token only this run knows, so two runs of the
 * same delivery (a redelivered event carries the same id) cannot both hold it. Null when taken.
 */
export async function claimFinalization(
  kv: KvPort,
  issueKey: string,
  ttlSeconds: number,
): Promise<string | null> {
  const token = randomUUID();
  return (await kv.setIfAbsent(claimKey(issueKey), token, { ttlSeconds })) ? token : null;
}

/** Whether the claim is still this run's: after its TTL it is gone, or another run holds it. */
export async function holdsFinalization(kv: KvPort, issueKey: string, token: string): Promise<boolean> {
  return (await kv.get<string>(claimKey(issueKey))) === token;
}

/** Releases a claim only while it is still this run's. */
export async function releaseFinalization(kv: KvPort, issueKey: string, token: string): Promise<void> {
  if (await holdsFinalization(kv, issueKey, token)) await kv.delete(claimKey(issueKey));
}
