/**
 * The UI Kit gadget with `@forge/react` replaced at the module boundary by plain host elements and the
 * bridge by a fake: its loading, error, empty and filled states, Refresh, and the edit view's Save.
 */
import { act, create, type ReactTestRenderer } from 'react-test-renderer';
import type { FollowThroughView } from '../../../src/contract/dashboard-gadget-api';
import type { Result } from '../../../src/contract/errors';
import { FollowThroughGadget } from '../../../static/dashboard-gadget/follow-through-gadget';
import { GadgetConfigForm } from '../../../static/dashboard-gadget/gadget-config-form';

jest.mock('@forge/react', () =>
  jest
    .requireActual<typeof import('../../helpers/forge-react-host')>('../../helpers/forge-react-host')
    .forgeReactHostModule([
      'Button',
      'DynamicTable',
      'ErrorMessage',
      'Form',
      'FormFooter',
      'Heading',
      'HelperMessage',
      'Inline',
      'Label',
      'Link',
      'Lozenge',
      'SectionMessage',
      'Spinner',
      'Stack',
      'Text',
      'Textfield',
    ]),
);

const mockInvoke = jest.fn();
const mockSubmit = jest.fn();
jest.mock('../../../static/shared/api/bridge', () => ({
  resolverClient:
    () =>
    (...args: unknown[]) =>
      mockInvoke(...args),
  submitView: (...args: unknown[]) => mockSubmit(...args),
}));

function view(overrides: Partial<FollowThroughView> = {}): FollowThroughView {
  return {
    asOf: new Date().toISOString(),
    configuredProjects: [],
    hiddenProjects: 0,
    rows: 5,
    overdueActionItems: {
      items: [
        {
          key: 'INC-10',
          url: '/browse/INC-10',
          summary: 'Add the missing index',
          assignee: 'Alex Rivera',
          dueDate: '2025-03-10',
          daysOverdue: 7,
          incidentKey: 'INC-1',
        },
      ],
      more: true,
    },
    postmortemsDue: { items: [], more: false },
    majorIncidents: {
      month: '2025-03',
      previousMonth: '2025-02',
      count: { current: 3, previous: 1, trend: { arrow: '↑', percent: 200 } },
      mttrMinutes: { current: 70, previous: 120, trend: { arrow: '↓', percent: 42 } },
    },
    ...overrides,
  };
}

// Unmounted after each test: the gadget's freshness clock must not tick past it.
const mounted: ReactTestRenderer[] = [];
afterEach(async () => {
  await act(async () => mounted.splice(0).forEach((root) => root.unmount()));
});

const hosts = (root: ReactTestRenderer, name: string) =>
  root.root.findAll((node) => node.type === `forge-${name.toLowerCase()}`);
const texts = (root: ReactTestRenderer) => hosts(root, 'Text').map((node) => String(node.props.children));
const button = (root: ReactTestRenderer, label: string) => {
  const found = hosts(root, 'Button').find((node) => node.props.children === label);
  if (!found) throw new Error(`no button "${label}"`);
  return found;
};

/** Renders the gadget with the resolver's answers pending until each `answer(…)`. */
async function renderGadget() {
  const pending: Array<(result: Result<FollowThroughView>) => void> = [];
  mockInvoke.mockImplementation(() => new Promise((resolve) => pending.push(resolve)));
  let root!: ReactTestRenderer;
  await act(async () => {
    root = create(<FollowThroughGadget />);
  });
  mounted.push(root);
  const answer = (result: Result<FollowThroughView>) =>
    act(async () => {
      pending.shift()?.(result);
    });
  return { root, answer };
}

beforeEach(() => {
  mockInvoke.mockReset();
  mockSubmit.mockReset();
});

describe('the follow-through gadget', () => {
  it('shows a spinner until the first answer, then the figures and the freshness line', async () => {
    const { root, answer } = await renderGadget();
    expect(hosts(root, 'Spinner')).toHaveLength(1);
    await answer({ ok: true, data: view() });
    expect(hosts(root, 'Spinner')).toHaveLength(0);
    expect(texts(root)).toEqual(
      expect.arrayContaining([
        'Updated just now',
        '3 in March 2025 — 1 in February 2025, ↑ 200%',
        'MTTR: 70 min — 120 min in February 2025, ↓ 42%',
        'Showing the first 1; there are more.',
        'No postmortem is due within a day or overdue.',
      ]),
    );
    const table = hosts(root, 'DynamicTable')[0];
    expect(table?.props.rows).toEqual([
      expect.objectContaining({
        key: 'INC-10',
        cells: expect.arrayContaining([{ key: 'overdue', content: '7 days' }]) as unknown,
      }),
    ]);
  });

  it('keeps the figures on screen while Refresh asks again, then shows the new ones', async () => {
    const { root, answer } = await renderGadget();
    await answer({ ok: true, data: view() });
    await act(async () => (button(root, 'Refresh').props.onClick as () => void)());
    expect(mockInvoke).toHaveBeenCalledTimes(2);
    expect(hosts(root, 'Spinner')).toHaveLength(0);
    expect(button(root, 'Refreshing…').props.isDisabled).toBe(true);
    await answer({ ok: true, data: view({ overdueActionItems: { items: [], more: false } }) });
    expect(texts(root)).toContain('No overdue action items.');
  });

  it('says what to do when its configuration cannot be used, without a retry that would fail again', async () => {
    const { root, answer } = await renderGadget();
    await answer({
      ok: false,
      error: {
        kind: 'InvalidInput',
        message: "This gadget's configuration cannot be used (rows: at least 1 row).",
      },
    });
    const message = hosts(root, 'SectionMessage')[0];
    expect(message?.props.title).toBe('The gadget needs configuring');
    expect(texts(root)).toContain("Open the gadget's menu, choose Edit, and save its configuration again.");
    expect(hosts(root, 'Button')).toHaveLength(0);
  });

  it('offers a retry when Jira is busy', async () => {
    const { root, answer } = await renderGadget();
    await answer({ ok: false, error: { kind: 'RateLimited', message: 'Jira is rate limiting.' } });
    await act(async () => (button(root, 'Try again').props.onClick as () => void)());
    expect(mockInvoke).toHaveBeenCalledTimes(2);
  });
});

describe("the gadget's edit view", () => {
  async function renderForm(stored: Record<string, unknown>) {
    let root!: ReactTestRenderer;
    await act(async () => {
      root = create(<GadgetConfigForm stored={stored} />);
    });
    mounted.push(root);
    const type = (id: string, value: string) =>
      act(async () => {
        const field = hosts(root, 'Textfield').find((node) => node.props.id === id);
        (field?.props.onChange as (event: unknown) => void)({ target: { value } });
      });
    const save = () => act(async () => (hosts(root, 'Form')[0]?.props.onSubmit as () => Promise<void>)());
    return { root, type, save };
  }

  it('shows the field problem and submits nothing for rows out of range', async () => {
    const { root, type, save } = await renderForm({});
    await type('rows', '99');
    await save();
    expect(hosts(root, 'ErrorMessage').map((node) => node.props.children)).toEqual([
      'Rows: at most 25 rows.',
    ]);
    expect(mockSubmit).not.toHaveBeenCalled();
  });

  it('submits the checked configuration, keeping the auto-refresh Jira stored', async () => {
    mockSubmit.mockResolvedValue(undefined);
    const { type, save } = await renderForm({ rows: 5, refresh: 30 });
    await type('projectKeys', 'ops, inc');
    await type('rows', '3');
    await save();
    expect(mockSubmit).toHaveBeenCalledWith({ projectKeys: ['INC', 'OPS'], rows: 3, refresh: 30 });
  });
});
