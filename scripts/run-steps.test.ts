import { describe, expect, it } from 'vitest';
import { runSteps, type Step } from './run-steps.mjs';

const quiet = { log: () => {}, error: () => {} };
/** A step that records that it ran and exits with `code`. */
const recorded =
  (ran: string[], name: string, code = 0): Step['run'] =>
  async () => {
    ran.push(name);
    return code;
  };

describe('runSteps (the loop of npm test)', () => {
  it('runs every step after a failure and reports all failures', async () => {
    const ran: string[] = [];
    const step = (name: string, code: number): Step => ({
      name,
      run: async () => {
        ran.push(name);
        return code;
      },
    });
    const { summary, failedSteps } = await runSteps(
      [step('typecheck', 0), step('unit', 1), step('db-pglite', 0), step('e2e', 3)],
      quiet,
    );
    expect(ran).toEqual(['typecheck', 'unit', 'db-pglite', 'e2e']);
    expect(failedSteps).toEqual(['unit', 'e2e']);
    expect(summary.map((s) => s.status)).toEqual(['ok', 'FAILED', 'ok', 'FAILED']);
  });

  it('counts a step that throws as failed and goes on', async () => {
    const ran: string[] = [];
    const { failedSteps } = await runSteps(
      [
        {
          name: 'build',
          run: async () => {
            throw new Error('spawn ENOENT');
          },
        },
        { name: 'unit', run: recorded(ran, 'unit') },
      ],
      quiet,
    );
    expect(failedSteps).toEqual(['build']);
    expect(ran).toEqual(['unit']);
  });

  it('skips a step whose tool is missing locally, fails it under CI, and runs the rest either way', async () => {
    const steps = (ran: string[]): Step[] => [
      { name: 'db-postgres', missing: () => 'no PostgreSQL', run: recorded(ran, 'db-postgres') },
      { name: 'e2e', run: recorded(ran, 'e2e') },
    ];
    const local: string[] = [];
    const a = await runSteps(steps(local), quiet);
    expect(a.failedSteps).toEqual([]);
    expect(a.summary.map((s) => s.status)).toEqual(['SKIPPED', 'ok']);
    expect(local).toEqual(['e2e']);
    const ci: string[] = [];
    const b = await runSteps(steps(ci), { ...quiet, ci: true });
    expect(b.failedSteps).toEqual(['db-postgres']);
    expect(ci).toEqual(['e2e']);
  });

  it('runs only the named steps', async () => {
    const ran: string[] = [];
    const s = (name: string): Step => ({ name, run: recorded(ran, name) });
    await runSteps([s('lint'), s('unit'), s('e2e')], { ...quiet, only: ['unit'] });
    expect(ran).toEqual(['unit']);
  });
});
