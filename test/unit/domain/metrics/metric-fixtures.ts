import type { ActionItemRecord, IncidentRecord } from '../../../../src/domain/metrics';

// Builders with neutral defaults so each test states only the facts it is about.
export function incident(
  overrides: Partial<IncidentRecord> & Pick<IncidentRecord, 'key' | 'created'>,
): IncidentRecord {
  return {
    projectKey: 'OPS',
    resolved: null,
    labels: [],
    priority: null,
    components: [],
    postmortem: null,
    durationOverrideMinutes: null,
    qualifiesForPostmortem: false,
    ...overrides,
  };
}

export function actionItem(
  overrides: Partial<ActionItemRecord> & Pick<ActionItemRecord, 'key' | 'created'>,
): ActionItemRecord {
  return { parentKey: null, dueDate: null, statusCategory: 'new', doneAt: null, ...overrides };
}

function minutesAfter(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

function day(month: string, n: number): string {
  return `${month}-${String(n).padStart(2, '0')}T10:00:00.000Z`;
}

/**
 * The reference's "Incident Trend Report – February 2025", built so that by hand:
 * Feb: 2 SEV-1 + 5 SEV-2, all restored in 38 min → MTTR 38; categories Database issues ×3,
 *      Deployment errors ×2, External API outages ×2; 11 action items, 9 done (82 %).
 * Jan: 4 SEV-1 + 6 SEV-2, all restored in 55 min → MTTR 55; 16 action items, 8 done (50 %).
 */
export function february2025(): { incidents: IncidentRecord[]; actionItems: ActionItemRecord[] } {
  const incidents: IncidentRecord[] = [];
  const febCategories = [
    'Database issues',
    'Database issues',
    'Database issues',
    'Deployment errors',
    'Deployment errors',
    'External API outages',
    'External API outages',
  ];
  febCategories.forEach((category, i) => {
    const created = day('2025-02', i + 1);
    incidents.push(
      incident({
        key: `FEB-${i + 1}`,
        created,
        resolved: minutesAfter(created, 38),
        labels: [i < 2 ? 'SEV-1' : 'SEV-2'],
        components: [category],
      }),
    );
  });
  for (let i = 0; i < 10; i += 1) {
    const created = day('2025-01', i + 1);
    incidents.push(
      incident({
        key: `JAN-${i + 1}`,
        created,
        resolved: minutesAfter(created, 55),
        priority: i < 4 ? 'Highest' : 'High',
        components: ['Network'],
      }),
    );
  }
  const actionItems: ActionItemRecord[] = [];
  for (let i = 0; i < 11; i += 1) {
    actionItems.push(
      actionItem({
        key: `FA-${i}`,
        created: day('2025-02', i + 1),
        statusCategory: i < 9 ? 'done' : 'indeterminate',
      }),
    );
  }
  for (let i = 0; i < 16; i += 1) {
    actionItems.push(
      actionItem({ key: `JA-${i}`, created: day('2025-01', i + 1), statusCategory: i < 8 ? 'done' : 'new' }),
    );
  }
  return { incidents, actionItems };
}
