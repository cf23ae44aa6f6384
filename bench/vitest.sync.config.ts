// The Node test project, with the test store swapped for the sync driver:
// `npx vitest run --config bench/vitest.sync.config.ts` (see bench/DRIVER.md).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('..'),
  resolve: { alias: { '#test/store': here('./store.sync.ts') } },
  test: {
    name: 'node-sync-driver',
    include: ['src/**/*.test.ts'],
    exclude: ['node_modules/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
