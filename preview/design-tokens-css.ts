import { createRequire } from 'node:module';

const requireFromHere = createRequire(__filename);
const THEMES = [
  'atlassian-light',
  'atlassian-dark',
  'atlassian-spacing',
  'atlassian-typography',
  'atlassian-shape',
];

/**
 * Atlassian's design-token CSS, which Jira injects into a Custom UI iframe after `view.theme.enable()`.
 * `@atlaskit/tokens` ships each theme as a module exporting its CSS text.
 */
export function designTokensCss(): string {
  return THEMES.map((theme) => {
    const module = requireFromHere(`@atlaskit/tokens/dist/cjs/artifacts/themes/${theme}.js`) as {
      default: string;
    };
    return module.default;
  }).join('\n');
}
