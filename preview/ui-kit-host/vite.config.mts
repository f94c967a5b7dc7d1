import { defineConfig } from 'vite';
import { customUiViteConfig } from '../../static/shared/vite-config.mts';

export default defineConfig(
  customUiViteConfig(import.meta.dirname, { title: 'Postmortems for Jira (UI Kit)', entry: './main.ts' }),
);
