import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { createForgeDocStore, type ForgeDoc } from '../../../preview/ui-kit-host/host/forge-doc';
import { hostDraws, UiKitHost } from '../../../preview/ui-kit-host/host/ui-kit-host';
import { searchUsers, type ProductGet } from '../../../preview/ui-kit-host/host/user-picker';

const STATIC_DIR = resolve(__dirname, '../../../static');
// Read, not imported: importing @forge/react needs a Forge bridge.
const FORGE_REACT_COMPONENTS = resolve(require.resolve('@forge/react'), '../components');

function sourceFiles(dir: string, extension: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'build') return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path, extension);
    return extension.test(entry.name) ? [path] : [];
  });
}

/** Every component `@forge/react` exports (its hooks and types are not `exports.Capitalised = …`). */
function forgeReactComponents(): Set<string> {
  return new Set(
    sourceFiles(FORGE_REACT_COMPONENTS, /\.js$/).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^exports\.([A-Z]\w*) = (?!void 0)/gm)].map(
        (match) => match[1] ?? '',
      ),
    ),
  );
}

/** The UI Kit components each source file under static/ imports from `@forge/react` (hooks left out). */
function uiKitComponentsUsed(): Map<string, string[]> {
  const components = forgeReactComponents();
  const used = new Map<string, string[]>();
  for (const file of sourceFiles(STATIC_DIR, /\.tsx?$/)) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'@forge\/react[^']*'/g)) {
      for (const specifier of (match[1] ?? '').split(',')) {
        const name = specifier
          .trim()
          .split(/\s+as\s+/)[0]
          ?.replace(/^type\s+/, '');
        if (!name || !components.has(name)) continue;
        used.set(name, [...(used.get(name) ?? []), relative(STATIC_DIR, file)]);
      }
    }
  }
  return used;
}

const node = (type: string, props: Record<string, unknown> = {}, children: ForgeDoc[] = []): ForgeDoc => ({
  type,
  props,
  children,
  key: `${type}-${Math.random()}`,
});

describe('local UI Kit host', () => {
  it('draws every UI Kit component the app uses under static/', () => {
    const used = uiKitComponentsUsed();
    // The settings page and the glance are UI Kit: the scan must see them, or it proves nothing.
    expect([...used.keys()]).toEqual(expect.arrayContaining(['Form', 'Textfield', 'RadioGroup', 'Lozenge']));
    const missing = [...used].filter(([name]) => !hostDraws(name));
    expect(missing.map(([name, files]) => `${name} (${files.join(', ')})`)).toEqual([]);
  });

  it('shows a component it cannot draw as a placeholder naming it', () => {
    const store = createForgeDocStore();
    store.reconcile(
      node('Root', {}, [node('Text', {}, [node('String', { text: 'Before' })]), node('NotAUiKitComponent')]),
    );
    const html = renderToStaticMarkup(<UiKitHost store={store} />);
    expect(html).toContain('Before');
    expect(html).toContain('data-testid="ui-kit-unknown-component"');
    expect(html).toContain('&lt;NotAUiKitComponent&gt;');
  });

  it('draws a DynamicTable from the head and rows @forge/react sends as child nodes', () => {
    const store = createForgeDocStore();
    // @forge/react hands its tree to `self.__bridge` (a browser global); here, straight to the host's store.
    Object.assign(globalThis, {
      self: globalThis,
      __bridge: {
        callBridge: (name: string, payload: { forgeDoc: ForgeDoc }) =>
          Promise.resolve(name === 'reconcile' ? store.reconcile(payload.forgeDoc) : undefined),
      },
    });
    // Required here, not imported: @forge/react looks for the bridge as it loads.
    const {
      default: ForgeReconciler,
      DynamicTable,
      Text,
    } = jest.requireActual<typeof import('@forge/react')>('@forge/react');
    ForgeReconciler.render(
      <DynamicTable
        head={{ cells: [{ key: 'issue', content: 'Incident' }] }}
        rows={[{ key: 'INC-7', cells: [{ key: 'issue', content: <Text>Payment Service Outage</Text> }] }]}
      />,
    );
    const html = renderToStaticMarkup(<UiKitHost store={store} />);
    expect(html).toMatch(
      /<table[^>]*>.*<th[^>]*>.*Incident.*<\/th>.*<td[^>]*>.*Payment Service Outage.*<\/td>/s,
    );
    expect(html).not.toContain('ui-kit-unknown-component');
  });

  it("finds the user picker's users with Jira's user search and hands the app UI Kit's user values", async () => {
    const asked: string[] = [];
    const get: ProductGet = (restPath) => {
      asked.push(restPath);
      return Promise.resolve({
        status: 200,
        body: JSON.stringify([
          {
            accountId: '5b10ac8d82e05b22cc7d4ef5',
            accountType: 'atlassian',
            displayName: 'Mia Krystof',
            emailAddress: 'mia@example.com',
            avatarUrls: { '48x48': 'https://avatar.example/mia.png' },
          },
        ]),
      });
    };
    await expect(searchUsers(get, 'Mia K')).resolves.toEqual([
      {
        id: '5b10ac8d82e05b22cc7d4ef5',
        type: 'atlassian',
        name: 'Mia Krystof',
        email: 'mia@example.com',
        avatarUrl: 'https://avatar.example/mia.png',
      },
    ]);
    expect(asked).toEqual(['/rest/api/3/user/search?query=Mia%20K']);
    await expect(searchUsers(() => Promise.resolve({ status: 403, body: '' }), 'Mia')).rejects.toThrow(
      'Jira answered 403',
    );
  });
});
