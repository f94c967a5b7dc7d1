import type { PostmortemDocument } from '../../../src/contract/issue-panel-api';

/** A blank document as the backend pre-fills it; built here because tests of static/ mirror its imports. */
export function blankDocument(overrides: Partial<PostmortemDocument> = {}): PostmortemDocument {
  return {
    version: 3,
    revision: 3,
    header: {
      incidentId: 'INC-1',
      title: 'Checkout outage',
      date: '2026-11-20',
      severity: 'SEV-2',
      startTime: null,
      endTime: null,
      timeZone: null,
      durationMinutes: null,
      writtenBy: null,
      reviewedBy: [],
      status: 'DRAFT',
      category: null,
      finalizedAt: null,
    },
    impact: { usersAffected: null, failedTransactions: null, revenueImpact: null, sloImpact: null, text: '' },
    timeline: [],
    rootCause: { text: '', summary: null },
    contributingFactors: [],
    whatWorkedWell: [],
    lessonsLearned: [],
    actionItems: [],
    blamelessNotes: '',
    otherNotes: '',
    ...overrides,
  };
}
