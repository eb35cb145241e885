import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemeDetail } from '../../../contracts/extension';
import { systemActor } from '../../platform/audit';
import type { Table } from '../../platform/files';
import { createTestContext, type Session, type TestContext } from '../../test/harness';
import { importProducts, importReports } from '../statistics';
import { extSchemeEvents, extSchemes } from './extension.tables';

/**
 * The output comparison on a hand-made statistics set (prices at the installation's base year):
 *   product CT (VSIC 1629) 1,000,000 VND; product U has no base price.
 *   S  supported (accepted 2014-11-25):  2013 100 t/month → 1,200 t = 1,200,000,000; 2015 150 t/month → 1,800,000,000: +50%
 *      (its June 2015 first reported 50, revised to 150: the latest revision counts)
 *   A  peer: 2013 10/month, 2015 11/month;  B peer: 2013 30/month, 2015 36/month
 *      Σ before 480 t, Σ after 564 t → +17.5%; means 240,000,000 → 282,000,000
 *   C  peer with 11 months in 2015 → left out;  D same class but in an approved scheme → not a peer
 *   E  other class (2394) → not a peer;  U-ent supported, reports product U only → unpriced
 *   difference 50 − 17.5 = 32.5 points; extra output 1.8e9 − 1.2e9 × 1.175 = 390,000,000; per VND of
 *   support (200,000,000) = 1.95.
 */
function table(rows: Record<string, string>[]): Table {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return {
    columns,
    rows: rows.map((r, i) => ({
      line: i + 2,
      values: Object.fromEntries(columns.map((c) => [c, r[c] ?? ''])),
    })),
  };
}

const months = (year: number, n = 12) =>
  Array.from({ length: n }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

describe('extension: output of a supported enterprise against its unsupported peers', () => {
  let t: TestContext;
  let officer: Session;
  const ids: Record<string, string> = {};
  const tax: Record<string, string> = {};
  const scheme: Record<string, string> = {};

  async function addScheme(key: string, enterpriseKey: string, approved: boolean) {
    const [s] = await t.db
      .insert(extSchemes)
      .values({
        code: `KC-TEST-${key}`,
        year: 2014,
        title: `Đề án ${key}`,
        supportKind: 'advanced_machinery',
        activityGroupCode: 'demonstration',
        fundingSource: 'national',
        leadEnterpriseId: ids[enterpriseKey]!,
        status: approved ? 'accepted' : 'submitted',
        totalCostVnd: 1_000_000_000n,
        supportRequestedVnd: 200_000_000n,
        counterpartVnd: 800_000_000n,
        approvedAmountVnd: approved ? 200_000_000n : null,
        approvedOn: approved ? '2014-05-20' : null,
      })
      .returning();
    scheme[key] = s!.id;
    if (approved)
      await t.db
        .insert(extSchemeEvents)
        .values({ schemeId: s!.id, onDate: '2014-11-25', action: 'accept', toStatus: 'accepted' });
  }

  beforeAll(async () => {
    t = await createTestContext();
    await t.seedAreas();
    for (const [k, vsic] of [
      ['S', '1629'],
      ['A', '1629'],
      ['B', '1629'],
      ['C', '1629'],
      ['D', '1629'],
      ['E', '2394'],
      ['U', '1629'],
    ] as const) {
      const e = await t.createEnterprise({ name: `Công ty TNHH Thử ${k}`, vsic, areaCode: '184' });
      ids[k] = e.id;
      tax[k] = e.taxCode;
    }
    const by = t.config.BASE_YEAR;
    await importProducts(
      t.db,
      systemActor,
      table([
        {
          code: 'CT',
          name_vi: 'Chiếu tăm',
          unit: 'm2',
          vsic: '1629',
          base_year: String(by),
          base_price_vnd: '1000000',
        },
        {
          code: 'U',
          name_vi: 'Chưa có giá năm gốc',
          unit: 'tấn',
          vsic: '1629',
          base_year: String(by - 5),
          base_price_vnd: '1',
        },
      ]),
    );
    const rows: Record<string, string>[] = [];
    const put = (k: string, year: number, q: number, n = 12, product = 'CT') => {
      for (const period of months(year, n))
        rows.push({ tax_code: tax[k]!, period, product_code: product, quantity: String(q) });
    };
    put('S', 2013, 100);
    put('S', 2014, 120);
    put('S', 2015, 150);
    put('A', 2013, 10);
    put('A', 2015, 11);
    put('B', 2013, 30);
    put('B', 2014, 33);
    put('B', 2015, 36);
    put('C', 2013, 20);
    put('C', 2015, 40, 11);
    put('D', 2013, 5);
    put('D', 2015, 500);
    put('E', 2013, 1);
    put('E', 2015, 1);
    put('U', 2013, 7, 12, 'U');
    put('U', 2015, 7, 12, 'U');
    // S's June 2015 first as 50: the revision to 150 below is what counts.
    const first = rows.map((r) =>
      r.tax_code === tax.S && r.period === '2015-06' ? { ...r, quantity: '50' } : r,
    );
    const opts = { autoComment: 'số liệu thử / test data' };
    await importReports(t.db, systemActor, null, table(first), () => {}, opts);
    await importReports(t.db, systemActor, null, table(rows), () => {}, opts);
    await addScheme('S', 'S', true);
    await addScheme('D', 'D', true);
    await addScheme('U', 'U', true);
    await addScheme('A-pending', 'A', false); // applied, never approved: A stays a peer
    officer = await t.loginAs({ role: 'extension_officer' });
  });
  afterAll(() => t?.close());

  const detail = async (key: string) =>
    (
      await officer.inject({ method: 'GET', url: `/api/extension/schemes/${scheme[key]}` })
    ).json() as SchemeDetail;

  it('compares the year before support with the year after, against matched unsupported peers', async () => {
    const o = (await detail('S')).output;
    expect(o).toMatchObject({
      available: true,
      reason: null,
      reasons: [],
      supportYear: 2014,
      beforeYear: 2013,
      afterYear: 2015,
      vsic: '1629',
      peerCount: 2,
      peersLeftOut: 1,
      enterpriseGrowthPct: 50,
      peersGrowthPct: 17.5,
      growthDifferencePct: 32.5,
      extraOutputVnd: '390000000',
      extraOutputPerSupportVnd: 1.95,
    });
    expect(o.enterprise).toEqual([
      { period: '2013', value: 1_200_000_000, months: 12 },
      { period: '2014', value: 1_440_000_000, months: 12 },
      { period: '2015', value: 1_800_000_000, months: 12 },
    ]);
    // 2014: only B of the matched peers reported (396 t).
    expect(o.peers).toEqual([
      { period: '2013', value: 240_000_000, months: 12 },
      { period: '2014', value: 396_000_000, months: 12 },
      { period: '2015', value: 282_000_000, months: 12 },
    ]);
  });

  it('says why when a figure is missing, and never shows a guess', async () => {
    const d = (await detail('D')).output;
    // D itself: 5 → 500 t/month; its peers are the same matched group.
    expect(d).toMatchObject({
      available: true,
      enterpriseGrowthPct: 9900,
      peersGrowthPct: 17.5,
      peerCount: 2,
    });
    const u = (await detail('U')).output;
    expect(u).toMatchObject({
      available: false,
      reason: 'enterprise_unpriced',
      enterpriseGrowthPct: null,
      growthDifferencePct: null,
      extraOutputVnd: null,
    });
    expect(u.reasons).toEqual([
      { code: 'enterprise_unpriced', params: { year: 2013, rows: 12 } },
      { code: 'enterprise_unpriced', params: { year: 2015, rows: 12 } },
    ]);
    // A pending application: support year = the scheme's year, A has no 2014 reports but 2013 and 2015.
    const a = (await detail('A-pending')).output;
    expect(a).toMatchObject({ enterpriseGrowthPct: 10, supportYear: 2014 });
  });

  it('sums the comparison over the programme: output per VND of public money', async () => {
    const r = await officer.inject({ method: 'GET', url: '/api/extension/impact?year=2014' });
    expect(r.statusCode).toBe(200);
    const i = r.json();
    // S: 390,000,000. D: 5×12 = 60 t → 6,000 t: 6.0e9 − 6.0e7 × 1.175 = 5,929,500,000. U: not available.
    expect(i.output).toEqual({
      compared: 2,
      extraOutputVnd: String(390_000_000 + 5_929_500_000),
      supportVnd: '400000000',
      extraOutputPerSupportVnd: Math.round(((390_000_000 + 5_929_500_000) / 400_000_000) * 100) / 100,
    });
    expect(i.rows.map((x: { code: string }) => x.code).sort()).toEqual([
      'KC-TEST-D',
      'KC-TEST-S',
      'KC-TEST-U',
    ]);
  });
});
