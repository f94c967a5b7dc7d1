import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import type { Plugin, UserConfig } from 'vite';

export interface CustomUiPage {
  /** The page's `<title>`. */
  title: string;
  /** The entry module, relative to the app's folder. */
  entry?: string;
  /** More of the head (a page's own style), as HTML. */
  head?: string;
}

/**
 * Every page is the same shell — a root element and the app's entry module — so the shell is written
 * once here and handed to Vite as the app folder's `index.html` instead of a copy in each folder.
 */
function indexHtml(appDir: string, page: CustomUiPage): Plugin {
  const id = resolve(appDir, 'index.html');
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>${page.title}</title>${page.head ?? ''}
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="${page.entry ?? './src/main.tsx'}"></script>
  </body>
</html>
`;
  return {
    name: 'custom-ui-index-html',
    resolveId: (source) => (source === id ? id : null),
    load: (source) => (source === id ? html : null),
  };
}

/** One Vite build per Custom UI resource; output goes where manifest.yml's resource path points. */
export function customUiViteConfig(appDir: string, page: CustomUiPage): UserConfig {
  return {
    root: appDir,
    // Forge serves Custom UI from a CDN path: assets must be referenced relatively.
    base: './',
    plugins: [react(), indexHtml(appDir, page)],
    build: {
      outDir: resolve(appDir, 'build'),
      emptyOutDir: true,
      sourcemap: false,
      target: 'es2022',
      reportCompressedSize: false,
      rolldownOptions: { input: resolve(appDir, 'index.html') },
    },
    logLevel: 'warn',
  };
}
