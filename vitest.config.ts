import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx', 'src/**/*.test.ts', 'src/**/*.test.tsx'],
    // A guard against hangs, not a speed check: tests that start the command line a dozen
    // times need well over 30 s on a busy two-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
