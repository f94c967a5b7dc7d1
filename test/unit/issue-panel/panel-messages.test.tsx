import { act, create, type ReactTestInstance, type ReactTestRenderer } from 'react-test-renderer';
import { ConflictMessage } from '../../../static/issue-panel/src/components/conflict-message';
import { PanelError } from '../../../static/issue-panel/src/components/panel-error';
import { RestoreDraftMessage } from '../../../static/issue-panel/src/components/restore-draft-message';

async function render(element: React.ReactElement): Promise<ReactTestRenderer> {
  let renderer: ReactTestRenderer | undefined;
  await act(async () => {
    renderer = create(element);
  });
  return renderer as ReactTestRenderer;
}

const textOf = (node: ReactTestInstance | string): string =>
  typeof node === 'string' ? node : node.children.map(textOf).join('');

/** The message's actions by their text, as the user sees and clicks them. */
const actions = (root: ReactTestRenderer) =>
  root.root
    .findAll((node) => node.type === 'button')
    .map((button) => ({ label: textOf(button), click: button.props.onClick as () => void }));

describe('the panel’s messages and their actions', () => {
  it('offers their version after a conflict', async () => {
    const onLoadTheirs = jest.fn();
    const root = await render(<ConflictMessage onLoadTheirs={onLoadTheirs} />);
    const [load] = actions(root);
    expect(load?.label).toBe('Load their version');
    act(() => load?.click());
    expect(onLoadTheirs).toHaveBeenCalledTimes(1);
  });

  it('offers to restore or discard a draft kept in the browser, in that order', async () => {
    const onRestore = jest.fn();
    const onDiscard = jest.fn();
    const root = await render(
      <RestoreDraftMessage
        draft={{ document: {} as never, baseRevision: 3, savedAt: '2026-11-29T10:00:00Z' }}
        serverRevision={4}
        onRestore={onRestore}
        onDiscard={onDiscard}
      />,
    );
    const [restore, discard] = actions(root);
    expect([restore?.label, discard?.label]).toEqual(['Restore my draft', 'Discard it']);
    act(() => discard?.click());
    expect(onDiscard).toHaveBeenCalledTimes(1);
    expect(onRestore).not.toHaveBeenCalled();
    expect(JSON.stringify(root.toJSON())).toContain('The saved postmortem has changed since');
  });

  it('offers Try again only where retrying can help', async () => {
    const onRetry = jest.fn();
    const busy = await render(
      <PanelError error={{ kind: 'RateLimited', message: 'slow down' }} onRetry={onRetry} />,
    );
    const [retry] = actions(busy);
    expect(retry?.label).toBe('Try again');
    act(() => retry?.click());
    expect(onRetry).toHaveBeenCalledTimes(1);
    const invalid = await render(
      <PanelError error={{ kind: 'InvalidInput', message: 'bad' }} onRetry={onRetry} />,
    );
    expect(actions(invalid)).toEqual([]);
  });
});
