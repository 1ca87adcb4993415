import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // test/dom: renderer code that needs a DOM; each file picks jsdom with a @vitest-environment comment.
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/security/**/*.test.ts', 'test/dom/**/*.test.ts', 'test/faults/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
