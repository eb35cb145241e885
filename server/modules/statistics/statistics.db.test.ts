import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness';
import { figures, importRows, seedProducts } from './test-fixtures';

/**
 * Hand-computed fixture. Products A (2394, 1000 VND/t), B (2394, 500), C (2420, 2000), base year 2013.
 *   2013-01: E1 A=100, E2 A=50, E1 C=10          → GO_CONST = 150×1000 + 10×2000 = 170,000
 *   2014-01: E1 A=120, E1 C=15; E2 (panel) did not report A → imputed 50 × r, r = 120/100 = 1.2 → 60
 *            GO_CONST = (120+60)×1000 + 15×2000 = 210,000 (150,000 without imputation)
 *   2014-02: E3 (not in the panel) B=4 → the latest month with a report.
 */
describe('statistics engine on the live aggregates', () => {
  let t: TestContext;
  const tax: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestContext();
    await t.seedAreas();
    tax.E1 = (await t.createEnterprise({ areaCode: '187', reportsMonthly: true, vsic: '2394' })).taxCode;
    tax.E2 = (await t.createEnterprise({ areaCode: '183', reportsMonthly: true, vsic: '2394' })).taxCode;
    tax.E3 = (await t.createEnterprise({ areaCode: '188', reportsMonthly: false, vsic: '2420' })).taxCode;
    await seedProducts(t.db);
    await importRows(t.db, [
      { tax_code: tax.E1!, period: '2013-01', product_code: 'A', quantity: '100', value_vnd: '110000' },
      { tax_code: tax.E2!, period: '2013-01', product_code: 'A', quantity: '50', value_vnd: '40000' },
      { tax_code: tax.E1!, period: '2013-01', product_code: 'C', quantity: '10' },
      { tax_code: tax.E1!, period: '2014-01', product_code: 'A', quantity: '120', value_vnd: '150000' },
      { tax_code: tax.E1!, period: '2014-01', product_code: 'C', quantity: '15' },
      { tax_code: tax.E3!, period: '2014-02', product_code: 'B', quantity: '4' },
    ]);
  });
  afterAll(() => t.close());

  it('GO_CONST, its growth and the imputation of §4', async () => {
    const f = await figures(t.db, { from: '2014-01', to: '2014-01' });
    expect(f.get({ INDICATOR: 'GO_CONST' })).toMatchObject({ OBS_VALUE: '210000', OBS_STATUS: 'E' });
    expect(f.get({ INDICATOR: 'GO_CONST_YOY' })?.OBS_VALUE).toBe('23.529412');
    expect(f.get({ INDICATOR: 'OUTPUT_QTY', PRODUCT: 'A' })?.OBS_VALUE).toBe('180');
    // E2's current-price value 40,000 is scaled by r too: 150,000 + 48,000.
    expect(f.get({ INDICATOR: 'GO_CUR' })?.OBS_VALUE).toBe('198000');
    const n = await figures(t.db, { from: '2014-01', to: '2014-01', imputation: false });
    expect(n.get({ INDICATOR: 'GO_CONST' })).toMatchObject({ OBS_VALUE: '150000', OBS_STATUS: 'P' });
  });

  it('IIP with output weights equals the §3 consistency check, and with weights.csv', async () => {
    const f = await figures(t.db, { from: '2014-01', to: '2014-01' });
    expect(Number(f.get({ INDICATOR: 'IIP', ACTIVITY: '2394' })?.OBS_VALUE)).toBe(1440);
    expect(Number(f.get({ INDICATOR: 'IIP', ACTIVITY: '2420' })?.OBS_VALUE)).toBe(1800);
    const total = Number(f.get({ INDICATOR: 'IIP' })?.OBS_VALUE);
    expect(total).toBeCloseTo((210000 / (170000 / 12)) * 100, 5);
  });
});
