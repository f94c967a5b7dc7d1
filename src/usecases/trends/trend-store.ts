/**
 * The app's stored trend aggregates: one per project and month, computed as the app only, and one
 * index of the months computed (when, by which rules). Keys obey Forge's key rule
 * `^(?!\s+$)[a-zA-Z0-9:._\s-#]+$` (INVALID_KEY in
 * https://developer.atlassian.com/platform/forge/storage-reference/handling-errors-kvs/): project keys
 * are letters, digits and `_`, months `YYYY-MM`. At most projects × months kept, plus the index.
 */
import type { MonthAggregate } from '../../domain/trends';
import type { AppSettings } from '../../domain/settings/app-settings';
import { KV_BATCH_LIMIT, type KvPort } from '../../ports';

/**
 * The settings the months were computed by, as far as the page needs them (its zone, its JQL links,
 * the admin's maturity answers). Saving settings drops every month, so these are the current ones.
 */
export type TrendRules = Pick<
  AppSettings,
  'incidentJql' | 'actionItemLabel' | 'timeZone' | 'maturityDeclarations'
>;

const AGGREGATE_PREFIX = 'trends-agg:';
const JOB_PREFIX = 'trends-job:';
// Written by earlier versions (a report per month and project list, and its index entry).
const LEGACY_PREFIXES = ['trends:', 'trends-index:', 'trends-index-built'];

export const aggregateKey = (month: string, projectKey: string) =>
  `${AGGREGATE_PREFIX}${month}:${projectKey}`;
const monthPrefix = (month: string) => `${AGGREGATE_PREFIX}${month}:`;
export const trendJobKey = (month: string) => `${JOB_PREFIX}${month}`;
/** One small value for all months, so a page reads it in the same batch as the aggregates. */
const INDEX_KEY = 'trends-months';

/** A month whose aggregates are stored (projects without one had no issues in it). */
export interface MonthMarker {
  month: string;
  /** When the Jira reads behind it began (ISO instant). */
  dataAsOf: string;
  rules: TrendRules;
}

interface TrendIndex {
  rules: TrendRules;
  /** Per month `YYYY-MM`, when its reads began. */
  months: Record<string, { dataAsOf: string }>;
}

export interface StoredMonths {
  markers: Map<string, MonthMarker>;
  /** Per month, the aggregates of the asked-for projects that have one. */
  aggregates: Map<string, MonthAggregate[]>;
}

/** Reads in batches of at most 25 keys (Forge's limit), all batches at once. */
async function getAll<T>(kv: KvPort, keys: readonly string[]): Promise<Map<string, T>> {
  const batches: string[][] = [];
  for (let start = 0; start < keys.length; start += KV_BATCH_LIMIT)
    batches.push(keys.slice(start, start + KV_BATCH_LIMIT));
  const found = await Promise.all(batches.map((batch) => kv.getMany<T>(batch)));
  return new Map(found.flatMap((map) => [...map]));
}

function markersOf(index: TrendIndex | undefined): Map<string, MonthMarker> {
  const markers = new Map<string, MonthMarker>();
  if (!index) return markers;
  for (const [month, { dataAsOf }] of Object.entries(index.months))
    markers.set(month, { month, dataAsOf, rules: index.rules });
  return markers;
}

/**
 * The index and the aggregates of `projects` in `months`: one batched read while they fit Forge's
 * 25 keys (one project, or two, for a year of months), else parallel batches.
 */
export async function readStoredMonths(
  kv: KvPort,
  months: readonly string[],
  projects: readonly string[],
): Promise<StoredMonths> {
  const keys = [
    INDEX_KEY,
    ...months.flatMap((month) => projects.map((project) => aggregateKey(month, project))),
  ];
  const found = await getAll<TrendIndex | MonthAggregate>(kv, keys);
  const indexed = markersOf(found.get(INDEX_KEY) as TrendIndex | undefined);
  const markers = new Map<string, MonthMarker>();
  const aggregates = new Map<string, MonthAggregate[]>();
  for (const month of months) {
    const marker = indexed.get(month);
    if (marker) markers.set(month, marker);
    const parts: MonthAggregate[] = [];
    for (const project of projects) {
      const aggregate = found.get(aggregateKey(month, project));
      if (aggregate) parts.push(aggregate as MonthAggregate);
    }
    aggregates.set(month, parts);
  }
  return { markers, aggregates };
}

/** Every stored month (the daily refresh walks them). */
export async function listMonthMarkers(kv: KvPort): Promise<MonthMarker[]> {
  return [...markersOf(await kv.get<TrendIndex>(INDEX_KEY)).values()];
}

/** The projects with an aggregate in the month (the monthly report's "all projects"). */
export async function projectsWithData(kv: KvPort, month: string): Promise<string[]> {
  const projects: string[] = [];
  for await (const { key } of kv.listByPrefix(monthPrefix(month)))
    projects.push(key.slice(monthPrefix(month).length));
  return projects;
}

/**
 * Stores months read from Jira: each read project's aggregate, removing those of read projects
 * (every project, when `scope` is empty) that no longer have issues in the month; then the index —
 * last, so a month in the index is complete. A month is indexed only when read whole (no `scope`)
 * or already indexed.
 */
export async function writeStoredMonths(
  kv: KvPort,
  months: ReadonlyMap<string, ReadonlyMap<string, MonthAggregate>>,
  scope: readonly string[],
  written: { dataAsOf: string; rules: TrendRules },
): Promise<void> {
  const index = await kv.get<TrendIndex>(INDEX_KEY);
  const updates: TrendIndex['months'] = {};
  for (const [month, byProject] of months) {
    if (scope.length > 0 && index?.months[month] === undefined) continue;
    for (const project of await projectsWithData(kv, month))
      if ((scope.length === 0 || scope.includes(project)) && !byProject.has(project))
        await kv.delete(aggregateKey(month, project));
    for (const [project, aggregate] of byProject) await kv.set(aggregateKey(month, project), aggregate);
    if (scope.length === 0) updates[month] = { dataAsOf: written.dataAsOf };
  }
  // Read-modify-write: a concurrent computation's month may be lost from the index; it is then read again.
  const latest = await kv.get<TrendIndex>(INDEX_KEY);
  await kv.set(INDEX_KEY, {
    rules: written.rules,
    months: { ...(latest?.months ?? {}), ...updates },
  } satisfies TrendIndex);
}

/** Removes months older than any report shows, with their aggregates. */
export async function deleteStoredMonths(kv: KvPort, months: readonly string[]): Promise<void> {
  if (months.length === 0) return;
  for (const month of months)
    for (const project of await projectsWithData(kv, month)) await kv.delete(aggregateKey(month, project));
  const index = await kv.get<TrendIndex>(INDEX_KEY);
  if (!index) return;
  const kept = Object.fromEntries(Object.entries(index.months).filter(([month]) => !months.includes(month)));
  await kv.set(INDEX_KEY, { rules: index.rules, months: kept } satisfies TrendIndex);
}

/**
 * Drops every stored aggregate and marker: after a settings change (incident JQL, severity or
 * category source, time zone, holidays, thresholds…) they count by the old rules. The next read
 * computes afresh. Reports stored by earlier versions go too.
 */
export async function dropTrendCaches(kv: KvPort): Promise<number> {
  const keys: string[] = [];
  for (const prefix of [AGGREGATE_PREFIX, INDEX_KEY, ...LEGACY_PREFIXES])
    for await (const { key } of kv.listByPrefix(prefix)) keys.push(key);
  for (const key of keys) await kv.delete(key);
  return keys.length;
}
