import { trendRefreshDecision, updatedSinceJqlLiteral } from '../../../../src/domain/trends';

const entry = (month: string, dataAsOf: string) => ({ month, projectKeys: [], dataAsOf });

describe('trendRefreshDecision', () => {
  const now = new Date('2025-04-10T09:00:00Z');

  it('recomputes the open month and a future one', () => {
    expect(trendRefreshDecision(entry('2025-04', '2025-04-09T09:00:00Z'), now, 'UTC')).toBe('recompute');
    expect(trendRefreshDecision(entry('2025-05', '2025-04-09T09:00:00Z'), now, 'UTC')).toBe('recompute');
  });

  it('only checks a closed month for changes', () => {
    expect(trendRefreshDecision(entry('2025-03', '2025-04-09T09:00:00Z'), now, 'UTC')).toBe(
      'check-for-changes',
    );
  });

  it('leaves a report read less than an hour ago alone', () => {
    expect(trendRefreshDecision(entry('2025-04', '2025-04-10T08:01:00Z'), now, 'UTC')).toBe('fresh');
    expect(trendRefreshDecision(entry('2025-04', '2025-04-10T08:00:00Z'), now, 'UTC')).toBe('recompute');
  });

  it('decides the open month in the configured zone (April 1st 02:00 in Auckland is still March in UTC)', () => {
    const early = new Date('2025-03-31T13:00:00Z');
    expect(trendRefreshDecision(entry('2025-03', '2025-03-30T00:00:00Z'), early, 'UTC')).toBe('recompute');
    expect(trendRefreshDecision(entry('2025-03', '2025-03-30T00:00:00Z'), early, 'Pacific/Auckland')).toBe(
      'check-for-changes',
    );
  });
});

describe('updatedSinceJqlLiteral', () => {
  it('is 12 hours before the instant, at minute precision, so every zone reads it as earlier', () => {
    expect(updatedSinceJqlLiteral('2025-04-10T09:00:30.000Z')).toBe('2025-04-09 21:00');
    expect(updatedSinceJqlLiteral('2025-01-01T05:59:59.999Z')).toBe('2024-12-31 17:59');
  });
});
