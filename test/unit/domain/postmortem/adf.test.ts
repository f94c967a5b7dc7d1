import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import {
  InvalidAdfError,
  parseAdf,
  parseMarkdown,
  renderAdf,
  renderMarkdown,
} from '../../../../src/domain/postmortem';
import { referencePostmortemMarkdown, SHARED_DIR } from '../../../helpers/shared-files';
import { randomDocument } from './document-fixtures';

function adfValidator(): ValidateFunction {
  const schemaPath = path.resolve(
    __dirname,
    '../../../../node_modules/@atlaskit/adf-schema/dist/json-schema/v1/full.json',
  );
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  // The official schema declares draft-04; none of its keywords differ in Ajv's default draft.
  delete schema.$schema;
  return new Ajv({ strict: false, allErrors: true }).compile(schema);
}

const validate = adfValidator();
const reference = parseMarkdown(referencePostmortemMarkdown()).document;

describe('rendering a postmortem to ADF', () => {
  it('produces a document the official ADF JSON schema accepts (reference template)', () => {
    const adf = renderAdf(reference);
    expect(validate(adf)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('uses ADF headings, tables with header cells, an ordered list and rules', () => {
    const adf = renderAdf(reference);
    const types = adf.content.map((node) => node.type);
    expect(types.filter((t) => t === 'table')).toHaveLength(2);
    expect(types).toContain('orderedList');
    expect(types).toContain('bulletList');
    expect(types.filter((t) => t === 'rule')).toHaveLength(7);
    expect(adf.content[0]).toMatchObject({ type: 'heading', attrs: { level: 1 } });
    const table = adf.content.find((node) => node.type === 'table');
    expect(JSON.stringify(table)).toContain('"type":"tableHeader"');
  });

  it.each(Array.from({ length: 30 }, (_, i) => i + 100))(
    'validates and parses back to the same document (seed %i)',
    (seed) => {
      const doc = randomDocument(seed);
      const adf = renderAdf(doc);
      expect(validate(adf)).toBe(true);
      expect(parseAdf(adf).document).toEqual(doc);
    },
  );

  it('writes owners resolved to a Jira account as mentions', () => {
    const doc = randomDocument(3);
    doc.actionItems = [
      {
        id: 'ai-1',
        action: 'Add index',
        owner: { accountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Ada' },
        dueDate: '2025-03-18',
        externalRef: null,
        createdIssueKey: null,
      },
    ];
    const adf = renderAdf(doc);
    expect(JSON.stringify(adf)).toMatch(
      /\{"type":"mention","attrs":\{[^}]*"id":"5b10ac8d82e05b22cc7d4ef5","text":"@Ada"\}\}/,
    );
    expect(parseAdf(adf).document.actionItems[0]?.owner).toEqual({
      accountId: '5b10ac8d82e05b22cc7d4ef5',
      displayName: 'Ada',
    });
  });
});

describe('parsing ADF', () => {
  it('round-trips the reference template through ADF to the same Markdown', () => {
    expect(renderMarkdown(parseAdf(renderAdf(reference)).document)).toBe(referencePostmortemMarkdown());
  });

  it('reads a hand-written Jira description that follows the template', () => {
    const description = {
      version: 1,
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Root Cause' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Connection pool exhausted under load.' }] },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Action items' }] },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: ['Action', 'Owner', 'Due Date'].map((text) => ({
                type: 'tableHeader',
                content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
              })),
            },
            {
              type: 'tableRow',
              content: [
                {
                  type: 'tableCell',
                  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Raise pool size' }] }],
                },
                {
                  type: 'tableCell',
                  content: [
                    {
                      type: 'paragraph',
                      content: [{ type: 'mention', attrs: { id: 'acc-1', text: '@Grace' } }],
                    },
                  ],
                },
                {
                  type: 'tableCell',
                  content: [
                    { type: 'paragraph', content: [{ type: 'date', attrs: { timestamp: '1742860800000' } }] },
                  ],
                },
              ],
            },
          ],
        },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'stray note' }] }],
            },
          ],
        },
        {
          type: 'panel',
          attrs: { panelType: 'info' },
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Kept in a panel' }] }],
        },
      ],
    };
    const { document } = parseAdf(description);
    expect(document.rootCause.text).toBe('Connection pool exhausted under load.');
    expect(document.actionItems).toEqual([
      {
        id: 'ai-1',
        action: 'Raise pool size',
        owner: { accountId: 'acc-1', displayName: 'Grace' },
        dueDate: '2025-03-25',
        externalRef: null,
        createdIssueKey: null,
      },
    ]);
    expect(document.otherNotes).toContain('- stray note');
    expect(document.otherNotes).toContain('Kept in a panel');
  });

  it('reads the jira-cli issue description (a plain paragraph) as the summary', () => {
    const issue = JSON.parse(
      readFileSync(path.join(SHARED_DIR, 'corpus/jira-examples/jira-cli/issue.json'), 'utf8'),
    ) as {
      fields: { description: unknown };
    };
    expect(parseAdf(issue.fields.description).document.summary).toBe('Test description');
  });

  it.each([null, 'text', 42, [], { type: 'paragraph' }])('rejects %p with a clear error', (input) => {
    expect(() => parseAdf(input)).toThrow(InvalidAdfError);
    expect(() => parseAdf(input)).toThrow('Not an ADF document');
  });
});
