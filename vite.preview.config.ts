import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The browser preview: the same renderer, built in mode "preview" so that main.tsx installs the
// WebSocket implementation of window.support (the import is dropped from the Electron build).
export default defineConfig({
  root: 'renderer',
  mode: 'preview',
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve('out/preview'),
    emptyOutDir: true,
    rollupOptions: { input: { index: resolve('renderer/index.html') } },
  },
});
