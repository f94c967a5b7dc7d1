import { adfPlainText } from '../../../emulator/jql/adf-plain-text';
import { textSearchMatcher } from '../../../emulator/jql/text-search-matcher';

describe('textSearchMatcher', () => {
  const text = 'Payment gateway outage: card-payments failed (EU region)';

  it('matches whole words and word prefixes, case-insensitively', () => {
    expect(textSearchMatcher('OUTAGE')(text)).toBe(true);
    expect(textSearchMatcher('pay')(text)).toBe(true);
    expect(textSearchMatcher('ment')(text)).toBe(false);
    expect(textSearchMatcher('eu')(text)).toBe(true);
  });

  it('requires every term', () => {
    expect(textSearchMatcher('gateway failed')(text)).toBe(true);
    expect(textSearchMatcher('gateway database')(text)).toBe(false);
  });

  it('supports * and ? wildcards within a word', () => {
    expect(textSearchMatcher('g*y')(text)).toBe(true);
    expect(textSearchMatcher('fail?d')(text)).toBe(true);
    expect(textSearchMatcher('fail?x')(text)).toBe(false);
  });

  it('matches quoted phrases as consecutive words, across punctuation', () => {
    expect(textSearchMatcher('"card payments failed"')(text)).toBe(true);
    expect(textSearchMatcher('"payments card"')(text)).toBe(false);
  });

  it('treats regex metacharacters literally and an empty query as no match', () => {
    expect(textSearchMatcher('(eu')(text)).toBe(true);
    expect(textSearchMatcher('.*')('anything')).toBe(false);
    expect(textSearchMatcher('')(text)).toBe(false);
  });
});

describe('adfPlainText', () => {
  it('joins text nodes and mention labels of an ADF document', () => {
    const doc = {
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Paged' },
            { type: 'mention', attrs: { id: 'x', text: '@Ana' } },
          ],
        },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'rollback' }] }],
            },
          ],
        },
      ],
    };
    expect(adfPlainText(doc)).toBe('Paged @Ana rollback');
  });

  it('passes strings through and yields nothing for null', () => {
    expect(adfPlainText('plain')).toBe('plain');
    expect(adfPlainText(null)).toBe('');
  });
});
