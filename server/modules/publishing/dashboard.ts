import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type {
  DashboardDto,
  DashboardHistoryDto,
  DashboardProduct,
  TableExportInput,
} from '../../../contracts/dashboard';
import type { Figure } from '../../../contracts/publishing';
import type { Indicator, Observation, PeriodStatus } from '../../../contracts/statistics';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { versionedMemo } from '../../platform/memo';
import { findAreas } from '../areas';
import { computeIndicators, inputsChangedAt, loadProducts, statisticsVersion } from '../statistics';
import { SECTION_NAMES } from './facts';
import * as repo from './publishing.repository';

/**
 * The dashboard's figures in one call (contracts/dashboard.ts), from the statistics module's indicators.
 * Three indicator queries, each as narrow as the screen needs: the chosen year and the one before by month
 * and year-to-date (headline, products, trend); and January–month of the last five years by section and
 * by sub-area (so the areas valid in each year appear, across a reorganisation).
 */

const YEARS_BACK = 4;
const MOVERS = 5;
/** A mover must weigh at least this share of the year-to-date output value. */
const MOVER_MIN_SHARE = 0.005;

const pad = (n: number) => String(n).padStart(2, '0');
const ymText = (ym: number) => `${Math.floor(ym / 100)}-${pad(ym % 100)}`;

interface Options {
  baseYear: number;
  /** Outside the department: published months only. */
  embargo: boolean;
}

/** Months with data (staff) or published months (everyone else), newest first, with their status. */
async function availableMonths(
  db: Db,
  embargo: boolean,
): Promise<{ period: string; status: PeriodStatus }[]> {
  if (embargo) {
    const list = await repo.allPublishedMonths(db);
    return list.map((m) => ({ period: ymText(m.ym), status: 'published' as const })).reverse();
  }
  const res = await db.execute(
    sql`select a.ym, coalesce(p.status, 'open') as status
        from (select distinct ym from stat_agg_ap where n > 0) a left join stat_periods p on p.ym = a.ym
        order by a.ym desc`,
  );
  return (res as unknown as { rows: { ym: number; status: PeriodStatus }[] }).rows.map((r) => ({
    period: ymText(Number(r.ym)),
    status: r.status,
  }));
}

/**
 * Both answers are kept per statistics data version (platform/memo.ts): a write to any input of the figures
 * computes them again on the next call. Outside the department the key also holds the months published by
 * now, since a publication time that passes changes what may be shown without any write.
 */
async function memoKey<Q>(db: Db, q: Q, opts: Options) {
  const published = opts.embargo ? (await repo.allPublishedMonths(db)).map((m) => m.ym).join(',') : null;
  return { q, opts, published };
}

const dashboardMemo = versionedMemo(
  statisticsVersion,
  (db, k: { q: { area: string; period: string | null }; opts: Options }) =>
    computeDashboard(db, { area: k.q.area, period: k.q.period ?? undefined }, k.opts),
);

export async function dashboard(
  db: Db,
  q: { area: string; period?: string | undefined },
  opts: Options,
): Promise<DashboardDto> {
  return dashboardMemo(db, await memoKey(db, { area: q.area, period: q.period ?? null }, opts));
}

async function computeDashboard(
  db: Db,
  q: { area: string; period?: string | undefined },
  opts: Options,
): Promise<DashboardDto> {
  const [area] = await findAreas(db, [q.area]);
  if (!area) throw new AppError('area.unknown', { code: q.area });
  const months = await availableMonths(db, opts.embargo);
  const period = q.period ?? months[0]?.period;
  if (!period || (opts.embargo && !months.some((m) => m.period === period)))
    throw new AppError('report.no_data', { period: q.period ?? '–', area: q.area });
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  const ytdTrace = `${year}-YTD-${pad(month)}`;

  const base = { imputation: true, baseYear: opts.baseYear } as const;
  const compute = (indicator: Indicator[], extra: Record<string, unknown>) =>
    computeIndicators(
      db,
      {
        area: q.area,
        subAreas: false,
        ...base,
        indicator,
        ...extra,
      } as Parameters<typeof computeIndicators>[1],
      { baseYearDefault: opts.baseYear, embargo: opts.embargo },
    );

  const [main, products] = await Promise.all([
    compute(
      [
        'GO_CONST',
        'GO_CONST_YOY',
        'GO_CONST_PLAN',
        'IIP_YOY',
        'REPORTING_RATE',
        'OUTPUT_QTY',
        'OUTPUT_QTY_YOY',
        'OUTPUT_QTY_PLAN',
      ],
      { from: `${year - 1}-01`, to: period, freq: ['M', 'YTD'], activity: ['_T'] },
    ),
    loadProducts(db),
  ]);
  // January–month of the year: a month without data is open, hence provisional.
  const statusOf = new Map(months.map((m) => [m.period, m.status]));
  const statuses = Array.from({ length: month }, (_, i) => ({
    status: statusOf.get(`${year}-${pad(i + 1)}`) ?? ('open' as PeriodStatus),
  }));

  const obs = main.observations;
  // Looked up some 150 times: by key, not by scanning the few thousand observations each time.
  const byKey = new Map<string, Observation>();
  for (const o of obs)
    if (o.ACTIVITY === '_T' && o.REF_AREA === q.area)
      byKey.set(`${o.FREQ}|${o.INDICATOR}|${o.TIME_PERIOD}|${o.PRODUCT}`, o);
  const find = (freq: string, ind: string, time: string, product = '_T') =>
    byKey.get(`${freq}|${ind}|${time}|${product}`);
  const fig = (freq: 'M' | 'YTD', indicator: string, product = '_T'): Figure => {
    const o = find(freq, indicator, period, product);
    return {
      value: o && o.OBS_VALUE !== '' ? o.OBS_VALUE : null,
      ref: {
        indicator,
        period: freq === 'M' ? period : ytdTrace,
        area: q.area,
        activity: '_T',
        ...(product !== '_T' ? { product } : {}),
        baseYear: main.baseYear,
      },
      status: o?.OBS_STATUS ?? 'M',
    };
  };

  const headline = {
    goMonth: fig('M', 'GO_CONST'),
    goMonthYoy: fig('M', 'GO_CONST_YOY'),
    goYtd: fig('YTD', 'GO_CONST'),
    goYtdYoy: fig('YTD', 'GO_CONST_YOY'),
    iipMonthYoy: fig('M', 'IIP_YOY'),
    iipYtdYoy: fig('YTD', 'IIP_YOY'),
    goYtdPlan: fig('YTD', 'GO_CONST_PLAN'),
    reportingRate: fig('M', 'REPORTING_RATE'),
  };

  const productCodes = [
    ...new Set(
      obs
        .filter((o) => o.PRODUCT !== '_T' && o.TIME_PERIOD === period && o.FREQ === 'YTD')
        .map((o) => o.PRODUCT),
    ),
  ];
  const productList: DashboardProduct[] = productCodes
    .map((code) => {
      const p = products.get(code);
      const plan = fig('YTD', 'OUTPUT_QTY_PLAN', code);
      return {
        code,
        name: { vi: p?.nameVi ?? code, en: p?.nameEn ?? null },
        unit: p?.unit ?? '',
        quantity: fig('YTD', 'OUTPUT_QTY', code),
        yoy: fig('YTD', 'OUTPUT_QTY_YOY', code),
        plan: plan.value === null ? null : plan,
        goConst: fig('YTD', 'GO_CONST', code),
      };
    })
    .filter((p) => p.quantity.value !== null && Number(p.quantity.value) !== 0)
    .sort((a, b) => Number(b.goConst.value ?? 0) - Number(a.goConst.value ?? 0));

  const total = Number(headline.goYtd.value ?? 0);
  const growing = productList
    .filter((p) => p.yoy.value !== null && Number(p.goConst.value ?? 0) >= total * MOVER_MIN_SHARE)
    .sort((a, b) => Number(b.yoy.value) - Number(a.yoy.value));
  const movers = {
    up: growing.filter((p) => Number(p.yoy.value) > 0).slice(0, MOVERS),
    down: growing
      .filter((p) => Number(p.yoy.value) < 0)
      .reverse()
      .slice(0, MOVERS),
  };

  const monthly = (y: number) =>
    Array.from({ length: 12 }, (_, i) => {
      const o = find('M', 'GO_CONST', `${y}-${pad(i + 1)}`);
      return o && o.OBS_VALUE !== '' ? Number(o.OBS_VALUE) : null;
    });

  const monthStatus = statuses.at(-1)?.status ?? 'open';
  const provisional = statuses.some((s) => s.status !== 'approved' && s.status !== 'published');
  const imputed = Object.values(headline).some((f) => f.status === 'E');

  return {
    area: { code: area.code, name: area.name, nameEn: area.nameEn },
    period,
    months,
    periodStatus: monthStatus,
    provisional,
    imputed,
    dataAsOf: (await inputsChangedAt(db)) ?? new Date().toISOString(),
    baseYear: main.baseYear,
    headline,
    products: productList,
    trend: { year, thisYear: monthly(year), lastYear: monthly(year - 1) },
    movers,
  };
}

const historyMemo = versionedMemo(
  statisticsVersion,
  (db, k: { q: { area: string; period: string }; opts: Options }) => computeHistory(db, k.q, k.opts),
);

/** GO_CONST for January–month of the last years, by section (the area itself) and by sub-area. */
export async function dashboardHistory(
  db: Db,
  q: { area: string; period: string },
  opts: Options,
): Promise<DashboardHistoryDto> {
  return historyMemo(db, await memoKey(db, { area: q.area, period: q.period }, opts));
}

async function computeHistory(
  db: Db,
  q: { area: string; period: string },
  opts: Options,
): Promise<DashboardHistoryDto> {
  const [area] = await findAreas(db, [q.area]);
  if (!area) throw new AppError('area.unknown', { code: q.area });
  const year = Number(q.period.slice(0, 4));
  const month = Number(q.period.slice(5, 7));
  const common = {
    area: q.area,
    imputation: true,
    baseYear: opts.baseYear,
    indicator: ['GO_CONST'],
    from: `${year - YEARS_BACK}-${pad(month)}`,
    to: q.period,
    freq: ['YTD'],
  };
  const o = { baseYearDefault: opts.baseYear, embargo: opts.embargo };
  // Two narrow queries: sections of the area itself, and the total of each sub-area valid in each year.
  const bySection = await computeIndicators(
    db,
    { ...common, activity: Object.keys(SECTION_NAMES), subAreas: false } as Parameters<
      typeof computeIndicators
    >[1],
    o,
  );
  const byArea = await computeIndicators(
    db,
    { ...common, activity: ['_T'], subAreas: true } as Parameters<typeof computeIndicators>[1],
    o,
  );
  const allYears = Array.from({ length: YEARS_BACK + 1 }, (_, i) => String(year - YEARS_BACK + i));
  const hist = [...bySection.observations, ...byArea.observations].filter(
    (x) => x.INDICATOR === 'GO_CONST' && x.PRODUCT === '_T' && x.TIME_PERIOD.slice(5) === pad(month),
  );
  const years = allYears.filter((y) =>
    hist.some((x) => x.TIME_PERIOD.startsWith(`${y}-`) && Number(x.OBS_VALUE) > 0),
  );
  const cellOf = (areaCode: string, activity: string, y: string) => {
    const x = hist.find(
      (v) => v.REF_AREA === areaCode && v.ACTIVITY === activity && v.TIME_PERIOD.startsWith(`${y}-`),
    );
    return x && x.OBS_VALUE !== '' ? Number(x.OBS_VALUE) : null;
  };
  const sections = Object.entries(SECTION_NAMES)
    .map(([code, name]) => ({ code, name, values: years.map((y) => cellOf(q.area, code, y)) }))
    .filter((s) => s.values.some((v) => v !== null && v !== 0));
  const subCodes = [...new Set(hist.filter((x) => x.REF_AREA !== q.area).map((x) => x.REF_AREA))];
  const subAreas = await findAreas(db, subCodes);
  const areas = subAreas
    .map((a) => ({
      code: a.code,
      name: { vi: a.name, en: a.nameEn },
      validTo: a.validTo,
      successorCode: a.successorCode,
      values: years.map((y) => cellOf(a.code, '_T', y)),
    }))
    .filter((a) => a.values.some((v) => v !== null && v !== 0))
    .sort((a, b) => (b.values.at(-1) ?? 0) - (a.values.at(-1) ?? 0));
  return { area: q.area, period: q.period, years, sections, areas };
}

/** The table as shown, as an XLSX workbook: title, notes, a bold header, numbers as numbers. */
export async function tableToXlsx(input: TableExportInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bước Tiến';
  const ws = wb.addWorksheet(input.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' ') || 'Sheet1');
  ws.addRow([input.title]).font = { bold: true, size: 13 };
  for (const n of input.notes) ws.addRow([n]).font = { italic: true, color: { argb: 'FF555555' } };
  if (input.notes.length || input.title) ws.addRow([]);
  const header = ws.addRow(input.header);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF6' } };
    c.border = { bottom: { style: 'thin' } };
  });
  for (const r of input.rows) ws.addRow(r);
  input.header.forEach((h, i) => {
    const widest = Math.max(h.length, ...input.rows.slice(0, 500).map((r) => String(r[i] ?? '').length));
    ws.getColumn(i + 1).width = Math.min(60, Math.max(10, widest + 2));
  });
  ws.views = [{ state: 'frozen', ySplit: header.number }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
