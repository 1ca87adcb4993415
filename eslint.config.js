// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Import boundaries of ../shared/ARCHITECTURE.md, at error:
 *   shared -> (nothing but zod), preload -> shared, main -> shared, renderer -> shared, server -> shared,
 *   conformance -> shared.
 *   'electron' only in main/platform, main/index.ts and preload; raw ipcMain/ipcRenderer only in the
 *   bridge's Electron adapter and preload; node:* never in shared or renderer.
 */
const folder = (name) => [`**/${name}/**`, `${name}/**`, `../${name}`, `../../${name}`];
const electron = { group: ['electron', 'electron/*'], message: "Only main/platform, main/index.ts and preload may import 'electron'." };
const nodeBuiltins = { group: ['node:*', ...['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'stream', 'worker_threads']], message: 'No Node built-ins here: this code also runs in the renderer.' };
const outside = (...names) => ({ group: names.flatMap(folder), message: `This layer may not import ${names.join(', ')}.` });
const restrict = (...patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.toolchain/**', 'test-results/**', 'playwright-report/**', 'test/.artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(electron, nodeBuiltins, outside('main', 'preload', 'renderer', 'server', 'test'), {
        regex: '^(?!zod$|\\.)',
        message: 'shared/ imports nothing but zod and itself.',
      }),
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(nodeBuiltins, outside('main', 'renderer', 'server')) },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/platform/**', 'main/index.ts'],
    rules: { 'no-restricted-imports': restrict(electron, outside('renderer', 'preload', 'server')) },
  },
  {
    // The composition roots may start the embedded reference API; nothing else in main may.
    files: ['main/platform/**/*.ts', 'main/index.ts', 'main/preview/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(outside('renderer', 'preload')) },
  },
  {
    files: ['main/preview/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(electron, outside('renderer', 'preload')) },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/platform/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "Identifier[name=/^ipc(Main|Renderer)$/]", message: 'Raw IPC only in main/platform/ipc-bridge.ts and preload.' },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(electron, outside('main', 'preload', 'renderer')) },
  },
  {
    // The conformance kit checks any implementation from outside: it may use shared/ (the contract), never the reference server.
    files: ['conformance/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(electron, outside('main', 'preload', 'renderer', 'server', 'test')) },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(electron, nodeBuiltins, outside('main', 'preload', 'server', 'test')),
    },
  },
  {
    // Only a feature's <feature>.api.ts (and the app shell's bridge access) touch window.support.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.api.ts', 'renderer/preview/**', 'renderer/app/bridge.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'window', property: 'support', message: "Call the bridge from the feature's <feature>.api.ts." }],
    },
  },
);
