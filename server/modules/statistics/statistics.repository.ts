import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';

/**
 * LIVE AGGREGATES (statistics.md §2–§4; docs/statistics-engine.md).
 *
 * Every write of report figures goes through `writeFacts`, which in the SAME transaction:
 *  1. takes one advisory lock for statistics writes (so that the deltas below are computed on a stable state);
 *  2. keeps only the rows whose figure actually changes (re-importing a file changes nothing);
 *  3. subtracts the OLD contributions of everything the change touches, writes the rows (and their
 *     revision history), then adds the NEW contributions — so each aggregate moves by new − old:
 *       - the figure itself          → stat_agg / stat_agg_ap (qty, value, n) at its own month and dims;
 *       - the pair (m−12, m) for the month itself and for m+12 (§4):
 *           both reported            → stat_agg_ratio(m, p): num += q(m), den += q(m−12)  (province-wide r)
 *           m−12 only, panel         → stat_agg(_ap) at m: miss_qty += q(m−12) (+ value, counts)
 *       - the enterprise-month       → stat_agg_received (≥ 1 row in the month).
 * Reads then take Σ over small aggregate cells: imputed(p, m, filter) = r(p, m) × Σ miss_qty(filter), exact
 * because the imputed figure of each enterprise is q(m−12) × r with one r per product and month.
 * Nothing reads report rows to compute an indicator; only the traceability API does.
 */

export interface FactInput {
  enterpriseId: string;
  ym: number;
  productCode: string;
  quantity: string;
  valueVnd: string | null;
  comment: string | null;
  warnings: string[];
}

export interface WriteMeta {
  source: 'web' | 'import' | 'staff';
  actorUserId: string | null;
  via: string;
}

const LOCK_KEY = 7_412_014;
const CHUNK = 20_000;

const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;

/** BT_STAT_PROFILE=1: time every statement of the write path (printed per call of writeFacts). */
const PROFILE = Boolean(process.env.BT_STAT_PROFILE);
const profile = new Map<string, number>();
function profiled(tx: Db): Db {
  if (!PROFILE) return tx;
  return new Proxy(tx, {
    get(target, prop, recv) {
      if (prop !== 'execute') return Reflect.get(target, prop, recv);
      return async (q: SQL) => {
        const t0 = performance.now();
        const r = await target.execute(q);
        const text = (q as unknown as { queryChunks: unknown[] }).queryChunks
          .map((c) => (c as { value?: string[] } | null)?.value?.join('') ?? '?')
          .join('')
          .replace(/\s+/g, ' ')
          .slice(0, 70);
        profile.set(text, (profile.get(text) ?? 0) + performance.now() - t0);
        return r;
      };
    },
  });
}
function printProfile() {
  if (!PROFILE) return;
  for (const [k, v] of [...profile].sort((a, b) => b[1] - a[1]))
    console.error(`${v.toFixed(0).padStart(7)} ms  ${k}`);
  profile.clear();
}

async function contributions(tx: Db, sign: 1 | -1): Promise<void> {
  const s = sql.raw(String(sign));
  await tx.execute(sql`
    insert into _st_d
    select r.ym, r.area_code, r.ownership, r.ent_vsic, r.product_code,
      ${s} * r.quantity, ${s} * coalesce(r.value_vnd, 0), ${s} * (r.value_vnd is not null)::int, ${s}, 0, 0, 0, 0
    from _st_chg c join stat_reports r
      on r.enterprise_id = c.enterprise_id and r.ym = c.ym and r.product_code = c.product_code`);
  await tx.execute(sql`
    insert into _st_d
    select k.ym, a.area_code, a.ownership, a.ent_vsic, k.product_code, 0, 0, 0, 0,
      ${s} * a.quantity, ${s} * coalesce(a.value_vnd, 0), ${s} * (a.value_vnd is not null)::int, ${s}
    from _st_pairs k join stat_reports a
      on a.enterprise_id = k.enterprise_id and a.product_code = k.product_code and a.ym = k.ym - 100
    where a.in_panel and not exists (
      select 1 from stat_reports b
      where b.enterprise_id = k.enterprise_id and b.product_code = k.product_code and b.ym = k.ym)`);
  await tx.execute(sql`
    insert into _st_r
    select k.ym, k.product_code, ${s} * b.quantity, ${s} * a.quantity, ${s}
    from _st_pairs k
      join stat_reports a on a.enterprise_id = k.enterprise_id and a.product_code = k.product_code and a.ym = k.ym - 100
      join stat_reports b on b.enterprise_id = k.enterprise_id and b.product_code = k.product_code and b.ym = k.ym`);
  await tx.execute(sql`
    insert into _st_rc
    select x.ym, r.area_code, r.ownership, r.ent_vsic, r.in_panel, ${s}
    from (select distinct enterprise_id, ym from _st_chg) x
    cross join lateral (
      select area_code, ownership, ent_vsic, in_panel from stat_reports r
      where r.enterprise_id = x.enterprise_id and r.ym = x.ym order by product_code limit 1) r`);
}

const MEASURES = ['qty', 'value', 'value_n', 'n', 'miss_qty', 'miss_value', 'miss_value_n', 'miss_n'];

async function applyDeltas(tx: Db): Promise<void> {
  const sums = sql.raw(MEASURES.map((m) => `sum(${m})`).join(', '));
  const cols = sql.raw(MEASURES.join(', '));
  const nonZero = sql.raw(MEASURES.map((m) => `sum(${m}) <> 0`).join(' or '));
  const set = (t: string) => sql.raw(MEASURES.map((m) => `${m} = ${t}.${m} + excluded.${m}`).join(', '));
  await tx.execute(sql`
    insert into stat_agg (ym, area_code, ownership, ent_vsic, product_code, ${cols})
    select ym, area_code, ownership, ent_vsic, product_code, ${sums} from _st_d
    group by 1, 2, 3, 4, 5 having ${nonZero}
    on conflict (ym, area_code, ownership, ent_vsic, product_code) do update set ${set('stat_agg')}`);
  await tx.execute(sql`
    insert into stat_agg_ap (ym, area_code, product_code, ${cols})
    select ym, area_code, product_code, ${sums} from _st_d
    group by 1, 2, 3 having ${nonZero}
    on conflict (ym, area_code, product_code) do update set ${set('stat_agg_ap')}`);
  await tx.execute(sql`
    insert into stat_agg_ratio (ym, product_code, num, den, pairs)
    select ym, product_code, sum(num), sum(den), sum(pairs) from _st_r
    group by 1, 2 having sum(num) <> 0 or sum(den) <> 0 or sum(pairs) <> 0
    on conflict (ym, product_code) do update set num = stat_agg_ratio.num + excluded.num,
      den = stat_agg_ratio.den + excluded.den, pairs = stat_agg_ratio.pairs + excluded.pairs`);
  await tx.execute(sql`
    insert into stat_agg_received (ym, area_code, ownership, ent_vsic, in_panel, n)
    select ym, area_code, ownership, ent_vsic, in_panel, sum(n) from _st_rc
    group by 1, 2, 3, 4, 5 having sum(n) <> 0
    on conflict (ym, area_code, ownership, ent_vsic, in_panel) do update set n = stat_agg_received.n + excluded.n`);
}

async function tempTables(tx: Db): Promise<void> {
  await tx.execute(sql`create temp table if not exists _st_in (
    enterprise_id uuid, ym int, product_code text, quantity numeric, value_vnd numeric, comment text, warnings jsonb
  ) on commit drop`);
  await tx.execute(sql`create temp table if not exists _st_d (
    ym int, area_code text, ownership text, ent_vsic text, product_code text,
    qty numeric, value numeric, value_n int, n int, miss_qty numeric, miss_value numeric, miss_value_n int, miss_n int
  ) on commit drop`);
  await tx.execute(sql`create temp table if not exists _st_r (
    ym int, product_code text, num numeric, den numeric, pairs int) on commit drop`);
  await tx.execute(sql`create temp table if not exists _st_rc (
    ym int, area_code text, ownership text, ent_vsic text, in_panel boolean, n int) on commit drop`);
  await tx.execute(sql`truncate _st_in, _st_d, _st_r, _st_rc`);
}

/** Write report figures (new rows and revisions) and move every aggregate by new − old. Call inside a transaction. */
export async function writeFacts(
  tx: Db,
  facts: FactInput[],
  meta: WriteMeta,
  onChunk: (done: number) => void = () => {},
): Promise<{ inserted: number; updated: number; unchanged: number }> {
  tx = profiled(tx);
  const result = { inserted: 0, updated: 0, unchanged: 0 };
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
  for (let i = 0; i < facts.length; i += CHUNK) {
    const part = facts.slice(i, i + CHUNK);
    await tempTables(tx);
    await tx.execute(sql`insert into _st_in
      select * from unnest(${sql.param(part.map((f) => f.enterpriseId))}::uuid[], ${sql.param(part.map((f) => f.ym))}::int[],
        ${sql.param(part.map((f) => f.productCode))}::text[], ${sql.param(part.map((f) => f.quantity))}::numeric[],
        ${sql.param(part.map((f) => f.valueVnd))}::numeric[], ${sql.param(part.map((f) => f.comment))}::text[],
        ${sql.param(part.map((f) => JSON.stringify(f.warnings)))}::jsonb[])`);
    await tx.execute(sql`drop table if exists _st_chg`);
    await tx.execute(sql`create temp table _st_chg on commit drop as
      select i.*, e.area_code, e.ownership, e.vsic as ent_vsic, e.reports_monthly as in_panel,
        r.id as report_id, r.quantity as old_q, r.value_vnd as old_v
      from _st_in i join enterprises e on e.id = i.enterprise_id
      left join stat_reports r on r.enterprise_id = i.enterprise_id and r.ym = i.ym and r.product_code = i.product_code
      where r.id is null or r.quantity <> i.quantity or r.value_vnd is distinct from i.value_vnd`);
    const [counts] = rows<{ ins: number; upd: number }>(
      await tx.execute(
        sql`select count(*) filter (where report_id is null)::int as ins, count(report_id)::int as upd from _st_chg`,
      ),
    );
    result.inserted += counts!.ins;
    result.updated += counts!.upd;
    result.unchanged += part.length - counts!.ins - counts!.upd;
    if (counts!.ins + counts!.upd > 0) {
      await tx.execute(sql`drop table if exists _st_pairs`);
      await tx.execute(sql`create temp table _st_pairs on commit drop as
        select distinct enterprise_id, product_code, ym from (
          select enterprise_id, product_code, ym from _st_chg
          union all select enterprise_id, product_code, ym + 100 from _st_chg) x`);
      // Big batches: fresh temp tables and a fast-growing stat_reports have no statistics, and without them
      // the planner nests loops over whole tables (measured: 40 s instead of 5 s for 48,000 rows).
      if (part.length >= 1000) {
        await tx.execute(sql`analyze _st_chg`);
        await tx.execute(sql`analyze _st_pairs`);
        await tx.execute(sql`analyze stat_reports`);
      }
      await contributions(tx, -1);
      const review = sql`case when jsonb_array_length(c.warnings) > 0 then 'pending' else 'none' end`;
      await tx.execute(sql`
        update stat_reports r set quantity = c.quantity, value_vnd = c.value_vnd, source = ${meta.source},
          comment = c.comment, warnings = c.warnings, review_status = ${review}, revision = r.revision + 1,
          updated_by = ${meta.actorUserId}, updated_at = now()
        from _st_chg c where r.id = c.report_id`);
      await tx.execute(sql`
        insert into stat_reports (enterprise_id, ym, product_code, quantity, value_vnd, area_code, ownership,
          ent_vsic, in_panel, source, comment, warnings, review_status, revision, updated_by)
        select c.enterprise_id, c.ym, c.product_code, c.quantity, c.value_vnd, c.area_code, c.ownership, c.ent_vsic,
          c.in_panel, ${meta.source}, c.comment, c.warnings, ${review}, 1, ${meta.actorUserId}
        from _st_chg c where c.report_id is null`);
      await tx.execute(sql`
        insert into stat_report_revisions (report_id, revision, quantity_old, value_old, quantity_new, value_new,
          source, comment, actor_user_id, via)
        select r.id, r.revision, c.old_q, c.old_v, r.quantity, r.value_vnd, ${meta.source}, c.comment,
          ${meta.actorUserId}, ${meta.via}
        from _st_chg c join stat_reports r
          on r.enterprise_id = c.enterprise_id and r.ym = c.ym and r.product_code = c.product_code`);
      await contributions(tx, 1);
      await applyDeltas(tx);
    }
    onChunk(Math.min(i + CHUNK, facts.length));
  }
  printProfile();
  return result;
}

/** Rebuild every aggregate from the report rows (after a registry change or a restore); same results as the live path. */
export async function rebuildAggregates(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
  await tx.execute(sql`truncate stat_agg, stat_agg_ap, stat_agg_ratio, stat_agg_received`);
  await tempTables(tx);
  await tx.execute(sql`drop table if exists _st_chg`);
  await tx.execute(sql`create temp table _st_chg on commit drop as
    select enterprise_id, ym, product_code from stat_reports`);
  await tx.execute(sql`drop table if exists _st_pairs`);
  await tx.execute(sql`create temp table _st_pairs on commit drop as
    select distinct enterprise_id, product_code, ym from (
      select enterprise_id, product_code, ym from stat_reports
      union all select enterprise_id, product_code, ym + 100 from stat_reports) x`);
  await contributions(tx, 1);
  await applyDeltas(tx);
}

// ---- reads (aggregates only) ----

export interface AggFilter {
  areaCodes: string[];
  months: number[];
  products?: string[] | null;
  ownership?: string | null;
  entVsic?: SQL | null;
}

export interface AggRow {
  ym: number;
  area_code: string;
  product_code: string;
  qty: string;
  value: string;
  value_n: number;
  n: number;
  miss_qty: string;
  miss_value: string;
  miss_value_n: number;
  miss_n: number;
}

export async function readCells(db: Db, f: AggFilter): Promise<AggRow[]> {
  if (!f.areaCodes.length || !f.months.length) return [];
  const detailed = Boolean(f.ownership || f.entVsic);
  const table = sql.raw(detailed ? 'stat_agg' : 'stat_agg_ap');
  const conds: SQL[] = [
    sql`ym = any(${sql.param(f.months)}::int[])`,
    sql`area_code = any(${sql.param(f.areaCodes)}::text[])`,
  ];
  if (f.products) conds.push(sql`product_code = any(${sql.param(f.products)}::text[])`);
  if (f.ownership) conds.push(sql`ownership = ${f.ownership}`);
  if (f.entVsic) conds.push(f.entVsic);
  return rows<AggRow>(
    await db.execute(sql`
      select ym, area_code, product_code, sum(qty)::text as qty, sum(value)::text as value,
        sum(value_n)::int as value_n, sum(n)::int as n, sum(miss_qty)::text as miss_qty,
        sum(miss_value)::text as miss_value, sum(miss_value_n)::int as miss_value_n, sum(miss_n)::int as miss_n
      from ${table} where ${sql.join(conds, sql` and `)}
      group by ym, area_code, product_code`),
  );
}

export async function readRatios(db: Db, months: number[]) {
  if (!months.length) return [];
  return rows<{ ym: number; product_code: string; num: string; den: string }>(
    await db.execute(sql`select ym, product_code, num::text, den::text from stat_agg_ratio
      where ym = any(${sql.param(months)}::int[]) and pairs > 0`),
  );
}

/** The version of everything the figures are computed from (stat_input_versions; bumped by triggers). */
export async function inputVersion(db: Db): Promise<string> {
  const [r] = rows<{ v: string }>(
    await db.execute(sql`select coalesce(sum(v), 0)::text as v from stat_input_versions`),
  );
  return r?.v ?? '0';
}

export async function maxReportedYm(db: Db): Promise<number | null> {
  const [r] = rows<{ m: number | null }>(
    await db.execute(sql`select max(ym) as m from stat_agg_ap where n > 0`),
  );
  return r?.m ?? null;
}

export async function readReceived(db: Db, f: AggFilter) {
  if (!f.areaCodes.length || !f.months.length) return [];
  const conds: SQL[] = [
    sql`ym = any(${sql.param(f.months)}::int[])`,
    sql`area_code = any(${sql.param(f.areaCodes)}::text[])`,
    sql`in_panel`,
  ];
  if (f.ownership) conds.push(sql`ownership = ${f.ownership}`);
  if (f.entVsic) conds.push(f.entVsic);
  return rows<{ ym: number; area_code: string; n: number }>(
    await db.execute(sql`select ym, area_code, sum(n)::int as n from stat_agg_received
      where ${sql.join(conds, sql` and `)} group by ym, area_code`),
  );
}

/** Panel enterprises in the filter, by area (current registry). */
export async function panelCounts(db: Db, areaCodes: string[], ownership?: string | null, vsic?: SQL | null) {
  if (!areaCodes.length) return [];
  const conds: SQL[] = [
    sql`reports_monthly`,
    sql`status = 'active'`,
    sql`area_code = any(${sql.param(areaCodes)}::text[])`,
  ];
  if (ownership) conds.push(sql`ownership = ${ownership}`);
  if (vsic) conds.push(vsic);
  return rows<{ area_code: string; n: number }>(
    await db.execute(
      sql`select area_code, count(*)::int as n from enterprises where ${sql.join(conds, sql` and `)} group by area_code`,
    ),
  );
}
