/**
 * Property-based fuzzing of every resolver call (issue panel, issue glance, admin page, global page,
 * dashboard gadget) on the Jira emulator: 500 generated payloads per call,
 * from any JSON at all to near-valid documents with hostile fields, sent by an editor, a reader, a user
 * who cannot see the issue, an admin, or nobody. Every answer must be a success or a typed error other
 * than Internal, an error must leave app storage, the job queue and Jira exactly as they were, and the
 * stored rows keep unique server-numbered ids. The dashboard gadget reads its configuration from the
 * invocation's context, never the payload, so it is fuzzed through the local Forge platform with a
 * generated configuration stored for the gadget as its edit view would submit it.
 */
import fc from 'fast-check';
import { ERROR_KINDS, type Result } from '../../../src/contract/errors';
import type { InvocationContext } from '../../../src/contract/invocation-context';
import type { ResolverApi } from '../../../src/contract/resolver-contract';
import { parseMarkdown, POSTMORTEM_STATUSES, type PostmortemDocument } from '../../../src/domain/postmortem';
import { adminSettingsResolver } from '../../../src/handlers/resolvers/admin-settings-resolver';
import { dashboardGadgetResolver } from '../../../src/handlers/resolvers/dashboard-gadget-resolver';
import { globalPageResolver } from '../../../src/handlers/resolvers/global-page-resolver';
import { issueContextResolver } from '../../../src/handlers/resolvers/issue-context-resolver';
import { issuePanelResolver } from '../../../src/handlers/resolvers/issue-panel-resolver';
import {
  resolverHandlers,
  type ResolverImplementation,
} from '../../../src/handlers/resolvers/resolver-handlers';
import type { Services } from '../../../src/services';
import { loadPostmortem, rowIdNumber } from '../../../src/storage/postmortem-store';
import { incidentApp, incidentBean, PREVIEW_ACCOUNT_ID } from '../../helpers/incident-app';
import { referencePostmortemMarkdown } from '../../helpers/shared-files';
import type { PreviewApp } from '../../../preview/preview-app';
import { ForgePlatformError, type GadgetInstance } from '../../../forge-platform/forge-platform';

const RUNS_PER_CALL = 500;
const READER = '5b109f2e9729b51b54dc274d';
const OUTSIDER = '5b10a2844c20165700ede21g';
const ADMIN = '6a20bb1c93f06d33dd1e5f02';

/** Every KvPort or QueuePort call that changes something (a conditional write that wrote nothing does not). */
interface SideEffects {
  writes: string[];
}

function journaled<T extends object>(target: T, name: string, effects: SideEffects): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== 'function' || !/^(set|delete|push)/.test(String(property))) return value;
      return async (...args: unknown[]) => {
        const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(object, args);
        if (result !== false) effects.writes.push(`${name}.${String(property)}(${String(args[0])})`);
        return result;
      };
    },
  });
}

// Reads that Jira takes as POST; every other non-GET request changes Jira.
const JIRA_READS = /^\/rest\/api\/3\/(search\/jql|search\/approximate-count|jql\/parse|issue\/bulkfetch)/;

async function fuzzApp() {
  const app = await incidentApp();
  app.emulator.seed([incidentBean('INC-1'), incidentBean('INC-2', { labels: ['SEV-3'] })]);
  app.emulator.setPermissions(READER, { browse: true, edit: false });
  app.emulator.setPermissions(OUTSIDER, { browse: false, edit: false });
  app.emulator.setPermissions(ADMIN, { browse: true, edit: true, administer: true });
  const effects: SideEffects = { writes: [] };
  const services = (context: InvocationContext): Services => {
    const base = app.services(context);
    return {
      ...base,
      kv: journaled(base.kv, 'kv', effects),
      queue: journaled(base.queue, 'queue', effects),
    };
  };
  return { app, effects, services };
}

function jiraWritesSince(app: PreviewApp, from: number): string[] {
  return app.emulator.requests
    .slice(from)
    .filter((request) => request.method !== 'GET' && !JIRA_READS.test(request.path))
    .map((request) => `${request.method} ${request.path}`);
}

// --- payload generators -----------------------------------------------------------------------

const hostileText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '[x](javascript:alert(1))',
    '" OR project = SECRET',
    '\u0000\u202e',
    '__proto__',
    'constructor',
    '${7*7}',
    '|||\n---',
  ),
);

const issueKey = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('INC-1', 'INC-1', 'INC-2', 'INC-404', 'NOPE-1') },
  { weight: 1, arbitrary: fc.constantFrom('inc-1', 'INC-1 OR 1=1', '', '../INC-1', 'INC-01', 'INC-1\n') },
  { weight: 1, arbitrary: fc.anything() },
);

/** Mostly what a real client sends, sometimes not: the server must cope with both. */
const mostly = <T, U>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 15, arbitrary: usual }, { weight: 1, arbitrary: odd });

const rowId = mostly(
  fc.constantFrom('ai-1', 'ai-2', 'ai-3', 'ai-6', 'ai-999999999'),
  fc.oneof(fc.constantFrom('ai-0', 'ai-9999999999', 'x', ''), fc.string({ maxLength: 8 })),
);

const actionItem = fc.record({
  id: rowId,
  action: hostileText,
  owner: mostly(
    fc.oneof(
      fc.constant(null),
      fc.record({ accountId: fc.constantFrom(PREVIEW_ACCOUNT_ID, READER, 'nobody') }),
      fc.record({ text: hostileText.filter((text) => text.length > 0) }),
    ),
    fc.anything(),
  ),
  dueDate: mostly(
    fc.constantFrom(null, '2025-04-01', '1900-01-01'),
    fc.oneof(fc.constant('2025-02-30'), fc.string()),
  ),
  externalRef: fc.constantFrom(null, 'OPS-7'),
  createdIssueKey: fc.oneof(fc.constant(null), fc.constantFrom('INC-500', 'INC-2', 'INC-1'), fc.string()),
});

const REFERENCE = parseMarkdown(referencePostmortemMarkdown()).document;

/** A document for INC-1: the reference postmortem with generated changes, at the stored revision or not. */
const documentShape = fc.record({
  revision: mostly(fc.constant('current' as const), fc.oneof(fc.integer({ min: -2, max: 6 }), fc.anything())),
  status: mostly(fc.constantFrom(...POSTMORTEM_STATUSES), fc.constant('DONE')),
  finalizedAt: mostly(
    fc.constantFrom(null, '2025-03-17T08:00:00.000Z'),
    fc.constantFrom('yesterday', '2025-03-17T08:00:00'),
  ),
  rootCause: hostileText,
  actionItems: fc.oneof(fc.constant('reference' as const), fc.array(actionItem, { maxLength: 4 })),
  extra: mostly(
    fc.constant(null),
    fc.dictionary(fc.string({ maxLength: 6 }), fc.anything(), { minKeys: 1, maxKeys: 2 }),
  ),
  replaceWith: mostly(fc.constant(null), fc.anything()),
});
type DocumentShape = typeof documentShape extends fc.Arbitrary<infer T> ? T : never;

async function documentOf(shape: DocumentShape, app: PreviewApp): Promise<unknown> {
  if (shape.replaceWith !== null) return shape.replaceWith;
  const stored = await loadPostmortem(app.services({}).kv, 'INC-1');
  const document: PostmortemDocument = {
    ...REFERENCE,
    revision: stored?.document.revision ?? 0,
    header: { ...REFERENCE.header, incidentId: 'INC-1', status: 'DRAFT', finalizedAt: null },
  };
  return {
    ...document,
    ...(shape.revision === 'current' ? {} : { revision: shape.revision }),
    header: { ...document.header, status: shape.status, finalizedAt: shape.finalizedAt },
    rootCause: { ...document.rootCause, text: shape.rootCause },
    ...(shape.actionItems === 'reference' ? {} : { actionItems: shape.actionItems }),
    ...(shape.extra ?? {}),
  };
}

const caller = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constant<InvocationContext>({ accountId: PREVIEW_ACCOUNT_ID, issueKey: 'INC-1' }),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom<InvocationContext>(
      { accountId: READER },
      { accountId: OUTSIDER },
      { accountId: ADMIN },
      {},
      { accountId: '' },
    ),
  },
);

const anyPayload = fc.oneof(fc.anything(), fc.jsonValue());

type Materialize = (app: PreviewApp) => Promise<unknown>;
/** Printed as the payload it stands for when fast-check reports a counterexample. */
const printable = (materialize: Materialize, shown: unknown): Materialize =>
  Object.assign(materialize, { [fc.toStringMethod]: () => fc.stringify(shown) });
/** A payload that needs nothing from the app's state. */
const fixed = (value: unknown): Materialize => printable(async () => value, value);

const withIssue = fc.record({ issueKey }).map(fixed);
const withDocument = fc.record({ issueKey, document: documentShape }).map(({ issueKey: key, document }) =>
  printable(async (app) => ({ issueKey: key, document: await documentOf(document, app) }), {
    issueKey: key,
    document,
  }),
);
const settings = fc.record({
  settings: fc.oneof(
    fc.record(
      {
        incidentJql: fc.oneof(fc.constantFrom('issuetype = Incident', 'x ORDER BY y', '((('), hostileText),
        projectKeys: fc.array(fc.oneof(fc.constantFrom('INC', 'NOPE', 'IS'), fc.string({ maxLength: 5 })), {
          maxLength: 3,
        }),
        timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'Mars/Olympus'),
        holidays: fc.array(fc.constantFrom('2026-12-25', '2026-02-30', 'x'), { maxLength: 2 }),
        userImpactMinutesThreshold: fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.double()),
      },
      { requiredKeys: [] },
    ),
    fc.anything(),
  ),
});

const PAYLOADS: Record<string, fc.Arbitrary<Materialize>> = {
  getPanel: withIssue,
  checkDraft: withDocument,
  saveDraft: withDocument,
  finalize: withDocument,
  reopen: withIssue,
  getAutomation: withIssue,
  importMarkdown: fc
    .record({ issueKey, markdown: fc.oneof(hostileText, fc.constant(referencePostmortemMarkdown())) })
    .map(fixed),
  importDescription: withIssue,
  exportToDescription: withDocument,
  exportMarkdown: withDocument,
  searchUsers: fc
    .record({ query: fc.oneof(hostileText, fc.constantFrom('Alex', 'a'.repeat(101))) })
    .map(fixed),
  proposeTimeline: withDocument,
  findSeenBefore: withDocument,
  getReview: withIssue,
  requestReview: fc
    .record(
      {
        issueKey,
        reviewers: mostly(
          fc.array(fc.constantFrom(READER, ADMIN, OUTSIDER, PREVIEW_ACCOUNT_ID, 'nobody'), { maxLength: 3 }),
          fc.oneof(fc.array(hostileText, { maxLength: 12 }), fc.anything()),
        ),
        note: hostileText,
      },
      { requiredKeys: ['issueKey', 'reviewers'] },
    )
    .map(fixed),
  decideReview: fc
    .record(
      {
        issueKey,
        decision: mostly(fc.constantFrom('approved', 'changes-requested'), hostileText),
        comment: hostileText,
        accountId: fc.constantFrom(READER, ADMIN),
      },
      { requiredKeys: ['issueKey', 'decision'] },
    )
    .map(fixed),
  getGlance: withIssue,
  getActionItemStatus: withIssue,
  getSettings: fc.constant(fixed({})),
  saveSettings: settings.map(fixed),
  setSlackWebhook: fc
    .record({
      url: fc.oneof(
        fc.constant(null),
        fc.constantFrom('https://hooks.slack.com/services/T0/B0/abc', 'https://evil.example/services/x'),
        hostileText,
      ),
    })
    .map(fixed),
  sendSlackTest: fc.constant(fixed({})),
  listCustomFields: fc.constant(fixed({})),
  getFollowThrough: fc.constant(fixed({})),
  getTrends: fc
    .record({
      month: mostly(
        fc.constantFrom('2025-03', '2025-02', '2024-01'),
        fc.oneof(fc.constantFrom('0000-01', '1900-01', '2999-12', '2025-13', '2022-03'), fc.string()),
      ),
      projectKeys: fc.oneof(
        fc.constantFrom([], ['INC'], ['INC', 'inc', ' INC '], ['NOPE']),
        fc.array(fc.string({ maxLength: 4 }), { maxLength: 25 }),
      ),
    })
    .map(fixed),
  searchPostmortems: fc
    .record(
      {
        text: hostileText,
        category: hostileText,
        severity: mostly(fc.constantFrom('SEV-1', 'SEV-4'), hostileText),
        from: mostly(fc.constantFrom('2025-01-01', '2025-03-31'), hostileText),
        to: mostly(fc.constantFrom('2025-12-31'), hostileText),
      },
      { requiredKeys: [] },
    )
    .map(fixed),
};

/** What a gadget's edit view might submit: the usual fields with hostile values, unknown fields, junk. */
const gadgetConfiguration = fc.oneof(
  fc.record(
    {
      projectKeys: mostly(
        fc.array(fc.constantFrom('INC', 'inc', ' INC ', 'NOPE', 'IS'), { maxLength: 4 }),
        fc.oneof(fc.array(hostileText, { maxLength: 25 }), fc.anything()),
      ),
      rows: mostly(fc.integer({ min: 1, max: 25 }), fc.oneof(fc.double(), fc.integer(), fc.anything())),
      refresh: fc.constantFrom(15, 30),
    },
    { requiredKeys: [] },
  ),
  fc.dictionary(fc.oneof(hostileText, fc.constantFrom('rows', 'projectKeys')), fc.anything(), {
    maxKeys: 3,
  }),
  fc.anything(),
);

const GADGET_MODULE = 'postmortem-follow-through-gadget';
const GADGET: GadgetInstance = { dashboardId: '10100', gadgetId: '20001' };

/** Stores the configuration as `view.submit` from the gadget's edit view would; false where Jira refuses it. */
function storeGadgetConfiguration(app: PreviewApp, configuration: unknown): boolean {
  try {
    return app.platform.submitGadgetConfiguration(
      GADGET_MODULE,
      { ...GADGET, entryPoint: 'edit' },
      configuration,
    );
  } catch (error) {
    if (error instanceof ForgePlatformError) return false;
    throw error;
  }
}

/** A typed error other than Internal, with a message for the user. */
function expectTypedError(error: { kind: string; message: unknown }): void {
  expect(ERROR_KINDS).toContain(error.kind);
  expect(error.kind).not.toBe('Internal');
  expect(typeof error.message).toBe('string');
}

const RESOLVERS: Array<[string, ResolverImplementation<ResolverApi>]> = [
  ['issue panel', issuePanelResolver],
  ['issue glance', issueContextResolver],
  ['admin settings', adminSettingsResolver],
  ['global page', globalPageResolver],
];

const CALLS = RESOLVERS.flatMap(([module, implementation]) =>
  Object.keys(implementation).map((call) => [module, call, implementation] as const),
);

describe('resolver fuzzing: every answer is a success or a typed error, and errors change nothing', () => {
  it('has a payload generator for every resolver call', () => {
    // A call two modules both offer (the live action-item status: panel and glance) has one generator.
    const calls = [...CALLS.map(([, call]) => call), ...Object.keys(dashboardGadgetResolver)];
    expect([...new Set(calls)].sort()).toEqual(Object.keys(PAYLOADS).sort());
  });

  it.each(CALLS)(
    `%s: %s answers ${RUNS_PER_CALL} generated payloads`,
    async (_module, call, implementation) => {
      const { app, effects, services } = await fuzzApp();
      const handler = resolverHandlers(implementation, services)[call] as (request: {
        payload: unknown;
        context: InvocationContext;
      }) => Promise<Result<unknown>>;
      const generated = fc.tuple(
        fc.oneof(
          { weight: 1, arbitrary: anyPayload.map(fixed) },
          {
            weight: 4,
            arbitrary: PAYLOADS[call] as fc.Arbitrary<Materialize>,
          },
        ),
        caller,
      );

      await fc.assert(
        fc.asyncProperty(generated, async ([materialize, context]) => {
          const payload = await materialize(app);
          effects.writes = [];
          const requestsBefore = app.emulator.requests.length;

          const answer = await handler({ payload, context: { siteUrl: app.emulator.baseUrl, ...context } });

          // Whatever was sent, the stored rows keep unique ids the server can number above.
          const rowIds = (await loadPostmortem(app.services({}).kv, 'INC-1'))?.document.actionItems.map(
            (item) => item.id,
          );
          expect(new Set(rowIds).size).toBe(rowIds?.length ?? 0);
          for (const id of rowIds ?? []) expect(rowIdNumber(id)).not.toBeNull();
          if (answer.ok) return;
          expectTypedError(answer.error);
          expect(effects.writes).toEqual([]);
          expect(jiraWritesSince(app, requestsBefore)).toEqual([]);
        }),
        { numRuns: RUNS_PER_CALL, seed: 20250317 },
      );
    },
    120_000,
  );

  it(`dashboard gadget: getFollowThrough answers ${RUNS_PER_CALL} generated payloads and stored configurations`, async () => {
    const { app } = await fuzzApp();
    const generated = fc.tuple(
      fc.oneof(
        { weight: 1, arbitrary: anyPayload.map(fixed) },
        { weight: 4, arbitrary: PAYLOADS.getFollowThrough as fc.Arbitrary<Materialize> },
      ),
      gadgetConfiguration,
      fc.constantFrom(PREVIEW_ACCOUNT_ID, READER, OUTSIDER, ADMIN, undefined),
    );
    await fc.assert(
      fc.asyncProperty(generated, async ([materialize, configuration, accountId]) => {
        storeGadgetConfiguration(app, configuration);
        const requestsBefore = app.emulator.requests.length;
        const answer = (await app.platform.invokeResolver({
          moduleKey: GADGET_MODULE,
          functionKey: 'getFollowThrough',
          payload: await materialize(app),
          ...(accountId ? { accountId } : {}),
          gadget: GADGET,
        })) as Result<unknown>;
        if (answer.ok) return;
        expectTypedError(answer.error);
        expect(jiraWritesSince(app, requestsBefore)).toEqual([]);
      }),
      { numRuns: RUNS_PER_CALL, seed: 20250317 },
    );
  }, 120_000);
});
