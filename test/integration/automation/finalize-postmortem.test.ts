import { parseMarkdown, type PostmortemDocument } from '../../../src/domain/postmortem';
import { actionItemIssue } from '../../../src/domain/automation/action-item-issue';
import { findSubtaskIssueType } from '../../../src/jira/issue-metadata';
import { bulkCreateIssues, editIssue } from '../../../src/jira/issues';
import { searchJqlAll } from '../../../src/jira/search-jql';
import {
  emptyAutomationRecord,
  loadAutomationRecord,
  saveAutomationRecord,
} from '../../../src/storage/automation-record-store';
import { loadPostmortem, MAX_DOCUMENT_BYTES, savePostmortem } from '../../../src/storage/postmortem-store';
import { saveSlackWebhookUrl } from '../../../src/storage/settings-store';
import { finalizePostmortem } from '../../../src/usecases/finalize-postmortem';
import { saveDraft } from '../../../src/usecases/issue-panel/panel-actions';
import { referencePostmortemMarkdown } from '../../helpers/shared-files';
import { createMemoryKvs } from '../../../forge-platform/memory-kvs';
import { createPreviewApp, PREVIEW_ACCOUNT_ID, type PreviewApp } from '../../../preview/preview-app';

const NOW = new Date('2025-03-17T09:00:00Z');

function incident(key: string, project = 'INC') {
  return {
    key,
    fields: {
      summary: 'Payment Service Outage',
      issuetype: { name: 'Incident', subtask: false },
      project: { key: project },
      status: { name: 'Done', statusCategory: { key: 'done', name: 'Done' } },
      priority: { name: 'Highest' },
      labels: ['SEV-1'],
      components: [{ name: 'Payments' }],
      created: '2025-03-15T14:23:00.000+0000',
      updated: '2025-03-15T15:10:00.000+0000',
      resolutiondate: '2025-03-15T15:10:00.000+0000',
    },
  };
}

const referenceDocument = (): PostmortemDocument => {
  const { document } = parseMarkdown(referencePostmortemMarkdown());
  return { ...document, header: { ...document.header, status: 'FINALIZING', finalizedAt: null } };
};

async function setUp(
  key = 'INC-1',
  document: PostmortemDocument = referenceDocument(),
  project = 'INC',
  now: () => Date = () => NOW,
): Promise<PreviewApp> {
  const app = await createPreviewApp({
    baseUrl: 'http://jira.test',
    now,
    demo: false,
    quiet: true,
    retryDelayScale: 0.001,
  });
  app.emulator.seed([incident(key, project)]);
  await savePostmortem(app.services({}).kv, key, document, { accountId: PREVIEW_ACCOUNT_ID, at: NOW });
  return app;
}

/** What a person does in Jira: add the label; the emulator delivers the product event to the trigger. */
async function addLabel(app: PreviewApp, key: string, label = 'POSTMORTEM-FINAL') {
  await editIssue(app.emulator.jiraPort(PREVIEW_ACCOUNT_ID), { issueIdOrKey: key, labels: { add: [label] } });
  await settle(app);
}

async function removeLabel(app: PreviewApp, key: string, label = 'POSTMORTEM-FINAL') {
  await editIssue(app.emulator.jiraPort(PREVIEW_ACCOUNT_ID), {
    issueIdOrKey: key,
    labels: { remove: [label] },
  });
  await settle(app);
}

/** The label on the issue without a product event (as the app's own edits are: `ignoreSelf`). */
async function labelWithoutEvent(app: PreviewApp, key: string) {
  await editIssue(app.emulator.appJiraPort(), { issueIdOrKey: key, labels: { add: ['POSTMORTEM-FINAL'] } });
}

async function settle(app: PreviewApp) {
  await app.emulator.drainEvents();
  await app.queue.drain();
}

const children = (app: PreviewApp, key: string) => {
  app.emulator.index.flush();
  return searchJqlAll(app.emulator.appJiraPort(), {
    jql: `issue.property[postmortem-action-source].incidentKey = "${key}" ORDER BY created ASC`,
    fields: ['summary', 'assignee', 'duedate', 'labels', 'parent', 'issuetype', 'description'],
    properties: ['postmortem-action-source'],
  });
};

const bulkCalls = (app: PreviewApp) =>
  app.emulator.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/rest/api/3/issue/bulk'));

describe('finalization: POSTMORTEM-FINAL → child action items exactly once → Slack', () => {
  it("creates one child per row of the reference document's five action items, and posts one Slack message", async () => {
    const app = await setUp();
    await addLabel(app, 'INC-1');

    const created = await children(app, 'INC-1');
    expect(created.map((issue) => (issue.fields as { summary: string }).summary)).toEqual([
      'Add index on `payment_methods.user_id`',
      'Enable AWS Performance Insights (all RDS instances)',
      'Reduce canary start percentage to 5%',
      'Performance test with production data volume in staging',
      'Update runbook for "failed deployment"',
    ]);
    const first = created[0]?.fields as Record<string, unknown>;
    expect(first).toMatchObject({
      duedate: '2025-03-18',
      labels: ['postmortem-action'],
      parent: { key: 'INC-1' },
    });
    expect(JSON.stringify(first.description)).toContain('PAY-456');
    expect(created.map((issue) => issue.properties?.['postmortem-action-source'])).toEqual(
      ['ai-1', 'ai-2', 'ai-3', 'ai-4', 'ai-5'].map((rowId) => ({ incidentKey: 'INC-1', rowId })),
    );

    const messages = app.slackSink.messages();
    expect(messages).toHaveLength(1);
    // The consumer's context has no site URL: the link comes from Jira's serverInfo.
    expect(JSON.stringify(messages[0])).toContain('<http://jira.test/browse/INC-1|');

    const kv = app.services({}).kv;
    const stored = await loadPostmortem(kv, 'INC-1');
    expect(stored?.document.header.status).toBe('FINAL');
    expect(stored?.document.header.finalizedAt).toBe(NOW.toISOString());
    const record = await loadAutomationRecord(kv, 'INC-1');
    expect(stored?.document.actionItems.map((item) => record?.children[item.id])).toEqual(
      created.map((issue) => issue.key),
    );
    expect(record?.pendingCreate).toBeNull();
    expect(record?.skippedRules).toEqual([]);
    expect(JSON.stringify(messages[0])).not.toContain("without the panel's checks");

    const summary = await searchJqlAll(app.emulator.appJiraPort(), {
      jql: 'postmortemStatus = FINAL',
      fields: ['summary'],
    });
    expect(summary.map((issue) => issue.key)).toEqual(['INC-1']);
  });

  it('creates nothing twice when the same event is delivered twice', async () => {
    const app = await setUp();
    app.emulator.deliveryOptions({ duplicate: 2 });
    await addLabel(app, 'INC-1');
    expect(await children(app, 'INC-1')).toHaveLength(5);
    expect(app.slackSink.messages()).toHaveLength(1);
  });

  it('creates nothing twice when two deliveries run at the same time', async () => {
    const app = await setUp();
    await labelWithoutEvent(app, 'INC-1');
    const deps = app.services({});
    const job = { issueKey: 'INC-1', deliveryId: 'changelog-1' };
    const runs = await Promise.allSettled([
      finalizePostmortem({ ...deps, jira: deps.jiraAsApp }, job),
      finalizePostmortem({ ...deps, jira: deps.jiraAsApp }, { ...job, deliveryId: 'changelog-1-copy' }),
    ]);
    // The loser is told to come back later (the platform retries it); when it does, nothing is left to do.
    const retried = await finalizePostmortem(
      { ...deps, jira: deps.jiraAsApp },
      { ...job, deliveryId: 'changelog-1-copy' },
    );
    expect(runs.filter((run) => run.status === 'fulfilled')).not.toHaveLength(0);
    expect(retried.created).toEqual([]);
    expect(await children(app, 'INC-1')).toHaveLength(5);
  });

  it('creates nothing twice when two runs of the same delivery id overlap (a redelivered event)', async () => {
    const app = await setUp();
    await labelWithoutEvent(app, 'INC-1');
    const deps = app.services({});
    const job = { issueKey: 'INC-1', deliveryId: 'changelog-1' };
    const runs = await Promise.allSettled([
      finalizePostmortem({ ...deps, jira: deps.jiraAsApp }, job),
      finalizePostmortem({ ...deps, jira: deps.jiraAsApp }, job),
    ]);
    expect(runs.map((run) => run.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await children(app, 'INC-1')).toHaveLength(5);
    expect(bulkCalls(app)).toHaveLength(1);
    expect(app.slackSink.messages()).toHaveLength(1);
  });

  it.each([
    ['the bulk create', 'GET', /\/createmeta\//],
    ['the Slack message', 'PUT', /\/properties\/postmortem-summary$/],
  ])(
    'stops before %s when its claim expired while it waited on Jira, and another run does the work once',
    async (_step, method, path) => {
      let now = NOW.getTime();
      const app = await setUp('INC-1', referenceDocument(), 'INC', () => new Date(now));
      await labelWithoutEvent(app, 'INC-1');
      const deps = app.services({});
      // Jira answers the request only after the 900 s claim has lapsed, as a run slowed by 429s would see.
      const slowJira: typeof deps.jiraAsApp = {
        requestJira: async (route, init) => {
          const answer = await deps.jiraAsApp.requestJira(route, init);
          if ((init?.method ?? 'GET') === method && path.test(route.value.split('?')[0]!)) now += 901_000;
          return answer;
        },
      };
      const stale = finalizePostmortem(
        { ...deps, jira: slowJira },
        { issueKey: 'INC-1', deliveryId: 'slow' },
      );
      await expect(stale).rejects.toMatchObject({ kind: 'Unavailable' });

      await finalizePostmortem({ ...deps, jira: deps.jiraAsApp }, { issueKey: 'INC-1', deliveryId: 'retry' });
      expect(await children(app, 'INC-1')).toHaveLength(5);
      expect(bulkCalls(app)).toHaveLength(1);
      expect(app.slackSink.messages()).toHaveLength(1);
    },
  );

  it('holds a DRAFT postmortem FINALIZING when the label is added in Jira: a row saved during the bulk create is refused, never FINAL without a child', async () => {
    const reference = referenceDocument();
    const app = await setUp('INC-1', { ...reference, header: { ...reference.header, status: 'DRAFT' } });
    await labelWithoutEvent(app, 'INC-1');
    const deps = app.services({});
    const editor = app.services({ accountId: PREVIEW_ACCOUNT_ID });
    let panelSave: Promise<unknown> | undefined;
    // An editor saves a new row from the panel while Jira creates the children.
    const jira: typeof deps.jiraAsApp = {
      requestJira: async (route, init) => {
        if (init?.method === 'POST' && route.value.startsWith('/rest/api/3/issue/bulk') && !panelSave) {
          const current = (await loadPostmortem(deps.kv, 'INC-1'))!.document;
          const added = { ...current.actionItems[0]!, id: 'ai-6', action: 'Added during the bulk create' };
          panelSave = saveDraft(editor, 'INC-1', {
            ...current,
            actionItems: [...current.actionItems, added],
          });
          await panelSave.catch(() => undefined);
        }
        return deps.jiraAsApp.requestJira(route, init);
      },
    };
    await finalizePostmortem({ ...deps, jira }, { issueKey: 'INC-1', deliveryId: 'label-added-in-jira' });

    await expect(panelSave).rejects.toMatchObject({ kind: 'Conflict' });
    const final = (await loadPostmortem(deps.kv, 'INC-1'))!.document;
    const record = (await loadAutomationRecord(deps.kv, 'INC-1'))!;
    expect(final.header.status).toBe('FINAL');
    expect(final.actionItems.filter((item) => !(item.id in record.children))).toEqual([]);
    expect(app.slackSink.messages()).toHaveLength(1);
  });

  it('does not mark FINAL rows stored after it read the postmortem: it goes round again and creates their child', async () => {
    const app = await setUp();
    await labelWithoutEvent(app, 'INC-1');
    const deps = app.services({});
    let stored = false;
    // A write the panel does not guard (storage written directly) lands during the bulk create.
    const jira: typeof deps.jiraAsApp = {
      requestJira: async (route, init) => {
        if (init?.method === 'POST' && route.value.startsWith('/rest/api/3/issue/bulk') && !stored) {
          stored = true;
          const current = (await loadPostmortem(deps.kv, 'INC-1'))!.document;
          const added = { ...current.actionItems[0]!, id: 'ai-6', action: 'Stored during the bulk create' };
          await savePostmortem(
            deps.kv,
            'INC-1',
            { ...current, actionItems: [...current.actionItems, added] },
            { accountId: PREVIEW_ACCOUNT_ID, at: NOW },
          );
        }
        return deps.jiraAsApp.requestJira(route, init);
      },
    };
    const job = { issueKey: 'INC-1', deliveryId: 'changelog-1' };
    await expect(finalizePostmortem({ ...deps, jira }, job)).rejects.toMatchObject({ kind: 'Unavailable' });
    expect(app.slackSink.messages()).toHaveLength(0);

    await finalizePostmortem({ ...deps, jira }, job);
    expect(await children(app, 'INC-1')).toHaveLength(6);
    expect(app.slackSink.messages()).toHaveLength(1);
  });

  it('creates nothing when the stored automation record cannot be read', async () => {
    const app = await setUp();
    await labelWithoutEvent(app, 'INC-1');
    const deps = app.services({});
    await deps.kv.set('automation:INC-1', { ...emptyAutomationRecord('INC-1'), children: ['INC-2'] });
    await expect(
      finalizePostmortem({ ...deps, jira: deps.jiraAsApp }, { issueKey: 'INC-1', deliveryId: 'changelog-1' }),
    ).rejects.toMatchObject({ kind: 'Internal' });
    expect(bulkCalls(app)).toHaveLength(0);
  });

  it('posts one Slack message when the panel queues its own run of a finalization the trigger already ran', async () => {
    const app = await setUp();
    await addLabel(app, 'INC-1');
    await app.queue.push({
      type: 'finalize-postmortem',
      issueKey: 'INC-1',
      deliveryId: 'queued-by-the-panel',
    });
    await settle(app);
    expect(await children(app, 'INC-1')).toHaveLength(5);
    expect(app.slackSink.messages()).toHaveLength(1);
  });

  it('recovers sub-tasks whose create answer was lost from the incident itself, whatever the search index lags', async () => {
    const app = await setUp();
    // Far longer than the platform's retry delay (60 s): search shows none of the children to the retry.
    app.emulator.index.setLag(10 * 60_000);
    app.emulator.faults.add({
      method: 'POST',
      path: /\/rest\/api\/3\/issue\/bulk/,
      times: 1,
      afterServing: true,
      response: { status: 504 },
    });
    await addLabel(app, 'INC-1');
    expect(app.queue.failures).toEqual([]);
    expect(bulkCalls(app)).toHaveLength(1);
    expect(await children(app, 'INC-1')).toHaveLength(5);
    const record = await loadAutomationRecord(app.services({}).kv, 'INC-1');
    expect(Object.keys(record?.children ?? {})).toHaveLength(5);
    expect(record?.pendingCreate).toBeNull();
  });

  it('finds the children of a lost answer recorded by the earlier version (no intent in its record) without creating them again', async () => {
    const app = await setUp();
    app.emulator.index.freeze();
    const kv = app.services({}).kv;
    const rows = (await loadPostmortem(kv, 'INC-1'))!.document.actionItems;
    // What the earlier version left behind: the children exist on Jira, its record names none of them.
    const subtask = await findSubtaskIssueType(app.emulator.appJiraPort(), { projectIdOrKey: 'INC' });
    await bulkCreateIssues(app.emulator.appJiraPort(), {
      issues: rows.map((item) =>
        actionItemIssue({
          incident: { key: 'INC-1', projectKey: 'INC', url: 'http://jira.test/browse/INC-1' },
          item,
          issueType: { kind: 'sub-task', id: subtask!.id },
          label: 'postmortem-action',
          assigneeAccountId: null,
        }),
      ),
    });
    const { pendingCreate: _notKeptYet, ...legacy } = emptyAutomationRecord('INC-1');
    await saveAutomationRecord(kv, { ...legacy, childIssueType: 'sub-task' });
    const bulkBefore = bulkCalls(app).length;
    await addLabel(app, 'INC-1');
    expect(bulkCalls(app).length - bulkBefore).toBe(0);
    expect(await children(app, 'INC-1')).toHaveLength(5);
    expect(app.slackSink.messages()).toHaveLength(1);
  });

  it('goes back to DRAFT when the label is removed in Jira, and a late copy of the old event finalizes nothing', async () => {
    const app = await setUp();
    await addLabel(app, 'INC-1');
    await removeLabel(app, 'INC-1');
    const kv = app.services({}).kv;
    expect((await loadPostmortem(kv, 'INC-1'))?.document.header).toMatchObject({
      status: 'DRAFT',
      finalizedAt: null,
    });
    await app.queue.push({ type: 'finalize-postmortem', issueKey: 'INC-1', deliveryId: 'late-copy' });
    await settle(app);
    expect((await loadPostmortem(kv, 'INC-1'))?.document.header.status).toBe('DRAFT');
    expect(app.slackSink.messages()).toHaveLength(1);
  });

  it('never treats a child key the client saved in a row as created: no link to it, not in Slack', async () => {
    const app = await setUp('OPS-1', referenceDocument(), 'OPS');
    app.emulator.seed([incident('INC-500')]);
    const kv = app.services({}).kv;
    const stored = (await loadPostmortem(kv, 'OPS-1'))!.document;
    await savePostmortem(
      kv,
      'OPS-1',
      { ...stored, actionItems: stored.actionItems.map((item) => ({ ...item, createdIssueKey: 'INC-500' })) },
      { accountId: PREVIEW_ACCOUNT_ID, at: NOW },
    );
    await addLabel(app, 'OPS-1');
    expect(await children(app, 'OPS-1')).toHaveLength(5);
    expect(app.emulator.getIssue('INC-500')?.fields.issuelinks).toEqual([]);
    expect(JSON.stringify(app.slackSink.messages())).not.toContain('INC-500');
    const record = await loadAutomationRecord(kv, 'OPS-1');
    expect(Object.values(record?.children ?? {})).not.toContain('INC-500');
  });

  it('finalizes a postmortem saved at the storage size limit (child keys are not added to it)', async () => {
    const base = referenceDocument();
    const padded = (length: number): PostmortemDocument => ({
      ...base,
      rootCause: { ...base.rootCause, text: 'x'.repeat(length) },
    });
    const fits = (length: number) =>
      savePostmortem(createMemoryKvs(), 'INC-1', padded(length), {
        accountId: PREVIEW_ACCOUNT_ID,
        at: NOW,
      }).then(
        () => true,
        () => false,
      );
    // The longest root cause a user can save: one character more is refused for size.
    let [low, high] = [0, MAX_DOCUMENT_BYTES];
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (await fits(middle)) low = middle;
      else high = middle - 1;
    }
    expect(await fits(low + 1)).toBe(false);
    const atLimit = padded(low);
    const app = await setUp('INC-1', atLimit);
    await addLabel(app, 'INC-1');
    expect(app.queue.failures).toEqual([]);
    expect(await children(app, 'INC-1')).toHaveLength(5);
    expect((await loadPostmortem(app.services({}).kv, 'INC-1'))?.document.header.status).toBe('FINAL');
    expect(app.slackSink.messages()).toHaveLength(1);
  });

  it('does not create children again when the label is removed and added again, but announces the new finalization', async () => {
    const app = await setUp();
    await addLabel(app, 'INC-1');
    await removeLabel(app, 'INC-1');
    await addLabel(app, 'INC-1');
    expect(await children(app, 'INC-1')).toHaveLength(5);
    expect(app.slackSink.messages()).toHaveLength(2);
  });

  it('announces a second finalization even when its first run stops after marking the postmortem FINAL', async () => {
    const app = await setUp();
    await addLabel(app, 'INC-1');
    await removeLabel(app, 'INC-1');
    await labelWithoutEvent(app, 'INC-1');
    const services = app.services({});
    // Retry waits cost no wall time here.
    const deps = { ...services, jira: services.jiraAsApp, clock: { now: () => NOW, sleep: async () => {} } };
    const job = { issueKey: 'INC-1', deliveryId: 'second' };
    // Every attempt at the summary property (after FINAL is stored, before Slack) fails: the run gives up.
    app.emulator.faults.add({
      method: 'PUT',
      path: /\/properties\/postmortem-summary$/,
      times: 6,
      response: { status: 500 },
    });
    await expect(finalizePostmortem(deps, job)).rejects.toThrow();
    expect((await loadPostmortem(services.kv, 'INC-1'))?.document.header.status).toBe('FINAL');
    await finalizePostmortem(deps, job);
    expect(app.slackSink.messages()).toHaveLength(2);
    expect(await children(app, 'INC-1')).toHaveLength(5);
  });

  it('gives rows added after a first finalization their child at the next one', async () => {
    const app = await setUp();
    await addLabel(app, 'INC-1');
    const kv = app.services({}).kv;
    const stored = (await loadPostmortem(kv, 'INC-1'))!.document;
    const extra = {
      id: 'ai-6',
      action: 'Alert on connection pool saturation',
      owner: null,
      dueDate: '2025-04-10',
      externalRef: null,
      createdIssueKey: null,
    };
    await savePostmortem(
      kv,
      'INC-1',
      {
        ...stored,
        header: { ...stored.header, status: 'DRAFT' },
        actionItems: [...stored.actionItems, extra],
      },
      { accountId: PREVIEW_ACCOUNT_ID, at: NOW },
    );
    await removeLabel(app, 'INC-1');
    await addLabel(app, 'INC-1');
    const created = await children(app, 'INC-1');
    expect(created).toHaveLength(6);
    expect(created.at(-1)?.properties?.['postmortem-action-source']).toEqual({
      incidentKey: 'INC-1',
      rowId: 'ai-6',
    });
  });

  it('creates 120 action items in three bulk calls', async () => {
    const base = referenceDocument();
    const many = Array.from({ length: 120 }, (_, i) => ({
      id: `ai-${i + 1}`,
      action: `Action ${i + 1}`,
      owner: null,
      dueDate: '2025-04-01',
      externalRef: null,
      createdIssueKey: null,
    }));
    const app = await setUp('INC-1', { ...base, actionItems: many });
    await addLabel(app, 'INC-1');
    expect(await children(app, 'INC-1')).toHaveLength(120);
    expect(bulkCalls(app)).toHaveLength(3);
  });

  it.each([
    ['429 with Retry-After', { status: 429 as const, retryAfterSeconds: 1 }],
    ['500', { status: 500 as const }],
    ['503', { status: 503 as const }],
  ])('retries a bulk create answered %s and creates every child once', async (_name, response) => {
    const app = await setUp();
    app.emulator.faults.add({ method: 'POST', path: /\/rest\/api\/3\/issue\/bulk/, times: 2, response });
    await addLabel(app, 'INC-1');
    expect(await children(app, 'INC-1')).toHaveLength(5);
    expect(app.queue.failures).toEqual([]);
  });

  it.each([
    ['the issue read', 'GET', /\/rest\/api\/3\/issue\/INC-1\?/],
    ['createmeta', 'GET', /\/createmeta\//],
    ['the user search', 'GET', /\/user\/search/],
    ['the summary property', 'PUT', /\/properties\/postmortem-summary/],
  ])('survives 429 and 500 on %s', async (_name, method, path) => {
    const app = await setUp();
    app.emulator.faults.add({ method, path, times: 1, response: { status: 429, retryAfterSeconds: 1 } });
    app.emulator.faults.add({ method, path, times: 1, response: { status: 500 } });
    await addLabel(app, 'INC-1');
    expect(await children(app, 'INC-1')).toHaveLength(5);
    expect(app.slackSink.messages()).toHaveLength(1);
  });

  it('creates every child once when a bulk create succeeded at Jira but its answer was lost (500)', async () => {
    const app = await setUp();
    app.emulator.faults.add({
      method: 'POST',
      path: /\/rest\/api\/3\/issue\/bulk/,
      times: 1,
      afterServing: true,
      response: { status: 500 },
    });
    await addLabel(app, 'INC-1');
    // The lost answer is not retried blindly: the platform's retry finds the five on the incident.
    expect(bulkCalls(app)).toHaveLength(1);
    expect(await children(app, 'INC-1')).toHaveLength(5);
    expect(app.slackSink.messages()).toHaveLength(1);
    expect(app.queue.failures).toEqual([]);
  });

  it.each([
    ['the issue read', 'GET', /\/rest\/api\/3\/issue\/INC-1$/, false],
    ['createmeta', 'GET', /\/createmeta\//, false],
    ['the bulk create, before Jira acted', 'POST', /\/rest\/api\/3\/issue\/bulk/, false],
    ['the bulk create, after Jira created the issues', 'POST', /\/rest\/api\/3\/issue\/bulk/, true],
  ])(
    'times out a hanging call on %s and resumes without duplicates',
    async (_name, method, path, afterServing) => {
      const app = await setUp();
      app.emulator.faults.add({ method, path, times: 1, afterServing, response: { hang: true } });
      await addLabel(app, 'INC-1');
      expect(await children(app, 'INC-1')).toHaveLength(5);
      expect(app.slackSink.messages()).toHaveLength(1);
      expect(app.queue.failures).toEqual([]);
      app.emulator.faults.clear();
    },
  );

  it.each([
    [400, 'invalid_blocks'],
    [404, 'no_service'],
    [410, 'channel_is_archived'],
    [500, 'rollup_error'],
  ])(
    'keeps the children when Slack answers %i %s, and records the failure for the panel',
    async (status, body) => {
      const app = await setUp();
      app.slackSink.failNext(status, body);
      await addLabel(app, 'INC-1');
      expect(await children(app, 'INC-1')).toHaveLength(5);
      const record = await loadAutomationRecord(app.services({}).kv, 'INC-1');
      expect(record?.slack).toMatchObject({ state: 'failed', retryable: status >= 500 });
      expect(record?.slack?.error).toContain(String(status));
    },
  );

  it('creates the children and says Slack is not set up when no webhook is configured', async () => {
    const app = await setUp();
    await saveSlackWebhookUrl(app.services({}).kv, null);
    await addLabel(app, 'INC-1');
    expect(await children(app, 'INC-1')).toHaveLength(5);
    expect((await loadAutomationRecord(app.services({}).kv, 'INC-1'))?.slack?.state).toBe('not-configured');
    expect(app.slackSink.messages()).toHaveLength(0);
  });

  it('creates rows without owner or due date unassigned, and warns about them in Slack', async () => {
    const base = referenceDocument();
    const items = base.actionItems.map((item, i) =>
      i === 0 ? { ...item, owner: null } : i === 1 ? { ...item, dueDate: null } : item,
    );
    const app = await setUp('INC-1', { ...base, actionItems: items });
    await addLabel(app, 'INC-1');
    const created = await children(app, 'INC-1');
    expect(created).toHaveLength(5);
    expect((created[0]?.fields as { assignee?: unknown }).assignee ?? null).toBeNull();
    expect((created[1]?.fields as { duedate?: unknown }).duedate ?? null).toBeNull();
    const message = JSON.stringify(app.slackSink.messages()[0]);
    expect(message).toContain('no owner');
    expect(message).toContain('no due date');
  });

  it('finalizes when the label is added in Jira while blockers exist, and says which rules were skipped', async () => {
    const base = referenceDocument();
    const items = base.actionItems.map((item, i) => (i === 0 ? { ...item, owner: null } : item));
    const app = await setUp('INC-1', { ...base, actionItems: items });
    await addLabel(app, 'INC-1');
    expect(await children(app, 'INC-1')).toHaveLength(5);
    const record = await loadAutomationRecord(app.services({}).kv, 'INC-1');
    expect(record?.skippedRules).toEqual([
      {
        rule: 'action-item-without-owner',
        message: expect.stringContaining('Action item 1'),
      },
    ]);
    const message = JSON.stringify(app.slackSink.messages()[0]);
    expect(message).toContain("Finalized in Jira without the panel's checks");
    expect(message).toContain('Action item 1');
    // A re-run of the same finalization keeps what was skipped when the label was added.
    await app.queue.push({ type: 'finalize-postmortem', issueKey: 'INC-1', deliveryId: 'again' });
    await settle(app);
    expect((await loadAutomationRecord(app.services({}).kv, 'INC-1'))?.skippedRules).toHaveLength(1);
    expect(app.slackSink.messages()).toHaveLength(1);
  });

  it('leaves owners Jira does not know unassigned and reports them', async () => {
    const base = referenceDocument();
    const items = base.actionItems.map((item) => ({ ...item, owner: { text: '@nobody-by-this-name' } }));
    const app = await setUp('INC-1', { ...base, actionItems: items });
    await addLabel(app, 'INC-1');
    const record = await loadAutomationRecord(app.services({}).kv, 'INC-1');
    expect(record?.unresolvedOwners).toEqual(['@nobody-by-this-name']);
    expect(JSON.stringify(app.slackSink.messages()[0])).toContain('nobody-by-this-name');
  });

  it('creates linked tasks where the project has no sub-task type', async () => {
    const app = await setUp('OPS-1', referenceDocument(), 'OPS');
    await addLabel(app, 'OPS-1');
    const created = await children(app, 'OPS-1');
    expect(created).toHaveLength(5);
    expect(
      created.every((issue) => (issue.fields as { issuetype: { name: string } }).issuetype.name === 'Task'),
    ).toBe(true);
    // Each is linked to the incident in its own create: no separate link request.
    const links = app.emulator.requests.filter(
      (r) => r.method === 'POST' && r.path.startsWith('/rest/api/3/issueLink'),
    );
    expect(links).toHaveLength(0);
    const incidentLinks = app.emulator.getIssue('OPS-1')?.fields.issuelinks as Array<{
      outwardIssue?: { key: string };
    }>;
    expect(incidentLinks.map((link) => link.outwardIssue?.key).sort()).toEqual(
      created.map((issue) => issue.key).sort(),
    );
  });

  it('recovers linked tasks whose create answer was lost from the incident links, with the search index frozen', async () => {
    const app = await setUp('OPS-1', referenceDocument(), 'OPS');
    app.emulator.index.freeze();
    app.emulator.faults.add({
      method: 'POST',
      path: /\/rest\/api\/3\/issue\/bulk/,
      times: 1,
      afterServing: true,
      response: { status: 502 },
    });
    await addLabel(app, 'OPS-1');
    expect(bulkCalls(app)).toHaveLength(1);
    const created = await children(app, 'OPS-1');
    expect(created).toHaveLength(5);
    const links = app.emulator.getIssue('OPS-1')?.fields.issuelinks as Array<{
      outwardIssue?: { key: string };
    }>;
    expect(links.map((link) => link.outwardIssue?.key).sort()).toEqual(
      created.map((issue) => issue.key).sort(),
    );
    expect(app.queue.failures).toEqual([]);
  });

  it('keeps hostile text inert in Slack and within Block Kit limits', async () => {
    const base = referenceDocument();
    const hostile: PostmortemDocument = {
      ...base,
      rootCause: { text: `<!channel> @here ${'&<>'.repeat(3_000)}${'x'.repeat(1_000)}`, summary: null },
      actionItems: base.actionItems.map((item) => ({
        ...item,
        action: `<https://evil.example|click> <!everyone> ${item.action}`,
      })),
    };
    const app = await setUp('INC-1', hostile);
    await addLabel(app, 'INC-1');
    const messages = app.slackSink.messages();
    expect(messages).toHaveLength(1);
    const text = JSON.stringify(messages[0]);
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<!everyone>');
    expect(text).not.toContain('<https://evil.example|click>');
  });

  it('ignores updates that do not add the label', async () => {
    const app = await setUp();
    await editIssue(app.emulator.jiraPort(PREVIEW_ACCOUNT_ID), {
      issueIdOrKey: 'INC-1',
      fields: { summary: 'Renamed' },
    });
    await addLabel(app, 'INC-1', 'customer-impact');
    expect(await children(app, 'INC-1')).toHaveLength(0);
    expect(app.slackSink.messages()).toHaveLength(0);
  });
});
