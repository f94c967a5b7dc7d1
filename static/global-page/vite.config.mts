import { defineConfig } from 'vite';
import { customUiViteConfig } from '../shared/vite-config.mts';

export default defineConfig(customUiViteConfig(import.meta.dirname, { title: 'Incident learning' }));
