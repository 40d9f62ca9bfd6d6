import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * DESIGN.md's import arrows, as the lint rule in eslint.config.js enforces
 * them: each case lints a one-line file placed in a folder and says whether
 * the import is allowed there.
 */
const eslint = new ESLint();

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import x from '${source}';\nexport const y = x;\n`, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the import arrows of DESIGN.md', () => {
  it.each([
    ['shared/domain/x.ts', '../../renderer/data/db'],
    ['shared/domain/x.ts', '../../electron/main'],
    ['shared/domain/x.ts', 'node:fs'],
    ['shared/domain/x.ts', 'electron'],
    ['shared/domain/x.ts', 'react'],
    ['electron/x.ts', '../renderer/data/db'],
    ['renderer/features/x.ts', '../../electron/preload'],
    ['renderer/features/x.ts', 'electron'],
    ['renderer/features/x.ts', 'node:path'],
  ])('%s may not import %s', async (file, source) => {
    expect(await importErrors(file, source)).not.toEqual([]);
  }, 30_000);

  it.each([
    ['renderer/features/x.ts', '@shared/domain/account'],
    ['renderer/features/x.ts', '../../data/db'],
    ['electron/x.ts', '@shared/host'],
    ['electron/x.ts', 'electron'],
    ['electron/x.ts', 'node:path'],
    ['shared/domain/x.ts', './account'],
    ['shared/domain/x.ts', 'zod'],
  ])('%s may import %s', async (file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  }, 30_000);
});
