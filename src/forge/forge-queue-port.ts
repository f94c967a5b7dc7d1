import { Queue } from '@forge/events';
import type { QueuePort } from '../ports';

/** The async-events queue consumed by the `postmortem-jobs-consumer` module (900 s budget). */
export const POSTMORTEM_JOBS_QUEUE = 'postmortem-jobs';

export function forgeQueuePort(): QueuePort {
  const queue = new Queue({ key: POSTMORTEM_JOBS_QUEUE });
  return {
    async push(job) {
      await queue.push({ body: { ...job } });
    },
  };
}
