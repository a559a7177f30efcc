import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

// Commands run with argv arrays; a shell string is never built.
const noShell = {
  name: 'child_process',
  importNames: ['exec', 'execSync'],
  message: 'Use execFile/spawn with an argv array.',
};
const nodeNoShell = { ...noShell, name: 'node:child_process' };

/** no-restricted-imports with the shell rule plus the boundary patterns of one part of the tree. */
const restrict = (...patterns) => [
  'error',
  {
    paths: [noShell, nodeNoShell],
    patterns: patterns.map(([group, message]) => ({ group, message })),
  },
];

const CORE_BY_PATH = [
  ['**/packages/core/src/**', '**/core/src/**'],
  'Import core through its domain subpaths (@kiln/core/oci, @kiln/core/bake, …), never by path.',
];
const NO_TEST = [['**/test/**'], 'scripts/, bench/ and packages/ never import test/.'];
const NO_SCRIPTS = [
  ['**/scripts/**'],
  'Tests never import scripts/: what a script shares with a test belongs in a package (e.g. @kiln/local).',
];
/** Each action's own domain of core. */
const ACTION_DOMAINS = {
  'bake-image': 'bake',
  'validate-image': 'validate',
  promote: 'promote',
  'replace-fleet': 'deploy',
  rollback: 'rollback',
};
const NO_LOCAL = [
  ['@kiln/local', '@kiln/local/**'],
  'Core does not depend on the embedded environment.',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.kiln/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': restrict(),
      // A cycle makes start-up order fragile and defeats lazy loading.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/validate/**'],
    rules: {
      'no-restricted-imports': restrict(NO_TEST, NO_LOCAL, [
        ['**/validate/**', '@kiln/core/validate'],
        'Only validate/ imports from validate/.',
      ]),
    },
  },
  {
    files: ['packages/core/src/validate/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(NO_TEST, NO_LOCAL) },
  },
  {
    files: ['packages/actions/**/*.ts', 'packages/cli/**/*.ts', 'packages/local/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(CORE_BY_PATH, NO_TEST) },
  },
  // An action imports only its own domain of core (plus the shared ones: inputs, oci, config,
  // github, gates, ledger, fleet, …), never another action's domain.
  ...Object.entries(ACTION_DOMAINS).map(([action, own]) => ({
    files: [`packages/actions/src/${action}/**/*.ts`],
    rules: {
      'no-restricted-imports': restrict(CORE_BY_PATH, NO_TEST, [
        Object.values(ACTION_DOMAINS)
          .filter((d) => d !== own)
          .flatMap((d) => [`@kiln/core/${d}`, `@kiln/core/${d}/**`]),
        'An action imports only its own domain of core.',
      ]),
    },
  })),
  {
    files: ['scripts/**', 'bench/**'],
    rules: { 'no-restricted-imports': restrict(CORE_BY_PATH, NO_TEST) },
  },
  {
    files: ['test/**'],
    rules: { 'no-restricted-imports': restrict(CORE_BY_PATH, NO_SCRIPTS) },
  },
  {
    // Unit tests beside the code may use the shared fakes of test/support.
    files: ['packages/**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict() },
  },
);
