/**
 * Lạng Sơn demo statistics: the product catalogue with 2010 base prices and the monthly reports of the demo
 * enterprises for 2010 (the base year of the IIP) and 2013–2015, deterministic, built so that the published
 * figures (imputation on) reproduce the seed article (langson-industry-2014.txt) and domain.md:
 *   2014 GO_CONST 3,586 billion VND, +14.15% on 2013 (2013 = 3,141.6 billion); cement 580 thousand tonnes,
 *   +11.5%; electrolytic lead +44.3%; 2015 estimate GO 3,766 billion, cement 640, clinker 570 thousand
 *   tonnes, lead 5,000 tonnes.
 * Product figures below are annual provincial totals; they are spread over the months with a seasonal
 * pattern and over the enterprises by capacity. Electricity balances the year: Na Dương's twelve months of
 * each target year are computed, through the same engine a user's request takes, so that GO_CONST hits the
 * article's total with the imputed values included, and spread with the seasonal pattern like every other
 * figure (no month carries the balance). A few panel reports are left missing (imputation §4).
 * Prices and the non-article quantities are invented for the demo (plausible orders of magnitude only).
 */
import { sql } from 'drizzle-orm';
import type { IndicatorQuery } from '../contracts/statistics';
import {
  computeIndicators,
  importProducts,
  importReports,
  importTargets,
  transitionPeriod,
} from '../server/modules/statistics';
import type { Actor } from '../server/platform/audit';
import type { Db } from '../server/platform/db';
import type { Table } from '../server/platform/files';
import { seededRandom } from './enterprises';

export const DEMO_BASE_YEAR = 2010;
export const DEMO_YEARS = [2010, 2013, 2014, 2015] as const;
/** Target GO_CONST by year, VND (2010 is free). */
export const DEMO_GO_TARGETS: Record<number, bigint> = {
  2013: 3_141_600_000_000n,
  2014: 3_586_000_000_000n,
  2015: 3_766_000_000_000n,
};

interface DemoProduct {
  code: string;
  nameVi: string;
  nameEn: string;
  unit: string;
  vsic: string;
  /** VND per unit at 2010 prices. */
  price: number;
  /** Annual provincial totals for 2010, 2013, 2014, 2015 (null: the balancing product). */
  totals: [number, number, number, number] | null;
  /** Decimals of the monthly figures. */
  dp: number;
  /** Current-price value per unit by year index (share of the 2010 price). */
}

export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    code: 'XIMANG',
    nameVi: 'Xi măng',
    nameEn: 'Cement',
    unit: 'tấn',
    vsic: '2394',
    price: 1_000_000,
    totals: [380_000, 520_179, 580_000, 640_000],
    dp: 0,
  },
  {
    code: 'CLINKER',
    nameVi: 'Clinker',
    nameEn: 'Clinker',
    unit: 'tấn',
    vsic: '2394',
    price: 600_000,
    totals: [300_000, 420_000, 480_000, 570_000],
    dp: 0,
  },
  {
    code: 'CHI',
    nameVi: 'Chì điện phân',
    nameEn: 'Electrolytic lead',
    unit: 'tấn',
    vsic: '2420',
    price: 40_000_000,
    totals: [1_800, 2_700, 3_896.1, 5_000],
    dp: 1,
  },
  {
    code: 'AXIT',
    nameVi: 'Axit sunfuric',
    nameEn: 'Sulphuric acid',
    unit: 'tấn',
    vsic: '2011',
    price: 2_500_000,
    totals: [3_000, 4_000, 5_500, 7_000],
    dp: 1,
  },
  {
    code: 'CHIEUTAM',
    nameVi: 'Chiếu tăm',
    nameEn: 'Toothpick mats',
    unit: 'm2',
    vsic: '1629',
    price: 60_000,
    totals: [30_000, 50_000, 180_000, 300_000],
    dp: 0,
  },
  {
    code: 'DIEN',
    nameVi: 'Điện sản xuất',
    nameEn: 'Electricity generated',
    unit: 'triệu kWh',
    vsic: '3511',
    price: 1_300_000_000,
    totals: null,
    dp: 3,
  },
  {
    code: 'GACH',
    nameVi: 'Gạch nung',
    nameEn: 'Fired bricks',
    unit: 'nghìn viên',
    vsic: '2392',
    price: 800_000,
    totals: [50_000, 55_000, 58_000, 60_000],
    dp: 0,
  },
  {
    code: 'DA',
    nameVi: 'Đá xây dựng',
    nameEn: 'Construction stone',
    unit: 'm3',
    vsic: '0810',
    price: 120_000,
    totals: [300_000, 340_000, 360_000, 380_000],
    dp: 0,
  },
  {
    code: 'VAN',
    nameVi: 'Ván bóc, ván ghép',
    nameEn: 'Veneer and board',
    unit: 'm3',
    vsic: '1621',
    price: 4_000_000,
    totals: [30_000, 36_000, 40_000, 42_000],
    dp: 0,
  },
  {
    code: 'TINHDAU',
    nameVi: 'Tinh dầu hồi',
    nameEn: 'Star anise oil',
    unit: 'tấn',
    vsic: '2029',
    price: 300_000_000,
    totals: [60, 70, 75, 80],
    dp: 2,
  },
  {
    code: 'MAYMAC',
    nameVi: 'Quần áo may sẵn',
    nameEn: 'Garments',
    unit: 'nghìn sản phẩm',
    vsic: '1410',
    price: 80_000_000,
    totals: [800, 1_000, 1_150, 1_250],
    dp: 1,
  },
  {
    code: 'THUCAN',
    nameVi: 'Thức ăn gia súc',
    nameEn: 'Animal feed',
    unit: 'tấn',
    vsic: '1080',
    price: 8_000_000,
    totals: [25_000, 30_000, 34_000, 36_000],
    dp: 0,
  },
  {
    code: 'COKHI',
    nameVi: 'Sản phẩm cơ khí',
    nameEn: 'Metal products',
    unit: 'tấn',
    vsic: '2592',
    price: 20_000_000,
    totals: [1_500, 1_800, 2_000, 2_100],
    dp: 1,
  },
  {
    code: 'RAUQUA',
    nameVi: 'Rau quả chế biến',
    nameEn: 'Processed fruit and vegetables',
    unit: 'tấn',
    vsic: '1030',
    price: 10_000_000,
    totals: [8_000, 9_500, 10_500, 11_000],
    dp: 0,
  },
  {
    code: 'NUOC',
    nameVi: 'Nước khoáng, nước tinh khiết',
    nameEn: 'Bottled water',
    unit: 'nghìn lít',
    vsic: '1104',
    price: 4_000_000,
    totals: [8_000, 10_000, 11_000, 12_000],
    dp: 0,
  },
  {
    code: 'IN',
    nameVi: 'Trang in',
    nameEn: 'Printed pages',
    unit: 'triệu trang',
    vsic: '1811',
    price: 50_000_000,
    totals: [500, 600, 650, 700],
    dp: 1,
  },
  {
    code: 'THAN',
    nameVi: 'Than nâu',
    nameEn: 'Lignite',
    unit: 'tấn',
    vsic: '0520',
    price: 400_000,
    totals: [450_000, 500_000, 540_000, 560_000],
    dp: 0,
  },
  {
    code: 'LINHKIEN',
    nameVi: 'Linh kiện điện tử',
    nameEn: 'Electronic components',
    unit: 'nghìn chiếc',
    vsic: '2610',
    price: 40_000_000,
    totals: [3_000, 5_500, 7_000, 7_500],
    dp: 0,
  },
  {
    code: 'NUOCMAY',
    nameVi: 'Nước máy',
    nameEn: 'Piped water',
    unit: 'nghìn m3',
    vsic: '3600',
    price: 5_000_000,
    totals: [8_000, 9_500, 10_000, 10_500],
    dp: 0,
  },
  {
    code: 'RAC',
    nameVi: 'Rác thải thu gom',
    nameEn: 'Waste collected',
    unit: 'tấn',
    vsic: '3811',
    price: 300_000,
    totals: [40_000, 45_000, 50_000, 52_000],
    dp: 0,
  },
];

/** Missing panel reports (left for imputation): product, enterprise rank among its makers, months. */
export const DEMO_MISSING: { product: string; rank: number; months: number[] }[] = [
  { product: 'GACH', rank: 0, months: [201403, 201404] },
  { product: 'RAUQUA', rank: 1, months: [201409] },
  { product: 'TINHDAU', rank: 0, months: [201511, 201512] },
  { product: 'MAYMAC', rank: 1, months: [201512] },
];

/** Seasonal shape of a year (Tết in February, a stronger fourth quarter). */
const SEASON = [0.95, 0.72, 1.0, 1.0, 1.03, 1.0, 0.98, 1.0, 1.02, 1.07, 1.1, 1.13];

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

const round = (x: number, dp: number) => Math.round(x * 10 ** dp) / 10 ** dp;
const fixed = (x: number, dp: number) => x.toFixed(dp);

interface Maker {
  id: string;
  taxCode: string;
  name: string;
  panel: boolean;
  capacity: number;
}

async function makers(db: Db): Promise<Map<string, Maker[]>> {
  const rows = (
    (await db.execute(sql`select e.id, e.tax_code, e.name, e.reports_monthly, ep.product_code, ep.capacity_per_year::float8 as cap
      from enterprises e join enterprise_products ep on ep.enterprise_id = e.id
      where e.is_demo and ep.product_code is not null order by e.name, ep.product_code`)) as unknown as {
      rows: {
        id: string;
        tax_code: string;
        name: string;
        reports_monthly: boolean;
        product_code: string;
        cap: number | null;
      }[];
    }
  ).rows;
  const out = new Map<string, Maker[]>();
  for (const r of rows) {
    if (!out.has(r.product_code)) out.set(r.product_code, []);
    out
      .get(r.product_code)!
      .push({ id: r.id, taxCode: r.tax_code, name: r.name, panel: r.reports_monthly, capacity: r.cap ?? 1 });
  }
  return out;
}

/** The monthly report rows of the demo (all but the balancing electricity of Na Dương in the target years). */
export function demoReportRows(byProduct: Map<string, Maker[]>): {
  rows: Record<string, string>[];
  balance: Maker;
} {
  const rnd = seededRandom(20_140_580);
  const out: Record<string, string>[] = [];
  const missing = new Set<string>();
  for (const m of DEMO_MISSING) {
    const maker = byProduct.get(m.product)?.filter((x) => x.panel)[m.rank];
    if (maker) for (const ym of m.months) missing.add(`${maker.taxCode}|${m.product}|${ym}`);
  }
  const dien = byProduct.get('DIEN') ?? [];
  const balance = dien.find((m) => m.name.includes('Na Dương')) ?? dien[0]!;
  for (const p of DEMO_PRODUCTS) {
    const list = byProduct.get(p.code) ?? [];
    if (!list.length) continue;
    const capSum = list.reduce((s, m) => s + m.capacity, 0);
    DEMO_YEARS.forEach((year, yi) => {
      // Electricity: a share of capacity that grows a little every year; the year is balanced later.
      const total = p.totals ? p.totals[yi]! : capSum * [0.72, 0.8, 0.82, 0.85][yi]!;
      for (const maker of list) {
        const annual = (total * maker.capacity) / capSum;
        const shape = SEASON.map((s) => s * (1 + (rnd() - 0.5) * 0.06));
        const sum = shape.reduce((a, b) => a + b, 0);
        let acc = 0;
        for (let m = 1; m <= 12; m++) {
          const ym = year * 100 + m;
          const q = m < 12 ? round((annual * shape[m - 1]!) / sum, p.dp) : round(annual - acc, p.dp);
          acc += q;
          if (!p.totals && maker === balance && DEMO_GO_TARGETS[year]) continue;
          if (missing.has(`${maker.taxCode}|${p.code}|${ym}`)) continue;
          // Current-price value: base price inflated ~6% a year since 2010.
          const value = Math.round(q * p.price * 1.06 ** (year - 2010));
          out.push({
            tax_code: maker.taxCode,
            period: `${year}-${String(m).padStart(2, '0')}`,
            product_code: p.code,
            quantity: fixed(q, p.dp),
            value_vnd: String(value),
          });
        }
      }
    });
  }
  return { rows: out, balance };
}

const annual = (year: number): IndicatorQuery => ({
  area: '20',
  from: `${year}-01`,
  to: `${year}-12`,
  freq: ['A'],
  imputation: true,
  indicator: ['GO_CONST'],
  activity: ['_T'],
  subAreas: false,
});

export async function loadStatisticsDemo(
  db: Db,
  actor: Actor,
  log: (line: string) => void = () => {},
): Promise<void> {
  await importProducts(
    db,
    actor,
    table(
      DEMO_PRODUCTS.map((p) => ({
        code: p.code,
        name_vi: p.nameVi,
        name_en: p.nameEn,
        unit: p.unit,
        vsic: p.vsic,
        base_year: String(DEMO_BASE_YEAR),
        base_price_vnd: String(p.price),
      })),
    ),
  );
  const byProduct = await makers(db);
  const { rows, balance } = demoReportRows(byProduct);
  const comment = 'Số liệu demo: biến động theo kế hoạch sản xuất / demo data: planned change';
  await importReports(db, actor, null, table(rows), () => {}, { autoComment: comment });
  // Balance each target year on Na Dương's electricity, through the engine (imputation on), spread over the
  // months with the seasonal pattern (the last month takes the rounding).
  const dien = DEMO_PRODUCTS.find((p) => p.code === 'DIEN')!;
  const season = SEASON.reduce((a, b) => a + b, 0);
  const balancing: Record<string, string>[] = [];
  for (const [year, target] of Object.entries(DEMO_GO_TARGETS)) {
    const r = await computeIndicators(db, annual(Number(year)), {
      baseYearDefault: DEMO_BASE_YEAR,
      embargo: false,
    });
    const go = r.observations.find((o) => o.INDICATOR === 'GO_CONST')?.OBS_VALUE ?? '0';
    const total = (Number(target) - Number(go)) / dien.price;
    let acc = 0;
    for (let m = 1; m <= 12; m++) {
      const q = m < 12 ? round((total * SEASON[m - 1]!) / season, 6) : total - acc;
      acc += q;
      balancing.push({
        tax_code: balance.taxCode,
        period: `${year}-${String(m).padStart(2, '0')}`,
        product_code: 'DIEN',
        quantity: q.toFixed(6),
        value_vnd: String(Math.round(q * dien.price * 1.06 ** (Number(year) - 2010))),
      });
    }
  }
  await importReports(db, actor, null, table(balancing), () => {}, { autoComment: comment });
  await importTargets(
    db,
    actor,
    table([
      { year: '2014', indicator: 'GO_CONST', area_code: '20', value: '3500000000000' },
      { year: '2015', indicator: 'GO_CONST', area_code: '20', value: '3800000000000' },
      { year: '2015', indicator: 'OUTPUT_QTY', area_code: '20', product_code: 'XIMANG', value: '650000' },
    ]),
  );
  // Periods: everything published except December 2015 (closed, awaiting approval).
  for (const year of DEMO_YEARS) {
    for (let m = 1; m <= 12; m++) {
      const ym = year * 100 + m;
      await transitionPeriod(db, actor, null, ym, 'closed', null);
      if (ym === 201512) continue;
      await transitionPeriod(db, actor, null, ym, 'approved', null);
      await transitionPeriod(db, actor, null, ym, 'published', null);
    }
  }
  log(
    `  thống kê / statistics: ${DEMO_PRODUCTS.length} sản phẩm, ${rows.length + balancing.length} dòng báo cáo`,
  );
}
