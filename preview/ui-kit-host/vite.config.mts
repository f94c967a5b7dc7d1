import { defineConfig } from 'vite';
import { customUiViteConfig } from '../../static/shared/vite-config.mts';

export default defineConfig(
  customUiViteConfig(import.meta.dirname, {
    title: 'Postmortems for Jira (UI Kit)',
    entry: './main.ts',
    // Jira draws a UI Kit module on its own surface, in the user's theme: so does the host page.
    head: `
    <style>
      body {
        background-color: var(--ds-surface, #fff);
        color: var(--ds-text, #172b4d);
      }
    </style>`,
  }),
);
