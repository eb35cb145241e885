import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';

/**
 * LIVE AGGREGATES (statistics.md §2–§4; docs/statistics-engine.md).
 *
 * Every write of report figures goes through `writeFacts`, which in the SAME transaction:
 *  1. takes one advisory lock for statistics writes (so that the deltas below are computed on a stable state);
 *  2. keeps only the rows whose figure actually changes (re-importing a file changes nothing);
 *  3. reads the state BEFORE of everything the change touches (the neighbourhood, `_st_nb`), derives the
 *     state AFTER, writes the rows (and their revision history) and moves each aggregate by after − before:
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
/** Rows per batch inside one write (BT_STAT_CHUNK to change it: memory against round trips). */
const chunkRows = () => Number(process.env.BT_STAT_CHUNK) || 100_000;

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

const MEASURES = ['qty', 'value', 'value_n', 'n', 'miss_qty', 'miss_value', 'miss_value_n', 'miss_n'];

/**
 * The temp tables of a write (dropped at commit); the first five hold one batch:
 *  _st_in   the batch as given;
 *  _st_chg  the rows whose figure changes, with the old figure (null when new) and the dims the row has
 *           (an existing row keeps the dims it was written with; a new one takes the enterprise's now);
 *  _st_nb   the neighbourhood: every key whose pairs the change touches (the changed keys and the same
 *           months a year before and after), with its figure and dims BEFORE (…0) and AFTER (…1) the batch;
 *  _st_pk   the pairs (enterprise, product, month m) to evaluate: (m − 12, m) for m in the batch and m + 12;
 *  _st_em   the enterprise-months that gain a row (only they can change stat_agg_received);
 *  _st_d, _st_r, _st_rc  the deltas of stat_agg(_ap), stat_agg_ratio and stat_agg_received, accumulated
 *           over all the batches of the write.
 */
async function tempTables(tx: Db): Promise<void> {
  const dims0 = 'a0 text, o0 text, s0 text, p0 boolean';
  const dims1 = 'a1 text, o1 text, s1 text, p1 boolean';
  const ddl = [
    `_st_in (enterprise_id uuid, ym int, product_code text, quantity numeric, value_vnd numeric, comment text,
      warnings jsonb)`,
    `_st_chg (enterprise_id uuid, ym int, product_code text, quantity numeric, value_vnd numeric, comment text,
      warnings jsonb, area_code text, ownership text, ent_vsic text, in_panel boolean, report_id bigint,
      old_q numeric, old_v numeric)`,
    `_st_nb (enterprise_id uuid, product_code text, ym int, q0 numeric, v0 numeric, ${dims0},
      q1 numeric, v1 numeric, ${dims1})`,
    '_st_pk (enterprise_id uuid, product_code text, ym int)',
    '_st_em (enterprise_id uuid, ym int)',
    `_st_d (ym int, area_code text, ownership text, ent_vsic text, product_code text, qty numeric, value numeric,
      value_n int, n int, miss_qty numeric, miss_value numeric, miss_value_n int, miss_n int)`,
    '_st_r (ym int, product_code text, num numeric, den numeric, pairs int)',
    '_st_rc (ym int, area_code text, ownership text, ent_vsic text, in_panel boolean, n int)',
  ];
  for (const t of ddl) await tx.execute(sql.raw(`create temp table if not exists ${t} on commit drop`));
  await tx.execute(sql`truncate _st_in, _st_chg, _st_nb, _st_pk, _st_em, _st_d, _st_r, _st_rc`);
}

/**
 * The deltas of the pairs of §4 in `_st_pk`, from the neighbourhood's states before and after:
 * both months reported → stat_agg_ratio; the year-before month only (in the panel) → the missing measures
 * of stat_agg(_ap) at month m, under the dims of the year-before row.
 */
async function pairDeltas(tx: Db): Promise<void> {
  const both = (side: string) => `(aq${side} is not null and bq${side} is not null)`;
  const missing = (side: string, sign: string) =>
    `select ym, a${side}, o${side}, s${side}, product_code, 0, 0, 0, 0, ${sign}aq${side},
      ${sign}coalesce(av${side}, 0), ${sign}(av${side} is not null)::int, ${sign}1
    from p where aq${side} is not null and p${side} and bq${side} is null`;
  // One pass over the pairs feeds both delta tables (a data-modifying WITH runs once).
  await tx.execute(
    sql.raw(`
    with p as materialized (
      select k.ym, k.product_code, a.q0 as aq0, a.v0 as av0, a.a0, a.o0, a.s0, a.p0,
        a.q1 as aq1, a.v1 as av1, a.a1, a.o1, a.s1, a.p1, b.q0 as bq0, b.q1 as bq1
      from _st_pk k
      join _st_nb a on a.enterprise_id = k.enterprise_id and a.product_code = k.product_code and a.ym = k.ym - 100
      left join _st_nb b on b.enterprise_id = k.enterprise_id and b.product_code = k.product_code and b.ym = k.ym),
    r as (
      insert into _st_r
      select ym, product_code,
        case when ${both('1')} then bq1 else 0 end - case when ${both('0')} then bq0 else 0 end,
        case when ${both('1')} then aq1 else 0 end - case when ${both('0')} then aq0 else 0 end,
        ${both('1')}::int - ${both('0')}::int
      from p where ${both('1')} or ${both('0')})
    insert into _st_d
    ${missing('1', '')}
    union all
    ${missing('0', '-')}`),
  );
}

/** The enterprise-months of `_st_em` as stat_agg_received counts them now (the row of the first product), × sign. */
async function receivedDeltas(tx: Db, sign: 1 | -1): Promise<void> {
  await tx.execute(sql`
    insert into _st_rc
    select x.ym, r.area_code, r.ownership, r.ent_vsic, r.in_panel, ${sql.raw(String(sign))}
    from _st_em x
    cross join lateral (
      select area_code, ownership, ent_vsic, in_panel from stat_reports r
      where r.enterprise_id = x.enterprise_id and r.ym = x.ym order by product_code limit 1) r`);
}

/**
 * Add the deltas of `src`, grouped by `key` into the temp table `_st_g_<target>`, to `target`: update the
 * cells that exist, insert the others (cheaper in bulk than INSERT … ON CONFLICT, row by row).
 */
async function addDeltas(
  tx: Db,
  target: string,
  key: string[],
  measures: string[],
  src: string,
): Promise<void> {
  const sums = measures.map((m) => `sum(${m}) as ${m}`).join(', ');
  const on = key.map((k) => `t.${k} = d.${k}`).join(' and ');
  const g = `_st_g_${target}`;
  await tx.execute(
    sql.raw(`create temp table ${g} on commit drop as
      select ${key.join(', ')}, ${sums} from ${src} group by ${key.join(', ')}
      having ${measures.map((m) => `sum(${m}) <> 0`).join(' or ')}`),
  );
  await tx.execute(
    sql.raw(`update ${target} t set ${measures.map((m) => `${m} = t.${m} + d.${m}`).join(', ')}
      from ${g} d where ${on}`),
  );
  await tx.execute(
    sql.raw(`insert into ${target} (${key.join(', ')}, ${measures.join(', ')})
      select d.* from ${g} d where not exists (select 1 from ${target} t where ${on})`),
  );
}

async function applyDeltas(tx: Db): Promise<void> {
  const dims = ['ym', 'area_code', 'ownership', 'ent_vsic', 'product_code'];
  await addDeltas(tx, 'stat_agg', dims, MEASURES, '_st_d');
  await addDeltas(tx, 'stat_agg_ap', ['ym', 'area_code', 'product_code'], MEASURES, '_st_g_stat_agg');
  await addDeltas(tx, 'stat_agg_ratio', ['ym', 'product_code'], ['num', 'den', 'pairs'], '_st_r');
  await addDeltas(
    tx,
    'stat_agg_received',
    ['ym', 'area_code', 'ownership', 'ent_vsic', 'in_panel'],
    ['n'],
    '_st_rc',
  );
  await tx.execute(
    sql`drop table _st_g_stat_agg, _st_g_stat_agg_ap, _st_g_stat_agg_ratio, _st_g_stat_agg_received`,
  );
}

/**
 * PERIOD LOCKS. A write of figures checks its months' period status again inside its own transaction, under a
 * SHARED advisory lock per month; a period transition takes the same lock EXCLUSIVE. So a transition waits for
 * the writes in flight on its month to commit, and a write that starts after a transition sees its status:
 * no figure lands in a period closed, approved or published while the write ran (statistics.md §5).
 * The writer lock (LOCK_KEY) comes first, then the months in ascending order: one order for everyone, so that
 * two writes and a transition queued between them cannot wait on each other in a circle.
 */
const PERIOD_LOCK = 7_412_015;

/** Inside a write's transaction: lock the months (shared) and read their status as of now. */
export async function lockPeriodsForWrite(tx: Db, months: number[]): Promise<Map<number, string>> {
  const list = [...new Set(months)].sort((a, b) => a - b);
  if (!list.length) return new Map();
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
  await tx.execute(sql`select count(pg_advisory_xact_lock_shared(${PERIOD_LOCK}, ym))
    from (select unnest(${sql.param(list)}::int[]) as ym order by 1) m`);
  const found = rows<{ ym: number; status: string }>(
    await tx.execute(sql`select ym, status from stat_periods where ym = any(${sql.param(list)}::int[])`),
  );
  return new Map(found.map((p) => [Number(p.ym), p.status]));
}

/** Inside a period transition's transaction: wait for the writes in flight on the month, keep new ones out. */
export async function lockPeriodForTransition(tx: Db, ym: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${PERIOD_LOCK}, ${ym})`);
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
  // Batches group and hash ~10⁵ rows; the default 4 MB would sort them on disk.
  await tx.execute(sql`set local work_mem = '128MB'`);
  const CHUNK = chunkRows();
  onChunk(0);
  await tempTables(tx);
  // Each batch adds its deltas to _st_d/_st_r/_st_rc (computed from stat_reports, never from the aggregates);
  // the aggregates move once at the end: updating every cell per batch would leave a dead version per batch.
  for (let i = 0; i < facts.length; i += CHUNK) {
    const part = facts.slice(i, i + CHUNK);
    if (i > 0) await tx.execute(sql`truncate _st_in, _st_chg, _st_nb, _st_pk, _st_em`);
    // Passed as arrays; enterprises as an index into their distinct ids and warnings as codes joined by commas
    // (uuid[] and jsonb[] cost the most to send and parse).
    const ids = new Map<string, number>();
    const idx = part.map((f) => {
      if (!ids.has(f.enterpriseId)) ids.set(f.enterpriseId, ids.size + 1);
      return ids.get(f.enterpriseId)!;
    });
    await tx.execute(sql`insert into _st_in
      select (${sql.param([...ids.keys()])}::uuid[])[i], ym, p, q, v, c,
        case when w = '' then '[]'::jsonb else to_jsonb(string_to_array(w, ',')) end
      from unnest(${sql.param(idx)}::int[], ${sql.param(part.map((f) => f.ym))}::int[],
        ${sql.param(part.map((f) => f.productCode))}::text[], ${sql.param(part.map((f) => f.quantity))}::numeric[],
        ${sql.param(part.map((f) => f.valueVnd))}::numeric[], ${sql.param(part.map((f) => f.comment))}::text[],
        ${sql.param(part.map((f) => f.warnings.join(',')))}::text[]) as x(i, ym, p, q, v, c, w)`);
    // Stored rows are looked up by key (LATERAL: an index probe per row, whatever the size of stat_reports).
    await tx.execute(sql`insert into _st_chg
      select i.*, coalesce(r.area_code, e.area_code), coalesce(r.ownership, e.ownership), coalesce(r.ent_vsic, e.vsic),
        coalesce(r.in_panel, e.reports_monthly), r.id, r.quantity, r.value_vnd
      from _st_in i join enterprises e on e.id = i.enterprise_id
      left join lateral (
        select * from stat_reports r
        where r.enterprise_id = i.enterprise_id and r.ym = i.ym and r.product_code = i.product_code) r on true
      where r.id is null or r.quantity <> i.quantity or r.value_vnd is distinct from i.value_vnd`);
    const [counts] = rows<{ ins: number; upd: number }>(
      await tx.execute(
        sql`select count(*) filter (where report_id is null)::int as ins, count(report_id)::int as upd from _st_chg`,
      ),
    );
    const { ins, upd } = counts!;
    result.inserted += ins;
    result.updated += upd;
    result.unchanged += part.length - ins - upd;
    if (ins + upd === 0) {
      onChunk(Math.min(i + CHUNK, facts.length));
      continue;
    }
    // Fresh temp tables have no statistics: without them the planner may nest loops over whole tables.
    const big = part.length >= 1000;
    if (big && upd > 0) await tx.execute(sql`analyze _st_chg`);
    const dims = (t: string) => sql.raw(`${t}.area_code, ${t}.ownership, ${t}.ent_vsic, ${t}.in_panel`);
    await tx.execute(sql`
      insert into _st_nb
      select enterprise_id, product_code, ym, old_q, old_v,
        case when report_id is not null then area_code end, case when report_id is not null then ownership end,
        case when report_id is not null then ent_vsic end, case when report_id is not null then in_panel end,
        quantity, value_vnd, ${dims('c')}
      from _st_chg c
      union all
      select k.enterprise_id, k.product_code, k.ym, r.quantity, r.value_vnd, ${dims('r')}, r.quantity, r.value_vnd,
        ${dims('r')}
      from (select distinct enterprise_id, product_code, ym + d as ym
            from _st_chg cross join (values (-100), (100)) as o(d)) k
      join lateral (
        select * from stat_reports r
        where r.enterprise_id = k.enterprise_id and r.product_code = k.product_code and r.ym = k.ym) r on true
      where not exists (
        select 1 from _st_chg c
        where c.enterprise_id = k.enterprise_id and c.product_code = k.product_code and c.ym = k.ym)`);
    await tx.execute(sql`
      insert into _st_pk select distinct enterprise_id, product_code, ym + d
      from _st_chg cross join (values (0), (100)) as o(d)`);
    if (ins > 0)
      await tx.execute(
        sql`insert into _st_em select distinct enterprise_id, ym from _st_chg where report_id is null`,
      );
    if (big) {
      await tx.execute(sql`analyze _st_nb`);
      await tx.execute(sql`analyze _st_pk`);
    }
    // The figures themselves: new − old, under the row's dims.
    await tx.execute(sql`
      insert into _st_d
      select ym, area_code, ownership, ent_vsic, product_code, quantity - coalesce(old_q, 0),
        coalesce(value_vnd, 0) - coalesce(old_v, 0), (value_vnd is not null)::int - (old_v is not null)::int,
        (report_id is null)::int, 0, 0, 0, 0
      from _st_chg`);
    await pairDeltas(tx);
    if (ins > 0) await receivedDeltas(tx, -1);
    const review = sql`case when jsonb_array_length(c.warnings) > 0 then 'pending' else 'none' end`;
    if (upd > 0)
      await tx.execute(sql`
        with upd as (
          update stat_reports r set quantity = c.quantity, value_vnd = c.value_vnd, source = ${meta.source},
            comment = c.comment, warnings = c.warnings, review_status = ${review}, revision = r.revision + 1,
            updated_by = ${meta.actorUserId}, updated_at = now()
          from _st_chg c where r.id = c.report_id
          returning r.id, r.revision, c.old_q, c.old_v, r.quantity, r.value_vnd, c.comment)
        insert into stat_report_revisions (report_id, revision, quantity_old, value_old, quantity_new, value_new,
          source, comment, actor_user_id, via)
        select id, revision, old_q, old_v, quantity, value_vnd, ${meta.source}, comment, ${meta.actorUserId}, ${meta.via}
        from upd`);
    if (ins > 0) {
      await tx.execute(sql`
        with ins as (
          insert into stat_reports (enterprise_id, ym, product_code, quantity, value_vnd, area_code, ownership,
            ent_vsic, in_panel, source, comment, warnings, review_status, revision, updated_by)
          select c.enterprise_id, c.ym, c.product_code, c.quantity, c.value_vnd, c.area_code, c.ownership, c.ent_vsic,
            c.in_panel, ${meta.source}, c.comment, c.warnings, ${review}, 1, ${meta.actorUserId}
          from _st_chg c where c.report_id is null
          returning id, quantity, value_vnd, comment)
        insert into stat_report_revisions (report_id, revision, quantity_old, value_old, quantity_new, value_new,
          source, comment, actor_user_id, via)
        select id, 1, null, null, quantity, value_vnd, ${meta.source}, comment, ${meta.actorUserId}, ${meta.via}
        from ins`);
      await receivedDeltas(tx, 1);
    }
    onChunk(Math.min(i + CHUNK, facts.length));
  }
  if (result.inserted + result.updated > 0) await applyDeltas(tx);
  printProfile();
  return result;
}

/** Rebuild every aggregate from the report rows (after a registry change or a restore); same results as the live path. */
export async function rebuildAggregates(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
  await tx.execute(sql`set local work_mem = '128MB'`);
  await tx.execute(sql`truncate stat_agg, stat_agg_ap, stat_agg_ratio, stat_agg_received`);
  await tempTables(tx);
  // Every row as if it were new: nothing before, the row after.
  await tx.execute(sql`
    insert into _st_nb
    select enterprise_id, product_code, ym, null, null, null, null, null, null,
      quantity, value_vnd, area_code, ownership, ent_vsic, in_panel
    from stat_reports`);
  await tx.execute(sql`
    insert into _st_pk select distinct enterprise_id, product_code, ym + d
    from stat_reports cross join (values (0), (100)) as o(d)`);
  await tx.execute(sql`insert into _st_em select distinct enterprise_id, ym from stat_reports`);
  await tx.execute(sql`analyze _st_nb`);
  await tx.execute(sql`analyze _st_pk`);
  await tx.execute(sql`
    insert into _st_d
    select ym, area_code, ownership, ent_vsic, product_code, quantity, coalesce(value_vnd, 0),
      (value_vnd is not null)::int, 1, 0, 0, 0, 0
    from stat_reports`);
  await pairDeltas(tx);
  await receivedDeltas(tx, 1);
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

/** When the figures' inputs last changed (their "data as of"); null before any write. */
export async function inputsChangedAt(db: Db): Promise<string | null> {
  const [r] = rows<{ at: string | Date | null }>(
    await db.execute(sql`select max(changed_at) as at from stat_input_versions`),
  );
  return r?.at ? new Date(r.at).toISOString() : null;
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
