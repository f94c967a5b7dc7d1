import {
  postmortemFactsOf,
  postmortemRequirement,
  summaryFactsOf,
} from '../../../../src/domain/policy/incident-facts';
import { emptyPostmortem, indexedSummary, type PostmortemDocument } from '../../../../src/domain/postmortem';
import { DEFAULT_SETTINGS } from '../../../../src/domain/settings/app-settings';
import { incidentPolicy } from '../../../../src/usecases/issue-panel/incident-policy';

/**
 * Issue 14: "requires a postmortem" is decided one way. The panel and the glance decide through
 * `incidentPolicy` with the stored document; the reminders with the stored document's facts
 * (`postmortemFactsOf`); the trends with the indexed summary written from that document at
 * finalization (`summaryFactsOf`). For the same incident all four must agree.
 */
const created = '2026-03-02T10:00:00.000Z';
const after = (minutes: number) => new Date(Date.parse(created) + minutes * 60_000).toISOString();

function postmortem(header: Partial<PostmortemDocument['header']>, sloImpact: string | null = null) {
  const empty = emptyPostmortem({ incidentId: 'INC-1' });
  return {
    ...empty,
    header: { ...empty.header, status: 'FINAL' as const, ...header },
    impact: { ...empty.impact, sloImpact },
  };
}

const incidents: Array<{
  name: string;
  severity: string | null;
  labels: string[];
  resolved: string | null;
  document: PostmortemDocument | null;
  required: boolean;
}> = [
  { name: 'SEV-1', severity: 'SEV-1', labels: [], resolved: after(5), document: null, required: true },
  {
    name: 'SEV-2, 47 min',
    severity: 'SEV-2',
    labels: [],
    resolved: after(47),
    document: null,
    required: true,
  },
  {
    name: 'SEV-2, 10 min',
    severity: 'SEV-2',
    labels: [],
    resolved: after(10),
    document: null,
    required: false,
  },
  {
    name: 'SEV-3, long',
    severity: 'SEV-3',
    labels: [],
    resolved: after(600),
    document: null,
    required: false,
  },
  {
    name: 'unresolved SEV-2',
    severity: 'SEV-2',
    labels: [],
    resolved: null,
    document: null,
    required: false,
  },
  {
    name: 'labelled data loss',
    severity: 'SEV-4',
    labels: ['data-loss'],
    resolved: after(1),
    document: null,
    required: true,
  },
  {
    name: "the postmortem's SLO line",
    severity: 'SEV-3',
    labels: [],
    resolved: after(5),
    document: postmortem({}, 'Availability SLO violated, 2.3% of the error budget'),
    required: true,
  },
  {
    name: "the postmortem's severity over Jira's",
    severity: 'SEV-3',
    labels: [],
    resolved: after(5),
    document: postmortem({ severity: 'SEV-1' }),
    required: true,
  },
  {
    name: 'a postmortem that lowers the severity',
    severity: 'SEV-1',
    labels: [],
    resolved: after(5),
    document: postmortem({ severity: 'SEV-3' }),
    required: false,
  },
];

describe('panel, glance, reminders and trends agree on "requires a postmortem"', () => {
  const threshold = { userImpactMinutesThreshold: DEFAULT_SETTINGS.userImpactMinutesThreshold };

  it.each(incidents)('$name', ({ severity, labels, resolved, document, required }) => {
    const jira = { severity, labels, created, resolved };
    const panelAndGlance = incidentPolicy(
      {
        view: { key: 'INC-1', summary: '', status: 'Done', created, resolved, severity, url: '' },
        labels,
        reporterName: null,
        description: null,
      },
      document,
      DEFAULT_SETTINGS,
      new Date('2026-03-03T00:00:00Z'),
    ).required;
    const reminders = postmortemRequirement(
      { ...jira, postmortem: document && postmortemFactsOf(document) },
      threshold,
    ).required;
    const trends = postmortemRequirement(
      { ...jira, postmortem: document && summaryFactsOf(indexedSummary(document)) },
      threshold,
    ).required;
    expect({ panelAndGlance, reminders, trends }).toEqual({
      panelAndGlance: required,
      reminders: required,
      trends: required,
    });
  });
});
