import type { PostmortemDocument } from '../../../../src/contract/issue-panel-api';

/** Element types of the document, derived here because the front end may import only src/contract. */
export type Header = PostmortemDocument['header'];
export type Impact = PostmortemDocument['impact'];
export type TimelineRow = PostmortemDocument['timeline'][number];
export type ActionItem = PostmortemDocument['actionItems'][number];
export type ActionItemOwner = NonNullable<ActionItem['owner']>;
export type Severity = NonNullable<Header['severity']>;
export type TextListKey = 'contributingFactors' | 'whatWorkedWell' | 'lessonsLearned';

export const SEVERITY_OPTIONS: readonly Severity[] = ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4'];
