/**
 * The UI Kit glance with `@forge/react` replaced at the module boundary by plain host elements, so
 * what the glance renders (components, appearances, text) can be read without the Forge runtime.
 */
import type { ReactElement, ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Result } from '../../../src/contract/errors';
import type { GlanceView } from '../../../src/contract/issue-context-api';
import { GlanceContent } from '../../../static/issue-context/glance-content';
import { IssueContextApp } from '../../../static/issue-context/issue-context-app';

jest.mock('@forge/react', () => {
  const { createElement } = jest.requireActual<typeof import('react')>('react');
  const host = (name: string) => {
    const component = (props: Record<string, unknown>) => createElement(`forge-${name.toLowerCase()}`, props);
    component.displayName = name;
    return component;
  };
  const names = ['Button', 'Inline', 'Lozenge', 'SectionMessage', 'Spinner', 'Stack', 'Text'];
  return {
    __esModule: true,
    default: { render: jest.fn() },
    useProductContext: jest.fn(),
    ...Object.fromEntries(names.map((name) => [name, host(name)])),
  };
});

// Server rendering runs no effects, so the resolver is never called here; the bridge must not load.
jest.mock('../../../static/shared/api/bridge', () => ({ resolverClient: () => jest.fn() }));

const { useProductContext } = jest.requireMock<{ useProductContext: jest.Mock }>('@forge/react');

interface Host {
  name: string;
  props: Record<string, unknown>;
  children: Array<Host | string>;
}

/** Expands the glance's own (hook-free) components down to the mocked UI Kit components. */
function expand(node: ReactNode): Array<Host | string> {
  if (node === null || node === undefined || typeof node === 'boolean') return [];
  if (typeof node === 'string' || typeof node === 'number') return [String(node)];
  if (Array.isArray(node)) return node.flatMap(expand);
  const element = node as ReactElement<Record<string, unknown> & { children?: ReactNode }>;
  const type = element.type as ((props: unknown) => ReactNode) & { displayName?: string };
  if (type.displayName) {
    const { children, ...props } = element.props;
    return [{ name: type.displayName, props, children: expand(children) }];
  }
  return expand(type(element.props));
}

const find = (nodes: Array<Host | string>, name: string): Host[] =>
  nodes.flatMap((node) =>
    typeof node === 'string' ? [] : [...(node.name === name ? [node] : []), ...find(node.children, name)],
  );
const textOf = (nodes: Array<Host | string>): string =>
  nodes.map((node) => (typeof node === 'string' ? node : textOf(node.children))).join(' ');

function glance(overrides: Partial<GlanceView> = {}): Result<GlanceView> {
  return {
    ok: true,
    data: {
      issueKey: 'INC-1',
      status: 'DRAFT',
      source: 'document',
      required: true,
      reasons: ['Every SEV-1 incident requires a postmortem.'],
      nearestDeadline: {
        kind: 'meeting',
        dueAt: '2025-03-17T15:10:00.000Z',
        state: 'due-soon',
        remainingMs: 6 * 3_600_000,
      },
      noDeadlineBecause: null,
      actionItems: { total: 3, withoutOwner: 2, withoutDueDate: 1 },
      ...overrides,
    },
  };
}

const render = (result: Result<GlanceView> | undefined, onRetry = jest.fn()) =>
  expand(<GlanceContent result={result} onRetry={onRetry} />);

describe('issue glance (UI Kit)', () => {
  it('shows a spinner while loading', () => {
    expect(find(render(undefined), 'Spinner')).toHaveLength(1);
  });

  it.each([
    ['DRAFT', 'default', 'Draft'],
    ['IN_REVIEW', 'inprogress', 'In review'],
    ['APPROVED', 'inprogress', 'Approved'],
    ['FINALIZING', 'inprogress', 'Finalizing'],
    ['FINAL', 'success', 'Final'],
  ] as const)('shows the %s status as a %s lozenge', (status, appearance, label) => {
    const [lozenge] = find(render(glance({ status })), 'Lozenge');
    expect(lozenge?.props.appearance).toBe(appearance);
    expect(textOf(lozenge?.children ?? [])).toBe(label);
  });

  it.each([
    ['on-track', 'color.text.success', 'on track, 2 d left'],
    ['due-soon', 'color.text.warning', 'due soon, 6 h left'],
    ['overdue', 'color.text.danger', 'overdue, 1 d overdue'],
  ] as const)('colours a nearest deadline that is %s', (state, color, words) => {
    const remainingMs = { 'on-track': 2, 'due-soon': 0.25, overdue: -1 }[state] * 86_400_000;
    const nodes = render(
      glance({
        nearestDeadline: { kind: 'meeting', dueAt: '2025-03-17T15:10:00.000Z', state, remainingMs },
      }),
    );
    const line = find(nodes, 'Text').find((text) => textOf(text.children).startsWith('Review meeting'));
    expect(line?.props.color).toBe(color);
    expect(textOf(line?.children ?? [])).toContain(words);
  });

  it('says why there is no deadline', () => {
    expect(textOf(render(glance({ nearestDeadline: null, noDeadlineBecause: 'final' })))).toContain(
      'the postmortem is final',
    );
    expect(textOf(render(glance({ nearestDeadline: null, noDeadlineBecause: 'unresolved' })))).toContain(
      'start when the incident is resolved',
    );
  });

  it('counts action items missing an owner or a due date, in the danger colour', () => {
    const line = find(render(glance()), 'Text').find((text) =>
      textOf(text.children).includes('action items'),
    );
    expect(textOf(line?.children ?? [])).toBe('3 action items: 2 without owner, 1 without due date');
    expect(line?.props.color).toBe('color.text.danger');
  });

  it('shows the children’s live open and overdue counts, overdue in the danger colour, hidden ones only counted', () => {
    const line = (counts: { open: number; overdue: number; done: number; notVisible: number }) =>
      find(
        expand(
          <GlanceContent result={glance({ status: 'FINAL' })} onRetry={jest.fn()} followThrough={counts} />,
        ),
        'Text',
      ).find((text) => textOf(text.children).startsWith('In Jira'));
    const overdue = line({ open: 3, overdue: 1, done: 2, notVisible: 1 });
    expect(textOf(overdue?.children ?? [])).toBe('In Jira: 3 open (1 overdue), 2 done, 1 not visible to you');
    expect(overdue?.props.color).toBe('color.text.danger');
    expect(line({ open: 0, overdue: 0, done: 4, notVisible: 0 })?.props.color).toBe('color.text.success');
    expect(line({ open: 0, overdue: 0, done: 0, notVisible: 0 })).toBeUndefined();
  });

  it('says whether a postmortem is required', () => {
    expect(textOf(render(glance()))).toContain(
      'Postmortem required. Every SEV-1 incident requires a postmortem.',
    );
    expect(textOf(render(glance({ required: false, reasons: [] })))).toContain('Postmortem optional.');
  });

  it('points to the panel when there is no postmortem yet', () => {
    const text = textOf(
      render(
        glance({ status: null, source: null, actionItems: { total: 0, withoutOwner: 0, withoutDueDate: 0 } }),
      ),
    );
    expect(text).toContain('No postmortem yet — open the Postmortem panel');
    expect(text).toContain('None');
  });

  it('shows a retryable error with its message and a Try again button that reloads', () => {
    const onRetry = jest.fn();
    const nodes = render(
      { ok: false, error: { kind: 'RateLimited', message: 'Jira rate-limited the request; retry later' } },
      onRetry,
    );
    expect(find(nodes, 'SectionMessage')).toHaveLength(1);
    expect(textOf(nodes)).toContain('Jira rate-limited the request; retry later');
    const [button] = find(nodes, 'Button');
    (button?.props.onClick as () => void)();
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('offers no retry when the user lacks access', () => {
    const nodes = render({ ok: false, error: { kind: 'Forbidden', message: 'Log in to Jira.' } });
    expect(find(nodes, 'Button')).toHaveLength(0);
    expect(textOf(nodes)).toContain('Log in to Jira.');
  });
});

describe('issue glance app', () => {
  beforeEach(() => {
    useProductContext.mockReset();
  });

  it('shows the spinner until the product context names the issue', () => {
    useProductContext.mockReturnValue(undefined);
    expect(renderToStaticMarkup(<IssueContextApp />)).toContain('<forge-spinner');
  });

  it('answers with an error when the context has no issue', () => {
    useProductContext.mockReturnValue({ extension: {} });
    const html = renderToStaticMarkup(<IssueContextApp />);
    expect(html).toContain('<forge-sectionmessage');
    expect(html).toContain('Jira did not say which issue is open');
  });
});
