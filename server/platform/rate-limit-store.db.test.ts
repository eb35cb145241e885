import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { createTestContext, type TestContext } from '../test/harness';
import { hitRateLimit, sweepRateLimits } from './rate-limit-store';

describe('rate limits: counted in the database, shared by the instances', () => {
  let t: TestContext;
  let b: Awaited<ReturnType<typeof createApp>>;
  let otherDir: string;

  beforeAll(async () => {
    t = await createTestContext();
    otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-test-b-'));
    // A second instance: its own process state and DATA_DIR, the same database.
    b = await createApp(
      t.database,
      { ...t.config, DATA_DIR: otherDir, dataDir: otherDir },
      { webDist: null },
    );
    await b.ready();
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
    if (otherDir) fs.rmSync(otherDir, { recursive: true, force: true });
  });

  it('the sign-in limit (20 a minute per address) is reached across two instances together', async () => {
    const attempt = (app: { inject: typeof b.inject }) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'nobody@test.buoctien.vn', password: 'wrong-password-1' },
        remoteAddress: '192.0.2.77',
      });
    const codes: number[] = [];
    for (let i = 0; i < 10; i++) {
      codes.push((await attempt(t.app)).statusCode);
      codes.push((await attempt(b)).statusCode);
    }
    expect(codes).toEqual(Array(20).fill(401));
    const onA = await attempt(t.app);
    const onB = await attempt(b);
    expect([onA.statusCode, onB.statusCode]).toEqual([429, 429]);
    expect(onB.json().error.code).toBe('auth.rate_limited');
    // another address is not affected
    const other = await b.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@test.buoctien.vn', password: 'wrong-password-1' },
      remoteAddress: '192.0.2.78',
    });
    expect(other.statusCode).toBe(401);
  });

  it('hits at the same time are each counted once (atomic upsert)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 40 }),
        async (keys) => {
          const run = Math.random().toString(36).slice(2);
          const results = await Promise.all(
            keys.map((k) => hitRateLimit(t.database, `p:${run}:${k}`, 60_000)),
          );
          for (const k of new Set(keys)) {
            const counts = results.filter((_, i) => keys[i] === k).map((r) => r.current);
            const n = counts.length;
            // every hit got its own number: 1..n, none twice
            expect(counts.sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
          }
          for (const r of results) expect(r.ttl).toBeGreaterThan(0);
          for (const r of results) expect(r.ttl).toBeLessThanOrEqual(60_000);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('a window that ended starts again at 1, and ended windows are swept', async () => {
    expect((await hitRateLimit(t.database, 'w:a', 60_000)).current).toBe(1);
    expect((await hitRateLimit(t.database, 'w:a', 60_000)).current).toBe(2);
    expect((await hitRateLimit(t.database, 'w:b', 60_000)).current).toBe(1);
    // time passes for w:a (its window ends) — moved in the database rather than waited for
    await t.database.query(
      `update rate_limit_hits set window_ends = now() - interval '1 second' where key = 'w:a'`,
    );
    const before = await t.database.query<{ key: string }>(
      `select key from rate_limit_hits where window_ends <= now() and key like 'w:%'`,
    );
    expect(before.map((r) => r.key)).toEqual(['w:a']);
    expect(await sweepRateLimits(t.database)).toBeGreaterThanOrEqual(1);
    const left = await t.database.query<{ key: string }>(
      `select key from rate_limit_hits where key like 'w:%'`,
    );
    expect(left.map((r) => r.key)).toEqual(['w:b']);
    expect((await hitRateLimit(t.database, 'w:a', 60_000)).current).toBe(1);
    // and without a sweep, an ended window restarts at 1 too
    await t.database.query(
      `update rate_limit_hits set window_ends = now() - interval '1 second' where key = 'w:b'`,
    );
    expect((await hitRateLimit(t.database, 'w:b', 60_000)).current).toBe(1);
  });
});
