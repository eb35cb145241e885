import { sql } from 'drizzle-orm';
import type { AnnualReport, AnnualReportQuery, AnnualReportRow } from '../../../contracts/statistics';
import { vsicSection } from '../../../contracts/vsic';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { versionedMemo } from '../../platform/memo';
import { findAreas } from '../areas';
import { floatText } from './decimal';
import { yearMonths } from './period';
import * as repo from './statistics.repository';
import { loadProducts, periodStatuses, subAreasValid, territoryCodes } from './statistics.service';

/**
 * The annual report (issue 3's benchmark workload): every §2 figure of a year — OUTPUT_QTY (per product),
 * GO_CONST, GO_CUR, each with its YoY, and REPORTING_RATE — by month and for the year, for an area and each
 * of its sub-areas, for all industry, each VSIC section and each product.
 *
 * Set-based: ONE GROUP BY over the live aggregate `stat_agg_ap` (months × leaf areas × products, never
 * report rows), joined to the ratios of §4 and to base prices, rolled up with GROUPING SETS, and the year
 * before joined for YoY. Same semantics as `computeIndicators` (imputation = r × Σ miss_qty rounded to 6
 * decimals per month × product × filter; a product-month counts when it has a reported or imputed figure;
 * GO_CONST leaves out unpriced products; GO_CUR counts only figures with a value), rolled up in two stages
 * (the months with GROUPING SETS, then the year from the months).
 * The result is kept per data version (`versionedMemo` over `stat_input_versions`, which every write to an
 * input bumps in its own transaction): a write is visible to the next call, which computes again; calls
 * while nothing changed get the result computed at that version.
 * The IIP is not part of this report (it stays in `computeIndicators`/export).
 */
export function annualReport(
  db: Db,
  q: AnnualReportQuery,
  opts: { baseYearDefault: number },
): Promise<AnnualReport> {
  const key = {
    area: q.area,
    year: q.year,
    baseYear: q.baseYear ?? opts.baseYearDefault,
    imputation: q.imputation,
    subAreas: q.subAreas,
  };
  return memo(db, key);
}

/** At most 8 reports kept (one is ~10⁴–10⁵ rows). */
const memo = versionedMemo(
  repo.inputVersion,
  (db, q: Required<AnnualReportQuery>) =>
    db.transaction(async (tx) => {
      // The roll-up hashes ~10⁵ cells; the default 4 MB would sort them on disk instead.
      await tx.execute(sql`set local work_mem = '64MB'`);
      return compute(tx, q);
    }),
  8,
);

async function compute(db: Db, q: Required<AnnualReportQuery>): Promise<AnnualReport> {
  const [area] = await findAreas(db, [q.area]);
  if (!area) throw new AppError('area.unknown', { code: q.area });
  const baseYear = q.baseYear;
  const y = q.year;
  const from = y * 100 + 1;
  const to = y * 100 + 12;

  const outs: { code: string; codes: string[] }[] = [
    { code: q.area, codes: await territoryCodes(db, q.area) },
  ];
  if (q.subAreas)
    for (const s of await subAreasValid(db, q.area, from, to))
      outs.push({ code: s.code, codes: await territoryCodes(db, s.code) });
  const mapOut = outs.flatMap((o) => o.codes.map(() => o.code));
  const mapCode = outs.flatMap((o) => o.codes);

  const products = await loadProducts(db);
  const pCode: string[] = [];
  const pSection: string[] = [];
  const pPrice: (string | null)[] = [];
  for (const p of products.values()) {
    pCode.push(p.code);
    pSection.push(vsicSection(p.vsic) ?? '_X');
    const price = p.prices.get(baseYear);
    pPrice.push(price === undefined ? null : microText(price));
  }
  const imputation = q.imputation;

  const figRows = await db.execute(sql`
      with amap as (
        select * from unnest(${sql.param(mapOut)}::text[], ${sql.param(mapCode)}::text[]) as m(out_area, area_code)),
      prod as (
        select * from unnest(${sql.param(pCode)}::text[], ${sql.param(pSection)}::text[], ${sql.param(pPrice)}::numeric[])
          as p(code, section, price)),
      mx as (select max(ym) as m from stat_agg_ap where n > 0),
      cells as (
        select m.out_area, a.ym, a.product_code, sum(a.qty) as qty, sum(a.value) as val, sum(a.value_n) as value_n,
          sum(a.n) as n, sum(a.miss_qty) as miss_qty, sum(a.miss_value) as miss_value,
          sum(a.miss_value_n) as miss_value_n, sum(a.miss_n) as miss_n
        from stat_agg_ap a join amap m on m.area_code = a.area_code
        where a.ym between ${from - 100} and ${to}
        group by 1, 2, 3),
      imp as (
        select c.*, (${imputation}::boolean and c.miss_n > 0 and c.ym <= mx.m) as on_,
          coalesce(x.num, 1) as num, coalesce(x.den, 1) as den
        from cells c cross join mx
        left join stat_agg_ratio x on x.ym = c.ym and x.product_code = c.product_code and x.pairs > 0 and x.den > 0),
      fig as (
        select i.out_area, i.product_code, p.section, f.prev,
          i.ym + case when f.prev then 100 else 0 end as per,
          case when on_ then miss_n else 0 end as imputed, f.qty, round(f.qty * p.price, 6) as go,
          case when value_n > 0 or (on_ and miss_value_n > 0)
            then val + case when on_ then round(miss_value * num / den, 6) else 0 end end as cur
        from imp i join prod p on p.code = i.product_code
        cross join lateral (select i.ym < ${from} as prev,
          qty + case when on_ then round(miss_qty * num / den, 6) else 0 end as qty) f
        where n > 0 or on_),
      gm as (
        select f.out_area, f.per, grouping(f.section, f.product_code) as lvl,
          coalesce(f.section, '_T') as section, coalesce(f.product_code, '_T') as product,
          sum(f.qty) filter (where not f.prev) as qty, sum(f.qty) filter (where f.prev) as qty_b,
          sum(f.go) filter (where not f.prev) as go, sum(f.go) filter (where f.prev) as go_b,
          sum(f.cur) filter (where not f.prev) as cur, sum(f.cur) filter (where f.prev) as cur_b,
          sum(f.imputed) filter (where not f.prev) as imputed, count(*) filter (where not f.prev) as cnt
        from fig f
        group by grouping sets ((f.out_area, f.per, f.section, f.product_code), (f.out_area, f.per, f.section),
          (f.out_area, f.per))),
      g as (
        select out_area, per, lvl, section, product, qty, qty_b, go, go_b, cur, cur_b,
          coalesce(imputed, 0)::int as imputed
        from gm where cnt > 0
        union all
        select out_area, per / 100 * 100, lvl, section, product, sum(qty), sum(qty_b), sum(go), sum(go_b),
          sum(cur), sum(cur_b), coalesce(sum(imputed), 0)::int
        from gm group by out_area, per / 100 * 100, lvl, section, product having sum(cnt) > 0),
      r as (
        select out_area, per, lvl, section, product, imputed,
          trim_scale(qty)::text as qty, trim_scale(go)::text as go, trim_scale(cur)::text as cur,
          qty::float8 / nullif(qty_b, 0)::float8 * 100 - 100 as qty_yoy,
          go::float8 / nullif(go_b, 0)::float8 * 100 - 100 as go_yoy,
          cur::float8 / nullif(cur_b, 0)::float8 * 100 - 100 as cur_yoy
        from g)
      select * from r`);
  const maxYm = await repo.maxReportedYm(db);
  const statuses = await periodStatuses(db, yearMonths(y));
  const received = await repo.readReceived(db, { areaCodes: [...new Set(mapCode)], months: yearMonths(y) });
  const panel = await repo.panelCounts(db, [...new Set(mapCode)]);

  const provisional = (m: number) => {
    const s = statuses.get(m) ?? 'open';
    return s !== 'approved' && s !== 'published';
  };
  const yearProvisional = yearMonths(y).some(provisional);
  const f = (x: number | null) => (x === null || !Number.isFinite(x) ? null : floatText(x));
  const out: AnnualReportRow[] = [];
  // REPORTING_RATE of all industry in each area: received / expected over the months due (≤ latest report).
  const rateOf = new Map<string, (ms: number[]) => string | null>();
  for (const o of outs) {
    const codes = new Set(o.codes);
    const expected = panel.filter((p) => codes.has(p.area_code)).reduce((s, p) => s + p.n, 0);
    const rec = new Map<number, number>();
    for (const r of received) if (codes.has(r.area_code)) rec.set(r.ym, (rec.get(r.ym) ?? 0) + r.n);
    rateOf.set(o.code, (ms) => {
      const due = ms.filter((m) => maxYm !== null && m <= maxYm);
      const e = expected * due.length;
      return e === 0 ? null : floatText((due.reduce((s, m) => s + (rec.get(m) ?? 0), 0) / e) * 100);
    });
  }
  type Fig = {
    out_area: string;
    per: number;
    lvl: number;
    section: string;
    product: string;
    imputed: number;
    qty: string | null;
    go: string | null;
    cur: string | null;
    qty_yoy: number | null;
    go_yoy: number | null;
    cur_yoy: number | null;
  };
  for (const r of (figRows as unknown as { rows: Fig[] }).rows) {
    const annual = r.per % 100 === 0;
    const byProduct = r.lvl === 0;
    const months = annual ? yearMonths(y) : [r.per];
    out.push({
      area: r.out_area,
      freq: annual ? 'A' : 'M',
      period: annual ? String(y) : `${y}-${String(r.per % 100).padStart(2, '0')}`,
      activity: byProduct || r.lvl === 3 ? '_T' : r.section,
      product: byProduct ? r.product : '_T',
      outputQty: byProduct ? r.qty : null,
      outputQtyYoy: byProduct ? f(r.qty_yoy) : null,
      goConst: r.go,
      goConstYoy: f(r.go_yoy),
      goCur: r.cur,
      goCurYoy: f(r.cur_yoy),
      reportingRate: r.lvl === 3 ? rateOf.get(r.out_area)!(months) : null,
      imputed: r.imputed,
      provisional: annual ? yearProvisional : provisional(r.per),
    });
  }
  return { year: y, baseYear, imputation, rows: out };
}

function microText(v: bigint): string {
  const neg = v < 0n;
  const a = neg ? -v : v;
  return `${neg ? '-' : ''}${a / 1_000_000n}.${(a % 1_000_000n).toString().padStart(6, '0')}`;
}
