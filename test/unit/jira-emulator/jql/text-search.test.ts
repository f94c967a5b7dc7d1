import { adfText } from '../../../../emulator/jql/adf-text';
import { textMatcher, words } from '../../../../emulator/jql/text-search';

describe('textMatcher (JQL ~)', () => {
  it('matches whole words case-insensitively, not substrings', () => {
    expect(textMatcher('OUTAGE')('Payment outage in checkout')).toBe(true);
    expect(textMatcher('out')('Payment outage in checkout')).toBe(false);
  });

  it('supports * and ? wildcards', () => {
    expect(textMatcher('pay*')('Payments failed')).toBe(true);
    expect(textMatcher('log?n')('Login errors')).toBe(true);
    expect(textMatcher('log?n')('Logging errors')).toBe(false);
  });

  it('ignores a plural s on either side', () => {
    expect(textMatcher('errors')('one error')).toBe(true);
    expect(textMatcher('error')('many errors')).toBe(true);
    expect(textMatcher('class')('classes')).toBe(false);
  });

  it('requires every term unless OR separates alternatives', () => {
    expect(textMatcher('payment timeout')('payment failed')).toBe(false);
    expect(textMatcher('payment OR timeout')('payment failed')).toBe(true);
    expect(textMatcher('search spike OR login')('search spike seen')).toBe(true);
  });

  it('matches a quoted phrase as consecutive words', () => {
    expect(textMatcher('"latency spike"')('Search latency spike')).toBe(true);
    expect(textMatcher('"spike latency"')('Search latency spike')).toBe(false);
  });

  it('splits words at punctuation but keeps versions and contractions', () => {
    expect(words('TLS-certificate expired; v1.2 didn’t')).toEqual([
      'tls',
      'certificate',
      'expired',
      'v1.2',
      'didn’t',
    ]);
    expect(textMatcher('certificate')('TLS-certificate')).toBe(true);
  });

  it('matches nothing for a query without terms', () => {
    expect(textMatcher('*')('anything')).toBe(false);
  });
});

describe('adfText', () => {
  it('joins text nodes and mention/emoji text of an ADF document', () => {
    const doc = {
      type: 'doc',
      version: 1,
      content: [
        { type: 'heading', content: [{ type: 'text', text: 'Impact' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Paged' },
            { type: 'mention', attrs: { id: 'acc-1', text: '@Alice' } },
          ],
        },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'nested' }] }],
            },
          ],
        },
      ],
    };
    expect(adfText(doc)).toBe('Impact Paged @Alice nested');
  });

  it('treats null as empty and a string as itself', () => {
    expect(adfText(null)).toBe('');
    expect(adfText('plain')).toBe('plain');
  });
});
