import { createJiraEmulator } from '../../../emulator/jira-emulator';

const body = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

describe('Jira emulator: comments seeded with an issue', () => {
  it('serves fields.comment.comments of a seeded bean through the comment resource, with their own times', async () => {
    const emulator = createJiraEmulator({
      baseUrl: 'http://jira.test',
      now: () => new Date('2025-04-01T09:00:00Z'),
    });
    emulator.seed([
      {
        key: 'INC-1',
        fields: {
          summary: 'Checkout outage',
          issuetype: { name: 'Incident' },
          comment: {
            comments: [
              {
                author: { accountId: '5b10a2844c20165700ede21g' },
                body: body('Paged'),
                created: '2025-03-15T14:27:00.000+0000',
              },
            ],
          },
        },
      },
    ]);
    const response = await emulator.handle({ method: 'GET', path: '/rest/api/3/issue/INC-1/comment' });
    const page = JSON.parse(response.body) as { total: number; comments: Array<Record<string, unknown>> };
    expect(page.total).toBe(1);
    expect(page.comments[0]).toMatchObject({
      created: '2025-03-15T14:27:00.000+0000',
      body: body('Paged'),
      author: { accountId: '5b10a2844c20165700ede21g' },
    });
    // Comments live in their own resource, as in Jira; the issue keeps no copy that could go stale.
    expect(emulator.getIssue('INC-1')?.fields.comment).toBeUndefined();
  });

  it('refuses a seeded comment without its created time', () => {
    const emulator = createJiraEmulator({ baseUrl: 'http://jira.test', now: () => new Date() });
    expect(() =>
      emulator.seed([{ key: 'INC-1', fields: { comment: { comments: [{ body: body('x') }] } } }]),
    ).toThrow(/created/);
  });
});
