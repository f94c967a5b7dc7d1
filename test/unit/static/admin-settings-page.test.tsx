/**
 * The UI Kit admin page with `@forge/react` replaced at the module boundary by plain host elements
 * and the resolver bridge by a fake: what the page shows, and what it sends, for each answer.
 */
import { act, create, type ReactTestInstance, type ReactTestRenderer } from 'react-test-renderer';
import type { SettingsView } from '../../../src/contract/admin-settings-api';
import type { Result } from '../../../src/contract/errors';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings/app-settings';
import { AdminSettingsPage } from '../../../static/admin-settings/admin-settings-app';

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
const field = (root: ReactTestRenderer, id: string) => {
  const found = root.root.find(
    (node) => node.props.id === id || node.props.inputId === id || node.props.name === id,
  );
  return found;
};
/** The message shown under a field: the next ErrorMessage/HelperMessage in the field's Stack. */
const messageUnder = (root: ReactTestRenderer, id: string) => {
  const stack = field(root, id).parent as ReactTestInstance;
  const message = stack.findAll((node) =>
    ['forge-errormessage', 'forge-helpermessage'].includes(String(node.type)),
  )[0];
  return { kind: message?.type, text: String(message?.props.children) };
};
const type = async (root: ReactTestRenderer, id: string, value: string) =>
  act(async () => (field(root, id).props.onChange as (e: unknown) => void)({ target: { value } }));
const click = async (root: ReactTestRenderer, label: string) => {
  const button = hosts(root, 'Button').find((node) => node.props.children === label);
  if (!button) throw new Error(`no button ${label}`);
  await act(async () => (button.props.onClick as () => void)());
};
const submit = async (root: ReactTestRenderer) =>
  act(async () => (hosts(root, 'Form')[0]?.props.onSubmit as () => void)());

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
      setSlackWebhook: () => ({
        ok: false,
        error: {
          kind: 'InvalidInput',
          message: 'That is not a Slack incoming-webhook URL.',
          fields: { url: 'Paste the URL Slack gives you: https://hooks.slack.com/services/…' },
        },
      }),
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
