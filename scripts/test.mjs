#!/usr/bin/env node
/**
 * `npm test`: the whole suite, in order, with each step's time:
 * typecheck → lint (Biome + module boundaries) → migrations check → build → vitest unit → vitest db-pglite
 * → vitest db-postgres → browser tests (vitest e2e). Every step runs even after one failed (a failure in
 * the unit tests must not hide the database and browser tests' results); the failures are listed at the
 * end and the exit code is non-zero if any step failed. Ends with `N passed, M failed[, K skipped]`,
 * counting test cases across every vitest run.
 *
 * Locally, a part whose tool is missing (PostgreSQL binaries, Chromium, the web app) is skipped with one
 * loud line. Under CI=true nothing may be skipped: a missing tool fails the run.
 *
 * `node scripts/test.mjs unit db-pglite` runs only the named steps.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSteps } from './run-steps.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CI = ['true', '1', 'yes'].includes(String(process.env.CI ?? '').toLowerCase());
const PG_BIN = process.env.BT_PG_BIN ?? '/usr/local/bin';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const only = process.argv.slice(2);

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, s) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
const bold = (s) => paint('1', s);
const red = (s) => paint('31;1', s);
const green = (s) => paint('32', s);
const yellow = (s) => paint('33;1', s);
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-test-run-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
    child.on('error', (e) => {
      console.error(red(`cannot run ${cmd}: ${e.message}`));
      resolve(1);
    });
  });
}

const e2eFiles = () =>
  fs.existsSync(path.join(ROOT, 'e2e'))
    ? fs.readdirSync(path.join(ROOT, 'e2e'), { recursive: true }).filter((f) => String(f).endsWith('.e2e.ts'))
    : [];

const hasPostgres = () =>
  Boolean(process.env.BT_TEST_PG_URL || process.env.DATABASE_URL) ||
  (fs.existsSync(path.join(PG_BIN, 'initdb')) && fs.existsSync(path.join(PG_BIN, 'pg_ctl')));

/** A vitest project run, counted from its JSON report. */
function vitestStep(project) {
  return async () => {
    const report = path.join(tmp, `${project}.json`);
    const code = await run(process.execPath, [
      path.join(ROOT, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--project',
      project,
      '--passWithNoTests',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ]);
    let counts = null;
    if (fs.existsSync(report)) {
      const r = JSON.parse(fs.readFileSync(report, 'utf8'));
      counts = {
        passed: r.numPassedTests ?? 0,
        failed: r.numFailedTests ?? 0,
        skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
      };
      totals.passed += counts.passed;
      totals.failed += counts.failed;
      totals.skipped += counts.skipped;
    }
    return {
      code,
      note: counts
        ? `${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`
        : '',
    };
  };
}

/** Steps: name, what runs, and why it cannot run here (null = it can). */
const steps = [
  { name: 'typecheck', run: () => run('npm', ['run', '--silent', 'typecheck']) },
  { name: 'lint', run: () => run('npm', ['run', '--silent', 'lint']) },
  { name: 'migrations', run: () => run(process.execPath, ['scripts/check-migrations.mjs']) },
  {
    name: 'build',
    missing: () =>
      fs.existsSync(path.join(ROOT, 'web/index.html')) ? null : 'no web/index.html (no web app to build)',
    run: () => run('npm', ['run', '--silent', 'build']),
  },
  { name: 'unit', run: vitestStep('unit') },
  { name: 'db-pglite', run: vitestStep('db-pglite') },
  {
    name: 'db-postgres',
    missing: () =>
      hasPostgres() ? null : `no PostgreSQL (${PG_BIN}/initdb, pg_ctl) and no BT_TEST_PG_URL / DATABASE_URL`,
    run: vitestStep('db-postgres'),
  },
  {
    name: 'e2e',
    missing: () => {
      if (e2eFiles().length === 0) return 'no browser tests (e2e/*.e2e.ts)';
      if (!fs.existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
      return null;
    },
    run: vitestStep('e2e'),
  },
];

const unknown = only.filter((n) => !steps.some((s) => s.name === n));
if (unknown.length) {
  console.error(`unknown step(s): ${unknown.join(', ')}; steps: ${steps.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const started = Date.now();
const { summary, failedSteps } = await runSteps(steps, {
  only,
  ci: CI,
  log: (m) => console.log(m.startsWith('\n⚠') ? yellow(m) : m.startsWith('✓') ? green(m) : bold(m)),
  error: (m) => console.error(red(m)),
});
fs.rmSync(tmp, { recursive: true, force: true });

console.log(bold('\nSummary'));
for (const s of summary) {
  const status =
    s.status === 'ok' ? green('ok     ') : s.status === 'SKIPPED' ? yellow('SKIPPED') : red('FAILED ');
  console.log(`  ${status} ${s.name.padEnd(12)} ${s.ms ? secs(s.ms).padStart(8) : '        '}  ${s.note}`);
}
const line = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`;
const stepsSkipped = summary.filter((s) => s.status === 'SKIPPED').length;
console.log(
  `\n(tests counted over all vitest runs; ${secs(Date.now() - started)} in all${stepsSkipped ? `; ${stepsSkipped} step(s) skipped` : ''})`,
);
if (failedSteps.length) console.error(red(`Failed step(s): ${failedSteps.join(', ')}`));
// The closing line, alone on its line, is what CI reads for the counts.
console.log(failedSteps.length ? red(line) : green(line));
process.exit(failedSteps.length ? 1 : 0);
