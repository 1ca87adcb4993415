import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Entries are explicit because the sources live in top-level folders, not src/.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The docs import runs in a worker thread (its own entry, loaded by main/services/docs/importer.ts),
      // and reads PDFs in another (pdf/pdf-extract.ts), which it can stop on a time or memory limit.
      rollupOptions: { input: { index: resolve('main/index.ts'), 'docs-import-worker': resolve('main/services/docs/import-worker.ts'), 'docs-pdf-worker': resolve('main/services/docs/pdf/pdf-worker.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require('electron'): bundle everything else into one CJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified; minified, the shell parses a third of the bytes at startup.
      minify: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
