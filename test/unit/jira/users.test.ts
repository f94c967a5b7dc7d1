import { getMyself, searchUsers } from '../../../src/jira/users';
import { fakeJiraPort } from '../../helpers/fake-jira-port';
import { openApiExample } from '../../helpers/jira-fixtures';

describe('users', () => {
  it('searches by query and reads accountIds from the spec example', async () => {
    const jira = fakeJiraPort().on('GET', '/rest/api/3/user/search', {
      status: 200,
      body: openApiExample('/rest/api/3/user/search', 'get', '200'),
    });
    const users = await searchUsers(jira, { query: 'mia', maxResults: 5 });
    expect(users.map((u) => [u.accountId, u.displayName])).toEqual([
      ['5b10a2844c20165700ede21g', 'Mia Krystof'],
      ['5b10ac8d82e05b22cc7d4ef5', 'Emma Richards'],
    ]);
    expect(jira.requests[0]?.query.get('query')).toBe('mia');
    expect(jira.requests[0]?.query.get('maxResults')).toBe('5');
  });

  it('encodes a handle with spaces and symbols in the query string', async () => {
    const jira = fakeJiraPort().on('GET', '/rest/api/3/user/search', { status: 200, body: [] });
    await searchUsers(jira, { query: '@sam o&brien' });
    expect(jira.requests[0]?.query.get('query')).toBe('@sam o&brien');
  });

  it('reads the current user', async () => {
    const jira = fakeJiraPort().on('GET', '/rest/api/3/myself', {
      status: 200,
      body: openApiExample('/rest/api/3/myself', 'get', '200'),
    });
    await expect(getMyself(jira)).resolves.toMatchObject({
      accountId: '5b10a2844c20165700ede21g',
      emailAddress: 'mia@example.com',
    });
  });

  it('maps a user-search 429 to RateLimited', async () => {
    const jira = fakeJiraPort().on('GET', '/rest/api/3/user/search', {
      status: 429,
      headers: { 'Retry-After': '2' },
    });
    await expect(searchUsers(jira, { query: 'x' })).rejects.toMatchObject({
      kind: 'RateLimited',
      retryAfterMs: 2000,
    });
  });
});
