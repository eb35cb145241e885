import { defineConfig } from 'vitest/config';

/**
 * Projects:
 *  - unit        pure tests (*.test.ts), no database;
 *  - db-pglite   integration tests (*.db.test.ts) on PGlite, cloned from one migrated template per run;
 *  - db-postgres the same files on a throwaway PostgreSQL 15 server started by the global setup
 *                (or BT_TEST_PG_URL / DATABASE_URL); files named `*.pglite.db.test.ts` or
 *                `*.postgres.db.test.ts` run in one of the two only;
 *  - e2e         browser tests (e2e/*.e2e.ts) with playwright-core and Debian's Chromium.
 * Run one with `npx vitest run --project db-pglite`; `npm test` runs them all in order (scripts/test.mjs).
 */
const DB_TESTS = ['**/*.db.test.ts'];
/**
 * Time limits are only a safety net against a test that hangs (CI has 90 minutes for everything): the
 * machines have 2 cores shared by several runs, where a DOCX or a migration can take many times its usual
 * time, so no limit here is near a test's normal duration. Tests set no smaller limit of their own.
 */
const TEST_TIMEOUT = 600_000;
const HOOK_TIMEOUT = 900_000;
// expect.poll waits for the page to settle: 1 s by default, far too short on a busy machine.
const POLL = { timeout: 120_000, interval: 100 };
const IGNORED = ['**/node_modules/**', '**/dist/**', 'data/**', '.git/**'];

const dbProject = (name: string, kind: 'pglite' | 'postgres') => ({
  extends: true as const,
  test: {
    name,
    include: DB_TESTS,
    // `*.postgres.db.test.ts` and `*.pglite.db.test.ts` are about one kind of database only (a server to
    // restart, a data directory): the other project does not run them, rather than report them skipped.
    exclude: [...IGNORED, kind === 'pglite' ? '**/*.postgres.db.test.ts' : '**/*.pglite.db.test.ts'],
    env: { BT_TEST_DB: kind },
    globalSetup: ['server/test/global-setup.ts'],
    testTimeout: TEST_TIMEOUT,
    hookTimeout: HOOK_TIMEOUT,
  },
});

export default defineConfig({
  test: {
    // Child processes: PGlite (WASM) and argon2 are happiest with a process each; 2 cores → 2 workers.
    pool: 'forks',
    maxWorkers: Number(process.env.BT_TEST_WORKERS ?? 2),
    // Tests import the server's TypeScript directly; keep the output readable.
    reporters: process.env.CI ? ['default'] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: [...IGNORED, ...DB_TESTS, 'e2e/**'],
          testTimeout: TEST_TIMEOUT,
          hookTimeout: HOOK_TIMEOUT,
        },
      },
      dbProject('db-pglite', 'pglite'),
      dbProject('db-postgres', 'postgres'),
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          exclude: IGNORED,
          // Builds web/dist if missing, starts the real server with the demo on a free port, stops it.
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: TEST_TIMEOUT,
          hookTimeout: HOOK_TIMEOUT,
          expect: { poll: POLL },
          // One browser at a time on 2 cores.
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
