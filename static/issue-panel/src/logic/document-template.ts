import { FULL_TEMPLATE_SECTIONS, type TemplateSection } from '../../../../src/contract/postmortem-template';
import type { TextListKey } from './panel-types';

/**
 * Every section of the template in the reference's order (its path, as in findings and `section-<path>`):
 * the full template's, defined once beside the short one (src/domain/templates/postmortem-template.ts).
 */
export const SECTION_PATHS = FULL_TEMPLATE_SECTIONS;

export type SectionPath = TemplateSection;

// "Overview" for the header block; "Incident summary" for an imported summary, which would otherwise
// read as the header's. Summary, Detection and Resolution are sections the reference template lacks
// but imported postmortems have (Google SRE, PagerDuty, Atlassian styles).
export const SECTION_TITLES: Record<SectionPath, string> = {
  header: 'Overview',
  summary: 'Incident summary',
  impact: 'Impact',
  timeline: 'Timeline',
  detection: 'Detection',
  resolution: 'Resolution',
  rootCause: 'Root cause',
  contributingFactors: 'Contributing factors',
  whatWorkedWell: 'What worked well',
  lessonsLearned: 'Lessons learned',
  actionItems: 'Action items',
  blamelessNotes: 'Notes on blameless culture',
  otherNotes: 'Other notes',
};

/** The list sections: the nth input is labelled `${item} n`; the reference numbers contributing factors. */
export const LIST_SECTIONS: Record<TextListKey, { item: string; add: string; ordered: boolean }> = {
  contributingFactors: { item: 'Contributing factor', add: 'Add contributing factor', ordered: true },
  whatWorkedWell: { item: 'What worked well', add: 'Add what worked well', ordered: false },
  lessonsLearned: { item: 'Lesson learned', add: 'Add lesson learned', ordered: false },
};
