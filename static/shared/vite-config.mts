import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import type { UserConfig } from 'vite';

/** One Vite build per Custom UI resource; output goes where manifest.yml's resource path points. */
export function customUiViteConfig(appDir: string): UserConfig {
  return {
    root: appDir,
    // Forge serves Custom UI from a CDN path: assets must be referenced relatively.
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(appDir, 'build'),
      emptyOutDir: true,
      sourcemap: false,
      target: 'es2022',
      reportCompressedSize: false,
    },
    logLevel: 'warn',
  };
}
