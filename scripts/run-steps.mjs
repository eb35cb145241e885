/**
 * The loop of `npm test` (scripts/test.mjs), apart so that it can be tested: runs every step in order,
 * even after one failed, and returns what happened. A step whose tool is missing is skipped locally and
 * counted as failed under CI (where nothing may be skipped).
 *
 * A step is `{ name, run, missing? }`: `run()` resolves to an exit code or `{ code, note }`; `missing()`
 * returns why the step cannot run here, or null.
 */
export async function runSteps(
  steps,
  { only = [], ci = false, log = console.log, error = console.error } = {},
) {
  const summary = [];
  const failedSteps = [];
  for (const step of steps) {
    if (only.length && !only.includes(step.name)) continue;
    const why = step.missing?.();
    if (why) {
      if (ci) {
        error(`\n✗ ${step.name}: cannot run under CI=true: ${why}`);
        summary.push({ name: step.name, status: 'FAILED', ms: 0, note: why });
        failedSteps.push(step.name);
        continue;
      }
      log(`\n⚠ SKIP ${step.name}: ${why} (under CI=true this fails)`);
      summary.push({ name: step.name, status: 'SKIPPED', ms: 0, note: why });
      continue;
    }
    log(`\n▶ ${step.name}`);
    const t0 = Date.now();
    let r;
    try {
      r = await step.run();
    } catch (e) {
      error(`cannot run ${step.name}: ${e instanceof Error ? e.message : String(e)}`);
      r = 1;
    }
    const { code, note = '' } = typeof r === 'number' ? { code: r } : r;
    const ms = Date.now() - t0;
    summary.push({ name: step.name, status: code === 0 ? 'ok' : 'FAILED', ms, note });
    if (code !== 0) {
      // Going on: a failure early in the suite must not hide the later parts' results.
      error(
        `✗ ${step.name} failed (exit ${code}) after ${(ms / 1000).toFixed(1)} s; going on with the next step`,
      );
      failedSteps.push(step.name);
      continue;
    }
    log(`✓ ${step.name} (${(ms / 1000).toFixed(1)} s)`);
  }
  return { summary, failedSteps };
}
