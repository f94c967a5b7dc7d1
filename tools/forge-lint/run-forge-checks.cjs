#!/usr/bin/env node
/**
 * Atlassian's own platform checks, offline:
 *  1. @forge/manifest — the manifest JSON schema (basic) and the full validator (module keys,
 *     handlers, resource paths, trigger scopes, entity properties …);
 *  2. @forge/lint — the client-side linters `forge lint` runs (permission linter with a local Jira
 *     OpenAPI spec, handler linter, manifest linters …).
 * Usage: node run-forge-checks.cjs [appDir ...] [--json]. Exit code 1 on any error or warning.
 * Several app folders in one run share the validators' warm caches (the first costs ~15 s).
 * Lives here because @forge/lint drags in a native keytar build that the app must never need.
 */
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');

const args = process.argv.slice(2);
const json = args.includes('--json');
const appDirs = args.filter((arg) => !arg.startsWith('--')).map((dir) => path.resolve(dir));
if (appDirs.length === 0) appDirs.push(path.resolve(__dirname, '..', '..'));
const specDir = path.resolve(
  process.env.JIRA_OPENAPI_SPEC ?? path.join(__dirname, '..', '..', '..', 'shared', 'jira-openapi'),
);
const jiraSpec = fs.statSync(specDir, { throwIfNoEntry: false })?.isDirectory()
  ? path.join(specDir, 'jira-platform-v3.json')
  : specDir;

function prepareOfflineSpecs() {
  if (!fs.existsSync(jiraSpec)) {
    throw new Error(
      `Jira OpenAPI spec not found at ${jiraSpec}. Set JIRA_OPENAPI_SPEC to the folder or file ` +
        '(download https://developer.atlassian.com/cloud/jira/platform/swagger-v3.v3.json).',
    );
  }
  // Products the app never calls get an empty spec, so the permission linter needs no network.
  const emptySpec = path.join(os.tmpdir(), 'forge-lint-empty-openapi.json');
  fs.writeFileSync(emptySpec, JSON.stringify({ openapi: '3.0.1', paths: {} }));
  Object.assign(process.env, {
    USE_LOCAL_SWAGGER: '1',
    LOCAL_JIRA_SWAGGER: jiraSpec,
    LOCAL_JSM_SWAGGER: emptySpec,
    LOCAL_JSW_SWAGGER: emptySpec,
    LOCAL_CONF_SWAGGER: emptySpec,
    LOCAL_CONF_V2_SWAGGER: emptySpec,
    LOCAL_BB_SWAGGER: emptySpec,
  });
}

function sourceFiles(appDir, dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(tsx?|jsx?)$/.test(entry.name))
    .map((entry) => path.relative(appDir, path.join(entry.parentPath ?? entry.path, entry.name)));
}

// A feature-flag client answering defaults; the linters only ask for the deprecated runtimes.
const statsigService = new Proxy(
  { getDeprecatedRuntimes: async () => [] },
  { get: (target, key) => (key in target ? target[key] : async () => false) },
);

async function validateManifest(type) {
  const { ProcessorBuilder } = require('@forge/manifest');
  const processor = ProcessorBuilder.instance()
    .withValidation(type)
    .withOptions({ deprecatedRuntimes: [] })
    .build();
  const result = await processor.process('manifest.yml');
  return {
    check: `@forge/manifest ${type === 'basic' ? 'JSON schema' : 'full validator'}`,
    errors: (result.errors ?? []).filter((e) => e.level === 'error'),
    warnings: (result.errors ?? []).filter((e) => e.level !== 'error'),
    manifest: result.manifestObject?.typedContent,
  };
}

async function runForgeLint(appDir, manifest) {
  const { lint } = require('@forge/lint');
  const logger = { info() {}, warn() {}, debug() {}, error() {}, trace() {} };
  const results = await lint(
    sourceFiles(appDir, path.join(appDir, 'src')),
    manifest,
    'development',
    logger,
    statsigService,
    {
      linter: { mode: 'client-side' },
    },
  );
  const flatten = (kind) =>
    results.flatMap((result) => result[kind].map((problem) => ({ file: result.file, ...problem })));
  return {
    check: '@forge/lint client-side linters',
    errors: flatten('errors'),
    warnings: flatten('warnings'),
  };
}

async function checkApp(appDir) {
  process.chdir(appDir);
  const schema = await validateManifest('basic');
  const full = await validateManifest('full');
  const lintResult = full.manifest
    ? await runForgeLint(appDir, full.manifest)
    : {
        check: '@forge/lint client-side linters',
        errors: [{ message: 'not run: the manifest is invalid' }],
        warnings: [],
      };
  return {
    appDir,
    checks: [schema, full, lintResult].map(({ check, errors, warnings }) => ({ check, errors, warnings })),
  };
}

function printReport({ appDir, checks }) {
  console.log(`Forge platform checks for ${appDir}`);
  for (const { check, errors, warnings } of checks) {
    console.log(
      `${errors.length || warnings.length ? '✗' : '✓'} ${check}: ${errors.length} errors, ${warnings.length} warnings`,
    );
    const print = (level) => (p) =>
      console.log(
        `    ${path.relative(appDir, path.resolve(p.file ?? 'manifest.yml'))}:${p.line ?? 0}:${p.column ?? 0} ${level} ${p.message}`,
      );
    errors.forEach(print('error'));
    warnings.forEach(print('warning'));
  }
}

async function main() {
  prepareOfflineSpecs();
  const reports = [];
  for (const appDir of appDirs) reports.push(await checkApp(appDir));
  if (json) process.stdout.write(JSON.stringify(reports, null, 2) + '\n');
  else reports.forEach(printReport);
  const clean = reports.every(({ checks }) => checks.every((c) => !c.errors.length && !c.warnings.length));
  process.exitCode = clean ? 0 : 1;
}

main().catch((error) => {
  console.error(`Forge checks could not run: ${error.message}`);
  process.exitCode = 2;
});
