/**
 * The UI Kit admin page with `@forge/react` replaced at the module boundary by plain host elements
 * and the resolver bridge by a fake: what the page shows, and what it sends, for each answer.
 */
import { act, create, type ReactTestInstance, type ReactTestRenderer } from 'react-test-renderer';
import type { SettingsView } from '../../../src/contract/admin-settings-api';
import type { Result } from '../../../src/contract/errors';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings/app-settings';
import { AdminSettingsPage } from '../../../static/admin-settings/admin-settings-app';
import { DEADLINES_FORM } from '../../../static/admin-settings/deadlines-section';
import { INCIDENTS_FORM } from '../../../static/admin-settings/incidents-section';
import { FOLLOW_THROUGH_FORM } from '../../../static/admin-settings/follow-through-section';
import { LABELS_FORM } from '../../../static/admin-settings/labels-section';
import { MATURITY_FORM } from '../../../static/admin-settings/maturity-section';
import { REVIEW_FORM } from '../../../static/admin-settings/review-section';
import { TEMPLATES_FORM } from '../../../static/admin-settings/templates-section';
import type { SectionForm } from '../../../static/admin-settings/settings-section';

jest.mock('@forge/react', () =>
  jest
    .requireActual<typeof import('../../helpers/forge-react-host')>('../../helpers/forge-react-host')
    .forgeReactHostModule([
      'Button',
      'Checkbox',
      'ErrorMessage',
      'Form',
      'FormFooter',
      'FormSection',
      'Heading',
      'HelperMessage',
      'Inline',
      'Label',
      'RadioGroup',
      'SectionMessage',
      'Select',
      'Spinner',
      'Stack',
      'Text',
      'TextArea',
      'Textfield',
    ]),
);

const mockInvoke = jest.fn();
// The page builds its client when loaded (before this line runs): delegate at call time.
jest.mock('../../../static/shared/api/bridge', () => ({
  resolverClient:
    () =>
    (...args: unknown[]) =>
      mockInvoke(...args),
}));

const view = (overrides: Partial<SettingsView> = {}): SettingsView => ({
  settings: DEFAULT_SETTINGS,
  slackWebhook: { configured: true, masked: 'https://hooks.slack.com/services/…k3y9' },
  ...overrides,
});

type Answers = Record<string, (payload: unknown) => Result<unknown>>;

function answer(answers: Answers) {
  mockInvoke.mockImplementation(async (call: string, payload: unknown) => {
    const handler = answers[call];
    if (!handler) throw new Error(`unexpected call ${call}`);
    return handler(payload);
  });
}

async function render(): Promise<ReactTestRenderer> {
  let renderer: ReactTestRenderer | undefined;
  await act(async () => {
    renderer = create(<AdminSettingsPage />);
  });
  return renderer as ReactTestRenderer;
}

const hosts = (root: ReactTestRenderer, name: string) =>
  root.root.findAll((node) => node.type === `forge-${name.toLowerCase()}`);
/** The host element (what UI Kit draws) for a field's id, inputId or name. */
const field = (root: ReactTestRenderer, id: string) =>
  root.root.find(
    (node) =>
      typeof node.type === 'string' &&
      (node.props.id === id || node.props.inputId === id || node.props.name === id),
  );
const enclosingStack = (node: ReactTestInstance): ReactTestInstance =>
  String(node.type) === 'forge-stack' ? node : enclosingStack(node.parent as ReactTestInstance);
/** The message shown under a field: the next ErrorMessage/HelperMessage in the field's Stack. */
const messageUnder = (root: ReactTestRenderer, id: string) => {
  const message = enclosingStack(field(root, id)).findAll((node) =>
    ['forge-errormessage', 'forge-helpermessage'].includes(String(node.type)),
  )[0];
  return { kind: message?.type, text: String(message?.props.children) };
};
const sectionMessages = (root: ReactTestRenderer) =>
  hosts(root, 'SectionMessage').map((node) => ({
    appearance: node.props.appearance as string,
    title: node.props.title as string | undefined,
    text: String(node.findByType('forge-text' as never).props.children),
  }));
const button = (root: ReactTestRenderer, label: string) => {
  const found = hosts(root, 'Button').find((node) => node.props.children === label);
  if (!found) throw new Error(`no button ${label}`);
  return found;
};
const type = async (root: ReactTestRenderer, id: string, value: string) =>
  act(async () => (field(root, id).props.onChange as (e: unknown) => void)({ target: { value } }));
const click = async (root: ReactTestRenderer, label: string) =>
  act(async () => (button(root, label).props.onClick as () => void)());
const submit = async (root: ReactTestRenderer) =>
  act(async () => (hosts(root, 'Form')[0]?.props.onSubmit as () => void)());

const refusedWebhook = (): Result<unknown> => ({
  ok: false,
  error: {
    kind: 'InvalidInput',
    message: 'That is not a Slack incoming-webhook URL.',
    fields: { url: 'Paste the URL Slack gives you: https://hooks.slack.com/services/…' },
  },
});

beforeEach(() => mockInvoke.mockReset());

describe('admin settings page (UI Kit)', () => {
  it('shows a spinner, then every setting filled in from the server', async () => {
    let resolve: (value: Result<SettingsView>) => void = () => undefined;
    mockInvoke.mockReturnValue(new Promise((r) => (resolve = r)));
    const root = await render();
    expect(hosts(root, 'Spinner')).toHaveLength(1);
    await act(async () => resolve({ ok: true, data: view() }));
    expect(hosts(root, 'Spinner')).toHaveLength(0);
    expect(field(root, 'incidentJql').props.value).toBe('issuetype = Incident');
    expect(field(root, 'timeZone').props.value).toBe('UTC');
    expect(field(root, 'priorityMapping').props.value).toBe(
      'Highest = SEV-1\nHigh = SEV-2\nMedium = SEV-3\nLow = SEV-4\nLowest = SEV-4',
    );
    expect(field(root, 'severityKind').props.value).toBe('labels-then-priority');
    expect(field(root, 'categorySource').props.value).toBe('postmortem-then-component');
    expect(field(root, 'finalizationLabel').props.value).toBe('POSTMORTEM-FINAL');
    expect(field(root, 'actionItemLabel').props.value).toBe('postmortem-action');
    expect(field(root, 'actionItemFallbackIssueType').props.value).toBe('Task');
  });

  it('tells a non-admin the page is not for them, with the server’s message', async () => {
    answer({
      getSettings: () => ({
        ok: false,
        error: { kind: 'Forbidden', message: 'Only Jira administrators can change the postmortem settings.' },
      }),
    });
    const root = await render();
    const [message] = hosts(root, 'SectionMessage');
    expect(message?.props).toMatchObject({ appearance: 'error', title: 'Settings unavailable' });
    expect(JSON.stringify(root.toJSON())).toContain(
      'Only Jira administrators can change the postmortem settings.',
    );
    expect(hosts(root, 'Form')).toHaveLength(0);
  });

  it('sends the edited settings and says they were saved', async () => {
    const saved: unknown[] = [];
    answer({
      getSettings: () => ({ ok: true, data: view() }),
      saveSettings: (payload) => {
        saved.push(payload);
        return { ok: true, data: view({ settings: { ...DEFAULT_SETTINGS, timeZone: 'Europe/Berlin' } }) };
      },
    });
    const root = await render();
    await type(root, 'timeZone', ' Europe/Berlin ');
    await type(root, 'holidays', '2026-12-25\n2026-12-26');
    await type(root, 'projectKeys', 'inc, ops');
    await submit(root);
    expect(saved).toEqual([
      {
        settings: {
          ...DEFAULT_SETTINGS,
          timeZone: 'Europe/Berlin',
          holidays: ['2026-12-25', '2026-12-26'],
          projectKeys: ['INC', 'OPS'],
        },
      },
    ]);
    expect(JSON.stringify(root.toJSON())).toContain('Settings saved.');
  });

  it('shows each field-level error under its field and keeps what the admin typed', async () => {
    answer({
      getSettings: () => ({ ok: true, data: view() }),
      saveSettings: () => ({
        ok: false,
        error: {
          kind: 'InvalidInput',
          message: 'Some settings are not valid; nothing was changed.',
          fields: {
            holidays: '"2026-02-30" is not a date as YYYY-MM-DD',
            timeZone: 'an IANA time zone such as Europe/Berlin',
            'severitySource.priorityMapping':
              'Invalid option: expected one of "SEV-1"|"SEV-2"|"SEV-3"|"SEV-4"',
          },
        },
      }),
    });
    const root = await render();
    await type(root, 'holidays', '2026-02-30');
    await type(root, 'timeZone', 'Mars/Olympus');
    await type(root, 'priorityMapping', 'Blocker = SEV-9');
    await submit(root);
    expect(messageUnder(root, 'holidays')).toEqual({
      kind: 'forge-errormessage',
      text: '"2026-02-30" is not a date as YYYY-MM-DD',
    });
    expect(messageUnder(root, 'timeZone').kind).toBe('forge-errormessage');
    expect(messageUnder(root, 'priorityMapping').text).toContain('SEV-1');
    expect(messageUnder(root, 'incidentJql').kind).toBe('forge-helpermessage');
    expect(field(root, 'holidays').props.isInvalid).toBe(true);
    expect(field(root, 'incidentJql').props.isInvalid).toBe(false);
    // Nothing typed is lost on a failed save.
    expect(field(root, 'timeZone').props.value).toBe('Mars/Olympus');
    expect(field(root, 'holidays').props.value).toBe('2026-02-30');
    expect(JSON.stringify(root.toJSON())).toContain('Some settings are not valid; nothing was changed.');
  });

  it('offers the custom fields from Jira when the severity comes from a custom field', async () => {
    const saved: unknown[] = [];
    answer({
      getSettings: () => ({ ok: true, data: view() }),
      listCustomFields: () => ({
        ok: true,
        data: [{ id: 'customfield_10050', name: 'Severity', type: 'option' }],
      }),
      saveSettings: (payload) => {
        saved.push(payload);
        return { ok: true, data: view() };
      },
    });
    const root = await render();
    expect(root.root.findAll((node) => node.props.inputId === 'customFieldId')).toHaveLength(0);
    await act(async () =>
      (field(root, 'severityKind').props.onChange as (e: unknown) => void)({
        target: { value: 'custom-field' },
      }),
    );
    expect(mockInvoke).toHaveBeenCalledWith('listCustomFields', {});
    const select = field(root, 'customFieldId');
    expect(select.props.options).toEqual([
      { label: 'Severity (customfield_10050)', value: 'customfield_10050' },
    ]);
    await act(async () => (select.props.onChange as (o: unknown) => void)({ value: 'customfield_10050' }));
    await submit(root);
    expect(saved).toEqual([
      {
        settings: expect.objectContaining({
          severitySource: expect.objectContaining({
            kind: 'custom-field',
            customFieldId: 'customfield_10050',
          }),
        }),
      },
    ]);
  });

  it('takes the webhook in a password field, shows only the masked hint, and reports Slack’s answer to a test', async () => {
    const sentUrls: unknown[] = [];
    answer({
      getSettings: () => ({ ok: true, data: view({ slackWebhook: { configured: false, masked: null } }) }),
      setSlackWebhook: (payload) => {
        sentUrls.push(payload);
        return { ok: true, data: view() };
      },
      sendSlackTest: () => ({
        ok: true,
        data: { delivered: false, message: 'Slack answered 404: no_service' },
      }),
    });
    const root = await render();
    const input = field(root, 'slack-webhook');
    expect(input.props.type).toBe('password');
    expect(
      hosts(root, 'Button').find((b) => b.props.children === 'Send test message')?.props.isDisabled,
    ).toBe(true);
    await type(root, 'slack-webhook', 'https://hooks.slack.com/services/T0/B0/s3cr3tk3y9');
    await click(root, 'Save webhook');
    expect(sentUrls).toEqual([{ url: 'https://hooks.slack.com/services/T0/B0/s3cr3tk3y9' }]);
    // The field is emptied and the page shows only the server's masked hint.
    expect(field(root, 'slack-webhook').props.value).toBe('');
    expect(JSON.stringify(root.toJSON())).not.toContain('s3cr3tk3y9');
    expect(JSON.stringify(root.toJSON())).toContain('https://hooks.slack.com/services/…k3y9');

    await click(root, 'Send test message');
    const error = hosts(root, 'SectionMessage').find((node) => node.props.appearance === 'error');
    expect(error?.findByType('forge-text' as never).props.children).toBe('Slack answered 404: no_service');
  });

  it('shows a refused webhook URL under its field', async () => {
    answer({
      getSettings: () => ({ ok: true, data: view() }),
      setSlackWebhook: refusedWebhook,
    });
    const root = await render();
    await type(root, 'slack-webhook', 'http://example.com/hook');
    await click(root, 'Save webhook');
    expect(messageUnder(root, 'slack-webhook')).toEqual({
      kind: 'forge-errormessage',
      text: 'Paste the URL Slack gives you: https://hooks.slack.com/services/…',
    });
    expect(field(root, 'slack-webhook').props.value).toBe('http://example.com/hook');
  });
});

describe('each section keeps its own error and busy state', () => {
  const refusedSave = (): Result<unknown> => ({
    ok: false,
    error: {
      kind: 'InvalidInput',
      message: 'Some settings are not valid; nothing was changed.',
      fields: { holidays: '"2026-02-30" is not a date as YYYY-MM-DD' },
    },
  });

  it('shows a failed Slack test in the Slack section and keeps the failed save’s errors', async () => {
    answer({
      getSettings: () => ({ ok: true, data: view() }),
      saveSettings: refusedSave,
      sendSlackTest: () => ({
        ok: true,
        data: { delivered: false, message: 'Slack answered 404: no_service' },
      }),
    });
    const root = await render();
    await type(root, 'holidays', '2026-02-30');
    await submit(root);
    await click(root, 'Send test message');
    expect(sectionMessages(root)).toEqual([
      { appearance: 'error', title: 'Not saved', text: 'Some settings are not valid; nothing was changed.' },
      { appearance: 'error', title: 'Test message not delivered', text: 'Slack answered 404: no_service' },
    ]);
    expect(messageUnder(root, 'holidays')).toEqual({
      kind: 'forge-errormessage',
      text: '"2026-02-30" is not a date as YYYY-MM-DD',
    });
  });

  it('keeps a refused webhook’s error under its field when the settings are then saved', async () => {
    answer({
      getSettings: () => ({ ok: true, data: view() }),
      setSlackWebhook: refusedWebhook,
      saveSettings: () => ({ ok: true, data: view() }),
    });
    const root = await render();
    await type(root, 'slack-webhook', 'http://example.com/hook');
    await click(root, 'Save webhook');
    await submit(root);
    expect(messageUnder(root, 'slack-webhook')).toEqual({
      kind: 'forge-errormessage',
      text: 'Paste the URL Slack gives you: https://hooks.slack.com/services/…',
    });
    expect(sectionMessages(root)).toEqual([
      { appearance: 'success', title: undefined, text: 'Settings saved.' },
      { appearance: 'error', title: 'Not saved', text: 'That is not a Slack incoming-webhook URL.' },
    ]);
  });

  it('leaves Save settings enabled while a Slack test is under way, and the Slack buttons disabled', async () => {
    let deliver: (value: Result<unknown>) => void = () => undefined;
    answer({ getSettings: () => ({ ok: true, data: view() }) });
    const root = await render();
    mockInvoke.mockReturnValueOnce(new Promise((resolve) => (deliver = resolve)));
    await click(root, 'Send test message');
    expect(button(root, 'Save settings').props.isDisabled).toBe(false);
    expect(button(root, 'Send test message').props.isDisabled).toBe(true);
    expect(button(root, 'Remove webhook').props.isDisabled).toBe(true);
    await act(async () => deliver({ ok: true, data: { delivered: true, message: 'Posted to Slack.' } }));
    expect(button(root, 'Send test message').props.isDisabled).toBe(false);
    expect(sectionMessages(root)).toEqual([
      { appearance: 'success', title: undefined, text: 'Posted to Slack.' },
    ]);
  });

  it('keeps edits not yet saved when the webhook is saved', async () => {
    answer({
      getSettings: () => ({ ok: true, data: view({ slackWebhook: { configured: false, masked: null } }) }),
      setSlackWebhook: () => ({ ok: true, data: view() }),
    });
    const root = await render();
    await type(root, 'timeZone', 'Europe/Berlin');
    await type(root, 'slack-webhook', 'https://hooks.slack.com/services/T0/B0/s3cr3tk3y9');
    await click(root, 'Save webhook');
    expect(field(root, 'timeZone').props.value).toBe('Europe/Berlin');
    expect(JSON.stringify(root.toJSON())).toContain('https://hooks.slack.com/services/…k3y9');
  });

  it('shows a failed custom-field list under the severity field, not as a failed save', async () => {
    answer({
      getSettings: () => ({ ok: true, data: view() }),
      listCustomFields: () => ({ ok: false, error: { kind: 'RateLimited', message: 'Jira is busy.' } }),
    });
    const root = await render();
    await act(async () =>
      (field(root, 'severityKind').props.onChange as (e: unknown) => void)({
        target: { value: 'custom-field' },
      }),
    );
    expect(messageUnder(root, 'customFieldId')).toEqual({
      kind: 'forge-errormessage',
      text: 'Jira is busy.',
    });
    expect(field(root, 'customFieldId').props.isLoading).toBe(false);
    expect(sectionMessages(root)).toEqual([]);
  });

  it('points every label at a field on the page and names each radio group by its heading', async () => {
    answer({ getSettings: () => ({ ok: true, data: view() }) });
    const root = await render();
    const ids = new Set(
      root.root
        .findAll((node) => typeof node.type === 'string')
        .flatMap((node) => [node.props.id, node.props.inputId])
        .filter(Boolean),
    );
    const labels = hosts(root, 'Label').map((label) => label.props.labelFor as string);
    expect(labels.filter((target) => !ids.has(target))).toEqual([]);
    const headings = new Map(hosts(root, 'Heading').map((node) => [node.props.id, node.props.children]));
    expect(
      hosts(root, 'RadioGroup').map((group) => [
        group.props.name,
        headings.get(group.props['aria-labelledby']),
      ]),
    ).toEqual([
      ['severityKind', 'Severity from'],
      ['categorySource', 'Category from'],
      ['approvalsRequired', 'Approvals Finalize needs'],
    ]);
  });
});

const roundTrip = <Form,>(section: SectionForm<Form>) =>
  section.apply(section.toForm(DEFAULT_SETTINGS), DEFAULT_SETTINGS);

describe('admin settings section forms', () => {
  it.each([
    ['incidents', roundTrip(INCIDENTS_FORM)],
    ['deadlines', roundTrip(DEADLINES_FORM)],
    ['labels', roundTrip(LABELS_FORM)],
    ['follow-through', roundTrip(FOLLOW_THROUGH_FORM)],
    ['maturity', roundTrip(MATURITY_FORM)],
    ['review', roundTrip(REVIEW_FORM)],
    ['templates', roundTrip(TEMPLATES_FORM)],
  ])('the %s section round-trips the defaults', (_name, settings) => {
    expect(settings).toEqual(DEFAULT_SETTINGS);
  });

  it('turns the ticked minor severities into the short-template list, in severity order', () => {
    const settings = TEMPLATES_FORM.apply({ 'SEV-3': false, 'SEV-4': true }, DEFAULT_SETTINGS);
    expect(settings.shortTemplateSeverities).toEqual(['SEV-4']);
    expect(TEMPLATES_FORM.toForm({ ...DEFAULT_SETTINGS, shortTemplateSeverities: ['SEV-3'] })).toEqual({
      'SEV-3': true,
      'SEV-4': false,
    });
  });

  it('reads lists separated by commas, spaces or lines and upper-cases project keys', () => {
    const incidents = { ...INCIDENTS_FORM.toForm(DEFAULT_SETTINGS), projectKeys: 'inc, ops\nPAY' };
    const deadlines = {
      ...DEADLINES_FORM.toForm(DEFAULT_SETTINGS),
      holidays: '2025-12-25\n2025-12-26, 2026-01-01',
    };
    expect(INCIDENTS_FORM.apply(incidents, DEFAULT_SETTINGS).projectKeys).toEqual(['INC', 'OPS', 'PAY']);
    expect(DEADLINES_FORM.apply(deadlines, DEFAULT_SETTINGS).holidays).toEqual([
      '2025-12-25',
      '2025-12-26',
      '2026-01-01',
    ]);
  });

  it('saves the approvals Finalize needs from the review section', () => {
    const form = { approvalsRequired: 'all' as const };
    expect(REVIEW_FORM.apply(form, DEFAULT_SETTINGS)).toEqual({
      ...DEFAULT_SETTINGS,
      approvalsRequired: 'all',
    });
  });

  it('keeps the previous threshold when the field is not a number', () => {
    const form = { ...DEADLINES_FORM.toForm(DEFAULT_SETTINGS), userImpactMinutesThreshold: 'soon' };
    expect(DEADLINES_FORM.apply(form, DEFAULT_SETTINGS).userImpactMinutesThreshold).toBe(15);
  });

  it('turns escalation off with an empty field and keeps the saved days when the field is not a number', () => {
    const apply = (escalateOverdueAfterDays: string) =>
      FOLLOW_THROUGH_FORM.apply({ escalateOverdueAfterDays }, DEFAULT_SETTINGS).escalateOverdueAfterDays;
    expect(apply(' ')).toBeNull();
    expect(apply('3')).toBe(3);
    expect(apply('soon')).toBe(DEFAULT_SETTINGS.escalateOverdueAfterDays);
    expect(FOLLOW_THROUGH_FORM.toForm({ ...DEFAULT_SETTINGS, escalateOverdueAfterDays: null })).toEqual({
      escalateOverdueAfterDays: '',
    });
  });

  it('changes only its own settings: one section’s form applied over another’s edit keeps both', () => {
    const labels = { ...LABELS_FORM.toForm(DEFAULT_SETTINGS), finalizationLabel: 'PM-DONE' };
    const deadlines = { ...DEADLINES_FORM.toForm(DEFAULT_SETTINGS), timeZone: 'Europe/Berlin' };
    const saved = DEADLINES_FORM.apply(deadlines, LABELS_FORM.apply(labels, DEFAULT_SETTINGS));
    expect(saved).toEqual({ ...DEFAULT_SETTINGS, finalizationLabel: 'PM-DONE', timeZone: 'Europe/Berlin' });
  });
});

describe('admin settings entry point', () => {
  it('renders the page through ForgeReconciler', async () => {
    const { default: reconciler } = jest.requireMock<{ default: { render: jest.Mock } }>('@forge/react');
    // Loading the entry point is what Forge does; it renders once.
    await import('../../../static/admin-settings/index');
    expect(reconciler.render).toHaveBeenCalledTimes(1);
    const [element] = reconciler.render.mock.calls[0] as [{ type: unknown }];
    expect(element.type).toBe(AdminSettingsPage);
  });
});
