import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness';

describe('health and readiness', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it('GET /api/health answers without a session; GET /api/ready says the database and migrations are current', async () => {
    const health = await t.anon.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    expect(health.headers['cache-control']).toBe('no-store');
    const ready = await t.anon.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    const body = ready.json();
    expect(body.status).toBe('ready');
    expect(body.migrations.applied).toBe(body.migrations.shipped);
    expect(body.migrations.applied).toBeGreaterThan(0);
  });

  it('GET /api/ready is 503 server.not_ready while a shipped migration is not applied', async () => {
    const [last] = await t.database.query<{ id: number; hash: string; created_at: string }>(
      'select id, hash, created_at::text from drizzle.__drizzle_migrations order by created_at desc limit 1',
    );
    await t.database.query('delete from drizzle.__drizzle_migrations where id = $1', [last!.id]);
    try {
      const res = await t.anon.inject({
        method: 'GET',
        url: '/api/ready',
        headers: { 'accept-language': 'en' },
      });
      expect(res.statusCode).toBe(503);
      // A 5xx body carries no details: the reason is in the message.
      expect(res.json().error).toMatchObject({
        code: 'server.not_ready',
        message: expect.stringContaining('migrations'),
      });
      // Liveness does not depend on the schema: the process is up.
      expect((await t.anon.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await t.database.query(
        'insert into drizzle.__drizzle_migrations (id, hash, created_at) values ($1, $2, $3)',
        [last!.id, last!.hash, last!.created_at],
      );
    }
    expect((await t.anon.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
  });

  it('GET /api/ready is 503 when the database does not answer', async () => {
    const u = await createTestContext();
    await u.database.close();
    const res = await u.anon.inject({ method: 'GET', url: '/api/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toMatchObject({
      code: 'server.not_ready',
      message: expect.stringContaining('database'),
    });
    expect((await u.anon.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    await u.app.close();
  });
});

describe('load shedding under pressure', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ env: { MAX_EVENT_LOOP_DELAY_MS: '100' } });
  });
  afterAll(() => t.close());

  const app = () => t.app as unknown as { isUnderPressure(): boolean };
  /** Wait (bounded) until the sampled state is the one wanted; the state changes only at a sample. */
  async function until(pressure: boolean) {
    for (let i = 0; i < 500 && app().isUnderPressure() !== pressure; i++) {
      if (pressure) {
        // Block the event loop, as a heavy computation would.
        const end = Date.now() + 400;
        while (Date.now() < end) {}
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(app().isUnderPressure()).toBe(pressure);
  }

  it('a lagging event loop sheds anonymous API requests (503 + Retry-After) but staff and health checks are still answered', async () => {
    const account = await t.createUser({ role: 'officer' });
    // Signing in is anonymous, so it is shed too while the loop lags: sign in between lags (bounded retries).
    let staff: Awaited<ReturnType<TestContext['login']>> | null = null;
    for (let i = 0; i < 20 && !staff; i++) {
      await until(false);
      staff = await t.login(account.email, account.password).catch(() => null);
    }
    if (!staff) throw new Error('could not sign in between lags');
    await until(true);
    // Sent in the same turn, right after the sample that found the lag.
    const [anon, mine, health] = await Promise.all([
      t.anon.inject({ method: 'GET', url: '/api/statistics/products' }),
      staff.inject({ method: 'GET', url: '/api/statistics/products' }),
      t.anon.inject({ method: 'GET', url: '/api/health' }),
    ]);
    expect(anon.statusCode).toBe(503);
    expect(anon.json().error.code).toBe('server.busy');
    expect(anon.headers['retry-after']).toBeDefined();
    expect(mine.statusCode).toBe(200);
    expect(health.statusCode).toBe(200);
  });
});
