import type { KvPort } from '../ports';

/** A finalization job the platform gave up on (out of retries): the panel says so until one succeeds. */
export interface JobFailure {
  at: string;
  message: string;
}

const failureKey = (issueKey: string) => `job-failure:${issueKey}`;

export async function loadJobFailure(kv: KvPort, issueKey: string): Promise<JobFailure | null> {
  return (await kv.get<JobFailure>(failureKey(issueKey))) ?? null;
}

export async function saveJobFailure(kv: KvPort, issueKey: string, failure: JobFailure): Promise<void> {
  await kv.set(failureKey(issueKey), failure);
}

export async function clearJobFailure(kv: KvPort, issueKey: string): Promise<void> {
  await kv.delete(failureKey(issueKey));
}
