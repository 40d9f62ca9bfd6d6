// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * DESIGN.md's import arrows: renderer -> shared, electron -> shared,
 * server -> shared; nothing imports renderer but renderer; shared imports
 * none of the others and no platform (DOM, Node, Electron). A wrong arrow
 * fails `npm test`.
 */
const otherFolder = (...folders) => folders.map((f) => ({ group: [`**/${f}`, `**/${f}/**`], message: `DESIGN.md: this folder must not import ${f}/.` }));
// Every Node built-in: `node:` anything, and each bare name (subpaths such as
// fs/promises included) from Node's own list, so a new one is covered the day it ships.
const nodeBuiltins = { group: ['node:*'], message: 'DESIGN.md: no Node built-ins here.' };
const nodeBuiltinNames = builtinModules.map((name) => ({ name, message: 'DESIGN.md: no Node built-ins here.' }));
const electronModule = { group: ['electron', 'electron/*'], message: 'DESIGN.md: only electron/ may import Electron.' };
const restrict = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns, paths: patterns.includes(nodeBuiltins) ? nodeBuiltinNames : [] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', '.tsbuild/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['shared/**'], rules: restrict(...otherFolder('renderer', 'electron', 'server'), nodeBuiltins, electronModule, { group: ['react', 'react-dom', 'dexie'], message: 'DESIGN.md: shared/ is pure TypeScript.' }) },
  { files: ['renderer/**'], rules: restrict(...otherFolder('electron', 'server'), nodeBuiltins, electronModule) },
  { files: ['electron/**'], rules: restrict(...otherFolder('renderer', 'server')) },
  {
    // Raw IPC has one choke point, where every payload is validated.
    files: ['electron/**'],
    ignores: ['electron/ipc.ts'],
    rules: { 'no-restricted-syntax': ['error', { selector: "ImportSpecifier[imported.name='ipcMain'], MemberExpression[property.name='ipcMain']", message: 'DESIGN.md: only electron/ipc.ts handles IPC (ipcMain), validating every payload.' }] },
  },
  { files: ['server/**'], rules: restrict(...otherFolder('renderer', 'electron'), electronModule) },
  {
    // The rooms inside renderer/ (DESIGN.md): a feature imports ui/, data/,
    // host/, i18n/ and shared/, never another feature and never app/; data/
    // and ui/ import no feature; app/ is the one place that
    // composes features, through the contribution each feature's index.ts
    // exports. Relative imports are resolved to files; `@shared/...` is left
    // to the rules above (every room may import shared/). One file stands
    // outside the rooms: renderer/main.tsx, the entry point, which only
    // mounts app/.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { boundaries },
    settings: {
      'boundaries/dependency-nodes': ['import', 'dynamic-import', 'export'],
      'boundaries/elements': [
        { type: 'app', pattern: 'renderer/app' },
        { type: 'feature', pattern: 'renderer/features/*', capture: ['feature'] },
        { type: 'ui', pattern: 'renderer/ui' },
        { type: 'data', pattern: 'renderer/data' },
        { type: 'host', pattern: 'renderer/host' },
        { type: 'i18n', pattern: 'renderer/i18n' },
        { type: 'shared', pattern: 'shared' },
      ],
      'import/resolver': { node: { extensions: ['.ts', '.tsx'] } },
    },
    rules: {
      'boundaries/dependencies': ['error', {
        default: 'disallow',
        policies: [
          { from: { element: { type: 'app' } }, allow: { to: { element: { types: { anyOf: ['app', 'feature', 'ui', 'data', 'host', 'i18n', 'shared'] } } } } },
          { from: { element: { type: 'feature' } }, allow: { to: { element: { types: { anyOf: ['ui', 'data', 'host', 'i18n', 'shared'] } } } } },
          { from: { element: { type: 'ui' } }, allow: { to: { element: { types: { anyOf: ['data', 'host', 'i18n', 'shared'] } } } } },
          { from: { element: { type: 'data' } }, allow: { to: { element: { types: { anyOf: ['host', 'i18n', 'shared'] } } } } },
          { from: { element: { type: 'host' } }, allow: { to: { element: { type: 'shared' } } } },
          { from: { element: { type: 'i18n' } }, allow: { to: { element: { type: 'shared' } } } },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Only renderer/host/ talks to the host (window.tamHost).
    files: ['renderer/**'],
    ignores: ['renderer/host/**'],
    rules: { 'no-restricted-properties': ['error', { object: 'window', property: 'tamHost', message: 'Use renderer/host/ instead.' }] },
  },
  { files: ['scripts/**/*.mjs', '*.js'], languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly' } } },
);
