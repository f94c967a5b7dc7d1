import type { JiraPort, JiraResponse } from '../../../src/ports';
import { timeBoxedJiraPort } from '../../../src/runtime/time-boxed-jira-port';

const route = { value: '/rest/api/3/myself' } as Parameters<JiraPort['requestJira']>[0];
const answer = { ok: true, status: 200 } as unknown as JiraResponse;

describe('timeBoxedJiraPort', () => {
  it('passes an answer through untouched, with the same route and options', async () => {
    const requestJira = jest.fn<Promise<JiraResponse>, Parameters<JiraPort['requestJira']>>(
      async () => answer,
    );
    const port = timeBoxedJiraPort({ requestJira }, 1000);
    await expect(port.requestJira(route, { method: 'GET' })).resolves.toBe(answer);
    expect(requestJira).toHaveBeenCalledWith(route, { method: 'GET' });
  });

  it('fails a request that does not answer in time as a TimeoutError', async () => {
    const port = timeBoxedJiraPort({ requestJira: () => new Promise<JiraResponse>(() => undefined) }, 20);
    await expect(port.requestJira(route)).rejects.toMatchObject({
      name: 'TimeoutError',
      message: 'Jira did not answer within 20 ms',
    });
  });

  it('passes a failure through as it came', async () => {
    const failure = new Error('socket hang up');
    const port = timeBoxedJiraPort({ requestJira: () => Promise.reject(failure) }, 1000);
    await expect(port.requestJira(route)).rejects.toBe(failure);
  });
});
