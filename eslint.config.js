// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * DESIGN.md's import arrows: renderer -> shared, electron -> shared,
 * server -> shared; nothing imports renderer but renderer; shared imports
 * none of the others and no platform (DOM, Node, Electron). A wrong arrow
 * fails `npm test`.
 */
const otherFolder = (...folders) => folders.map((f) => ({ group: [`**/${f}`, `**/${f}/**`], message: `DESIGN.md: this folder must not import ${f}/.` }));
const nodeBuiltins = { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url'], message: 'DESIGN.md: no Node built-ins here.' };
const electronModule = { group: ['electron', 'electron/*'], message: 'DESIGN.md: only electron/ may import Electron.' };
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

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
  { files: ['server/**'], rules: restrict(...otherFolder('renderer', 'electron'), electronModule) },
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
