import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'test/server/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/unit/setup.ts'],
    // Server tests start processes and databases: seconds on a busy 2-core
    // machine, where Vitest's default of 5 s left too little margin.
    testTimeout: 15_000,
    hookTimeout: 30_000,
  },
});
