// Issue 15 "Templates sized to severity": SEV-1/2 keep the reference's full template ("Step 2: Use the
// Postmortem Template"); SEV-3/4 may use a short one — summary, impact, what happened, action items.
import type { PostmortemDocument, Severity } from '../postmortem';

export type TemplateKind = 'full' | 'short';

/** The document's sections by the paths findings use; the panel shows these in this order. */
export const FULL_TEMPLATE_SECTIONS = [
  'header',
  'summary',
  'impact',
  'timeline',
  'detection',
  'resolution',
  'rootCause',
  'contributingFactors',
  'whatWorkedWell',
  'lessonsLearned',
  'actionItems',
  'blamelessNotes',
  'otherNotes',
] as const;

export type TemplateSection = (typeof FULL_TEMPLATE_SECTIONS)[number];

/** "What happened" is the timeline: the events in order, as the reference's Timeline table tells them. */
export const SHORT_TEMPLATE_SECTIONS: readonly TemplateSection[] = [
  'header',
  'summary',
  'impact',
  'timeline',
  'actionItems',
];

export interface PostmortemTemplate {
  kind: TemplateKind;
  sections: readonly TemplateSection[];
}

/** The template a document is written with: short only for a severity the settings list (SEV-3/4). */
export function postmortemTemplate(
  severity: Severity | null,
  shortTemplateSeverities: readonly Severity[],
): PostmortemTemplate {
  return severity !== null && shortTemplateSeverities.includes(severity)
    ? { kind: 'short', sections: SHORT_TEMPLATE_SECTIONS }
    : { kind: 'full', sections: FULL_TEMPLATE_SECTIONS };
}

/** The template of a document as it stands (its severity may be edited while writing). */
export const templateOf = (doc: PostmortemDocument, shortTemplateSeverities: readonly Severity[]) =>
  postmortemTemplate(doc.header.severity, shortTemplateSeverities);
