import { getChangelogs } from '../../../src/jira/changelog';
import { fakeJiraPort } from '../../helpers/fake-jira-port';
import { jiraFixture } from '../../helpers/jira-fixtures';

const PATH = '/rest/api/3/issue/TT-1/changelog';

describe('getChangelogs', () => {
  it("reads Atlassian's example, null from/to included, and follows startAt until isLast", async () => {
    const page = jiraFixture<{ values: unknown[] }>('openapi-examples/getChangeLogs.response.200.json');
    const jira = fakeJiraPort().sequence('GET', PATH, [
      { status: 200, body: { ...page, startAt: 0, isLast: false } },
      { status: 200, body: { ...page, startAt: 2, isLast: true } },
    ]);
    const pages = [];
    for await (const p of getChangelogs(jira, { issueIdOrKey: 'TT-1', maxResults: 2 })) pages.push(p);
    expect(pages).toHaveLength(2);
    expect(jira.requests.map((r) => r.query.get('startAt'))).toEqual(['0', '2']);
    expect(pages[0]?.values[0]?.items[0]).toEqual({
      field: 'fields',
      fieldId: 'fieldId',
      from: null,
      fromString: '',
      to: null,
      toString: 'label-1',
    });
    expect(pages[0]?.values[0]?.authorAccountId).toBe('5b10a2844c20165700ede21g');
    expect(pages[0]?.values[0]?.authorName).toBe('Mia Krystof');
  });

  it('pages by total when isLast is absent: 5 entries at 2 per page take 3 requests', async () => {
    const entry = { id: '1', created: '2026-03-01T10:00:00.000+0000', items: [] };
    const jira = fakeJiraPort().on('GET', PATH, (request) => {
      const startAt = Number(request.query.get('startAt'));
      return {
        status: 200,
        body: { startAt, maxResults: 2, total: 5, values: Array(Math.min(2, 5 - startAt)).fill(entry) },
      };
    });
    let count = 0;
    for await (const p of getChangelogs(jira, { issueIdOrKey: 'TT-1', maxResults: 2 }))
      count += p.values.length;
    expect(count).toBe(5);
    expect(jira.requests).toHaveLength(3);
  });

  it.each(['toString', 'from', 'fieldId', 'fromString', 'to'])(
    'reads an item without %s as null (never the inherited Object.prototype member) and keeps the entry',
    async (missing) => {
      const item: Record<string, unknown> = {
        field: 'labels',
        fieldtype: 'jira',
        fieldId: 'labels',
        from: null,
        fromString: '',
        to: null,
        toString: 'POSTMORTEM-FINAL',
      };
      delete item[missing];
      const entry = { id: '10001', created: '2026-03-01T10:00:00.000+0000', items: [item] };
      const jira = fakeJiraPort().on('GET', PATH, () => ({
        status: 200,
        body: { startAt: 0, maxResults: 100, total: 1, isLast: true, values: [entry] },
      }));
      const pages = [];
      for await (const p of getChangelogs(jira, { issueIdOrKey: 'TT-1' })) pages.push(p);
      const parsed = pages[0]?.values[0]?.items[0];
      expect(parsed).toEqual({
        field: 'labels',
        ...(missing === 'fieldId' ? {} : { fieldId: 'labels' }),
        from: null,
        fromString: missing === 'fromString' ? null : '',
        to: null,
        toString: missing === 'toString' ? null : 'POSTMORTEM-FINAL',
      });
      expect(Object.hasOwn(parsed ?? {}, 'toString')).toBe(true);
    },
  );
});
