import {
  addMonths,
  categoryOf,
  monthKeyOf,
  severityOf,
  timeToRestoreMinutes,
  trendOf,
} from '../../../../src/domain/metrics';

describe('severityOf', () => {
  it.each([
    [['SEV-1'], 'Low', 'SEV-1'],
    [['sev-2'], null, 'SEV-2'],
    [['customer', 'sev1'], 'Lowest', 'SEV-1'],
    [['Sev4'], 'Highest', 'SEV-4'],
    [[], 'Highest', 'SEV-1'],
    [[], 'High', 'SEV-2'],
    [[], 'Medium', 'SEV-3'],
    [[], 'Low', 'SEV-4'],
    [[], 'Lowest', 'SEV-4'],
    [['sev-5'], 'Medium', 'SEV-3'],
    [[], null, null],
    [[], 'Blocker', null],
  ] as const)('labels %j with priority %s → %s', (labels, priority, expected) => {
    expect(severityOf({ labels, priority })).toBe(expected);
  });

  it('uses a configured priority mapping', () => {
    expect(severityOf({ labels: [], priority: 'Blocker' }, { blocker: 'SEV-1' })).toBe('SEV-1');
  });
});

describe('categoryOf', () => {
  const pm = (category: string | null) => ({ status: 'FINAL', severity: null, category, finalizedAt: null });
  it('prefers the postmortem category, then the first component, then Uncategorized', () => {
    expect(categoryOf({ postmortem: pm('Database issues'), components: ['Payments'] })).toBe(
      'Database issues',
    );
    expect(categoryOf({ postmortem: pm(null), components: ['Payments', 'API'] })).toBe('Payments');
    expect(categoryOf({ postmortem: pm('  '), components: [] })).toBe('Uncategorized');
    expect(categoryOf({ postmortem: null, components: [] })).toBe('Uncategorized');
  });
});

describe('monthKeyOf', () => {
  it('buckets by the local month of the zone', () => {
    expect(monthKeyOf('2025-02-28T23:30:00Z', 'Europe/Berlin')).toBe('2025-03');
    expect(monthKeyOf('2025-02-28T23:30:00Z', 'UTC')).toBe('2025-02');
    expect(monthKeyOf('2025-03-01T03:00:00Z', 'America/Los_Angeles')).toBe('2025-02');
    // DST ended on 26 Oct, so CET (+1): 22:30Z on 31 Oct is 23:30 on 31 Oct, still October.
    expect(monthKeyOf('2025-10-31T22:30:00Z', 'Europe/Berlin')).toBe('2025-10');
    // CEST (+2) in June: 22:30Z on 30 June is 00:30 on 1 July.
    expect(monthKeyOf('2025-06-30T22:30:00Z', 'Europe/Berlin')).toBe('2025-07');
    expect(monthKeyOf('2025-06-30T22:30:00+00:00', 'Asia/Kolkata')).toBe('2025-07');
  });

  it('rejects a malformed date', () => {
    expect(() => monthKeyOf('yesterday', 'UTC')).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it('crosses year boundaries', () => {
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2024-12', 1)).toBe('2025-01');
    expect(addMonths('2025-03', -11)).toBe('2024-04');
  });
});

describe('timeToRestoreMinutes', () => {
  it('is null while unresolved and honours the Duration override', () => {
    const base = { created: '2025-03-15T14:23:00Z', durationOverrideMinutes: null };
    expect(timeToRestoreMinutes({ ...base, resolved: null })).toBeNull();
    expect(timeToRestoreMinutes({ ...base, resolved: '2025-03-15T15:10:00Z' })).toBe(47);
    expect(
      timeToRestoreMinutes({ ...base, resolved: '2025-03-15T18:00:00Z', durationOverrideMinutes: 47 }),
    ).toBe(47);
    expect(timeToRestoreMinutes({ ...base, resolved: '2025-03-15T14:00:00Z' })).toBeNull();
  });
});

describe('trendOf', () => {
  it.each([
    [2, 4, '↓', 50],
    [5, 6, '↓', 17],
    [38, 55, '↓', 31],
    [3, 2, '↑', 50],
    // 1/8 = 12.5 % → 13, half up.
    [9, 8, '↑', 13],
    [7, 8, '↓', 13],
    [4, 4, '→', 0],
    [0, 0, '→', 0],
    [3, 0, '↑', null],
  ] as const)('%d vs %d → %s %s', (current, previous, arrow, percent) => {
    expect(trendOf(current, previous)).toEqual({ arrow, percent });
  });

  it('has no trend when a side has no value', () => {
    expect(trendOf(null, 5)).toBeNull();
  });
});
