import type { KvPort } from '../ports';

export type SlackDeliveryState = 'sent' | 'failed' | 'not-configured';

export interface SlackDeliveryRecord {
  /** The finalization (label-added change) this message belongs to: one message per finalization. */
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
  /** Action-item row id → child issue key; written right after each create, so a crash never repeats one. */
  children: Record<string, string>;
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

const recordKey = (issueKey: string) => `automation:${issueKey}`;

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
    slack: null,
  };
}

export async function loadAutomationRecord(kv: KvPort, issueKey: string): Promise<AutomationRecord | null> {
  return (await kv.get<AutomationRecord>(recordKey(issueKey))) ?? null;
}

export async function saveAutomationRecord(kv: KvPort, record: AutomationRecord): Promise<void> {
  await kv.set(recordKey(record.issueKey), record);
}

export async function* listAutomationRecords(kv: KvPort): AsyncIterable<AutomationRecord> {
  for await (const { value } of kv.listByPrefix<AutomationRecord>('automation:')) yield value;
}
