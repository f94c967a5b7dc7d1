import { z } from 'zod';
import type { InvocationContext } from '../../../src/contract/invocation-context';
import { issueKeySchema } from '../../../src/contract/issue-key';
import { answering } from '../../../src/contract/resolver-contract';
import { defineResolver, resolverHandlers } from '../../../src/handlers/resolvers/resolver-handlers';
import { dataOf, errorOf, incidentApp, incidentBean, PREVIEW_ACCOUNT_ID } from '../../helpers/incident-app';

const OUTSIDER = '5b10a2844c20165700ede21g';

// A contract of the same kinds as the app's: a call about the viewed issue, an admin call, an open one.
const contract = {
  annotate: answering<{ issueKey: string; note: string }>()(
    z.object({ issueKey: issueKeySchema, note: z.string().trim().min(1) }),
    'viewed-issue',
  ),
  adminOnly: answering<string>()(z.object({}), 'jira-admin'),
  anyone: answering<number>()(z.object({ count: z.number().int() }), 'signed-in'),
};

async function resolverApp() {
  const app = await incidentApp();
  app.emulator.seed([incidentBean('INC-1'), incidentBean('INC-2')]);
  app.emulator.setPermissions(OUTSIDER, { browse: false, edit: false });
  const ran: string[] = [];
  const resolver = defineResolver(contract, {
    annotate: async (payload) => {
      ran.push('annotate');
      return payload;
    },
    adminOnly: async () => {
      ran.push('adminOnly');
      return 'settings';
    },
    anyone: async ({ count }) => {
      ran.push('anyone');
      return count + 1;
    },
  });
  const handlers = resolverHandlers(resolver, app.services);
  const viewing = (issueKey: string, accountId = PREVIEW_ACCOUNT_ID): InvocationContext => ({
    accountId,
    issueKey,
  });
  return { app, handlers, ran, viewing };
}

describe('defineResolver: the schema, then the access check, then the implementation', () => {
  it('hands the implementation the payload as the schema produced it', async () => {
    const { handlers, viewing } = await resolverApp();
    const answer = await handlers.annotate({
      payload: { issueKey: 'INC-1', note: '  checked  ', extra: true },
      context: viewing('INC-1'),
    });
    expect(dataOf(answer)).toEqual({ issueKey: 'INC-1', note: 'checked' });
  });

  it('answers a bad payload field by field without asking Jira or running the call', async () => {
    const { app, handlers, ran, viewing } = await resolverApp();
    const error = errorOf(
      await handlers.annotate({ payload: { issueKey: 'inc-1', note: '' }, context: viewing('INC-1') }),
    );
    expect(error.kind).toBe('InvalidInput');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['issueKey', 'note']);
    expect(app.emulator.requests).toEqual([]);
    expect(ran).toEqual([]);
  });

  it('refuses a payload naming another issue than the one the module shows', async () => {
    const { handlers, ran, viewing } = await resolverApp();
    const error = errorOf(
      await handlers.annotate({ payload: { issueKey: 'INC-2', note: 'x' }, context: viewing('INC-1') }),
    );
    expect(error.kind).toBe('InvalidInput');
    expect(error.message).toContain('INC-1 is open');
    expect(ran).toEqual([]);
  });

  it('refuses a caller Jira does not let see the issue, naming the issue', async () => {
    const { handlers, ran, viewing } = await resolverApp();
    const error = errorOf(
      await handlers.annotate({
        payload: { issueKey: 'INC-1', note: 'x' },
        context: viewing('INC-1', OUTSIDER),
      }),
    );
    expect(error).toMatchObject({ kind: 'NotFound', message: expect.stringContaining('INC-1') });
    expect(ran).toEqual([]);
  });

  it('lets only a Jira administrator make an admin call', async () => {
    const { handlers, ran } = await resolverApp();
    const error = errorOf(await handlers.adminOnly({ payload: {}, context: { accountId: OUTSIDER } }));
    expect(error.kind).toBe('Forbidden');
    expect(ran).toEqual([]);
  });

  it('runs a signed-in call for any user, and none without one', async () => {
    const { handlers, ran } = await resolverApp();
    expect(dataOf(await handlers.anyone({ payload: { count: 1 }, context: { accountId: OUTSIDER } }))).toBe(
      2,
    );
    expect(errorOf(await handlers.anyone({ payload: { count: 1 }, context: {} })).kind).toBe('Forbidden');
    expect(ran).toEqual(['anyone']);
  });

  it('lets only a payload with an issue key ask for the viewed-issue check (a type error otherwise)', () => {
    // @ts-expect-error: nothing in this payload could be compared with the issue being viewed
    const unchecked = answering<string>()(z.object({ note: z.string() }), 'viewed-issue');
    expect(unchecked.access).toBe('viewed-issue');
  });
});
