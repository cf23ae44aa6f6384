import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Tests that are runtime-neutral: they run on Node and again inside workerd against D1. */
const neutral = ['src/domain/**/*.test.ts', 'src/i18n/**/*.test.ts', 'src/config/**/*.test.ts', 'src/demo/**/*.test.ts', 'src/senders/**/*.test.ts', 'src/runtime/**/*.test.ts', 'src/usecases/**/*.test.ts', 'src/http/**/*.test.ts', 'portal/**/*.test.ts', 'portal/**/*.test.tsx', 'src/db/**/*.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: { '#test/store': here('./test/support/store.node.ts') } },
        test: {
          name: 'node',
          include: ['src/**/*.test.ts', 'bots/**/*.test.ts', 'portal/**/*.test.ts', 'portal/**/*.test.tsx', 'test/**/*.test.ts'],
          exclude: ['test/workers/**', 'node_modules/**'],
          // Test files share one module graph per worker: importing the app once per worker instead of
          // once per file took the Node run from ~9 to ~2.5 minutes. Safe because nothing in the code
          // keeps module-level state (rule 1 of DESIGN.md: factories, no singletons).
          isolate: false,
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        resolve: { alias: { '#test/store': here('./test/support/store.workers.ts') } },
        plugins: [
          cloudflareTest(async () => ({
            miniflare: {
              compatibilityDate: '2026-08-15',
              d1Databases: ['DB'],
              bindings: { TEST_MIGRATIONS: await readD1Migrations(here('./migrations')) },
            },
          })),
        ],
        test: {
          name: 'workers',
          include: [...neutral, 'test/workers/**/*.test.ts'],
          exclude: ['src/**/*.node.test.ts', 'portal/**/*.node.test.ts', 'node_modules/**'],
          fileParallelism: false,
          // As on Node: one module graph for all files (about 45 s instead of 4–5 minutes). Each test
          // still gets an emptied D1 store (test/support/store.workers.ts).
          isolate: false,
          testTimeout: 20_000,
        },
      },
    ],
  },
});
