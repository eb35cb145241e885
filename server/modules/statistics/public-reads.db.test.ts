import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicHeavyGate } from '../../platform/gate';
import { createTestContext, type Session, type TestContext } from '../../test/harness';
import { importRows, seedProducts } from './test-fixtures';

/**
 * Heavy public reads (indicators, export): the answer-size cap and paging for callers outside the department,
 * the per-address rate limit, the concurrency gate, and ETag/304 — staff pass all of them.
 */
describe('heavy public reads', () => {
  let t: TestContext;
  let staff: Session;
  const MAX = 5;
  // 12 published months × products A and B: 24 monthly observations of OUTPUT_QTY, more than MAX.
  const BIG = '/api/statistics/indicators?from=2014-01&to=2014-12&freq=M&indicator=OUTPUT_QTY&subAreas=false';
  const SMALL = `${BIG.replace('to=2014-12', 'to=2014-01')}&product=A`;

  beforeAll(async () => {
    t = await createTestContext({
      env: { PUBLIC_MAX_OBSERVATIONS: String(MAX), PUBLIC_HEAVY_CONCURRENCY: '1', PUBLIC_HEAVY_QUEUE: '1' },
    });
    await t.seedAreas();
    const e = await t.createEnterprise({ areaCode: '187', reportsMonthly: true });
    await seedProducts(t.db);
    const rows = [];
    for (let m = 1; m <= 12; m++) {
      const period = `2014-${String(m).padStart(2, '0')}`;
      rows.push({ tax_code: e.taxCode, period, product_code: 'A', quantity: String(100 + m) });
      rows.push({ tax_code: e.taxCode, period, product_code: 'B', quantity: String(10 + m) });
    }
    await importRows(t.db, rows);
    await t.database.exec(
      `insert into stat_periods (ym, status, published_at)
       select 201400 + m, 'published', now() from generate_series(1, 12) m`,
    );
    staff = await t.loginAs({ role: 'statistician' });
  });
  afterAll(() => t.close());

  it('outside the department an answer over the cap is refused with a translated 413 telling how to narrow it; staff get it whole', async () => {
    const full = await staff.inject({ method: 'GET', url: BIG });
    expect(full.statusCode).toBe(200);
    const total = full.json().observations.length;
    expect(total).toBeGreaterThan(MAX);
    expect(full.headers['x-total-count']).toBe(String(total));
    const anon = await t.anon.inject({ method: 'GET', url: BIG, headers: { 'accept-language': 'en' } });
    expect(anon.statusCode).toBe(413);
    const err = anon.json().error;
    expect(err.code).toBe('statistics.too_many_observations');
    expect(err.details).toEqual({ count: total, max: MAX });
    expect(err.message).toContain('limit');
    expect(err.message).toContain(String(total));
    // A refusal is not cached, nor named by an ETag.
    expect(anon.headers.etag).toBeUndefined();
    expect(anon.headers['cache-control']).toBe('no-store');
    const vi = await t.anon.inject({ method: 'GET', url: BIG });
    expect(vi.json().error.message).toContain('thu hẹp');
    const exp = await t.anon.inject({ method: 'GET', url: BIG.replace('indicators', 'export') });
    expect(exp.statusCode).toBe(413);
  });

  it('pages with limit/offset cover the whole answer in order, each within the cap, with the next page linked', async () => {
    const whole = (await staff.inject({ method: 'GET', url: BIG })).json().observations;
    const seen: unknown[] = [];
    let next: string | undefined = `${BIG}&limit=${MAX}`;
    for (let i = 0; next && i < 20; i++) {
      const res = await t.anon.inject({ method: 'GET', url: next });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.observations.length).toBeLessThanOrEqual(MAX);
      expect(body.page).toMatchObject({ total: whole.length, limit: MAX });
      seen.push(...body.observations);
      next = /<([^>]+)>; rel="next"/.exec(String(res.headers.link ?? ''))?.[1];
    }
    expect(seen).toEqual(whole);
    const tooBig = await t.anon.inject({ method: 'GET', url: `${BIG}&limit=${MAX + 1}` });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.details.issues[0]).toMatchObject({ path: 'limit', code: 'issue.too_big' });
    const csv = await t.anon.inject({
      method: 'GET',
      url: `${BIG.replace('indicators', 'export')}&format=csv&limit=3&offset=${whole.length - 3}`,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.trim().split('\n')).toHaveLength(1 + 3);
    expect(csv.headers['x-total-count']).toBe(String(whole.length));
    expect(csv.headers.link).toBeUndefined();
  });

  it('ETag: the same answer revalidates to 304 without a body; a write to the figures changes it', async () => {
    const first = await t.anon.inject({ method: 'GET', url: SMALL });
    expect(first.statusCode).toBe(200);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+/);
    expect(String(first.headers.vary)).toMatch(/cookie/i);
    const again = await t.anon.inject({ method: 'GET', url: SMALL, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    // Staff see unpublished figures too: their answer is another one, kept private.
    const mine = await staff.inject({ method: 'GET', url: SMALL, headers: { 'if-none-match': etag } });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['cache-control']).toBe('private, no-cache');
    const exp = await t.anon.inject({
      method: 'GET',
      url: `${SMALL.replace('indicators', 'export')}&format=csv`,
    });
    expect(exp.headers.etag).not.toBe(etag);
    expect(
      (
        await t.anon.inject({
          method: 'GET',
          url: `${SMALL.replace('indicators', 'export')}&format=csv`,
          headers: { 'if-none-match': String(exp.headers.etag) },
        })
      ).statusCode,
    ).toBe(304);
    // A republication (any write to the inputs) moves the data version: the old ETag no longer matches.
    await t.database.exec(`update stat_periods set published_at = now() where ym = 201401`);
    const after = await t.anon.inject({ method: 'GET', url: SMALL, headers: { 'if-none-match': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.json().observations).toEqual(first.json().observations);
  });

  it('a full line of heavy reads answers 429 with Retry-After to anonymous callers while staff are served', async () => {
    const gate = publicHeavyGate(t.app, t.config);
    // Occupy the one place and the one seat in line, as two slow anonymous computations would.
    const held = await gate.acquire();
    const waiting = gate.acquire();
    expect(gate.queued).toBe(1);
    const refused = await t.anon.inject({ method: 'GET', url: SMALL, headers: { 'accept-language': 'en' } });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('server.public_queue_full');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const served = await staff.inject({ method: 'GET', url: SMALL });
    expect(served.statusCode).toBe(200);
    held();
    (await waiting)();
    expect((await t.anon.inject({ method: 'GET', url: SMALL })).statusCode).toBe(200);
  });

  it('rate limit per address on indicators and export for anonymous callers (429), not for staff', async () => {
    for (const path of ['indicators', 'export']) {
      const url = `${SMALL.replace('indicators', path)}&imputation=false`;
      const codes: number[] = [];
      for (let i = 0; i < 40 && !codes.includes(429); i++)
        codes.push((await t.anon.inject({ method: 'GET', url, remoteAddress: '10.9.9.9' })).statusCode);
      expect(codes.at(-1)).toBe(429);
      expect(codes.filter((c) => c === 200).length).toBeGreaterThan(5);
      const limited = await t.anon.inject({ method: 'GET', url, remoteAddress: '10.9.9.9' });
      expect(limited.json().error.code).toBe('auth.rate_limited');
      expect(limited.headers['retry-after']).toBeDefined();
      // Another address is not affected; staff from the same address are not counted.
      expect((await t.anon.inject({ method: 'GET', url, remoteAddress: '10.9.9.8' })).statusCode).toBe(200);
      for (let i = 0; i < 35; i++)
        expect((await staff.inject({ method: 'GET', url, remoteAddress: '10.9.9.9' })).statusCode).toBe(200);
    }
  });
});
