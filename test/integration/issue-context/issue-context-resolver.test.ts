import type { IssueContextApi } from '../../../src/contract/issue-context-api';
import { emptyPostmortem, type ActionItem, type PostmortemDocument } from '../../../src/domain/postmortem';
import { issueContextResolver } from '../../../src/handlers/resolvers/issue-context-resolver';
import { savePostmortem } from '../../../src/storage/postmortem-store';
import {
  dataOf,
  errorOf,
  incidentApp,
  incidentBean,
  NOW,
  PREVIEW_ACCOUNT_ID,
  resolverCaller,
} from '../../helpers/incident-app';
import type { PreviewApp } from '../../../preview/preview-app';
import { withReviewRequested } from '../../../src/domain/review';
import { updateReview } from '../../../src/storage/review-store';

const OTHER_ACCOUNT_ID = '5b109f2e9729b51b54dc274d';

function item(id: string, overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    id,
    action: `Action ${id}`,
    owner: { accountId: OTHER_ACCOUNT_ID },
    dueDate: '2025-04-01',
    externalRef: null,
    createdIssueKey: null,
    ...overrides,
  };
}

function postmortem(status: PostmortemDocument['header']['status'], actionItems: ActionItem[] = []) {
  const document = emptyPostmortem({ incidentId: 'INC-1', title: 'Payment Service Outage' });
  return {
    ...document,
    header: {
      ...document.header,
      status,
      finalizedAt: status === 'FINAL' ? '2025-03-17T08:00:00.000Z' : null,
    },
    actionItems,
  };
}

async function setUp(
  options: {
    fields?: Record<string, unknown>;
    properties?: Record<string, unknown>;
    document?: PostmortemDocument;
    now?: Date;
  } = {},
) {
  const app = await incidentApp(() => options.now ?? NOW);
  app.emulator.seed([incidentBean('INC-1', options.fields, options.properties)]);
  if (options.document) {
    await savePostmortem(app.services({}).kv, 'INC-1', options.document, { accountId: null, at: NOW });
  }
  return { app, getGlance: glanceCaller(app) };
}

function glanceCaller(app: PreviewApp) {
  const call = resolverCaller<IssueContextApi>(app, issueContextResolver);
  return (
    payload: unknown = { issueKey: 'INC-1' },
    context = { accountId: PREVIEW_ACCOUNT_ID, issueKey: 'INC-1' },
  ) => call('getGlance', payload, context);
}

describe('issue glance (jira:issueContext resolver) on the Jira emulator', () => {
  it('says there is no postmortem yet, that a SEV-1 requires one, and shows the meeting deadline as due soon', async () => {
    const { getGlance } = await setUp();
    const view = dataOf(await getGlance());
    expect(view).toMatchObject({
      issueKey: 'INC-1',
      status: null,
      source: null,
      required: true,
      noDeadlineBecause: null,
      actionItems: { total: 0, withoutOwner: 0, withoutDueDate: 0 },
    });
    expect(view.reasons).toContain('Every SEV-1 incident requires a postmortem.');
    // Resolved Saturday 15:10 UTC: the meeting is due 48 h later, Monday 15:10 — about 6 h from now.
    expect(view.nearestDeadline).toEqual({
      kind: 'meeting',
      dueAt: '2025-03-17T15:10:00.000Z',
      state: 'due-soon',
      remainingMs: 6 * 3_600_000 + 10 * 60_000,
    });
  });

  it('reports a draft with the count of action items missing an owner or a due date', async () => {
    const { getGlance } = await setUp({
      document: postmortem('DRAFT', [
        item('ai-1'),
        item('ai-2', { owner: null }),
        item('ai-3', { owner: null, dueDate: null }),
      ]),
    });
    expect(dataOf(await getGlance())).toMatchObject({
      status: 'DRAFT',
      source: 'document',
      actionItems: { total: 3, withoutOwner: 2, withoutDueDate: 1 },
    });
  });

  it('reports a postmortem in review (reviewers asked, stored apart from it) with its open deadline', async () => {
    const { app, getGlance } = await setUp({ document: postmortem('DRAFT', [item('ai-1')]) });
    await updateReview(app.services({}).kv, 'INC-1', (current) =>
      withReviewRequested(current, {
        reviewers: [{ accountId: '6a20bb1c93f06d33dd1e5f02', displayName: 'Priya Nair' }],
        by: PREVIEW_ACCOUNT_ID,
        at: NOW,
      }),
    );
    const view = dataOf(await getGlance());
    expect(view.status).toBe('IN_REVIEW');
    expect(view.nearestDeadline?.kind).toBe('meeting');
  });

  it('reports a final postmortem with no deadline left to meet', async () => {
    const { getGlance } = await setUp({ document: postmortem('FINAL', [item('ai-1'), item('ai-2')]) });
    expect(dataOf(await getGlance())).toMatchObject({
      status: 'FINAL',
      nearestDeadline: null,
      noDeadlineBecause: 'final',
      actionItems: { total: 2, withoutOwner: 0, withoutDueDate: 0 },
    });
  });

  it('says a short SEV-3 without trigger labels does not require a postmortem', async () => {
    const { getGlance } = await setUp({
      fields: {
        labels: [],
        priority: { name: 'Medium' },
        created: '2025-03-15T15:00:00.000+0000',
        resolutiondate: '2025-03-15T15:10:00.000+0000',
      },
    });
    expect(dataOf(await getGlance())).toMatchObject({ status: null, required: false, reasons: [] });
  });

  it('shows the document deadline once the meeting deadline has passed, then as overdue', async () => {
    const wednesday = await setUp({ now: new Date('2025-03-19T09:00:00Z') });
    expect(dataOf(await wednesday.getGlance()).nearestDeadline).toMatchObject({
      kind: 'document',
      dueAt: '2025-03-21T15:10:00.000Z',
      state: 'on-track',
    });
    const nextWeek = await setUp({ now: new Date('2025-03-24T09:00:00Z') });
    expect(dataOf(await nextWeek.getGlance()).nearestDeadline).toMatchObject({
      kind: 'document',
      state: 'overdue',
    });
  });

  it('has no deadline while the incident is unresolved', async () => {
    const { getGlance } = await setUp({ fields: { resolutiondate: null } });
    expect(dataOf(await getGlance())).toMatchObject({
      nearestDeadline: null,
      noDeadlineBecause: 'unresolved',
    });
  });

  it('falls back to the indexed summary property when app storage has no document (e.g. after a reinstall)', async () => {
    const { getGlance } = await setUp({
      properties: { 'postmortem-summary': { status: 'FINAL', actionItemCount: 4, severity: 'SEV-1' } },
    });
    expect(dataOf(await getGlance())).toMatchObject({
      status: 'FINAL',
      source: 'summary',
      noDeadlineBecause: 'final',
      actionItems: { total: 4, withoutOwner: null, withoutDueDate: null },
    });
  });

  it('ignores a summary property of unexpected shape', async () => {
    const { getGlance } = await setUp({ properties: { 'postmortem-summary': { status: 'SHIPPED' } } });
    expect(dataOf(await getGlance())).toMatchObject({ status: null, source: null });
  });

  it('reads Jira as the viewing user, not as the app', async () => {
    const { app, getGlance } = await setUp();
    dataOf(await getGlance());
    const reads = app.emulator.requests.filter((r) => r.path.startsWith('/rest/api/3/issue/INC-1'));
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((r) => !r.asApp && r.accountId === PREVIEW_ACCOUNT_ID)).toBe(true);
  });

  it('tells a user who cannot browse the issue nothing about its postmortem', async () => {
    const { app, getGlance } = await setUp({ document: postmortem('FINAL') });
    app.emulator.setPermissions(OTHER_ACCOUNT_ID, { browse: false, edit: false });
    const result = await getGlance({ issueKey: 'INC-1' }, { accountId: OTHER_ACCOUNT_ID, issueKey: 'INC-1' });
    expect(errorOf(result).kind).toBe('NotFound');
    expect(JSON.stringify(result)).not.toContain('FINAL');
  });

  it('asks an anonymous viewer to log in', async () => {
    const { getGlance } = await setUp();
    expect(errorOf(await getGlance({ issueKey: 'INC-1' }, { issueKey: 'INC-1' } as never))).toMatchObject({
      kind: 'Forbidden',
      message: expect.stringContaining('Log in'),
    });
  });

  it.each([
    ['no payload', null],
    ['no issue key', {}],
    ['a malformed issue key', { issueKey: 'inc 1; DROP' }],
    ['a number', { issueKey: 42 }],
  ])('answers InvalidInput naming the field for %s', async (_name, payload) => {
    const { getGlance } = await setUp();
    const error = errorOf(await getGlance(payload));
    expect(error.kind).toBe('InvalidInput');
    expect(error.message).toMatch(/issueKey|payload/);
  });

  it('refuses a payload naming another issue than the one open in Jira', async () => {
    const { getGlance } = await setUp();
    const error = errorOf(await getGlance({ issueKey: 'INC-2' }));
    expect(error).toMatchObject({ kind: 'InvalidInput', message: expect.stringContaining('INC-1') });
  });

  it.each([
    ['429', { status: 429 as const, retryAfterSeconds: 5 }, 'RateLimited'],
    ['503', { status: 503 as const }, 'Unavailable'],
  ])('answers a clear %s error when Jira fails the issue read', async (_name, response, kind) => {
    const { app, getGlance } = await setUp();
    app.emulator.faults.add({ method: 'GET', path: /^\/rest\/api\/3\/issue\/INC-1$/, response });
    const error = errorOf(await getGlance());
    expect(error.kind).toBe(kind);
    expect(error.message).toContain('INC-1');
  });
});
