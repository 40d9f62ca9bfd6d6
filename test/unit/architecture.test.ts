import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * DESIGN.md's import arrows, as eslint.config.js enforces them: each case
 * lints a one-line file placed in a folder and says whether the import is
 * allowed there. Relative imports name real files, since the lint resolves
 * them to decide which room they lead into.
 */
const eslint = new ESLint();
const ARROW_RULES = ['no-restricted-imports', 'boundaries/dependencies', 'no-restricted-syntax'];

async function arrowErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => ARROW_RULES.includes(m.ruleId ?? '')).map((m) => m.message);
}
const importErrors = (filePath: string, source: string) => arrowErrors(filePath, `import x from '${source}';\nexport const y = x;\n`);

describe('the import arrows between top-level folders', () => {
  it.each([
    ['shared/domain/x.ts', '../../renderer/data/db'],
    ['shared/domain/x.ts', '../../electron/main'],
    ['shared/domain/x.ts', 'node:fs'],
    ['shared/domain/x.ts', 'fs/promises'],
    ['shared/domain/x.ts', 'worker_threads'],
    ['shared/domain/x.ts', 'module'],
    ['shared/domain/x.ts', 'electron'],
    ['shared/domain/x.ts', 'react'],
    ['electron/x.ts', '../renderer/data/db'],
    ['renderer/features/x.ts', '../../electron/preload'],
    ['renderer/features/x.ts', 'electron'],
    ['renderer/features/x.ts', 'node:path'],
    ['renderer/features/x.ts', 'zlib'],
  ])('%s may not import %s', async (file, source) => {
    expect(await importErrors(file, source)).not.toEqual([]);
  }, 30_000);

  it.each([
    ['renderer/features/x.ts', '@shared/domain/account'],
    ['electron/x.ts', '@shared/host'],
    ['electron/x.ts', 'electron'],
    ['electron/x.ts', 'node:path'],
    ['shared/domain/x.ts', './account'],
    // A folder of shared/ that shares its name with a Node built-in (domain) is no built-in.
    ['shared/cases/x.ts', '../domain/case'],
    ['shared/domain/x.ts', 'zod'],
  ])('%s may import %s', async (file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  }, 30_000);
});

describe('the rooms inside renderer/', () => {
  it.each([
    ['a feature, another feature', 'renderer/features/accounts/x.ts', '../cases/CasePage'],
    ['a feature, another feature (lazily)', 'renderer/features/settings/x.ts', '../sync/SyncSection'],
    ['a feature, the app shell', 'renderer/features/cases/x.ts', '../../app/ui-store'],
    ['data/, a feature', 'renderer/data/x.ts', '../features/accounts/account-draft'],
    ['ui/, a feature', 'renderer/ui/x.ts', '../features/cases/CaseTable'],
    ['ui/, the app shell', 'renderer/ui/x.ts', '../app/ui-store'],
    ['host/, data/', 'renderer/host/x.ts', '../data/db'],
  ])('%s: refused', async (_, file, source) => {
    const code = source.includes('SyncSection') ? `export const load = () => import('${source}');\n` : `import x from '${source}';\nexport const y = x;\n`;
    expect(await arrowErrors(file, code)).not.toEqual([]);
  }, 30_000);

  it.each([
    ['a feature, its own files', 'renderer/features/accounts/x.ts', './AccountForm'],
    ['a feature, ui/', 'renderer/features/accounts/x.ts', '../../ui/format'],
    ['a feature, data/', 'renderer/features/cases/x.ts', '../../data/use-accounts'],
    ['a feature, host/', 'renderer/features/cases/x.ts', '../../host'],
    ['the app shell, a feature', 'renderer/app/x.ts', '../features/cases'],
    ['ui/, data/', 'renderer/ui/x.ts', '../data/settings'],
  ])('%s: allowed', async (_, file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  }, 30_000);
});

describe('raw IPC', () => {
  const handler = `import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);\n`;
  it('is refused outside electron/ipc.ts', async () => {
    expect(await arrowErrors('electron/window.ts', handler)).not.toEqual([]);
  }, 30_000);
  it('is allowed in electron/ipc.ts', async () => {
    expect(await arrowErrors('electron/ipc.ts', handler)).toEqual([]);
  }, 30_000);
});
