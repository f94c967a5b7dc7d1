import { DEFAULT_SETTINGS, type AppSettings } from '../../../../src/domain/settings/app-settings';
import { severityBySource, severityFieldIds } from '../../../../src/domain/settings/severity-by-source';
import { incidentSeverity } from '../../../../src/domain/policy/incident-severity';

const source = (overrides: Partial<AppSettings['severitySource']>): AppSettings['severitySource'] => ({
  ...DEFAULT_SETTINGS.severitySource,
  ...overrides,
});

describe('severityBySource', () => {
  it('by default agrees with DESIGN: a SEV label wins, else the priority', () => {
    const cases: Array<[string[], string | null]> = [
      [['sev2', 'SEV-1'], 'Highest'],
      [['customer-facing'], 'High'],
      [[], 'Lowest'],
      [[], null],
      [['Sev-3'], 'Unknown'],
    ];
    for (const [labels, priorityName] of cases) {
      expect(severityBySource(DEFAULT_SETTINGS.severitySource, { labels, priorityName })).toBe(
        incidentSeverity(labels, priorityName),
      );
    }
  });

  it('uses a custom priority mapping, case-insensitively', () => {
    const mapped = source({ kind: 'priority', priorityMapping: { Blocker: 'SEV-1', Major: 'SEV-3' } });
    expect(severityBySource(mapped, { labels: ['SEV-4'], priorityName: 'blocker' })).toBe('SEV-1');
    expect(severityBySource(mapped, { labels: [], priorityName: 'Highest' })).toBeNull();
  });

  it('reads labels only when told to', () => {
    const labels = source({ kind: 'labels' });
    expect(severityBySource(labels, { labels: [], priorityName: 'Highest' })).toBeNull();
    expect(severityBySource(labels, { labels: ['p2'], priorityName: 'Highest' })).toBe('SEV-2');
  });

  it('reads a select, text or list custom field', () => {
    const custom = source({ kind: 'custom-field', customFieldId: 'customfield_10050' });
    const read = (value: unknown) =>
      severityBySource(custom, {
        labels: ['SEV-4'],
        priorityName: 'Low',
        fields: { customfield_10050: value },
      });
    expect(read({ self: 'x', value: 'SEV-1', id: '1' })).toBe('SEV-1');
    expect(read('sev 2')).toBe('SEV-2');
    expect(read(['other', { value: 'Sev-3' }])).toBe('SEV-3');
    expect(read(null)).toBeNull();
    expect(read('Critical')).toBeNull();
    expect(severityFieldIds(custom)).toEqual(['labels', 'priority', 'customfield_10050']);
    expect(severityFieldIds(DEFAULT_SETTINGS.severitySource)).toEqual(['labels', 'priority']);
  });
});
