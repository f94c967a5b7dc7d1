import {
  actionItemsStatus,
  meaningfulWords,
  rankSeenBefore,
  searchWords,
  SEARCH_WORD_LIMIT,
  textSimilarity,
  type EarlierPostmortem,
} from '../../../../src/domain/similar';

const current = {
  key: 'INC-40',
  category: 'Database',
  components: ['Payments'],
  text: 'Checkout failing. Missing index on payment_methods table made queries time out under load',
};

const earlier = (key: string, patch: Partial<EarlierPostmortem>): EarlierPostmortem => ({
  key,
  category: 'Database',
  components: [],
  text: 'Payment Service Outage. Query without an index on the payment_methods table timed out under load',
  finalizedAt: '2025-03-20T10:00:00.000Z',
  ...patch,
});

describe('textSimilarity', () => {
  it('is 1 for the same words, 0 for none shared, and ignores words every incident uses', () => {
    expect(textSimilarity('Replica lag on orders DB', 'orders db replica lag')).toBe(1);
    expect(textSimilarity('TLS certificate expired', 'Ingress returning 503')).toBe(0);
    expect(textSimilarity('The service outage caused errors', 'An incident with errors in the service')).toBe(
      0,
    );
  });

  it('meets plurals: timeouts and timeout are one word', () => {
    expect(meaningfulWords('Payment provider timeouts')).toEqual(['payment', 'provider', 'timeout']);
    expect(textSimilarity('provider timeouts', 'provider timeout')).toBe(1);
  });
});

describe('rankSeenBefore', () => {
  it('lists a postmortem of the same category with a similar root cause, and says why', () => {
    const [first] = rankSeenBefore(current, [earlier('INC-34', {})]);
    expect(first?.postmortem.key).toBe('INC-34');
    expect(first?.reasons[0]).toBe('Same category (Database)');
    expect(first?.reasons.at(-1)).toMatch(/^Similar summary or root cause \(\d+% of the words\)$/);
  });

  it('needs both: the same category or component, and similar text', () => {
    const otherCategory = earlier('INC-1', { category: 'Networking' });
    const sameComponent = earlier('INC-2', { category: 'Networking', components: ['payments'] });
    const unrelatedText = earlier('INC-3', { text: 'TLS certificate expired on the edge proxy' });
    const keys = rankSeenBefore(current, [otherCategory, sameComponent, unrelatedText]).map(
      (r) => r.postmortem.key,
    );
    expect(keys).toEqual(['INC-2']);
  });

  it('never lists the incident itself, keeps at most five, best first, the newer first on a tie', () => {
    const many = Array.from({ length: 8 }, (_, i) =>
      earlier(`INC-${i + 1}`, { finalizedAt: `2025-0${i + 1}-01T00:00:00.000Z` }),
    );
    const ranked = rankSeenBefore(current, [...many, earlier('INC-40', {})]);
    expect(ranked.map((r) => r.postmortem.key)).toEqual(['INC-8', 'INC-7', 'INC-6', 'INC-5', 'INC-4']);
    const closer = earlier('INC-9', { text: current.text, finalizedAt: '2024-01-01T00:00:00.000Z' });
    expect(rankSeenBefore(current, [...many, closer])[0]?.postmortem.key).toBe('INC-9');
  });
});

describe('searchWords', () => {
  it('takes the longest meaningful words, at most the limit', () => {
    const words = searchWords(current.text);
    expect(words[0]).toBe('checkout');
    expect(words.length).toBeLessThanOrEqual(SEARCH_WORD_LIMIT);
    expect(words).not.toContain('the');
    expect(words).toContain('checkout');
  });
});

describe('actionItemsStatus', () => {
  const began = new Date('2025-06-01T10:00:00Z');
  it('counts done, open, overdue, and those still open when this incident began', () => {
    const status = actionItemsStatus(
      [
        {
          done: true,
          created: '2025-03-20T10:00:00.000+0000',
          dueDate: '2025-04-01',
          resolved: '2025-03-30T10:00:00.000+0000',
        },
        // Done, but only after the recurrence: it was open when this one began.
        {
          done: true,
          created: '2025-03-20T10:00:00.000+0000',
          dueDate: '2025-04-15',
          resolved: '2025-06-02T10:00:00.000+0000',
        },
        { done: false, created: '2025-03-20T10:00:00.000+0000', dueDate: '2025-05-01', resolved: null },
        { done: false, created: '2025-03-20T10:00:00.000+0000', dueDate: '2025-12-01', resolved: null },
        // Created after this incident began: it was no pending fix then.
        { done: false, created: '2025-06-05T10:00:00.000+0000', dueDate: null, resolved: null },
      ],
      new Date('2025-06-10T12:00:00Z'),
      'UTC',
      began,
    );
    expect(status).toEqual({ done: 2, open: 3, overdue: 1, openWhenThisBegan: 3 });
  });
});
