import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { SessionUser } from '../../../contracts/auth';
import type { ImportResult } from '../../../contracts/common';
import type { Issue } from '../../../contracts/errors';
import { isStaff } from '../../../contracts/roles';
import {
  type IndicatorQuery,
  type IndicatorResult,
  type Observation,
  PERIOD_STATUSES,
  type PeriodStatus,
  PRODUCT_COLUMNS,
  REPORT_COLUMNS,
  type ReportEntryInput,
  TARGET_COLUMNS,
  TARGET_INDICATORS,
  type TraceResult,
  WEIGHT_COLUMNS,
} from '../../../contracts/statistics';
import { lostLeadingZero } from '../../../contracts/tax-code';
import { isIndustrialVsicClass, VSIC_DIVISIONS } from '../../../contracts/vsic';
import { type Actor, recordAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import {
  cells,
  checkColumns,
  duplicateKeys,
  rejectRows,
  type Table,
  validateRows,
} from '../../platform/files';
import type { Progress } from '../../platform/jobs';
import {
  areaCond,
  coversArea,
  coversEnterprise,
  enterpriseCond,
  FULL_SCOPE,
  requireArea,
  type Scope,
} from '../../platform/scope';
import { inTurns, nextTurn, validateRowsInTurns } from '../../platform/turns';
import { scopeOf } from '../accounts';
import { findAreas, LANG_SON_COMMUNE_ORIGIN, listAreas, subtreeCodes } from '../areas';
import { findByTaxCodes } from '../enterprises';
import { toMicro } from './decimal';
import { addInto, buildObservations, type Cell, Engine, type ProductInfo, type Ratio } from './indicators';
import { addMonths, monthRange, periodsIn, previousYear, yearMonths, ymOf, ymText } from './period';
import * as repo from './statistics.repository';
import { softWarnings } from './validation';

const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;
const byRow = (a: Issue, b: Issue) => (a.row ?? 0) - (b.row ?? 0);
const decimalCell = z
  .string()
  .refine((v) => !v.startsWith('-'), { message: 'issue.negative' })
  .refine((v) => /^-?\d{1,18}(\.\d{1,6})?$/.test(v), { message: 'issue.number' });
const intCell = z
  .string()
  .refine((v) => !v.startsWith('-'), { message: 'issue.negative' })
  .refine((v) => /^-?\d{1,20}$/.test(v), { message: 'issue.number' });
const optionalInt = z
  .union([z.literal(''), intCell])
  .optional()
  .transform((v) => (v ? v : null));

export function currentYm(now = new Date()): number {
  return now.getFullYear() * 100 + now.getMonth() + 1;
}

// ---- products.csv ----

const productRow = z.object({
  code: z.string().regex(/^[A-Za-z0-9_.-]{1,30}$/, { message: 'issue.invalid_format' }),
  name_vi: cells.required(300),
  name_en: cells.optional(300),
  unit: cells.required(30),
  vsic: z.string().refine(isIndustrialVsicClass, { message: 'issue.vsic' }),
  base_year: z
    .string()
    .regex(/^(19|20)\d{2}$/, { message: 'issue.year' })
    .transform(Number),
  base_price_vnd: decimalCell,
});

export async function importProducts(db: Db, actor: Actor, table: Table, progress: Progress = () => {}) {
  progress('validating', 0, table.rows.length);
  const colIssues = checkColumns(table, PRODUCT_COLUMNS);
  if (colIssues.length) rejectRows(colIssues);
  const { valid, issues } = validateRows(table, productRow, (d, t) => progress('validating', d, t));
  issues.push(...duplicateKeys(valid, (v) => `${v.code}|${v.base_year}`, 'base_year'));
  // One product, one description: rows of the same code must agree on names, unit and class.
  const first = new Map<string, (typeof valid)[number]>();
  for (const r of valid) {
    const f = first.get(r.value.code);
    if (!f) first.set(r.value.code, r);
    else
      for (const c of ['name_vi', 'unit', 'vsic'] as const)
        if (f.value[c] !== r.value[c])
          issues.push({ row: r.line, column: c, code: 'issue.inconsistent', params: { other: f.line } });
  }
  if (issues.length) rejectRows(issues.sort(byRow));
  const result: ImportResult = { inserted: 0, updated: 0, unchanged: 0, rows: valid.length };
  await db.transaction(async (tx) => {
    const existing = new Map(
      rows<{
        code: string;
        name_vi: string;
        name_en: string | null;
        unit: string;
        vsic: string;
        price: string | null;
      }>(
        await tx.execute(sql`select p.code, p.name_vi, p.name_en, p.unit, p.vsic,
          (select jsonb_object_agg(base_year, base_price_vnd::text)::text from stat_product_prices where product_code = p.code) as price
          from stat_products p where p.code = any(${sql.param([...first.keys()])}::text[])`),
      ).map((p) => [p.code, p]),
    );
    for (const [i, { value: v }] of valid.entries()) {
      const before = existing.get(v.code);
      const prices = before?.price ? (JSON.parse(before.price) as Record<string, string>) : {};
      const samePrice =
        prices[v.base_year] !== undefined && toMicro(prices[v.base_year]) === toMicro(v.base_price_vnd);
      const sameProduct =
        before &&
        before.name_vi === v.name_vi &&
        before.unit === v.unit &&
        before.vsic === v.vsic &&
        (before.name_en ?? null) === v.name_en;
      if (sameProduct && samePrice) {
        result.unchanged++;
        continue;
      }
      await tx.execute(sql`insert into stat_products (code, name_vi, name_en, unit, vsic) values
        (${v.code}, ${v.name_vi}, ${v.name_en}, ${v.unit}, ${v.vsic})
        on conflict (code) do update set name_vi = excluded.name_vi, name_en = excluded.name_en,
          unit = excluded.unit, vsic = excluded.vsic, updated_at = now()`);
      await tx.execute(sql`insert into stat_product_prices (product_code, base_year, base_price_vnd)
        values (${v.code}, ${v.base_year}, ${v.base_price_vnd})
        on conflict (product_code, base_year) do update set base_price_vnd = excluded.base_price_vnd`);
      await recordAudit(tx, actor, {
        action: before ? 'stat_product.updated' : 'stat_product.created',
        entityType: 'stat_product',
        entityId: v.code,
        before: before ?? null,
        after: v,
      });
      if (before) result.updated++;
      else result.inserted++;
      existing.set(v.code, {
        code: v.code,
        name_vi: v.name_vi,
        name_en: v.name_en,
        unit: v.unit,
        vsic: v.vsic,
        price: JSON.stringify({ ...prices, [v.base_year]: v.base_price_vnd }),
      });
      if ((i + 1) % 500 === 0) progress('writing', i + 1, valid.length);
    }
  });
  progress('done', valid.length, valid.length);
  return result;
}

export async function loadProducts(
  db: Db,
): Promise<Map<string, ProductInfo & { nameVi: string; nameEn: string | null }>> {
  const list = rows<{
    code: string;
    name_vi: string;
    name_en: string | null;
    unit: string;
    vsic: string;
    prices: Record<string, string> | null;
  }>(
    await db.execute(sql`select p.code, p.name_vi, p.name_en, p.unit, p.vsic,
      (select jsonb_object_agg(base_year, base_price_vnd::text) from stat_product_prices where product_code = p.code) as prices
      from stat_products p order by p.code`),
  );
  return new Map(
    list.map((p) => {
      const prices = typeof p.prices === 'string' ? JSON.parse(p.prices) : (p.prices ?? {});
      return [
        p.code,
        {
          code: p.code,
          vsic: p.vsic,
          unit: p.unit,
          nameVi: p.name_vi,
          nameEn: p.name_en,
          prices: new Map(
            Object.entries(prices as Record<string, string>).map(([y, v]) => [Number(y), toMicro(v)]),
          ),
        },
      ];
    }),
  );
}

export async function listProductDtos(db: Db) {
  return [...(await loadProducts(db)).values()].map((p) => ({
    code: p.code,
    nameVi: p.nameVi,
    nameEn: p.nameEn,
    unit: p.unit,
    vsic: p.vsic,
    prices: [...p.prices.entries()].map(([y, v]) => ({
      baseYear: y,
      basePriceVnd: (Number(v) / 1e6).toString(),
    })),
  }));
}

// ---- weights.csv and targets.csv ----

const weightRow = z.object({
  base_year: z
    .string()
    .regex(/^(19|20)\d{2}$/, { message: 'issue.year' })
    .transform(Number),
  vsic: z.string().refine(isIndustrialVsicClass, { message: 'issue.vsic' }),
  value_added_vnd: intCell,
});

export async function importWeights(db: Db, actor: Actor, table: Table, progress: Progress = () => {}) {
  const colIssues = checkColumns(table, WEIGHT_COLUMNS);
  if (colIssues.length) rejectRows(colIssues);
  const { valid, issues } = validateRows(table, weightRow, (d, t) => progress('validating', d, t));
  issues.push(...duplicateKeys(valid, (v) => `${v.base_year}|${v.vsic}`, 'vsic'));
  if (issues.length) rejectRows(issues.sort(byRow));
  const result: ImportResult = { inserted: 0, updated: 0, unchanged: 0, rows: valid.length };
  await db.transaction(async (tx) => {
    for (const { value: v } of valid) {
      const [old] = rows<{ v: string }>(
        await tx.execute(
          sql`select value_added_vnd::text as v from stat_weights where base_year = ${v.base_year} and vsic = ${v.vsic}`,
        ),
      );
      if (old && BigInt(old.v) === BigInt(v.value_added_vnd)) {
        result.unchanged++;
        continue;
      }
      await tx.execute(sql`insert into stat_weights (base_year, vsic, value_added_vnd) values (${v.base_year}, ${v.vsic}, ${v.value_added_vnd})
        on conflict (base_year, vsic) do update set value_added_vnd = excluded.value_added_vnd`);
      await recordAudit(tx, actor, {
        action: 'stat_weight.imported',
        entityType: 'stat_weight',
        entityId: `${v.base_year}:${v.vsic}`,
        before: old ?? null,
        after: v,
      });
      if (old) result.updated++;
      else result.inserted++;
    }
  });
  progress('done', valid.length, valid.length);
  return result;
}

const targetRow = z.object({
  year: z
    .string()
    .regex(/^(19|20)\d{2}$/, { message: 'issue.year' })
    .transform(Number),
  indicator: cells.oneOf(TARGET_INDICATORS),
  area_code: cells.required(20),
  product_code: cells.optional(30),
  value: decimalCell,
});

export async function importTargets(
  db: Db,
  actor: Actor,
  table: Table,
  progress: Progress = () => {},
  scope: Scope = FULL_SCOPE,
) {
  const colIssues = checkColumns(table, TARGET_COLUMNS);
  if (colIssues.length) rejectRows(colIssues);
  const { valid, issues } = validateRows(table, targetRow, (d, t) => progress('validating', d, t));
  issues.push(
    ...duplicateKeys(
      valid,
      (v) => `${v.year}|${v.indicator}|${v.area_code}|${v.product_code ?? ''}`,
      'indicator',
    ),
  );
  const areas = new Set(
    (await findAreas(db, [...new Set(valid.map((r) => r.value.area_code))])).map((a) => a.code),
  );
  const products = await loadProducts(db);
  for (const r of valid) {
    if (!areas.has(r.value.area_code))
      issues.push({
        row: r.line,
        column: 'area_code',
        code: 'issue.unknown_area',
        params: { code: r.value.area_code },
      });
    else if (!coversArea(scope, r.value.area_code))
      issues.push({ row: r.line, column: 'area_code', code: 'issue.out_of_scope' });
    if (r.value.product_code && !products.has(r.value.product_code))
      issues.push({
        row: r.line,
        column: 'product_code',
        code: 'issue.unknown_product',
        params: { code: r.value.product_code },
      });
    if (r.value.indicator === 'OUTPUT_QTY' && !r.value.product_code)
      issues.push({ row: r.line, column: 'product_code', code: 'issue.required' });
  }
  if (issues.length) rejectRows(issues.sort(byRow));
  const result: ImportResult = { inserted: 0, updated: 0, unchanged: 0, rows: valid.length };
  await db.transaction(async (tx) => {
    for (const { value: v } of valid) {
      const [old] = rows<{ id: number; value: string }>(
        await tx.execute(sql`select id, value::text from stat_targets where year = ${v.year} and indicator = ${v.indicator}
          and area_code = ${v.area_code} and coalesce(product_code, '') = ${v.product_code ?? ''}`),
      );
      if (old && toMicro(old.value) === toMicro(v.value)) {
        result.unchanged++;
        continue;
      }
      if (old) await tx.execute(sql`update stat_targets set value = ${v.value} where id = ${old.id}`);
      else
        await tx.execute(sql`insert into stat_targets (year, indicator, area_code, product_code, value)
          values (${v.year}, ${v.indicator}, ${v.area_code}, ${v.product_code}, ${v.value})`);
      await recordAudit(tx, actor, {
        action: 'stat_target.imported',
        entityType: 'stat_target',
        entityId: `${v.year}:${v.indicator}:${v.area_code}:${v.product_code ?? ''}`,
        before: old ?? null,
        after: v,
      });
      if (old) result.updated++;
      else result.inserted++;
    }
  });
  progress('done', valid.length, valid.length);
  return result;
}

// ---- report rows: validation shared by the import and the entry form ----

interface CandidateRow {
  line: number;
  enterpriseId: string;
  ym: number;
  productCode: string;
  quantity: string;
  valueVnd: string | null;
  comment: string | null;
}

export async function periodStatuses(db: Db, months: number[]): Promise<Map<number, PeriodStatus>> {
  if (!months.length) return new Map();
  const list = rows<{ ym: number; status: PeriodStatus }>(
    await db.execute(sql`select ym, status from stat_periods where ym = any(${sql.param(months)}::int[])`),
  );
  return new Map(list.map((p) => [p.ym, p.status]));
}

/** The hard period rules (statistics.md §5): no figure into an approved or published period; into a closed
 * one only by staff with a reason. */
function periodIssues(
  list: CandidateRow[],
  statuses: Map<number, string>,
  opts: { reason: string | null; staff: boolean; locate: (r: CandidateRow) => Partial<Issue> },
): Issue[] {
  const issues: Issue[] = [];
  for (const r of list) {
    const s = statuses.get(r.ym) ?? 'open';
    if (s === 'approved' || s === 'published')
      issues.push({
        ...opts.locate(r),
        code: 'issue.period_locked',
        params: { period: ymText(r.ym), status: s },
      });
    else if (s === 'closed' && (!opts.staff || !opts.reason))
      issues.push({
        ...opts.locate(r),
        code: opts.staff ? 'issue.period_closed' : 'issue.period_locked',
        params: { period: ymText(r.ym), status: s },
      });
  }
  return issues;
}

/**
 * Inside the write's transaction: the period rules again, on the status as of now and under the period locks
 * (repo.lockPeriodsForWrite), since a period may have been closed, approved or published after the first
 * check. Returns the issues (the caller refuses the whole write) and completes the facts of months that
 * became closed meanwhile with the reason, as the first check would have.
 */
async function recheckPeriods(
  tx: Db,
  list: CandidateRow[],
  facts: repo.FactInput[],
  opts: { reason: string | null; staff: boolean; locate: (r: CandidateRow) => Partial<Issue> },
): Promise<Issue[]> {
  const statuses = await repo.lockPeriodsForWrite(
    tx,
    list.map((r) => r.ym),
  );
  const issues = periodIssues(list, statuses, opts);
  if (!issues.length)
    list.forEach((r, i) => {
      const f = facts[i]!;
      if (statuses.get(r.ym) === 'closed' && f.comment === null) f.comment = opts.reason;
    });
  return issues;
}

/** Hard period rules and soft warnings for candidate rows; returns issues and the facts to write. */
async function checkCandidates(
  db: Db,
  list: CandidateRow[],
  opts: {
    reason: string | null;
    staff: boolean;
    autoComment?: string | null;
    locate: (r: CandidateRow) => Partial<Issue>;
  },
): Promise<{ issues: Issue[]; facts: repo.FactInput[]; warnings: number }> {
  const months = [...new Set(list.map((r) => r.ym))];
  const statuses = await periodStatuses(db, months);
  const issues = periodIssues(list, statuses, opts);
  // The neighbourhood for the soft checks, by enterprise × product: stored figures by month overlaid with this
  // batch's (the state after it), and the declared capacity.
  const series = new Map<string, { months: Map<number, number>; capacity: number | null }>();
  const seriesOf = (e: string, p: string) => {
    const k = `${e}|${p}`;
    if (!series.has(k)) series.set(k, { months: new Map(), capacity: null });
    return series.get(k)!;
  };
  const ents = [...new Set(list.map((r) => r.enterpriseId))];
  const lo = list.reduce((m, r) => Math.min(m, r.ym), 999999) - 100;
  const hi = list.reduce((m, r) => Math.max(m, r.ym), 0);
  if (list.length) {
    for (const x of rows<{ e: string; p: string; ym: number; q: string }>(
      await db.execute(sql`select enterprise_id as e, product_code as p, ym, quantity::text as q from stat_reports
        where enterprise_id = any(${sql.param(ents)}::uuid[]) and ym between ${lo} and ${hi}`),
    ))
      seriesOf(x.e, x.p).months.set(x.ym, Number(x.q));
    for (const x of rows<{ e: string; p: string; c: string }>(
      await db.execute(sql`select enterprise_id as e, product_code as p, sum(capacity_per_year)::text as c from enterprise_products
        where enterprise_id = any(${sql.param(ents)}::uuid[]) and product_code is not null and capacity_per_year is not null
        group by 1, 2`),
    ))
      seriesOf(x.e, x.p).capacity = Number(x.c);
  }
  const own = list.map((r) => {
    const s = seriesOf(r.enterpriseId, r.productCode);
    s.months.set(r.ym, Number(r.quantity));
    return s;
  });
  const facts: repo.FactInput[] = [];
  let warnings = 0;
  list.forEach((r, i) => {
    const { months, capacity } = own[i]!;
    const get = (k: number) => months.get(addMonths(r.ym, -k)) ?? null;
    const w = softWarnings(Number(r.quantity), {
      capacityPerYear: capacity,
      lastYear: months.get(r.ym - 100) ?? null,
      previousMonth: get(1),
      previous3: [get(1), get(2), get(3)],
    });
    let comment = r.comment;
    if (w.length && !comment) {
      if (opts.autoComment) comment = opts.autoComment;
      else
        issues.push({
          ...opts.locate(r),
          code: 'issue.warning_needs_comment',
          params: { warnings: w.join(', ') },
        });
    }
    if (w.length) warnings++;
    facts.push({
      enterpriseId: r.enterpriseId,
      ym: r.ym,
      productCode: r.productCode,
      quantity: r.quantity,
      valueVnd: r.valueVnd,
      comment: comment ?? (statuses.get(r.ym) === 'closed' ? opts.reason : null),
      warnings: w,
    });
  });
  return { issues, facts, warnings };
}

const reportRow = z.object({
  tax_code: cells.required(20),
  // An Excel date cell on the first of a month (how a typed "2014-03" is stored) is read as its month.
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])(-01)?$/, { message: 'issue.period' })
    .transform((v) => v.slice(0, 7)),
  product_code: cells.required(30),
  quantity: decimalCell,
  value_vnd: optionalInt,
  unit: cells.optional(30),
  comment: cells.optional(1000),
});

export interface ReportImportOptions {
  /** Reason for rows that fall into a closed period (statistics.md §5). */
  reason?: string | null;
  /** Demo loader only: a comment for rows that raise soft warnings. */
  autoComment?: string | null;
  now?: Date;
}

/** A tax code with no enterprise; one that Excel stripped of its leading zero says so. */
const unknownEnterprise = (row: number, code: string): Issue =>
  lostLeadingZero(code)
    ? { row, column: 'tax_code', code: 'issue.tax_code_leading_zero', params: { value: code } }
    : { row, column: 'tax_code', code: 'issue.unknown_enterprise', params: { code } };

/** Import reports.csv / .xlsx: all or nothing; a row for a known key is a revision; unchanged rows change nothing. */
export async function importReports(
  database: Db,
  actor: Actor,
  user: SessionUser | null,
  table: Table,
  progress: Progress = () => {},
  opts: ReportImportOptions = {},
) {
  // Hundreds of thousands of rows: in turns of the event loop, so that other requests are served meanwhile.
  const db = inTurns(database);
  progress('validating', 0, table.rows.length);
  const colIssues = checkColumns(table, REPORT_COLUMNS);
  if (colIssues.length) rejectRows(colIssues);
  const { valid, issues } = await validateRowsInTurns(table, reportRow, (d, t) =>
    progress('validating', d, t),
  );
  issues.push(...duplicateKeys(valid, (v) => `${v.tax_code}|${v.period}|${v.product_code}`, 'product_code'));
  const products = await loadProducts(db);
  const enterprises = new Map(
    (await findByTaxCodes(db, [...new Set(table.rows.map((r) => r.values.tax_code ?? ''))])).map((e) => [
      e.taxCode,
      e,
    ]),
  );
  // Rows that failed a cell check are still looked up, so that the error names every reason of every row.
  const validLines = new Set(valid.map((r) => r.line));
  for (const { line, values: v } of table.rows) {
    if (validLines.has(line)) continue;
    if (v.tax_code && !enterprises.has(v.tax_code)) issues.push(unknownEnterprise(line, v.tax_code));
    if (v.product_code && !products.has(v.product_code))
      issues.push({
        row: line,
        column: 'product_code',
        code: 'issue.unknown_product',
        params: { code: v.product_code },
      });
  }
  const scope = await scopeOf(db, user);
  const now = currentYm(opts.now);
  const list: CandidateRow[] = [];
  for (const { line, value: v } of valid) {
    const e = enterprises.get(v.tax_code);
    const p = products.get(v.product_code);
    const ym = ymOf(v.period);
    let ok = true;
    if (!e) {
      issues.push(unknownEnterprise(line, v.tax_code));
      ok = false;
    } else if (!coversEnterprise(scope, e)) {
      issues.push({ row: line, column: 'tax_code', code: 'issue.out_of_scope' });
      ok = false;
    }
    if (!p) {
      issues.push({
        row: line,
        column: 'product_code',
        code: 'issue.unknown_product',
        params: { code: v.product_code },
      });
      ok = false;
    } else if (v.unit !== null && v.unit !== p.unit) {
      issues.push({
        row: line,
        column: 'unit',
        code: 'issue.unit_mismatch',
        params: { unit: p.unit, value: v.unit },
      });
      ok = false;
    }
    if (ym > now) {
      issues.push({ row: line, column: 'period', code: 'issue.future_period', params: { value: v.period } });
      ok = false;
    }
    if (ok)
      list.push({
        line,
        enterpriseId: e!.id,
        ym,
        productCode: v.product_code,
        quantity: v.quantity,
        valueVnd: v.value_vnd,
        comment: v.comment,
      });
  }
  await nextTurn();
  const checked = await checkCandidates(db, list, {
    reason: opts.reason ?? null,
    staff: !user || isStaff(user.role),
    autoComment: opts.autoComment ?? null,
    locate: (r) => ({ row: r.line, column: r.comment ? 'quantity' : 'comment' }),
  });
  issues.push(...checked.issues);
  if (issues.length) rejectRows(issues.sort(byRow));
  const result = await db.transaction(async (tx) => {
    const late = await recheckPeriods(tx, list, checked.facts, {
      reason: opts.reason ?? null,
      staff: !user || isStaff(user.role),
      locate: (r) => ({ row: r.line, column: 'period' }),
    });
    if (late.length) rejectRows(late);
    const r = await repo.writeFacts(
      tx,
      checked.facts,
      { source: 'import', actorUserId: actor.userId, via: actor.via },
      (d) => progress('writing', d, checked.facts.length),
    );
    await recordAudit(tx, actor, {
      action: 'stat_reports.imported',
      entityType: 'stat_reports',
      entityId: 'import',
      after: { ...r, rows: valid.length, warnings: checked.warnings, reason: opts.reason ?? null },
    });
    return r;
  });
  progress('done', valid.length, valid.length);
  return { ...result, rows: valid.length, warnings: checked.warnings };
}

/** One enterprise's figures for one month, from the entry form (enterprise portal or statistician). */
export async function enterReports(
  db: Db,
  actor: Actor,
  user: SessionUser,
  enterpriseId: string,
  input: ReportEntryInput,
) {
  const ym = ymOf(input.period);
  const issues: Issue[] = [];
  if (ym > currentYm())
    issues.push({ path: 'period', code: 'issue.future_period', params: { value: input.period } });
  const products = await loadProducts(db);
  const seen = new Set<string>();
  input.rows.forEach((r, i) => {
    if (!products.has(r.productCode))
      issues.push({
        path: `rows.${i}.productCode`,
        code: 'issue.unknown_product',
        params: { code: r.productCode },
      });
    if (seen.has(r.productCode)) issues.push({ path: `rows.${i}.productCode`, code: 'issue.duplicate_key' });
    seen.add(r.productCode);
  });
  if (issues.length) throw new AppError('validation.failed', { issues });
  const staff = isStaff(user.role);
  const list: CandidateRow[] = input.rows.map((r, i) => ({
    line: i,
    enterpriseId,
    ym,
    productCode: r.productCode,
    quantity: r.quantity,
    valueVnd: r.valueVnd ?? null,
    comment: r.comment ?? null,
  }));
  const checked = await checkCandidates(db, list, {
    reason: input.reason ?? null,
    staff,
    locate: (r) => ({ path: `rows.${r.line}.${r.comment ? 'quantity' : 'comment'}` }),
  });
  if (checked.issues.length) throw new AppError('validation.failed', { issues: checked.issues });
  const result = await db.transaction(async (tx) => {
    const late = await recheckPeriods(tx, list, checked.facts, {
      reason: input.reason ?? null,
      staff,
      locate: (r) => ({ path: `rows.${r.line}.quantity` }),
    });
    if (late.length) throw new AppError('validation.failed', { issues: late });
    const r = await repo.writeFacts(tx, checked.facts, {
      source: staff ? 'staff' : 'web',
      actorUserId: actor.userId,
      via: actor.via,
    });
    await recordAudit(tx, actor, {
      action: 'stat_reports.entered',
      entityType: 'enterprise',
      entityId: enterpriseId,
      after: { period: input.period, rows: input.rows, reason: input.reason ?? null, ...r },
    });
    return r;
  });
  return { ...result, rows: input.rows.length, warnings: checked.warnings };
}

/** The entry grid: products the enterprise owes (its catalogue products and reported history) × months. */
export async function reportGrid(db: Db, enterpriseId: string, year: number) {
  const products = await loadProducts(db);
  const owed = rows<{ p: string }>(
    await db.execute(sql`select product_code as p from enterprise_products where enterprise_id = ${enterpriseId} and product_code is not null
      union select distinct product_code from stat_reports where enterprise_id = ${enterpriseId}`),
  )
    .map((r) => r.p)
    .filter((p) => products.has(p))
    .sort();
  const figures = new Map(
    rows<{ p: string; ym: number; q: string; v: string | null; w: string[] | string }>(
      await db.execute(sql`select product_code as p, ym, trim_scale(quantity)::text as q, value_vnd::text as v, warnings as w from stat_reports
        where enterprise_id = ${enterpriseId} and ym between ${(year - 1) * 100 + 1} and ${year * 100 + 12}`),
    ).map((r) => [`${r.p}|${r.ym}`, r]),
  );
  const statuses = await periodStatuses(db, yearMonths(year));
  return {
    enterpriseId,
    year,
    products: owed.map((code) => {
      const p = products.get(code)!;
      return {
        productCode: code,
        nameVi: p.nameVi,
        unit: p.unit,
        months: yearMonths(year).map((ym) => {
          const f = figures.get(`${code}|${ym}`);
          const ly = figures.get(`${code}|${ym - 100}`);
          const w = f ? (typeof f.w === 'string' ? (JSON.parse(f.w) as string[]) : f.w) : [];
          return {
            period: ymText(ym),
            quantity: f?.q ?? null,
            valueVnd: f?.v ?? null,
            lastYear: ly?.q ?? null,
            warnings: w,
            periodStatus: statuses.get(ym) ?? 'open',
          };
        }),
      };
    }),
  };
}

// ---- validation queue ----

export async function validationQueue(
  db: Db,
  scope: Scope,
  q: { status: 'pending' | 'reviewed'; page: number; pageSize: number },
) {
  const where = sql`r.review_status = ${q.status} and ${enterpriseCond(scope, sql`e.id`, sql`e.area_code`)}`;
  const [count] = rows<{ n: number }>(
    await db.execute(
      sql`select count(*)::int as n from stat_reports r join enterprises e on e.id = r.enterprise_id where ${where}`,
    ),
  );
  const items = await reportRowsWhere(db, where, q.pageSize, (q.page - 1) * q.pageSize);
  return { items, total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function reviewReport(db: Db, actor: Actor, scope: Scope, reportId: number, comment: string) {
  await db.transaction(async (tx) => {
    // A report of an enterprise outside the caller's scope is "not found", like one that does not exist.
    const [r] = rows<{ review_status: string; comment: string | null }>(
      await tx.execute(
        sql`select r.review_status, r.comment from stat_reports r join enterprises e on e.id = r.enterprise_id
          where r.id = ${reportId} and ${enterpriseCond(scope, sql`e.id`, sql`e.area_code`)} for update of r`,
      ),
    );
    if (!r) throw new AppError('not_found');
    await tx.execute(sql`update stat_reports set review_status = 'reviewed',
      comment = coalesce(comment || E'\n', '') || ${comment} where id = ${reportId}`);
    await recordAudit(tx, actor, {
      action: 'stat_report.reviewed',
      entityType: 'stat_report',
      entityId: String(reportId),
      before: r,
      after: { review_status: 'reviewed', comment },
    });
  });
  const [row] = await reportRowsWhere(db, sql`r.id = ${reportId}`, 1, 0);
  return row!;
}

async function reportRowsWhere(db: Db, where: SQL, limit: number, offset: number) {
  const list = rows<{
    id: number;
    enterprise_id: string;
    tax_code: string;
    name: string;
    ym: number;
    product_code: string;
    quantity: string;
    value_vnd: string | null;
    source: 'web' | 'import' | 'staff';
    comment: string | null;
    warnings: string[] | string;
    review_status: 'none' | 'pending' | 'reviewed';
    revision: number;
    updated_at: string;
  }>(
    await db.execute(sql`select r.id, r.enterprise_id, e.tax_code, e.name, r.ym, r.product_code, trim_scale(r.quantity)::text as quantity, r.value_vnd::text,
      r.source, r.comment, r.warnings, r.review_status, r.revision, r.updated_at::text
      from stat_reports r join enterprises e on e.id = r.enterprise_id where ${where}
      order by r.ym, e.tax_code, r.product_code limit ${limit} offset ${offset}`),
  );
  return list.map((r) => ({
    id: String(r.id),
    enterpriseId: r.enterprise_id,
    taxCode: r.tax_code,
    enterpriseName: r.name,
    period: ymText(r.ym),
    productCode: r.product_code,
    quantity: r.quantity,
    valueVnd: r.value_vnd,
    source: r.source,
    comment: r.comment,
    warnings: typeof r.warnings === 'string' ? (JSON.parse(r.warnings) as string[]) : r.warnings,
    reviewStatus: r.review_status,
    revision: r.revision,
    updatedAt: r.updated_at,
  }));
}

// ---- periods (statistics.md §5) ----

/**
 * open → closed → approved → published. Who may move a period:
 *  - close (open → closed) and reopen a closed one (closed → open, reason required): statistician, admin;
 *  - approve (closed → approved) and publish (approved → published): leader, admin;
 *  - reopen after approval (approved|published → open, reason required): leader, admin.
 */
export const TRANSITIONS: Record<string, readonly string[]> = {
  'open>closed': ['statistician', 'admin'],
  'closed>open': ['statistician', 'admin'],
  'closed>approved': ['leader', 'admin'],
  'approved>published': ['leader', 'admin'],
  'approved>open': ['leader', 'admin'],
  'published>open': ['leader', 'admin'],
};
const NEEDS_REASON = new Set(['closed>open', 'approved>open', 'published>open']);

export async function getPeriod(db: Db, ym: number) {
  const [p] = rows<{ status: PeriodStatus; published_at: string | null }>(
    await db.execute(sql`select status, published_at::text from stat_periods where ym = ${ym}`),
  );
  const history = rows<{
    from_status: string | null;
    to_status: string;
    reason: string | null;
    actor_user_id: string | null;
    at: string;
  }>(
    await db.execute(
      sql`select from_status, to_status, reason, actor_user_id, at::text from stat_period_events where ym = ${ym} order by id`,
    ),
  );
  return {
    period: ymText(ym),
    status: p?.status ?? ('open' as PeriodStatus),
    publishedAt: p?.published_at ?? null,
    history: history.map((h) => ({
      from: h.from_status,
      to: h.to_status,
      reason: h.reason,
      actorUserId: h.actor_user_id,
      at: h.at,
    })),
  };
}

/**
 * What the figures cover: the latest month with a report and the latest year whose twelve months are all
 * published — the default year of the screens that show a year (the explorer, the year-end report).
 */
export async function coverage(
  db: Db,
): Promise<{ latestReported: string | null; latestPublishedYear: number | null }> {
  const maxYm = await repo.maxReportedYm(db);
  const [y] = rows<{ y: number }>(
    await db.execute(sql`select ym / 100 as y from stat_periods where status = 'published'
      group by 1 having count(*) = 12 order by 1 desc limit 1`),
  );
  return {
    latestReported: maxYm === null ? null : ymText(maxYm),
    latestPublishedYear: y ? Number(y.y) : null,
  };
}

export async function listPeriods(db: Db, year: number) {
  return Promise.all(yearMonths(year).map((ym) => getPeriod(db, ym)));
}

export async function transitionPeriod(
  db: Db,
  actor: Actor,
  role: string | null,
  ym: number,
  to: PeriodStatus,
  reason: string | null,
) {
  if (!PERIOD_STATUSES.includes(to)) throw new AppError('validation.failed');
  await db.transaction(async (tx) => {
    // First wait for the writes of figures in flight on this month (they hold the lock shared).
    await repo.lockPeriodForTransition(tx, ym);
    await tx.execute(
      sql`insert into stat_periods (ym, status) values (${ym}, 'open') on conflict (ym) do nothing`,
    );
    const [p] = rows<{ status: PeriodStatus }>(
      await tx.execute(sql`select status from stat_periods where ym = ${ym} for update`),
    );
    const from = p!.status;
    const key = `${from}>${to}`;
    const allowed = TRANSITIONS[key];
    if (!allowed) throw new AppError('period.invalid_transition', { from, to });
    if (role !== null && !allowed.includes(role)) throw new AppError('auth.forbidden');
    if (NEEDS_REASON.has(key) && !reason?.trim())
      throw new AppError('period.reason_required', { issues: [{ path: 'reason', code: 'issue.required' }] });
    await tx.execute(sql`update stat_periods set status = ${to}, updated_at = now(),
      published_at = ${to === 'published' ? sql`now()` : sql`null`} where ym = ${ym}`);
    await tx.execute(sql`insert into stat_period_events (ym, from_status, to_status, reason, actor_user_id, via)
      values (${ym}, ${from}, ${to}, ${reason}, ${actor.userId}, ${actor.via})`);
    await recordAudit(tx, actor, {
      action: `stat_period.${to}`,
      entityType: 'stat_period',
      entityId: ymText(ym),
      before: { status: from },
      after: { status: to, reason },
    });
  });
  return getPeriod(db, ym);
}

// ---- areas over time ----

/** The territory of an area: its subtree, the areas it succeeded, and (Lạng Sơn) the 2025 communes carved out of a 2014 district. */
export async function territoryCodes(db: Db, code: string): Promise<string[]> {
  const out = new Set(await subtreeCodes(db, code));
  for (let changed = true; changed; ) {
    changed = false;
    const preds = rows<{ code: string }>(
      await db.execute(
        sql`select code from areas where successor_code = any(${sql.param([...out])}::text[])`,
      ),
    );
    for (const p of preds)
      if (!out.has(p.code)) {
        for (const c of await subtreeCodes(db, p.code)) out.add(c);
        changed = true;
      }
  }
  for (const c of LANG_SON_COMMUNE_ORIGIN) if (out.has(c.formerDistrictCode)) out.add(c.code);
  return [...out];
}

export async function subAreasValid(db: Db, code: string, from: number, to: number) {
  const start = `${ymText(from)}-01`;
  const end = `${ymText(to)}-28`;
  return (await listAreas(db, { parent: code })).filter(
    (a) => a.validFrom <= end && (!a.validTo || a.validTo >= start),
  );
}

function vsicCond(column: string, filter: string): SQL {
  const col = sql.raw(column);
  if (/^[A-Z]$/.test(filter)) {
    const divisions = VSIC_DIVISIONS.filter((d) => d.section === filter).map((d) => d.code);
    return divisions.length ? sql`substr(${col}, 1, 2) = any(${sql.param(divisions)}::text[])` : sql`false`;
  }
  return sql`${col} like ${`${filter}%`}`;
}

// ---- indicators and export (statistics.md §2, §3, §6) ----

export interface ComputeOptions {
  baseYearDefault: number;
  /** Outside the department (anonymous, enterprise, bank): unpublished periods are never shown. */
  embargo: boolean;
}

export async function computeIndicators(
  db: Db,
  q: IndicatorQuery,
  opts: ComputeOptions,
): Promise<IndicatorResult> {
  const from = ymOf(q.from);
  const to = ymOf(q.to);
  if (from > to)
    throw new AppError('validation.failed', { issues: [{ path: 'to', code: 'issue.date_order' }] });
  if (to - from > 5000)
    throw new AppError('validation.failed', { issues: [{ path: 'from', code: 'issue.too_big' }] });
  const [area] = await findAreas(db, [q.area]);
  if (!area) throw new AppError('area.unknown', { code: q.area });
  const baseYear = q.baseYear ?? opts.baseYearDefault;
  let periods = periodsIn(from, to, q.freq);
  const products = await loadProducts(db);
  const unknown = (q.product ?? []).filter((p) => !products.has(p));
  if (unknown.length)
    throw new AppError('validation.failed', {
      issues: unknown.map((p) => ({ path: 'product', code: 'issue.unknown_product', params: { code: p } })),
    });

  const needMonths = new Set<number>(yearMonths(baseYear));
  for (const p of periods) {
    for (const m of p.months) {
      needMonths.add(m);
      needMonths.add(m - 100);
      needMonths.add(addMonths(m, -1));
    }
  }
  const months = [...needMonths].sort((a, b) => a - b);
  const statuses = await periodStatuses(db, months);
  const status = (m: number) => statuses.get(m) ?? 'open';
  if (opts.embargo) periods = periods.filter((p) => p.months.every((m) => status(m) === 'published'));
  const hidden = (m: number) => opts.embargo && status(m) !== 'published';

  const provinceWide = await territoryCodes(db, q.area);
  const entVsic = q.enterpriseVsic ? vsicCond('ent_vsic', q.enterpriseVsic) : null;
  const filter = {
    areaCodes: provinceWide,
    months,
    products: q.product ?? null,
    ownership: q.ownership ?? null,
    entVsic,
  };
  const [cellRows, ratioRows, maxYm, received, panel, weightRows, targetRows] = await Promise.all([
    repo.readCells(db, filter),
    repo.readRatios(db, months),
    repo.maxReportedYm(db),
    repo.readReceived(db, filter),
    repo.panelCounts(
      db,
      provinceWide,
      q.ownership ?? null,
      q.enterpriseVsic ? vsicCond('vsic', q.enterpriseVsic) : null,
    ),
    db.execute(sql`select vsic, value_added_vnd::text as v from stat_weights where base_year = ${baseYear}`),
    db.execute(sql`select year, indicator, area_code, product_code, value::text from stat_targets
      where year between ${Math.floor(from / 100)} and ${Math.floor(to / 100)}`),
  ]);
  const ratios = new Map<number, Map<string, Ratio>>();
  for (const r of ratioRows) {
    if (!ratios.has(r.ym)) ratios.set(r.ym, new Map());
    ratios.get(r.ym)!.set(r.product_code, { num: toMicro(r.num), den: toMicro(r.den) });
  }
  const weights = new Map(rows<{ vsic: string; v: string }>(weightRows).map((w) => [w.vsic, BigInt(w.v)]));
  const targets = rows<{
    year: number;
    indicator: string;
    area_code: string;
    product_code: string | null;
    value: string;
  }>(targetRows);

  const areasOut: { code: string; codes: Set<string> }[] = [{ code: q.area, codes: new Set(provinceWide) }];
  if (q.subAreas)
    for (const s of await subAreasValid(db, q.area, from, to))
      areasOut.push({ code: s.code, codes: new Set(await territoryCodes(db, s.code)) });

  const observations: Observation[] = [];
  let firstEngine: Engine | null = null;
  for (const a of areasOut) {
    const cellsMap = new Map<number, Map<string, Cell>>();
    for (const r of cellRows) {
      if (!a.codes.has(r.area_code) || hidden(r.ym)) continue;
      if (!cellsMap.has(r.ym)) cellsMap.set(r.ym, new Map());
      const byP = cellsMap.get(r.ym)!;
      const c: Cell = {
        qty: toMicro(r.qty),
        value: toMicro(r.value),
        valueN: r.value_n,
        n: r.n,
        missQty: toMicro(r.miss_qty),
        missValue: toMicro(r.miss_value),
        missValueN: r.miss_value_n,
        missN: r.miss_n,
      };
      const prev = byP.get(r.product_code);
      if (prev) addInto(prev, c);
      else byP.set(r.product_code, c);
    }
    const engine = new Engine({
      products,
      cells: cellsMap,
      ratios,
      maxYm,
      imputation: q.imputation,
      baseYear,
      weights,
    });
    firstEngine ??= engine;
    const rec = new Map<number, number>();
    for (const r of received) if (a.codes.has(r.area_code)) rec.set(r.ym, (rec.get(r.ym) ?? 0) + r.n);
    const expected = panel.filter((p) => a.codes.has(p.area_code)).reduce((s, p) => s + p.n, 0);
    const t = new Map<string, bigint>();
    for (const x of targets)
      if (x.area_code === a.code) t.set(`${x.year}|${x.indicator}|${x.product_code ?? ''}`, toMicro(x.value));
    observations.push(
      ...buildObservations({
        engine,
        area: a.code,
        periods,
        activities: q.activity ?? null,
        products: q.product ?? null,
        indicators: q.indicator ?? null,
        targets: t,
        reporting: { expected, received: rec },
        provisional: (m) => status(m) !== 'approved' && status(m) !== 'published',
        productRows: true,
      }),
    );
    // A large query (years × frequencies × sub-areas) is seconds of CPU: area by area, other requests get in.
    await nextTurn();
  }
  const allMonths = periods.flatMap((p) => p.months);
  const all = firstEngine!.productsIn('_T', q.product ?? null);
  const withData = all.filter((p) =>
    allMonths.some((m) => {
      const f = firstEngine!.month(p.code, m);
      return f.reported + f.imputed > 0;
    }),
  );
  return {
    baseYear,
    imputation: q.imputation,
    productsWithoutPrice: withData.filter((p) => !p.prices.has(baseYear)).map((p) => p.code),
    productsWithoutBase: firstEngine!.leftOutOfIip(all, allMonths),
    observations,
  };
}

// ---- traceability (statistics.md §5) ----

export async function traceFigure(
  db: Db,
  scope: Scope,
  q: {
    area: string;
    period: string;
    indicator: string;
    activity: string;
    product?: string | undefined;
    ownership?: string | undefined;
    enterpriseVsic?: string | undefined;
    imputation: boolean;
    limit: number;
  },
) {
  const { parsePeriodLabel } = await import('./period');
  const p = parsePeriodLabel(q.period);
  let months = [...p.months];
  if (q.indicator.endsWith('_YOY')) months = [...months, ...previousYear(p).months];
  if (q.indicator.endsWith('_MOM')) months = [...months, addMonths(p.months[0]!, -1)];
  if (q.indicator.startsWith('IIP')) months = [...months, ...yearMonths(Number(q.period.slice(0, 4)) - 1)];
  months = [...new Set(months)].sort((a, b) => a - b);
  const [area] = await findAreas(db, [q.area]);
  if (!area) throw new AppError('area.unknown', { code: q.area });
  requireArea(scope, q.area);
  const codes = await territoryCodes(db, q.area);
  const products = [...(await loadProducts(db)).values()]
    .filter((x) => (q.product ? x.code === q.product : true))
    .filter((x) => {
      if (q.activity === '_T') return true;
      if (/^[A-Z]$/.test(q.activity))
        return VSIC_DIVISIONS.some((d) => d.section === q.activity && x.vsic.startsWith(d.code));
      return x.vsic.startsWith(q.activity);
    })
    .map((x) => x.code);
  const conds: SQL[] = [
    sql`r.ym = any(${sql.param(months)}::int[])`,
    sql`r.area_code = any(${sql.param(codes)}::text[])`,
    sql`r.product_code = any(${sql.param(products)}::text[])`,
    // An area's territory can reach past the caller's subtree (areas it succeeded): rows stay in scope.
    enterpriseCond(scope, sql`e.id`, sql`e.area_code`),
  ];
  if (q.ownership) conds.push(sql`r.ownership = ${q.ownership}`);
  if (q.enterpriseVsic) conds.push(vsicCond('r.ent_vsic', q.enterpriseVsic));
  const where = sql.join(conds, sql` and `);
  const reports = await reportRowsWhere(db, where, q.limit + 1, 0);
  const truncated = reports.length > q.limit;
  const shown = reports.slice(0, q.limit);
  const revs = shown.length
    ? rows<{
        report_id: number;
        revision: number;
        quantity_old: string | null;
        value_old: string | null;
        quantity_new: string;
        value_new: string | null;
        source: string;
        comment: string | null;
        actor_user_id: string | null;
        via: string;
        at: string;
      }>(
        await db.execute(sql`select report_id, revision, trim_scale(quantity_old)::text as quantity_old, value_old::text,
          trim_scale(quantity_new)::text as quantity_new, value_new::text,
          source, comment, actor_user_id, via, at::text from stat_report_revisions
          where report_id = any(${sql.param(shown.map((r) => Number(r.id)))}::bigint[]) order by report_id, revision`),
      )
    : [];
  const imputations: TraceResult['imputations'] = [];
  const maxYm = await repo.maxReportedYm(db);
  if (q.imputation && maxYm !== null) {
    const due = months.filter((m) => m <= maxYm);
    const list = rows<{
      enterprise_id: string;
      tax_code: string;
      product_code: string;
      ym: number;
      q: string;
      v: string | null;
    }>(
      await db.execute(sql`select a.enterprise_id, e.tax_code, a.product_code, a.ym + 100 as ym, a.quantity::text as q, a.value_vnd::text as v
        from stat_reports a join enterprises e on e.id = a.enterprise_id
        where a.in_panel and a.ym + 100 = any(${sql.param(due)}::int[]) and a.area_code = any(${sql.param(codes)}::text[])
          and a.product_code = any(${sql.param(products)}::text[])
          ${q.ownership ? sql`and a.ownership = ${q.ownership}` : sql``}
          ${q.enterpriseVsic ? sql`and ${vsicCond('a.ent_vsic', q.enterpriseVsic)}` : sql``}
          and not exists (select 1 from stat_reports b where b.enterprise_id = a.enterprise_id
            and b.product_code = a.product_code and b.ym = a.ym + 100)
        order by a.ym, e.tax_code limit ${q.limit}`),
    );
    const ratioRows = await repo.readRatios(db, due);
    const ratio = new Map(ratioRows.map((r) => [`${r.ym}|${r.product_code}`, r]));
    const { fromMicro, mulDiv } = await import('./decimal');
    for (const x of list) {
      const r = ratio.get(`${x.ym}|${x.product_code}`);
      const num = r && toMicro(r.den) > 0n ? toMicro(r.num) : 1n;
      const den = r && toMicro(r.den) > 0n ? toMicro(r.den) : 1n;
      imputations.push({
        enterpriseId: x.enterprise_id,
        taxCode: x.tax_code,
        productCode: x.product_code,
        period: ymText(x.ym),
        basePeriod: ymText(x.ym - 100),
        baseQuantity: fromMicro(toMicro(x.q)),
        ratio: (Number(num) / Number(den)).toString(),
        quantity: fromMicro(mulDiv(toMicro(x.q), num, den)),
        valueVnd: x.v === null ? null : fromMicro(mulDiv(toMicro(x.v), num, den)),
      });
    }
  }
  return {
    months: months.map(ymText),
    reports: shown.map((r) => ({
      ...r,
      revisions: revs
        .filter((v) => String(v.report_id) === r.id)
        .map((v) => ({
          revision: v.revision,
          quantityOld: v.quantity_old,
          valueOld: v.value_old,
          quantityNew: v.quantity_new,
          valueNew: v.value_new,
          source: v.source,
          comment: v.comment,
          actorUserId: v.actor_user_id,
          via: v.via,
          at: v.at,
        })),
    })),
    imputations,
    truncated,
  };
}

// ---- reporting rate and late reporters ----

export async function reportingStatus(db: Db, scope: Scope, areaCode: string, ym: number) {
  requireArea(scope, areaCode);
  const inScope = areaCond(scope, sql`e.area_code`);
  const codes = await territoryCodes(db, areaCode);
  const late = rows<{ id: string; tax_code: string; name: string; area_code: string }>(
    await db.execute(sql`select e.id, e.tax_code, e.name, e.area_code from enterprises e
      where e.reports_monthly and e.status = 'active' and e.area_code = any(${sql.param(codes)}::text[])
        and ${inScope} and not exists (select 1 from stat_reports r where r.enterprise_id = e.id and r.ym = ${ym})
      order by e.name`),
  );
  const [exp] = rows<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from enterprises e where e.reports_monthly and e.status = 'active'
      and e.area_code = any(${sql.param(codes)}::text[]) and ${inScope}`),
  );
  const expected = exp?.n ?? 0;
  const received = expected - late.length;
  return {
    period: ymText(ym),
    expected,
    received,
    rate: expected ? String(Math.round((received / expected) * 1e8) / 1e6) : null,
    late: late.map((l) => ({ enterpriseId: l.id, taxCode: l.tax_code, name: l.name, areaCode: l.area_code })),
  };
}

export { monthRange };
