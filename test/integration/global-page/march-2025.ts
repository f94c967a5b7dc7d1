/**
 * A small, hand-computed February and March 2025 (UTC). The expected figures below were worked out
 * by hand from these beans (DESIGN "Metric definitions"), not by the code under test.
 *
 * March: INC-4 SEV-1 90 min, INC-5 SEV-1 45 min, INC-6 SEV-2 50 min, INC-7 SEV-3 10 min.
 *   SEV-1 2 (Feb 1, ↑ 100%), SEV-2 1 (Feb 2, ↓ 50%), MTTR (90+45+50+10)/4 = 48.75 → 49 min
 *   (Feb (120+60+30)/3 = 70 → ↓ 30%). Action items created 4 (Feb 2, ↑ 100%), done 3 → 3/4 (75%)
 *   (Feb 1/2 (50%); rate 0.75 vs 0.5 → ↑ 50%).
 *   Completion rate: qualifying INC-4, INC-5 (SEV-1), INC-6 (SEV-2, 50 min > 15); FINAL INC-4, INC-5 → 2/3 = 67%.
 *   Time-to-postmortem: INC-4 Mon 3 → Fri 7 = 4, INC-5 Mon 10 → Wed 19 = 7 → 11/2 = 5.5 business days.
 *   By due date: due in March INC-11 (not done), INC-12 (on time), INC-13 (late) → 1/3 = 33%; INC-15 has no due date.
 *   Repeat rate: INC-4 (Database, INC-1 in Feb), INC-5 (Network, INC-2), INC-6 (Database, INC-4) repeat,
 *   INC-7 (Config) does not → 3/4 = 75%.
 */
export const NOW = '2025-04-10T09:00:00.000Z';

const DONE = { name: 'Done', statusCategory: { key: 'done', name: 'Done' } };
const IN_PROGRESS = { name: 'In Progress', statusCategory: { key: 'indeterminate', name: 'In Progress' } };
const TO_DO = { name: 'To Do', statusCategory: { key: 'new', name: 'To Do' } };

function incident(
  key: string,
  severity: string,
  component: string,
  created: string,
  resolved: string,
  summary = `Incident ${key}`,
) {
  return {
    key,
    fields: {
      summary,
      issuetype: { name: 'Incident' },
      project: { key: 'INC' },
      status: DONE,
      labels: [severity],
      components: [{ name: component }],
      created,
      updated: resolved,
      resolutiondate: resolved,
    },
  };
}

function finalPostmortem(
  bean: ReturnType<typeof incident>,
  severity: string,
  category: string,
  finalizedAt: string,
  rootCause: string,
) {
  return {
    ...bean,
    properties: {
      'postmortem-summary': {
        status: 'FINAL',
        severity,
        category,
        incidentId: bean.key,
        finalizedAt,
        rootCause,
        actionItemCount: 2,
        actionItemsWithoutIssueCount: 0,
      },
    },
  };
}

function actionItem(
  key: string,
  parent: string,
  created: string,
  duedate: string | null,
  status: typeof DONE,
  resolved: string | null,
) {
  return {
    key,
    fields: {
      summary: `Action ${key}`,
      issuetype: { name: 'Subtask' },
      project: { key: 'INC' },
      parent: { key: parent },
      labels: ['postmortem-action'],
      status,
      duedate,
      created,
      updated: resolved ?? created,
      resolutiondate: resolved,
    },
  };
}

export function february2025AndMarch2025(): unknown[] {
  return [
    incident('INC-1', 'SEV-1', 'Database', '2025-02-05T10:00:00.000+0000', '2025-02-05T12:00:00.000+0000'),
    incident('INC-2', 'SEV-2', 'Network', '2025-02-12T08:00:00.000+0000', '2025-02-12T09:00:00.000+0000'),
    incident('INC-3', 'SEV-2', 'Deploy', '2025-02-20T10:00:00.000+0000', '2025-02-20T10:30:00.000+0000'),
    finalPostmortem(
      incident(
        'INC-4',
        'SEV-1',
        'Database',
        '2025-03-03T10:00:00.000+0000',
        '2025-03-03T11:30:00.000+0000',
        'Payment Service Outage',
      ),
      'SEV-1',
      'Database',
      '2025-03-07T15:00:00.000Z',
      'Missing index on payment_methods.user_id after the migration',
    ),
    finalPostmortem(
      incident(
        'INC-5',
        'SEV-1',
        'Network',
        '2025-03-10T09:00:00.000+0000',
        '2025-03-10T09:45:00.000+0000',
        'Checkout latency',
      ),
      'SEV-1',
      'Network',
      '2025-03-19T12:00:00.000Z',
      'Load balancer health checks pointed at a drained pool',
    ),
    incident('INC-6', 'SEV-2', 'Database', '2025-03-18T14:00:00.000+0000', '2025-03-18T14:50:00.000+0000'),
    incident('INC-7', 'SEV-3', 'Config', '2025-03-25T10:00:00.000+0000', '2025-03-25T10:10:00.000+0000'),
    actionItem(
      'INC-10',
      'INC-1',
      '2025-02-06T10:00:00.000+0000',
      '2025-02-20',
      DONE,
      '2025-02-18T10:00:00.000+0000',
    ),
    actionItem('INC-11', 'INC-1', '2025-02-06T10:00:00.000+0000', '2025-03-05', IN_PROGRESS, null),
    actionItem(
      'INC-12',
      'INC-4',
      '2025-03-04T10:00:00.000+0000',
      '2025-03-14',
      DONE,
      '2025-03-12T10:00:00.000+0000',
    ),
    actionItem(
      'INC-13',
      'INC-4',
      '2025-03-04T10:00:00.000+0000',
      '2025-03-21',
      DONE,
      '2025-03-24T10:00:00.000+0000',
    ),
    actionItem('INC-14', 'INC-5', '2025-03-11T10:00:00.000+0000', '2025-04-15', TO_DO, null),
    actionItem('INC-15', 'INC-5', '2025-03-11T10:00:00.000+0000', null, DONE, '2025-03-20T10:00:00.000+0000'),
  ];
}
