import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const forgePackages = ['@forge/*'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'static/*/build/**',
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
  ...tseslint.configs.recommended,
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
            {
              group: ['../usecases/*', '../jira/*', '../slack/*', '../storage/*', '../handlers/*'],
              message: 'Dependencies flow domain → usecases → handlers.',
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
            {
              group: ['**/src/!(contract)/**', '**/src/!(contract)'],
              message: 'The front end knows only src/contract.',
            },
          ],
        },
      ],
    },
  },
);
