import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness';
import { importRows, seedProducts } from './test-fixtures';

describe('statistics routes', () => {
  let t: TestContext;
  let e1: { id: string; taxCode: string };
  let e2: { id: string; taxCode: string };
  beforeAll(async () => {
    t = await createTestContext();
    await t.seedAreas();
    e1 = await t.createEnterprise({ areaCode: '187', reportsMonthly: true });
    e2 = await t.createEnterprise({ areaCode: '183', reportsMonthly: true });
    await seedProducts(t.db);
    await importRows(t.db, [
      { tax_code: e1.taxCode, period: '2014-01', product_code: 'A', quantity: '100' },
      { tax_code: e2.taxCode, period: '2014-01', product_code: 'A', quantity: '50' },
    ]);
  });
  afterAll(() => t.close());

  it('the period workflow is role-gated, audited and needs reasons to reopen; the public sees published periods only', async () => {
    const stat = await t.loginAs({ role: 'statistician' });
    const leader = await t.loginAs({ role: 'leader' });
    const url = '/api/statistics/periods/2014-01/transition';
    const indicators =
      '/api/statistics/indicators?from=2014-01&to=2014-01&freq=M&indicator=OUTPUT_QTY&product=A&subAreas=false';
    expect(JSON.parse((await t.anon.inject({ method: 'GET', url: indicators })).body).observations).toEqual(
      [],
    );
    const staffView = JSON.parse((await stat.inject({ method: 'GET', url: indicators })).body).observations;
    expect(staffView[0]).toMatchObject({ OBS_VALUE: '150', OBS_STATUS: 'P' });
    expect((await stat.inject({ method: 'POST', url, payload: { to: 'approved' } })).statusCode).toBe(409);
    expect((await stat.inject({ method: 'POST', url, payload: { to: 'closed' } })).statusCode).toBe(200);
    expect((await stat.inject({ method: 'POST', url, payload: { to: 'approved' } })).statusCode).toBe(403);
    expect((await leader.inject({ method: 'POST', url, payload: { to: 'approved' } })).statusCode).toBe(200);
    const pub = await leader.inject({ method: 'POST', url, payload: { to: 'published' } });
    expect(JSON.parse(pub.body)).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    const anon = JSON.parse((await t.anon.inject({ method: 'GET', url: indicators })).body).observations;
    expect(anon[0]).toMatchObject({ OBS_VALUE: '150', OBS_STATUS: 'A' });
    // Locked: no entry into a published period.
    const entry = await stat.inject({
      method: 'POST',
      url: `/api/statistics/enterprises/${e1.id}/reports`,
      payload: { period: '2014-01', rows: [{ productCode: 'A', quantity: '101' }] },
    });
    expect(entry.statusCode).toBe(400);
    expect((await leader.inject({ method: 'POST', url, payload: { to: 'open' } })).statusCode).toBe(400);
    expect(
      (await leader.inject({ method: 'POST', url, payload: { to: 'open', reason: 'Sửa số liệu DN' } }))
        .statusCode,
    ).toBe(200);
    const history = JSON.parse(
      (await stat.inject({ method: 'GET', url: '/api/statistics/periods?year=2014' })).body,
    )[0].history;
    expect(history.map((h: { to: string }) => h.to)).toEqual(['closed', 'approved', 'published', 'open']);
  });

  it("a query naming no area is about the caller's own area when bound to one, else the installation's", async () => {
    const q =
      '/api/statistics/indicators?from=2014-01&to=2014-01&freq=M&indicator=OUTPUT_QTY&product=A&subAreas=false';
    const district = await t.loginAs({ role: 'statistician', areaCode: '187' });
    const own = JSON.parse((await district.inject({ method: 'GET', url: q })).body).observations;
    expect(own).toEqual([expect.objectContaining({ REF_AREA: '187', OBS_VALUE: '100' })]);
    const reporting = await district.inject({
      method: 'GET',
      url: '/api/statistics/reporting?period=2014-01',
    });
    expect(reporting.statusCode).toBe(200);
    const province = await t.loginAs({ role: 'statistician' });
    const all = JSON.parse((await province.inject({ method: 'GET', url: q })).body).observations;
    expect(all).toEqual([expect.objectContaining({ REF_AREA: '20', OBS_VALUE: '150' })]);
  });

  it('an enterprise enters its own figures only; a closed period needs a staff reason', async () => {
    const own = await t.loginAs({ role: 'enterprise', enterpriseIds: [e1.id] });
    const ok = await own.inject({
      method: 'POST',
      url: `/api/statistics/enterprises/${e1.id}/reports`,
      payload: { period: '2014-02', rows: [{ productCode: 'A', quantity: '110' }] },
    });
    expect(ok.statusCode).toBe(200);
    const other = await own.inject({
      method: 'POST',
      url: `/api/statistics/enterprises/${e2.id}/reports`,
      payload: { period: '2014-02', rows: [{ productCode: 'A', quantity: '1' }] },
    });
    expect(other.statusCode).toBe(404);
    const grid = JSON.parse(
      (await own.inject({ method: 'GET', url: `/api/statistics/enterprises/${e1.id}/reports?year=2014` }))
        .body,
    );
    expect(grid.products[0].months[1]).toMatchObject({ quantity: '110', period: '2014-02' });
    const stat = await t.loginAs({ role: 'statistician' });
    await stat.inject({
      method: 'POST',
      url: '/api/statistics/periods/2014-03/transition',
      payload: { to: 'closed' },
    });
    const body = { period: '2014-03', rows: [{ productCode: 'A', quantity: '105' }] };
    const url = `/api/statistics/enterprises/${e1.id}/reports`;
    expect((await own.inject({ method: 'POST', url, payload: body })).statusCode).toBe(400);
    expect((await stat.inject({ method: 'POST', url, payload: body })).statusCode).toBe(400);
    expect(
      (await stat.inject({ method: 'POST', url, payload: { ...body, reason: 'DN gửi muộn' } })).statusCode,
    ).toBe(200);
  });

  it('export answers SDMX-CSV with the §6 header; junk is a 4xx', async () => {
    const stat = await t.loginAs({ role: 'statistician' });
    const r = await stat.inject({
      method: 'GET',
      url: '/api/statistics/export?from=2014-01&to=2014-12&freq=A&format=sdmx-csv',
    });
    expect(r.statusCode).toBe(200);
    expect(r.body.split('\n')[0]).toBe(
      'STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,INDICATOR,ACTIVITY,PRODUCT,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS',
    );
    expect(r.body).toMatch(/^dataflow,VN_IND:INDUSTRY\(1\.0\),I,A,20,GO_CONST,_T,_T,2014,/m);
    // The products left out travel in headers (CSV has no place for them): A has no 2012 price.
    expect(r.headers['x-base-year']).toBe(String(t.config.BASE_YEAR));
    const other = await stat.inject({
      method: 'GET',
      url: '/api/statistics/export?from=2014-01&to=2014-12&freq=A&baseYear=2012&indicator=GO_CONST',
    });
    expect(other.headers['x-products-without-price']).toBe('A');
    expect(other.body).toMatch(/^dataflow,VN_IND:INDUSTRY\(1\.0\),I,A,20,GO_CONST,_T,_T,2014,,VND,M$/m);
    for (const url of [
      '/api/statistics/export?from=2014-13&to=2014-12',
      '/api/statistics/indicators?from=2014-01&to=2013-01',
      '/api/statistics/indicators?from=2014-01&to=2014-02&area=nope',
      '/api/statistics/trace?period=abc',
    ])
      expect((await stat.inject({ method: 'GET', url })).statusCode).toBeLessThan(500);
  });
});
