import { z } from 'zod';
import {
  MAX_PROPERTY_LENGTH,
  deleteIssueProperty,
  getIssueProperty,
  getIssuePropertyKeys,
  setIssueProperty,
} from '../../../src/jira/issue-properties';
import { fakeJiraPort } from '../../helpers/fake-jira-port';
import { jiraFixture } from '../../helpers/jira-fixtures';

const PROPERTY = '/rest/api/3/issue/EX-2/properties/issue.support';

describe('issue properties', () => {
  it("reads a property's value from Jira's example", async () => {
    const jira = fakeJiraPort().on('GET', PROPERTY, {
      status: 200,
      body: jiraFixture('openapi-examples/getIssueProperty.response.200.json'),
    });
    const value = await getIssueProperty(jira, {
      issueIdOrKey: 'EX-2',
      propertyKey: 'issue.support',
      valueSchema: z.looseObject({ 'system.support.time': z.string() }),
    });
    expect(value?.['system.support.time']).toBe('1m');
  });

  it('answers undefined for a property the issue does not have', async () => {
    const jira = fakeJiraPort().on('GET', PROPERTY, { status: 404, body: { errorMessages: ['not found'] } });
    await expect(
      getIssueProperty(jira, { issueIdOrKey: 'EX-2', propertyKey: 'issue.support' }),
    ).resolves.toBeUndefined();
  });

  it('still fails on 403', async () => {
    const jira = fakeJiraPort().on('GET', PROPERTY, { status: 403 });
    await expect(
      getIssueProperty(jira, { issueIdOrKey: 'EX-2', propertyKey: 'issue.support' }),
    ).rejects.toMatchObject({
      kind: 'Forbidden',
    });
  });

  it('PUTs the JSON value as the body', async () => {
    const jira = fakeJiraPort().on('PUT', PROPERTY, { status: 201 });
    await setIssueProperty(jira, {
      issueIdOrKey: 'EX-2',
      propertyKey: 'issue.support',
      value: { rowId: 'r-1' },
    });
    expect(jira.requests[0]?.body).toEqual({ rowId: 'r-1' });
  });

  it('refuses a value over 32,768 characters before calling Jira', async () => {
    const jira = fakeJiraPort();
    const value = { text: 'x'.repeat(MAX_PROPERTY_LENGTH) };
    await expect(
      setIssueProperty(jira, { issueIdOrKey: 'EX-2', propertyKey: 'p', value }),
    ).rejects.toMatchObject({
      kind: 'InvalidInput',
      message: expect.stringContaining('32768'),
    });
    expect(jira.requests).toHaveLength(0);
  });

  it('accepts a value of exactly 32,768 characters', async () => {
    const jira = fakeJiraPort().on('PUT', /properties/, { status: 200 });
    const value = 'x'.repeat(MAX_PROPERTY_LENGTH - 2); // plus two quotes
    await setIssueProperty(jira, { issueIdOrKey: 'EX-2', propertyKey: 'p', value });
    expect(jira.requests).toHaveLength(1);
  });

  it('treats deleting a missing property as done', async () => {
    const jira = fakeJiraPort().on('DELETE', PROPERTY, { status: 404 });
    await expect(
      deleteIssueProperty(jira, { issueIdOrKey: 'EX-2', propertyKey: 'issue.support' }),
    ).resolves.toBeUndefined();
    expect(jira.requests[0]?.method).toBe('DELETE');
  });

  it('lists property keys', async () => {
    const jira = fakeJiraPort().on('GET', '/rest/api/3/issue/EX-2/properties', {
      status: 200,
      body: jiraFixture('openapi-examples/getIssuePropertyKeys.response.200.json'),
    });
    await expect(getIssuePropertyKeys(jira, { issueIdOrKey: 'EX-2' })).resolves.toEqual(['issue.support']);
  });
});
