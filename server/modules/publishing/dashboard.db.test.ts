import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardDto, DashboardHistoryDto } from '../../../contracts/dashboard';
import { loadDemo } from '../../../demo';
import { createTestContext, type Session, type TestContext } from '../../test/harness';

/** The dashboard's call on the Lạng Sơn demo data: the seed article's 2014 figures, the embargo, XLSX. */
describe('dashboard on the demo data', () => {
  let t: TestContext;
  let leader: Session;

  beforeAll(async () => {
    t = await createTestContext();
    await loadDemo(t.database);
    leader = await t.loginAs({ role: 'leader' });
  });
  afterAll(() => t?.close());

  it('gives December 2014 year-to-date = the year: 3.586 bn VND, +14.15%, with each figure’s query', async () => {
    const res = await leader.inject({ method: 'GET', url: '/api/dashboard?area=20&period=2014-12' });
    expect(res.statusCode).toBe(200);
    const d: DashboardDto = res.json();
    expect(d.period).toBe('2014-12');
    expect(Math.round(Number(d.headline.goYtd.value) / 1e9)).toBe(3586);
    expect(Number(d.headline.goYtdYoy.value).toFixed(2)).toBe('14.15');
    // IIP on the same period = 100 + growth of constant-price output for a single-weight province.
    expect(Number(d.headline.iipYtdYoy.value)).toBeGreaterThan(100);
    expect(d.headline.goYtd.ref).toMatchObject({ indicator: 'GO_CONST', period: '2014-YTD-12', area: '20' });
    expect(d.headline.goMonth.ref.period).toBe('2014-12');
    // the 12 months of 2014 add up to the year
    const sum = d.trend.thisYear.reduce<number>((a, v) => a + (v ?? 0), 0);
    expect(Math.abs(sum - Number(d.headline.goYtd.value))).toBeLessThan(1);
    const cement = d.products.find((p) => p.code === 'XIMANG');
    expect(Math.round(Number(cement?.quantity.value) / 1000)).toBe(580);
    expect(Number(cement?.yoy.value).toFixed(1)).toBe('11.5');
    expect(d.movers.up.map((p) => p.code)).toContain('CHI');
    expect(d.movers.up.every((p) => Number(p.yoy.value) > 0)).toBe(true);
    expect(d.imputed).toBe(d.headline.goYtd.status === 'E');
  });

  it('gives output by section and by area over the years', async () => {
    const res = await leader.inject({ method: 'GET', url: '/api/dashboard/history?area=20&period=2014-12' });
    expect(res.statusCode).toBe(200);
    const h: DashboardHistoryDto = res.json();
    expect(h.years).toContain('2014');
    const i2014 = h.years.indexOf('2014');
    const sections = h.sections.reduce((a, s) => a + (s.values[i2014] ?? 0), 0);
    expect(Math.round(sections / 1e9)).toBe(3586);
    expect(h.areas.map((a) => a.code)).toContain('187');
  });

  it('shows the public only published months, and never an unknown one', async () => {
    const pub = await t.anon.inject({ method: 'GET', url: '/api/dashboard?area=20' });
    expect(pub.statusCode).toBe(200);
    const d: DashboardDto = pub.json();
    expect(d.months.every((m) => m.status === 'published')).toBe(true);
    expect(d.periodStatus).toBe('published');
    // a month nobody published is refused outside the department
    const later = await t.anon.inject({ method: 'GET', url: '/api/dashboard?area=20&period=2099-01' });
    expect(later.statusCode).toBeGreaterThanOrEqual(400);
    expect(later.statusCode).toBeLessThan(500);
    const junk = await t.anon.inject({ method: 'GET', url: '/api/dashboard?period=2014-13' });
    expect(junk.statusCode).toBe(400);
  });

  it('is as fresh as the data: a report moves it, "data as of" is the last change, a publication time passing shows the month', async () => {
    const get = async (s: Session | typeof t.anon, url: string) =>
      (await s.inject({ method: 'GET', url })).json();
    const before: DashboardDto = await get(leader, '/api/dashboard?area=20&period=2015-12');
    expect(await get(leader, '/api/dashboard?area=20&period=2015-12')).toEqual(before);
    // a revision of December 2015 cement (closed: staff give a reason), through the same service as an import
    const { importReports } = await import('../statistics');
    const { systemActor } = await import('../../platform/audit');
    const [row] = (
      (await t.db.execute(
        (
          await import('drizzle-orm')
        ).sql`select e.tax_code, r.quantity::text as q from stat_reports r
          join enterprises e on e.id = r.enterprise_id
          where r.ym = 201512 and r.product_code = 'XIMANG' order by r.quantity desc limit 1`,
      )) as unknown as { rows: { tax_code: string; q: string }[] }
    ).rows;
    const cols = ['tax_code', 'period', 'product_code', 'quantity', 'comment'];
    const revise = (q: string) =>
      importReports(
        t.db,
        systemActor,
        null,
        {
          columns: cols,
          rows: [
            {
              line: 2,
              values: {
                tax_code: row!.tax_code,
                period: '2015-12',
                product_code: 'XIMANG',
                quantity: q,
                comment: 'kiểm tra',
              },
            },
          ],
        },
        () => {},
        { reason: 'kiểm tra' },
      );
    await revise(String(Number(row!.q) + 1000));
    const after: DashboardDto = await get(leader, '/api/dashboard?area=20&period=2015-12');
    const cement = (d: DashboardDto) => Number(d.products.find((p) => p.code === 'XIMANG')!.quantity.value);
    expect(cement(after) - cement(before)).toBeCloseTo(1000, 6);
    expect(Date.parse(after.dataAsOf)).toBeGreaterThan(Date.parse(before.dataAsOf));
    await revise(row!.q);
    expect(cement(await get(leader, '/api/dashboard?area=20&period=2015-12'))).toBeCloseTo(cement(before), 6);

    // The public sees the latest published month; one published 2 s from now appears when the time comes.
    const latest = ((await get(t.anon, '/api/dashboard?area=20')) as DashboardDto).period;
    const ym = Number(latest.replace('-', ''));
    await t.database.exec(
      `update stat_periods set published_at = now() + interval '2 seconds' where ym = ${ym}`,
    );
    expect(((await get(t.anon, '/api/dashboard?area=20')) as DashboardDto).period).not.toBe(latest);
    await new Promise((r) => setTimeout(r, 2500));
    expect(((await get(t.anon, '/api/dashboard?area=20')) as DashboardDto).period).toBe(latest);
  });

  it('writes a table as shown to XLSX (staff only)', async () => {
    const payload = {
      title: 'GO_CONST 2014',
      notes: ['Tỉnh Lạng Sơn'],
      header: ['Địa bàn', '2013', '2014'],
      rows: [
        ['Huyện Chi Lăng', 1, 2.5],
        ['Tổng', null, '3.586'],
      ],
    };
    expect((await t.anon.inject({ method: 'POST', url: '/api/dashboard/xlsx', payload })).statusCode).toBe(
      401,
    );
    const res = await leader.inject({ method: 'POST', url: '/api/dashboard/xlsx', payload });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const values = ws.getSheetValues().filter(Boolean) as unknown[][];
    expect(values[0]?.[1]).toBe('GO_CONST 2014');
    expect(values.at(-3)?.slice(1)).toEqual(['Địa bàn', '2013', '2014']);
    expect(values.at(-2)?.slice(1)).toEqual(['Huyện Chi Lăng', 1, 2.5]);
  });
});
