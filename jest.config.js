/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // Some Atlassian packages ship ESM only under dist/esm; let swc transpile them.
  // Atlassian's compiled components import their CSS; unit tests draw markup, not styles.
  moduleNameMapper: { '\\.css$': '<rootDir>/test/helpers/no-styles.ts' },
  transformIgnorePatterns: ['/node_modules/(?!(@atlaskit|@atlassianlabs)/)'],
  testTimeout: 30000,
};
