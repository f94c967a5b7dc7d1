/**
 * Product events as Forge delivers them to a `trigger` module: `avi:jira:updated:issue` with the
 * changelog of the edit. Delivery is asynchronous (like the platform's), can be duplicated or delayed
 * for tests, and `drain()` awaits everything in flight.
 */
import type { ChangelogHistory, EmulatedIssue } from './emulator-types';

export interface IssueUpdatedEvent {
  eventType: 'avi:jira:updated:issue';
  atlassianId: string;
  issue: { id: string; key: string; fields: Record<string, unknown> };
  changelog: { id: string; items: ChangelogHistory['items'] };
  associatedUsers: Array<{ accountId: string }>;
  associatedStatuses?: unknown[];
}

export interface DeliveryMeta {
  /** True when the app itself made the change (a trigger with `ignoreSelf: true` skips these). */
  selfGenerated: boolean;
}

export type IssueUpdatedListener = (event: IssueUpdatedEvent, meta: DeliveryMeta) => unknown;

export interface DeliveryOptions {
  /** Extra copies of every event (at-least-once delivery). */
  duplicate?: number;
  delayMs?: number;
}

export interface IssueEvents {
  onIssueUpdated(listener: IssueUpdatedListener): () => void;
  deliveryOptions(options: DeliveryOptions): void;
  publish(
    issue: EmulatedIssue,
    history: ChangelogHistory,
    actor: { accountId: string; asApp: boolean },
  ): void;
  drain(): Promise<void>;
  /** Errors thrown by listeners (delivery never fails the edit that caused it). */
  readonly listenerErrors: unknown[];
  reset(): void;
}

// The fields Forge puts on the event's issue: a summary view, not the whole bean.
const EVENT_FIELDS = [
  'summary',
  'issuetype',
  'creator',
  'created',
  'project',
  'reporter',
  'assignee',
  'updated',
  'status',
  'labels',
];

export function createIssueEvents(): IssueEvents {
  const listeners = new Set<IssueUpdatedListener>();
  const pending = new Set<Promise<void>>();
  const listenerErrors: unknown[] = [];
  let options: DeliveryOptions = {};

  const deliver = (event: IssueUpdatedEvent, meta: DeliveryMeta, delayMs: number): void => {
    const delivery = new Promise<void>((resolve) => setTimeout(resolve, delayMs)).then(async () => {
      for (const listener of [...listeners]) {
        try {
          await listener(structuredClone(event), meta);
        } catch (error) {
          listenerErrors.push(error);
        }
      }
    });
    pending.add(delivery);
    void delivery.finally(() => pending.delete(delivery));
  };

  return {
    listenerErrors,
    onIssueUpdated(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    deliveryOptions(next) {
      options = { ...next };
    },
    publish(issue, history, actor) {
      const fields: Record<string, unknown> = {};
      for (const name of EVENT_FIELDS) if (name in issue.fields) fields[name] = issue.fields[name];
      const event: IssueUpdatedEvent = {
        eventType: 'avi:jira:updated:issue',
        atlassianId: actor.accountId,
        issue: { id: issue.id, key: issue.key, fields: structuredClone(fields) },
        changelog: { id: history.id, items: structuredClone(history.items) },
        associatedUsers: [{ accountId: actor.accountId }],
      };
      const copies = 1 + Math.max(0, options.duplicate ?? 0);
      for (let copy = 0; copy < copies; copy += 1)
        deliver(event, { selfGenerated: actor.asApp }, options.delayMs ?? 0);
    },
    async drain() {
      // Listeners may edit issues and so publish more events: loop until nothing is in flight.
      while (pending.size > 0) await Promise.all([...pending]);
    },
    reset() {
      listeners.clear();
      listenerErrors.length = 0;
      options = {};
    },
  };
}
