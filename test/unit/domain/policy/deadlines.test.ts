import { deadlineStatus, documentDueAt, meetingDueAt } from '../../../../src/domain/policy';

const at = (iso: string): Date => new Date(iso);

describe('meetingDueAt (reference Step 1: meeting within 48h)', () => {
  it('is 48 elapsed hours after resolution', () => {
    expect(meetingDueAt(at('2025-03-15T15:10:00Z')).toISOString()).toBe('2025-03-17T15:10:00.000Z');
  });

  it('stays 48 real hours across a DST change', () => {
    expect(meetingDueAt(at('2026-03-28T12:00:00Z')).toISOString()).toBe('2026-03-30T12:00:00.000Z');
  });

  it('accepts another window and rejects an invalid date', () => {
    expect(meetingDueAt(at('2025-03-15T00:00:00Z'), { hours: 24 }).toISOString()).toBe(
      '2025-03-16T00:00:00.000Z',
    );
    expect(() => meetingDueAt(at('nonsense'))).toThrow('not a valid date');
  });
});

describe('documentDueAt (reference Step 1: document within 5 business days)', () => {
  const utc = { timeZone: 'UTC' };

  it.each([
    ['Monday → next Monday', '2025-03-10T14:00:00Z', '2025-03-17T14:00:00.000Z'],
    ['Friday → next Friday, skipping the weekend', '2025-03-14T16:00:00Z', '2025-03-21T16:00:00.000Z'],
    ['Saturday → counting starts Monday, due Friday', '2025-03-15T10:00:00Z', '2025-03-21T10:00:00.000Z'],
    ['Sunday → due Friday', '2025-03-16T23:59:00Z', '2025-03-21T23:59:00.000Z'],
    ['across a month end', '2025-07-31T09:00:00Z', '2025-08-07T09:00:00.000Z'],
    ['across a year end', '2025-12-31T09:00:00Z', '2026-01-07T09:00:00.000Z'],
    ['across February in a leap year', '2024-02-27T09:00:00Z', '2024-03-05T09:00:00.000Z'],
  ])('%s', (_case, resolved, due) => {
    expect(documentDueAt(at(resolved), utc).toISOString()).toBe(due);
  });

  it('keeps the local wall-clock time when DST starts in the zone (Europe/Berlin, 29 March 2026)', () => {
    // Thu 26 Mar 10:00 CET (09:00Z) → Thu 2 Apr 10:00 CEST (08:00Z).
    expect(documentDueAt(at('2026-03-26T09:00:00Z'), { timeZone: 'Europe/Berlin' }).toISOString()).toBe(
      '2026-04-02T08:00:00.000Z',
    );
  });

  it('keeps the local wall-clock time when DST ends in the zone (America/New_York, 2 November 2025)', () => {
    // Fri 31 Oct 17:00 EDT (21:00Z) → Fri 7 Nov 17:00 EST (22:00Z).
    expect(documentDueAt(at('2025-10-31T21:00:00Z'), { timeZone: 'America/New_York' }).toISOString()).toBe(
      '2025-11-07T22:00:00.000Z',
    );
  });

  it('counts weekends in the configured zone, not in UTC', () => {
    // Friday 23:30Z is already Saturday in Auckland, so the count starts on Monday there.
    const resolved = at('2025-03-14T23:30:00Z');
    expect(documentDueAt(resolved, { timeZone: 'UTC' }).toISOString()).toBe('2025-03-21T23:30:00.000Z');
    expect(documentDueAt(resolved, { timeZone: 'Pacific/Auckland' }).toISOString()).toBe(
      '2025-03-20T23:30:00.000Z',
    );
  });

  it('skips holidays given for the zone', () => {
    // Mon 22 Dec 12:00 CET; 25 and 26 December are holidays → Wed 31 Dec 12:00 CET.
    const due = documentDueAt(at('2025-12-22T11:00:00Z'), {
      timeZone: 'Europe/Berlin',
      holidays: ['2025-12-25', '2025-12-26'],
    });
    expect(due.toISOString()).toBe('2025-12-31T11:00:00.000Z');
  });

  it('starts counting after a holiday the incident was resolved on', () => {
    // Resolved on Thu 25 Dec (a holiday); 26 Dec and 1 Jan are holidays too → Mon 29 Dec … Mon 5 Jan.
    const due = documentDueAt(at('2025-12-25T10:00:00Z'), {
      timeZone: 'UTC',
      holidays: ['2025-12-25', '2025-12-26', '2026-01-01'],
    });
    expect(due.toISOString()).toBe('2026-01-05T10:00:00.000Z');
  });

  it('rejects an unknown time zone, a malformed holiday and an invalid date', () => {
    expect(() => documentDueAt(at('2025-03-10T00:00:00Z'), { timeZone: 'Mars/Olympus' })).toThrow(
      'unknown time zone "Mars/Olympus"',
    );
    expect(() =>
      documentDueAt(at('2025-03-10T00:00:00Z'), { timeZone: 'UTC', holidays: ['25.12.2025'] }),
    ).toThrow('not YYYY-MM-DD');
    expect(() => documentDueAt(at('x'), utc)).toThrow('not a valid date');
  });
});

describe('deadlineStatus', () => {
  const due = at('2025-03-20T12:00:00Z');

  it('is on track with more than a day left', () => {
    expect(deadlineStatus(due, at('2025-03-19T11:59:59Z'))).toEqual({
      state: 'on-track',
      remainingMs: 86_401_000,
    });
  });

  it('is due soon within the last 24 hours, including the due instant itself', () => {
    expect(deadlineStatus(due, at('2025-03-19T12:00:00Z'))).toEqual({
      state: 'due-soon',
      remainingMs: 86_400_000,
    });
    expect(deadlineStatus(due, due)).toEqual({ state: 'due-soon', remainingMs: 0 });
  });

  it('is overdue afterwards, with negative time remaining', () => {
    expect(deadlineStatus(due, at('2025-03-20T12:00:01Z'))).toEqual({ state: 'overdue', remainingMs: -1000 });
  });

  it('accepts another "due soon" window', () => {
    expect(deadlineStatus(due, at('2025-03-19T12:00:00Z'), { dueSoonMs: 3_600_000 }).state).toBe('on-track');
  });

  it('rejects invalid dates', () => {
    expect(() => deadlineStatus(at('x'), due)).toThrow('valid dates');
  });
});
