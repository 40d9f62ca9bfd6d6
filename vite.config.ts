import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import electron from 'vite-plugin-electron';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

const alias = { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) };

/**
 * One config builds all three: the renderer (dist/), and, on `vite build`,
 * Electron's main process and its sandboxed preload (dist-electron/, both
 * CommonJS; the preload as one bundle, since a sandboxed preload cannot
 * require). `vite` alone serves the renderer for the browser (npm run web).
 */
export default defineConfig(({ command }) => ({
  root: 'renderer',
  base: './',
  publicDir: 'public',
  resolve: { alias },
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  server: { port: 5173, strictPort: true },
  preview: { port: 5173, strictPort: true },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 1500,
  },
  plugins: [
    react(),
    command === 'build' &&
      electron([
        {
          entry: fileURLToPath(new URL('./electron/main.ts', import.meta.url)),
          vite: {
            resolve: { alias },
            build: {
              outDir: fileURLToPath(new URL('./dist-electron', import.meta.url)),
              emptyOutDir: false,
              minify: false,
              // The plugin builds ESM libraries when package.json says "type":
              // "module"; Electron's main and sandboxed preload need CommonJS.
              lib: false,
              rolldownOptions: {
                input: fileURLToPath(new URL('./electron/main.ts', import.meta.url)),
                external: ['electron'],
                output: { format: 'cjs', entryFileNames: 'main.cjs' },
              },
            },
          },
        },
        {
          entry: fileURLToPath(new URL('./electron/preload.ts', import.meta.url)),
          vite: {
            resolve: { alias },
            build: {
              outDir: fileURLToPath(new URL('./dist-electron', import.meta.url)),
              emptyOutDir: false,
              lib: false,
              rolldownOptions: {
                input: fileURLToPath(new URL('./electron/preload.ts', import.meta.url)),
                external: ['electron'],
                output: { format: 'cjs', entryFileNames: 'preload.cjs', codeSplitting: false },
              },
            },
          },
        },
      ]),
  ],
}));
