import {
  emptyPostmortem,
  incidentWindow,
  parseMarkdown,
  type PostmortemDocument,
} from '../../../../src/domain/postmortem';
import { referencePostmortemMarkdown } from '../../../helpers/shared-files';

function withDuration(header: Partial<PostmortemDocument['header']>): PostmortemDocument {
  const doc = emptyPostmortem({ incidentId: 'INC-1', date: '2025-03-15' });
  doc.header = { ...doc.header, ...header };
  return doc;
}

describe('incidentWindow (explicit start/end from the Duration line)', () => {
  it('reads the reference: 14:23 – 15:10 UTC on 2025-03-15, 47 minutes', () => {
    expect(incidentWindow(parseMarkdown(referencePostmortemMarkdown()).document)).toEqual({
      start: new Date('2025-03-15T14:23:00Z'),
      end: new Date('2025-03-15T15:10:00Z'),
      minutes: 47,
    });
  });

  it('crosses midnight when the end time is earlier than the start', () => {
    const window = incidentWindow(withDuration({ startTime: '23:40', endTime: '00:25', timeZone: 'UTC' }));
    expect(window?.end.toISOString()).toBe('2025-03-16T00:25:00.000Z');
    expect(window?.minutes).toBe(45);
  });

  it('applies an IANA zone, DST included', () => {
    const window = incidentWindow(
      withDuration({ date: '2025-07-01', startTime: '10:00', endTime: '11:30', timeZone: 'Europe/Berlin' }),
    );
    expect(window?.start.toISOString()).toBe('2025-07-01T08:00:00.000Z');
    expect(window?.minutes).toBe(90);
  });

  it('accepts full date-times and defaults to UTC without a zone', () => {
    const window = incidentWindow(
      withDuration({
        date: null,
        startTime: '2025-03-15 22:00',
        endTime: '2025-03-16 01:00',
        timeZone: null,
      }),
    );
    expect(window).toEqual({
      start: new Date('2025-03-15T22:00:00Z'),
      end: new Date('2025-03-16T01:00:00Z'),
      minutes: 180,
    });
  });

  it.each([
    ['no start or end', {}],
    ['a clock time without a date', { date: null, startTime: '14:23', endTime: '15:10' }],
    ['an unknown zone', { startTime: '14:23', endTime: '15:10', timeZone: 'Mars/Olympus' }],
    ['unreadable times', { startTime: '14:??', endTime: 'HH:mm' }],
    ['an end before a dated start', { startTime: '2025-03-15 10:00', endTime: '2025-03-14 10:00' }],
  ])('gives no window for %s', (_case, header) => {
    expect(incidentWindow(withDuration(header))).toBeNull();
  });
});
