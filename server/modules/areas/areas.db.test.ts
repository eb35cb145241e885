import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/audit';
import { createTestContext, type TestContext } from '../../test/harness';
import { importAreas } from './areas.service';

/** The installation's own area: the default of every figure, read from the areas loaded, never a constant. */
describe('GET /api/areas/home', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  const home = async () => (await t.anon.inject({ method: 'GET', url: '/api/areas/home' })).json().area;

  it('is none before any area is loaded, then the province at the top that is valid today', async () => {
    expect(await home()).toBeNull();
    const rows = [
      ['A0', 'Tỉnh cũ', 'province', '', '1990-01-01', '2007-12-31'], // ended: not the home area
      ['P1', 'Tỉnh Thử', 'province', '', '2008-01-01', ''],
      ['D1', 'Huyện Một', 'district', 'P1', '2008-01-01', ''],
    ];
    const columns = ['code', 'name', 'level', 'parent_code', 'valid_from', 'valid_to'];
    await importAreas(t.db, systemActor, {
      columns,
      rows: rows.map((r, i) => ({
        line: i + 2,
        values: Object.fromEntries(columns.map((c, j) => [c, r[j]!])),
      })),
    });
    expect(await home()).toMatchObject({ code: 'P1', name: 'Tỉnh Thử', level: 'province' });
  });
});
