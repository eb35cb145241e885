import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/audit';
import { createTestContext, type TestContext } from '../../test/harness';
import { importAreas } from '../areas';

/**
 * The API's `area` parameters: no area is written into the schemas (the OpenAPI shows no default); a request
 * that names none gets the installation's own area, read when it is answered — here a province that is
 * not Lạng Sơn (code 20), loaded from its own areas file.
 */
describe("area parameters default to the installation's own area", () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  const ROUTES = [
    '/api/statistics/indicators',
    '/api/statistics/export',
    '/api/statistics/trace',
    '/api/statistics/annual-report',
    '/api/statistics/reporting',
    '/api/dashboard',
    '/api/dashboard/history',
  ];

  it('the OpenAPI schemas give no default area, and none is required', async () => {
    const doc = (await t.anon.inject({ method: 'GET', url: '/api/docs/json' })).json();
    for (const url of ROUTES) {
      const params = doc.paths[url].get.parameters as { name: string; required?: boolean; schema: object }[];
      const area = params.find((p) => p.name === 'area');
      expect(area, url).toBeDefined();
      expect(area!.required ?? false, url).toBe(false);
      expect(area!.schema, url).not.toHaveProperty('default');
    }
  });

  it('a request without area answers for the province loaded, not for code 20', async () => {
    const columns = ['code', 'name', 'level', 'parent_code', 'valid_from', 'valid_to'];
    const rows = [
      ['77', 'Tỉnh Thử', 'province', '', '2008-01-01', ''],
      ['771', 'Huyện Một', 'district', '77', '2008-01-01', ''],
    ];
    await importAreas(t.db, systemActor, {
      columns,
      rows: rows.map((r, i) => ({
        line: i + 2,
        values: Object.fromEntries(columns.map((c, j) => [c, r[j]!])),
      })),
    });
    const exp = await t.anon.inject({ method: 'GET', url: '/api/statistics/export?from=2014-01&to=2014-01' });
    expect(exp.statusCode, exp.body).toBe(200);
    expect(exp.headers['content-disposition']).toContain('indicators-77.');
    const named = await t.anon.inject({
      method: 'GET',
      url: '/api/statistics/export?from=2014-01&to=2014-01&area=771',
    });
    expect(named.headers['content-disposition']).toContain('indicators-771.');
    const staff = await t.loginAs({ role: 'statistician' });
    const reporting = await staff.inject({ method: 'GET', url: '/api/statistics/reporting?period=2014-01' });
    expect(reporting.statusCode, reporting.body).toBe(200);
    // No figures loaded: the dashboard says so, for the area it resolved.
    const dash = await t.anon.inject({ method: 'GET', url: '/api/dashboard?period=2014-01' });
    expect(dash.json().error).toMatchObject({ code: 'report.no_data', details: { area: '77' } });
  });
});
