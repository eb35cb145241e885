import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Observation } from '../../../contracts/statistics';
import { systemActor } from '../../platform/audit';
import { createTestContext, type TestContext } from '../../test/harness';
import { annualReport } from './annual-report';
import { computeIndicators, importProducts, transitionPeriod } from './statistics.service';
import { importRows, PRODUCTS, pick, query, seedPanel, table } from './test-fixtures';

/**
 * The set-based annual report must give exactly the figures of `computeIndicators` (the engine that the
 * hand-computed fixtures prove) for every area, month, year, section and product, with and without
 * imputation, on random data with revisions, missing panel reports and an unpriced product.
 */
describe('annual report (set-based SQL over the aggregates)', () => {
  let t: TestContext;
  const tax: string[] = [];
  beforeAll(async () => {
    t = await createTestContext();
    tax.push(
      ...(await seedPanel(t, [
        ['187', true],
        ['183', true],
        ['188', false],
        ['187', true],
      ])),
    );
    await importProducts(
      t.db,
      systemActor,
      table([
        { code: 'D', name_vi: 'Điện', unit: 'kWh', vsic: '3511', base_year: '2010', base_price_vnd: '3' },
      ]),
    );
  });
  afterAll(() => t.close());

  async function compare(imputation: boolean) {
    const rep = await annualReport(
      t.db,
      { area: '20', year: 2014, imputation, subAreas: true },
      { baseYearDefault: 2013 },
    );
    const ref = await computeIndicators(
      t.db,
      query({ from: '2014-01', to: '2014-12', freq: ['M', 'A'], imputation, subAreas: true }),
      { baseYearDefault: 2013, embargo: false },
    );
    const v = (o: Observation | undefined) => (o && o.OBS_STATUS !== 'M' ? o.OBS_VALUE : null);
    let checked = 0;
    for (const r of rep.rows) {
      const at = {
        REF_AREA: r.area,
        FREQ: r.freq,
        TIME_PERIOD: r.period,
        ACTIVITY: r.activity,
        PRODUCT: r.product,
      };
      const get = (INDICATOR: Observation['INDICATOR']) => v(pick(ref.observations, { ...at, INDICATOR }));
      expect(r.goConst, JSON.stringify(at)).toBe(get('GO_CONST'));
      expect(r.goConstYoy, JSON.stringify(at)).toBe(get('GO_CONST_YOY'));
      expect(r.goCur, JSON.stringify(at)).toBe(get('GO_CUR'));
      expect(r.goCurYoy, JSON.stringify(at)).toBe(get('GO_CUR_YOY'));
      if (r.product !== '_T') {
        expect(r.outputQty, JSON.stringify(at)).toBe(get('OUTPUT_QTY'));
        expect(r.outputQtyYoy, JSON.stringify(at)).toBe(get('OUTPUT_QTY_YOY'));
      }
      if (r.activity === '_T' && r.product === '_T')
        expect(r.reportingRate, JSON.stringify(at)).toBe(get('REPORTING_RATE'));
      const st = pick(ref.observations, { ...at, INDICATOR: 'GO_CUR' })?.OBS_STATUS;
      if (st === 'E') expect(r.imputed).toBeGreaterThan(0);
      checked++;
    }
    // Every figure of the engine with a value is in the report.
    const keys = new Set(rep.rows.map((r) => `${r.area}|${r.period}|${r.activity}|${r.product}`));
    for (const o of ref.observations)
      if (
        o.INDICATOR === 'GO_CUR' &&
        o.OBS_STATUS !== 'M' &&
        o.ACTIVITY.length <= 2 &&
        !/^\d/.test(o.ACTIVITY)
      )
        expect(keys.has(`${o.REF_AREA}|${o.TIME_PERIOD}|${o.ACTIVITY}|${o.PRODUCT}`), JSON.stringify(o)).toBe(
          true,
        );
    return checked;
  }

  it('matches computeIndicators on random data (with and without imputation)', async () => {
    const row = fc.record({
      e: fc.integer({ min: 0, max: 3 }),
      ym: fc.constantFrom('2013-01', '2013-02', '2013-07', '2014-01', '2014-02', '2014-07', '2014-08'),
      p: fc.constantFrom('A', 'B', 'C', 'D'),
      q: fc.integer({ min: 0, max: 5000 }),
      v: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), async (list) => {
        const seen = new Map<string, (typeof list)[number]>();
        for (const r of list) seen.set(`${r.e}|${r.ym}|${r.p}`, r);
        await importRows(
          t.db,
          [...seen.values()].map((r) => ({
            tax_code: tax[r.e]!,
            period: r.ym,
            product_code: r.p,
            quantity: (r.q / 7).toFixed(3),
            value_vnd: r.v === null ? '' : String(r.v),
          })),
        );
        await compare(true);
        await compare(false);
      }),
      { numRuns: 5 },
    );
  });

  it('is as fresh as every input: reports, prices, periods, the registry (kept per data version)', async () => {
    const run = () =>
      annualReport(
        t.db,
        { area: '20', year: 2014, imputation: false, subAreas: true },
        { baseYearDefault: 2013 },
      );
    const at = (r: Awaited<ReturnType<typeof run>>, area: string, period: string, product = '_T') =>
      r.rows.find(
        (x) => x.area === area && x.period === period && x.activity === '_T' && x.product === product,
      );
    await importRows(t.db, [
      { tax_code: tax[0]!, period: '2014-03', product_code: 'A', quantity: '10', value_vnd: '' },
      { tax_code: tax[1]!, period: '2014-03', product_code: 'A', quantity: '5', value_vnd: '' },
    ]);
    const before = await run();
    expect(await run()).toBe(before); // nothing changed: the same result, not computed again
    const qtyA = Number(at(before, '20', '2014-03', 'A')!.outputQty);

    // a report (revision of 10 → 25 in district 187)
    await importRows(t.db, [
      { tax_code: tax[0]!, period: '2014-03', product_code: 'A', quantity: '25', value_vnd: '' },
    ]);
    const afterReport = await run();
    expect(Number(at(afterReport, '20', '2014-03', 'A')!.outputQty)).toBe(qtyA + 15);

    // a base price (A: 1000 → 1200 for 2013): GO_CONST moves
    const goBefore = Number(at(afterReport, '20', '2014-03', 'A')!.goConst);
    await importProducts(t.db, systemActor, table([{ ...PRODUCTS[0]!, base_price_vnd: '1200' }]));
    const afterPrice = await run();
    expect(Number(at(afterPrice, '20', '2014-03', 'A')!.goConst)).toBeCloseTo((goBefore / 1000) * 1200, 6);

    // a period approved: March is no longer provisional
    expect(at(afterPrice, '20', '2014-03')!.provisional).toBe(true);
    await transitionPeriod(t.db, systemActor, 'admin', 201403, 'closed', null);
    await transitionPeriod(t.db, systemActor, 'admin', 201403, 'approved', null);
    expect(at(await run(), '20', '2014-03')!.provisional).toBe(false);

    // the registry: an enterprise leaves the panel, the reporting rate's denominator shrinks
    const rateBefore = at(await run(), '183', '2014-03')!.reportingRate;
    await t.db.execute(sql`update enterprises set reports_monthly = false where tax_code = ${tax[1]!}`);
    expect(at(await run(), '183', '2014-03')!.reportingRate).not.toBe(rateBefore);
    await t.db.execute(sql`update enterprises set reports_monthly = true where tax_code = ${tax[1]!}`);
    expect(at(await run(), '183', '2014-03')!.reportingRate).toBe(rateBefore);
  });
});
