import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidTaxCode } from '../../contracts/tax-code';
import { createTestContext, fingerprint, type TestContext, testDbKind } from './harness';

describe('test harness', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t?.close());

  it('opens a fresh migrated database of the requested kind, with no demo data', async () => {
    expect(t.kind).toBe(testDbKind());
    expect(t.database.kind).toBe(testDbKind());
    const [users] = await t.database.query<{ n: number }>('select count(*)::int as n from users');
    const [ents] = await t.database.query<{ n: number }>('select count(*)::int as n from enterprises');
    expect(Number(users!.n)).toBe(0);
    expect(Number(ents!.n)).toBe(0);
    expect(t.config.DEMO).toBe(false);
    expect(t.config.LOG_LEVEL).toBe('silent');
  });

  it('seeds areas, creates users and enterprises, signs in and sends cookie + CSRF', async () => {
    await t.seedAreas();
    const [areas] = await t.database.query<{ n: number }>(
      "select count(*)::int as n from areas where code in ('20', '187')",
    );
    expect(Number(areas!.n)).toBe(2);
    const e = await t.createEnterprise({ name: 'Công ty Thử nghiệm Harness' });
    expect(isValidTaxCode(e.taxCode)).toBe(true);
    const u = await t.createUser({ role: 'officer', areaCode: '187' });
    const s = await t.login(u.email, u.password);
    expect(s.user.role).toBe('officer');
    expect(s.user.areaCode).toBe('187');
    const me = await s.inject({ method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect((await t.anon.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const out = await s.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBe(200);
  });

  it('binds an enterprise user to a fresh enterprise when none is given', async () => {
    const s = await t.loginAs({ role: 'enterprise' });
    expect(s.user.enterpriseIds).toHaveLength(1);
  });

  it('fingerprint changes when a row is written', async () => {
    const before = await fingerprint(t.database);
    await t.createEnterprise();
    expect(await fingerprint(t.database)).not.toBe(before);
  });
});

describe('test contexts are independent', () => {
  it('two contexts do not share data', async () => {
    const [a, b] = await Promise.all([createTestContext(), createTestContext()]);
    try {
      await a.createEnterprise();
      const [n] = await b.database.query<{ n: number }>('select count(*)::int as n from enterprises');
      expect(Number(n!.n)).toBe(0);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
