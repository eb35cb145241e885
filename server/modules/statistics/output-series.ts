import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';

/**
 * Per-enterprise gross output at constant prices (GO_CONST of statistics.md §2, restricted to one
 * enterprise): Σ_p q(p,e,m) × P_B(p). Used by other modules (industrial extension: the output of a supported
 * enterprise set against its unsupported peers).
 *
 * - q is the enterprise's latest revision: stat_reports holds the current figure of each
 *   enterprise × month × product (earlier revisions live in stat_report_revisions and are not read).
 * - Reported figures only: no imputation (§4 imputes for the province's aggregates; an enterprise's own
 *   series shows what it reported, and the month count says how complete a year is).
 * - A product with no base price for B is left out of the value and counted in `unpricedRows` (§2).
 * - Enterprises are chosen by id, and/or by the enterprise VSIC class copied onto each row at report time
 *   (`ent_vsic`, the "enterprises whose main activity is…" filter), minus `excludeEnterpriseIds`.
 */
export interface EnterpriseOutputQuery {
  enterpriseIds?: string[];
  /** Every enterprise whose main activity (as reported) is this VSIC class (4 digits). */
  entVsic?: string;
  excludeEnterpriseIds?: string[];
  /** Months `yyyymm`, inclusive. */
  fromYm: number;
  toYm: number;
  baseYear: number;
}

export interface EnterpriseOutputMonth {
  enterpriseId: string;
  ym: number;
  /** GO at constant prices of `baseYear`, VND, exact decimal string. */
  goConstVnd: string;
  /** Report rows (products) in the month, and how many of them have no base price (left out). */
  rows: number;
  unpricedRows: number;
}

export interface EnterpriseOutputYear {
  enterpriseId: string;
  year: number;
  goConstVnd: string;
  /** Months of the year with at least one report row (12 = a complete year). */
  months: number;
  unpricedRows: number;
}

const uuids = (ids: string[]) => sql`${sql.param(ids)}::uuid[]`;

function where(q: EnterpriseOutputQuery): SQL {
  const parts: SQL[] = [sql`r.ym between ${q.fromYm} and ${q.toYm}`];
  if (q.enterpriseIds) parts.push(sql`r.enterprise_id = any(${uuids(q.enterpriseIds)})`);
  if (q.entVsic) parts.push(sql`r.ent_vsic = ${q.entVsic}`);
  if (q.excludeEnterpriseIds?.length)
    parts.push(sql`not (r.enterprise_id = any(${uuids(q.excludeEnterpriseIds)}))`);
  return sql.join(parts, sql` and `);
}

/** Monthly GO at constant prices per enterprise, oldest month first. */
export async function enterpriseOutputSeries(
  db: Db,
  q: EnterpriseOutputQuery,
): Promise<EnterpriseOutputMonth[]> {
  if (q.enterpriseIds && q.enterpriseIds.length === 0) return [];
  const res = await db.execute(sql`
    select r.enterprise_id::text as enterprise_id, r.ym,
      coalesce(sum(r.quantity * p.base_price_vnd), 0)::text as go,
      count(*)::int as n, count(*) filter (where p.base_price_vnd is null)::int as unpriced
    from stat_reports r
      left join stat_product_prices p on p.product_code = r.product_code and p.base_year = ${q.baseYear}
    where ${where(q)}
    group by r.enterprise_id, r.ym
    order by r.enterprise_id, r.ym`);
  return (
    res as unknown as {
      rows: { enterprise_id: string; ym: number; go: string; n: number; unpriced: number }[];
    }
  ).rows.map((r) => ({
    enterpriseId: r.enterprise_id,
    ym: Number(r.ym),
    goConstVnd: trim(r.go),
    rows: Number(r.n),
    unpricedRows: Number(r.unpriced),
  }));
}

/** The same, summed by calendar year (with the number of months reported). */
export async function enterpriseOutputByYear(
  db: Db,
  q: Omit<EnterpriseOutputQuery, 'fromYm' | 'toYm'> & { fromYear: number; toYear: number },
): Promise<EnterpriseOutputYear[]> {
  const { fromYear, toYear, ...rest } = q;
  if (rest.enterpriseIds && rest.enterpriseIds.length === 0) return [];
  const res = await db.execute(sql`
    select enterprise_id, ym / 100 as year, sum(go)::text as go, count(*)::int as months,
      sum(unpriced)::int as unpriced
    from (
      select r.enterprise_id::text as enterprise_id, r.ym,
        coalesce(sum(r.quantity * p.base_price_vnd), 0) as go,
        count(*) filter (where p.base_price_vnd is null) as unpriced
      from stat_reports r
        left join stat_product_prices p on p.product_code = r.product_code and p.base_year = ${q.baseYear}
      where ${where({ ...rest, fromYm: fromYear * 100 + 1, toYm: toYear * 100 + 12 })}
      group by r.enterprise_id, r.ym) m
    group by enterprise_id, ym / 100
    order by enterprise_id, year`);
  return (
    res as unknown as {
      rows: { enterprise_id: string; year: number; go: string; months: number; unpriced: number }[];
    }
  ).rows.map((r) => ({
    enterpriseId: r.enterprise_id,
    year: Number(r.year),
    goConstVnd: trim(r.go),
    months: Number(r.months),
    unpricedRows: Number(r.unpriced),
  }));
}

/** '123.450000' → '123.45', '120.000000' → '120'. */
function trim(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
