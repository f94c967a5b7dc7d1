import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const forgePackages = ['@forge/*'];

// Dependencies flow one way: domain → usecases → handlers → forge wiring; the front ends know only
// src/contract. Checked on resolved file paths (not import strings), so depth and aliases cannot
// slip past; test/conformance/import-boundaries.test.ts lints a deliberate violation of each zone.
const srcOutsideDomain = [
  './src/jira',
  './src/slack',
  './src/storage',
  './src/usecases',
  './src/handlers',
  './src/forge',
  './src/runtime',
  './src/ports.ts',
  './src/services.ts',
  './src/index.ts',
];
const localStandIns = ['./emulator', './forge-platform', './preview', './test', './bench', './scripts'];
const boundaryZones = [
  {
    target: './src/domain',
    from: './src/contract',
    // The error kinds are the shared vocabulary of outcomes; everything else in the contract is built on the domain.
    except: ['./errors.ts'],
    message: 'src/domain is pure: the contract depends on it, not the reverse.',
  },
  {
    target: './src/domain',
    from: srcOutsideDomain,
    message: 'src/domain is pure: it depends on nothing outside itself.',
  },
  { target: './src/domain', from: ['./static', ...localStandIns], message: 'src/domain is pure.' },
  {
    target: './src/usecases',
    from: ['./src/handlers', './src/forge', './src/index.ts'],
    message: 'Dependencies flow domain → usecases → handlers.',
  },
  {
    target: './src/handlers',
    from: ['./src/forge', './src/index.ts'],
    message: 'Handlers are wired by src/forge, not the reverse.',
  },
  {
    target: './src',
    from: ['./static', ...localStandIns],
    message: 'The app never depends on the UI, tests or local stand-ins.',
  },
  {
    target: './static',
    from: './src',
    except: ['./contract'],
    message: 'The front end knows only src/contract (and static/shared).',
  },
  {
    target: './static',
    from: localStandIns,
    message: 'The front end never depends on tests or local stand-ins.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'static/*/build/**',
      'preview/ui-kit-host/build/**',
      'tools/**',
      'coverage/**',
      '.preview-data/**',
      'jest.config.js',
      'eslint.config.mjs',
      // A classic browser script standing in for the Forge host page (no build step, no types).
      'preview/bridge-shim.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })] },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: boundaryZones }] },
  },
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The stand-ins and tests implement Promise-returning APIs with in-memory fakes: `async` without an
  // await keeps a throw a rejection, as the real call's is.
  {
    files: ['test/**', 'emulator/**', 'forge-platform/**', 'preview/**', 'bench/**'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  // Jest's asymmetric matchers (expect.any, expect.objectContaining…), its mocks and the test renderer's
  // props are typed `any`; `expect(object.method)` hands Jest the method to inspect, never calls it.
  {
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  // Only src/forge/ talks to the Forge platform; everything else depends on ports.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/forge/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: forgePackages, message: 'Only src/forge/ may import Forge packages; depend on a port.' },
          ],
        },
      ],
    },
  },
  // The domain is pure: no platform, no I/O, time passed in.
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: forgePackages, message: 'src/domain is pure: no Forge packages.' },
            {
              group: ['node:*', 'fs', 'path', 'http', 'https', 'child_process'],
              message: 'src/domain is pure: no I/O.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Pass the current time in; src/domain is pure.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Pass the current time in; src/domain is pure.',
        },
      ],
    },
  },
  // The front end reaches the backend only through static/shared/api.
  {
    files: ['static/**/*.{ts,tsx}'],
    ignores: ['static/shared/api/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@forge/bridge', '@forge/api', '@forge/kvs'], message: 'Use static/shared/api.' },
          ],
        },
      ],
    },
  },
);
