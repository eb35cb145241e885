import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/audit';
import type { AppError } from '../../platform/errors';
import { readTable } from '../../platform/files';
import { FULL_SCOPE } from '../../platform/scope';
import { createTestContext, type TestContext } from '../../test/harness';
import { importReports, importWeights, traceFigure } from './statistics.service';
import { figures, importRows, seedPanel, seedProducts, table } from './test-fixtures';

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

  it('IIP with weights.csv: W(2394) = 3, W(2420) = 1 → (3 × 1440 + 1800) / 4 = 1530', async () => {
    await importWeights(
      t.db,
      systemActor,
      table([
        { base_year: '2013', vsic: '2394', value_added_vnd: '3' },
        { base_year: '2013', vsic: '2420', value_added_vnd: '1' },
      ]),
    );
    const f = await figures(t.db, { from: '2014-01', to: '2014-01' });
    expect(Number(f.get({ INDICATOR: 'IIP' })?.OBS_VALUE)).toBe(1530);
    // A base year with no data: every product is left out and counted.
    const g = await figures(t.db, { from: '2014-01', to: '2014-01', baseYear: 2012 });
    expect(g.get({ INDICATOR: 'IIP' })?.OBS_STATUS).toBe('M');
    expect(g.productsWithoutPrice.sort()).toEqual(['A', 'C']);
  });

  it("filters: area with sub-areas, ownership, activity = the product's class, product; growth on a zero base is M", async () => {
    const f = await figures(t.db, { from: '2014-01', to: '2014-01', area: '187' });
    // Chi Lăng holds E1 only: 120 × 1000 + 15 × 2000.
    expect(f.get({ INDICATOR: 'GO_CONST' })?.OBS_VALUE).toBe('150000');
    const cl = await figures(t.db, { from: '2014-01', to: '2014-01', area: '183' });
    // Cao Lộc holds E2, whose missing report is imputed with the province-wide r = 1.2.
    expect(cl.get({ INDICATOR: 'GO_CONST' })).toMatchObject({ OBS_VALUE: '60000', OBS_STATUS: 'E' });
    const lead = await figures(t.db, { from: '2014-01', to: '2014-01', activity: ['2420'] });
    expect(lead.get({ INDICATOR: 'GO_CONST', ACTIVITY: '2420' })?.OBS_VALUE).toBe('30000');
    const feb = await figures(t.db, { from: '2014-02', to: '2014-02', product: ['B'] });
    expect(feb.get({ INDICATOR: 'OUTPUT_QTY', PRODUCT: 'B' })?.OBS_VALUE).toBe('4');
    expect(feb.get({ INDICATOR: 'OUTPUT_QTY_YOY', PRODUCT: 'B' })).toMatchObject({
      OBS_VALUE: '',
      OBS_STATUS: 'M',
    });
    const sub = await figures(t.db, { from: '2014-01', to: '2014-01', subAreas: true });
    const areas = new Set(sub.observations.map((o) => o.REF_AREA));
    expect(areas.has('187') && areas.has('183') && !areas.has('06463')).toBe(true);
  });

  it('an area across the 2025 reorganisation: a district includes the communes carved out of it', async () => {
    const e4 = await t.createEnterprise({ areaCode: '06463', reportsMonthly: false });
    await importRows(t.db, [{ tax_code: e4.taxCode, period: '2025-07', product_code: 'A', quantity: '7' }]);
    const d = await figures(t.db, { from: '2025-07', to: '2025-07', area: '187', product: ['A'] });
    expect(d.get({ INDICATOR: 'OUTPUT_QTY', PRODUCT: 'A' })?.OBS_VALUE).toBe('7');
    const other = await figures(t.db, { from: '2025-07', to: '2025-07', area: '183', product: ['A'] });
    expect(other.get({ INDICATOR: 'OUTPUT_QTY', PRODUCT: 'A' })).toBeUndefined();
    const sub = await figures(t.db, { from: '2025-07', to: '2025-07', subAreas: true, product: ['A'] });
    expect(sub.get({ REF_AREA: '06463', INDICATOR: 'OUTPUT_QTY', PRODUCT: 'A', FREQ: 'M' })?.OBS_VALUE).toBe(
      '7',
    );
  });

  it('a revision is reflected at once and kept in history; trace returns rows, revisions and imputations', async () => {
    await importRows(t.db, [{ tax_code: tax.E1!, period: '2014-01', product_code: 'C', quantity: '20' }]);
    const f = await figures(t.db, { from: '2014-01', to: '2014-01' });
    expect(f.get({ INDICATOR: 'GO_CONST' })?.OBS_VALUE).toBe('220000');
    const tr = await traceFigure(t.db, FULL_SCOPE, {
      area: '20',
      period: '2014-01',
      indicator: 'GO_CONST',
      activity: '_T',
      imputation: true,
      limit: 100,
    });
    const c = tr.reports.find((r) => r.productCode === 'C')!;
    // Quantities read as entered (no trailing zeros), in the row and in its history alike.
    expect(c.quantity).toBe('20');
    expect(c.revisions.map((v) => [v.quantityOld, v.quantityNew])).toEqual([
      [null, '15'],
      ['15', '20'],
    ]);
    expect(tr.imputations).toEqual([
      expect.objectContaining({
        taxCode: tax.E2,
        productCode: 'A',
        period: '2014-01',
        basePeriod: '2013-01',
        quantity: '60',
        ratio: '1.2',
      }),
    ]);
    await importRows(t.db, [{ tax_code: tax.E1!, period: '2014-01', product_code: 'C', quantity: '15' }]);
  });

  it('hard errors reject the whole file, each named', async () => {
    const bad = await importRows(t.db, [
      { tax_code: tax.E1!, period: '2014-03', product_code: 'A', quantity: '-1' },
      { tax_code: tax.E1!, period: '2014-03', product_code: 'B', quantity: 'abc' },
      { tax_code: tax.E1!, period: '2999-01', product_code: 'A', quantity: '1' },
      { tax_code: '0100000000', period: '2014-03', product_code: 'Z', quantity: '1' },
      { tax_code: tax.E1!, period: '2014-04', product_code: 'A', quantity: '1', unit: 'kg' },
      { tax_code: tax.E1!, period: '2014-04', product_code: 'A', quantity: '1', unit: 'tấn' },
    ]).catch((e) => e);
    const codes = bad.details.issues.map((i: { row: number; code: string }) => `${i.row}:${i.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        '2:issue.negative',
        '3:issue.number',
        '4:issue.future_period',
        '5:issue.unknown_enterprise',
        '5:issue.unknown_product',
        '6:issue.unit_mismatch',
        '7:issue.duplicate_key',
      ]),
    );
  });

  it('a soft warning without a comment rejects the row; with one it is accepted and queued', async () => {
    const { importReports } = await import('./statistics.service');
    const rows = [{ tax_code: tax.E1!, period: '2014-02', product_code: 'A', quantity: '900' }];
    const err = await importReports(t.db, systemActor, null, table(rows)).catch((e) => e);
    expect(err.details.issues[0]).toMatchObject({
      code: 'issue.warning_needs_comment',
      params: { warnings: 'mom' },
    });
    await importReports(t.db, systemActor, null, table([{ ...rows[0]!, comment: 'Lò mới chạy' }]));
    const q = await t.db.execute(
      (await import('drizzle-orm'))
        .sql`select review_status, warnings from stat_reports where ym = 201402 and product_code = 'A'`,
    );
    expect((q as unknown as { rows: { review_status: string }[] }).rows[0]?.review_status).toBe('pending');
  });

  it('an enterprise, product or area with reports cannot be deleted or recoded; a report takes its revisions along', async () => {
    const { sql } = await import('drizzle-orm');
    const refused = async (q: ReturnType<typeof sql>) => {
      const err = await t.db
        .transaction((tx) => tx.execute(q))
        .catch((e: { cause?: { code?: string } }) => e);
      return (err as { cause?: { code?: string } }).cause?.code;
    };
    expect(await refused(sql`delete from stat_products where code = 'A'`)).toBe('23503');
    expect(await refused(sql`update stat_products set code = 'A2' where code = 'A'`)).toBe('23503');
    expect(await refused(sql`delete from enterprises where tax_code = ${tax.E1!}`)).toBe('23503');
    expect(await refused(sql`update areas set code = '9187' where code = '187'`)).toBe('23503');
    // Unreferenced rows stay free to change: product B has a report, a fresh product none.
    await t.db.execute(
      sql`insert into stat_products (code, name_vi, unit, vsic) values ('Z', 'Không dùng', 'tấn', '2394')`,
    );
    await t.db.execute(sql`delete from stat_products where code = 'Z'`);
    const count = async () =>
      Number(
        (
          (await t.db.execute(
            sql`select count(*)::int as n from stat_report_revisions v join stat_reports r on r.id = v.report_id
                where r.ym = 201401 and r.product_code = 'C'`,
          )) as unknown as { rows: { n: number }[] }
        ).rows[0]!.n,
      );
    const revisions = await count();
    expect(revisions).toBeGreaterThan(0);
    let orphans = -1;
    await t.db
      .transaction(async (tx) => {
        await tx.execute(sql`delete from stat_reports where ym = 201401 and product_code = 'C'`);
        const r = await tx.execute(
          sql`select count(*)::int as n from stat_report_revisions v
              where not exists (select 1 from stat_reports r where r.id = v.report_id)`,
        );
        orphans = (r as unknown as { rows: { n: number }[] }).rows[0]!.n;
        tx.rollback();
      })
      .catch(() => {});
    expect(orphans).toBe(0);
    expect(await count()).toBe(revisions); // rolled back
  });
});

describe('reports from an Excel sheet', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it('a date cell on the first of a month is its period; a tax code Excel stripped of its zero says so', async () => {
    const [taxCode] = await seedPanel(t, [['187', true]]);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('reports');
    sheet.addRow(['period', 'tax_code', 'product_code', 'quantity']);
    sheet.addRow([new Date(Date.UTC(2014, 2, 1)), taxCode, 'A', 95.5]);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const ok = await importReports(t.db, systemActor, null, await readTable(file, 'reports.xlsx'));
    expect(ok.inserted).toBe(1);
    const f = await figures(t.db, { from: '2014-03', to: '2014-03', product: ['A'] });
    expect(f.get({ INDICATOR: 'OUTPUT_QTY', PRODUCT: 'A' })?.OBS_VALUE).toBe('95.5');
    // 0100000035 typed into a Number column; a mid-month date is no period.
    sheet.addRow(['2014-04', 100000035, 'A', 1]);
    sheet.addRow([new Date(Date.UTC(2014, 3, 15)), taxCode, 'A', 1]);
    const bad = Buffer.from(await book.xlsx.writeBuffer());
    const err = await importReports(t.db, systemActor, null, await readTable(bad, 'reports.xlsx')).catch(
      (e: AppError) => e,
    );
    expect((err as AppError).details.issues).toEqual([
      { row: 3, column: 'tax_code', code: 'issue.tax_code_leading_zero', params: { value: '100000035' } },
      { row: 4, column: 'period', code: 'issue.period', params: { value: '2014-04-15' } },
    ]);
  });
});
