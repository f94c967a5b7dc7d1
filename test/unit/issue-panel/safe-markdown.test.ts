import { readInline, readTextBlocks } from '../../../static/issue-panel/src/logic/safe-markdown';

describe('readInline', () => {
  it('reads bold, code and web links of the template', () => {
    expect(
      readInline('**Root Cause:** No index on `payment_methods.user_id`, see [PAY-1](https://x.test/PAY-1)'),
    ).toEqual([
      { kind: 'strong', text: 'Root Cause:' },
      { kind: 'text', text: ' No index on ' },
      { kind: 'code', text: 'payment_methods.user_id' },
      { kind: 'text', text: ', see ' },
      { kind: 'link', text: 'PAY-1', href: 'https://x.test/PAY-1' },
    ]);
    expect(readInline('[mail us](mailto:sre@x.test)')).toEqual([
      { kind: 'link', text: 'mail us', href: 'mailto:sre@x.test' },
    ]);
  });

  it('never makes a link of a script, data or relative target, nor of an empty text: they stay as written', () => {
    for (const href of ['javascript:steal', 'JavaScript:steal', 'data:text/html,x', '/relative', 'ftp://x'])
      expect(readInline(`[click](${href})`)).toEqual([{ kind: 'text', text: `[click](${href})` }]);
    expect(readInline('[](https://x.test)')).toEqual([{ kind: 'text', text: '[](https://x.test)' }]);
  });

  it('reads an account mention as @name, not as a link', () => {
    expect(readInline('ask [Ana](accountid:5b10a2)')).toEqual([
      { kind: 'text', text: 'ask ' },
      { kind: 'text', text: '@Ana' },
    ]);
  });

  it('keeps markup-looking text as text (React escapes it when drawn)', () => {
    expect(readInline('<img src=x onerror=alert(1)>')).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)>' },
    ]);
  });
});

describe('readTextBlocks', () => {
  it('reflows hard line breaks inside a paragraph and splits paragraphs at blank lines', () => {
    expect(
      readTextBlocks(
        'Release 2.4.1 added a lookup\nwithout an index.\n\n  Above 100 requests\r\nit scanned.',
      ),
    ).toEqual([
      { kind: 'paragraph', runs: [{ kind: 'text', text: 'Release 2.4.1 added a lookup without an index.' }] },
      { kind: 'paragraph', runs: [{ kind: 'text', text: 'Above 100 requests it scanned.' }] },
    ]);
  });

  it('reads bulleted and numbered lists, an unmarked line continuing its item', () => {
    expect(
      readTextBlocks('Factors:\n1. **Staging** never sees\n   real load\n2. No warning\n- a bullet'),
    ).toEqual([
      { kind: 'paragraph', runs: [{ kind: 'text', text: 'Factors:' }] },
      {
        kind: 'list',
        ordered: true,
        items: [
          [
            { kind: 'strong', text: 'Staging' },
            { kind: 'text', text: ' never sees real load' },
          ],
          [{ kind: 'text', text: 'No warning' }],
        ],
      },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'a bullet' }]] },
    ]);
  });

  it('has no blocks for empty or blank text', () => {
    expect(readTextBlocks('')).toEqual([]);
    expect(readTextBlocks(' \n\n  ')).toEqual([]);
  });
});
