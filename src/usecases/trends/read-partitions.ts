import type { JiraIssue } from '../../jira/issues';
import { searchJqlPage, type SearchJqlParams } from '../../jira/search-jql';
import type { Clock, JiraPort } from '../../ports';
import { retryingJiraPort } from '../../runtime/retrying-jira-port';
import type { AdaptiveConcurrency } from './adaptive-concurrency';

/** The reads ran past their deadline (a resolver's share of 25 s): the caller hands the work on. */
export class TrendReadDeadline extends Error {
  constructor() {
    super('the trend reads ran past their deadline');
    this.name = 'TrendReadDeadline';
  }
}

/** One kind of issue to read: the search parameters (without JQL) and how an issue becomes a record. */
export interface PartitionedSearch<F, R> {
  /** Disjoint bounded JQL queries that together find every issue of this kind. */
  partitions: string[];
  params: Omit<SearchJqlParams<F>, 'jql'>;
  toRecord: (issue: JiraIssue<F>) => R;
}

export interface ReadPartitionsOptions {
  jira: JiraPort;
  clock: Clock;
  limiter: AdaptiveConcurrency;
  /** Epoch ms by which every page must be read (retries included). */
  deadlineMs: number;
  /** Aborted when the caller gives up (another read failed): no page or retry starts after it. */
  signal?: AbortSignal;
  /** After every page, with the number of issues read so far over all partitions. */
  onProgress?: (issuesRead: number) => void | Promise<void>;
}

/**
 * Reads every partition, as many at once as the limiter allows; each partition pages on its own by
 * `nextPageToken`. A failed page is retried with its own token (429/5xx with backoff inside the
 * deadline), so a partition resumes where it failed instead of at its first page. Each record goes
 * to `take` as its page arrives (an aggregator need not keep them); answers how many were read.
 */
export async function readPartitions<F, R>(
  search: PartitionedSearch<F, R>,
  options: ReadPartitionsOptions,
  take: (record: R) => void,
): Promise<number> {
  const { clock, limiter, deadlineMs } = options;
  const jira = retryingJiraPort(options.jira, {
    clock,
    maxAttempts: 8,
    budgetMs: Math.max(0, deadlineMs - clock.now().getTime()),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  let read = 0;
  const readPartition = async (jql: string) => {
    let token: string | undefined;
    do {
      if (clock.now().getTime() > deadlineMs) throw new TrendReadDeadline();
      const pageToken = token;
      const page = await searchJqlPage(jira, { ...search.params, jql }, pageToken);
      for (const issue of page.issues) take(search.toRecord(issue));
      read += page.issues.length;
      await options.onProgress?.(read);
      token = page.nextPageToken;
    } while (token);
  };
  // The limiter bounds partitions in flight (each one request at a time), so a slowdown takes effect
  // as partitions finish, and Jira sees at most `limit` concurrent searches.
  const outcomes = await Promise.allSettled(
    search.partitions.map((jql) => limiter.run(() => readPartition(jql))),
  );
  const failed = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return read;
}
