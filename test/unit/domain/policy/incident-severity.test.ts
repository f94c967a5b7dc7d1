import { incidentSeverity } from '../../../../src/domain/policy/incident-severity';

describe('incidentSeverity (DESIGN.md: a SEV label wins, else the priority)', () => {
  it.each([
    [['SEV-2'], 'Highest', 'SEV-2'],
    [['customer', 'sev1'], 'Low', 'SEV-1'],
    [['Sev-3'], null, 'SEV-3'],
  ])('labels %j with priority %s → %s', (labels, priority, expected) => {
    expect(incidentSeverity(labels, priority)).toBe(expected);
  });

  it.each([
    ['Highest', 'SEV-1'],
    ['High', 'SEV-2'],
    ['Medium', 'SEV-3'],
    ['Low', 'SEV-4'],
    ['Lowest', 'SEV-4'],
    ['highest', 'SEV-1'],
  ])('maps priority %s to %s when no label says otherwise', (priority, expected) => {
    expect(incidentSeverity(['outage'], priority)).toBe(expected);
  });

  it('is unknown without a severity label or a known priority', () => {
    expect(incidentSeverity(['SEV-9'], 'Blocker')).toBeNull();
    expect(incidentSeverity([], undefined)).toBeNull();
  });
});
