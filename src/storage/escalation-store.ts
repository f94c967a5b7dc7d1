import { z } from 'zod';
import type { KvPort } from '../ports';

/**
 * What the app remembers of one escalation, per child issue and due date (a moved due date is a new
 * key, so the escalation re-arms for the new date). `sending`: claimed by a run that had not yet
 * heard back from Jira; `sent`: Jira stored the comment.
 */
export type EscalationMarker =
  { state: 'sending'; at: string } | { state: 'sent'; at: string; commentId: string };

const markerSchema: z.ZodType<EscalationMarker> = z.discriminatedUnion('state', [
  z.object({ state: z.literal('sending'), at: z.string() }),
  z.object({ state: z.literal('sent'), at: z.string(), commentId: z.string() }),
]);

const markerKey = (childKey: string, dueDate: string) => `escalation:${childKey}:${dueDate}`;

/** The marker, or null when none (or one this version cannot read: then the comments decide). */
export async function loadEscalationMarker(
  kv: KvPort,
  childKey: string,
  dueDate: string,
): Promise<EscalationMarker | null> {
  const parsed = markerSchema.safeParse(await kv.get<unknown>(markerKey(childKey, dueDate)));
  return parsed.success ? parsed.data : null;
}

/** Claims a child's escalation for this run; false when another run claimed it first. */
export function claimEscalation(kv: KvPort, childKey: string, dueDate: string, at: Date): Promise<boolean> {
  const marker: EscalationMarker = { state: 'sending', at: at.toISOString() };
  return kv.setIfAbsent(markerKey(childKey, dueDate), marker);
}

/** Takes over a claim whose run never said how it ended. */
export async function reclaimEscalation(
  kv: KvPort,
  childKey: string,
  dueDate: string,
  at: Date,
): Promise<void> {
  const marker: EscalationMarker = { state: 'sending', at: at.toISOString() };
  await kv.set(markerKey(childKey, dueDate), marker);
}

export async function markEscalationSent(
  kv: KvPort,
  childKey: string,
  dueDate: string,
  sent: { at: Date; commentId: string },
): Promise<void> {
  const marker: EscalationMarker = { state: 'sent', at: sent.at.toISOString(), commentId: sent.commentId };
  await kv.set(markerKey(childKey, dueDate), marker);
}

/** Gives a claim back when Jira refused the comment, so a later run tries again. */
export async function releaseEscalation(kv: KvPort, childKey: string, dueDate: string): Promise<void> {
  await kv.delete(markerKey(childKey, dueDate));
}
