import { z } from 'zod';
import type { SessionUser } from '../../../contracts/auth';
import {
  type CreateEnterpriseInput,
  ENTERPRISE_COLUMNS,
  type EnterpriseDto,
  type EnterpriseListQuery,
  type enterpriseProductBody,
  type HistoryEntry,
  OWNERSHIPS,
  SIZE_CLASSES,
  type UpdateEnterpriseInput,
} from '../../../contracts/enterprises';
import type { Issue } from '../../../contracts/errors';
import { isStaff } from '../../../contracts/roles';
import { isValidTaxCode, lostLeadingZero } from '../../../contracts/tax-code';
import { isIndustrialVsicClass } from '../../../contracts/vsic';
import { type Actor, changedFields, listAudit, recordAudit } from '../../platform/audit';
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
import { coversArea, coversEnterprise, type Scope } from '../../platform/scope';
import { scopeOf, userNames } from '../accounts';
import { findAreas, subtreeCodes } from '../areas';
import * as repo from './enterprises.repository';

type ProductInput = z.infer<typeof enterpriseProductBody>;

/**
 * Whether the scope holds this enterprise. An id naming no enterprise is "allowed" for staff so that the
 * handler answers 404 itself (the same answer as for an enterprise outside the scope).
 */
export async function canAccessEnterprise(db: Db, scope: Scope, id: string): Promise<boolean> {
  if (scope.enterpriseIds !== 'all') return scope.enterpriseIds.has(id);
  if (scope.areaCodes === 'all') return true;
  const e = await repo.getEnterpriseRow(db, id);
  return !e || coversEnterprise(scope, e);
}

function toDto(
  e: NonNullable<Awaited<ReturnType<typeof repo.getEnterprise>>>,
  products: repo.ProductRow[],
): EnterpriseDto {
  return {
    ...e,
    charterCapitalVnd: e.charterCapitalVnd === null ? null : String(e.charterCapitalVnd),
    products: products.map((p) => ({
      id: p.id,
      name: p.name,
      unit: p.unit,
      capacityPerYear: p.capacityPerYear === null ? null : trimDecimal(p.capacityPerYear),
      productCode: p.productCode,
    })),
  };
}

const trimDecimal = (s: string) => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);

export async function listEnterpriseSummaries(db: Db, scope: Scope, q: EnterpriseListQuery) {
  const areaCodes = q.area ? await subtreeCodes(db, q.area) : null;
  const { items, total } = await repo.listEnterprises(db, { ...q, areaCodes }, scope);
  return {
    items: items.map(({ notes: _, ...e }) => ({
      ...e,
      charterCapitalVnd: e.charterCapitalVnd === null ? null : String(e.charterCapitalVnd),
      score: Number(e.score),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getEnterpriseDto(db: Db, id: string): Promise<EnterpriseDto> {
  const e = await repo.getEnterprise(db, id);
  if (!e) throw new AppError('not_found');
  return toDto(e, await repo.listProducts(db, id));
}

/** The audited snapshot of an enterprise: its own fields and its products. */
async function snapshot(db: Db, id: string) {
  const e = await repo.getEnterpriseRow(db, id);
  if (!e) return null;
  const { searchText: _, version: __, createdAt: ___, updatedAt: ____, ...fields } = e;
  const products = (await repo.listProducts(db, id)).map((p) => ({
    name: p.name,
    unit: p.unit,
    capacityPerYear: p.capacityPerYear === null ? null : trimDecimal(p.capacityPerYear),
    productCode: p.productCode,
  }));
  return { ...fields, charterCapitalVnd: fields.charterCapitalVnd?.toString() ?? null, products };
}

async function checkArea(db: Db, scope: Scope, areaCode: string): Promise<void> {
  const [area] = await findAreas(db, [areaCode]);
  if (!area)
    throw new AppError('validation.failed', {
      issues: [{ path: 'areaCode', code: 'issue.unknown_area', params: { code: areaCode } }],
    });
  if (!coversArea(scope, areaCode)) {
    throw new AppError('validation.failed', { issues: [{ path: 'areaCode', code: 'issue.out_of_scope' }] });
  }
}

function fieldsOf(input: Partial<CreateEnterpriseInput>): Partial<repo.EnterpriseInsert> {
  const { products: _, charterCapitalVnd, ...rest } = input;
  const out: Partial<repo.EnterpriseInsert> = { ...rest };
  if (charterCapitalVnd !== undefined)
    out.charterCapitalVnd = charterCapitalVnd === null ? null : BigInt(charterCapitalVnd);
  return out;
}

export async function createEnterprise(
  db: Db,
  actor: Actor,
  user: SessionUser | null,
  input: CreateEnterpriseInput & { isDemo?: boolean },
): Promise<EnterpriseDto> {
  await checkArea(db, await scopeOf(db, user), input.areaCode);
  if ((await repo.findByTaxCodes(db, [input.taxCode])).length) {
    throw new AppError('enterprise.tax_code_taken', {
      taxCode: input.taxCode,
      issues: [{ path: 'taxCode', code: 'enterprise.tax_code_taken', params: { taxCode: input.taxCode } }],
    });
  }
  const id = await db.transaction(async (tx) => {
    const e = await repo.insertEnterprise(tx, {
      ...(fieldsOf(input) as repo.EnterpriseInsert),
      isDemo: input.isDemo ?? false,
    });
    for (const [i, p] of (input.products ?? []).entries())
      await repo.insertProduct(tx, productValues(e.id, p, i));
    await recordAudit(tx, actor, {
      action: 'enterprise.created',
      entityType: 'enterprise',
      entityId: e.id,
      after: await snapshot(tx, e.id),
    });
    return e.id;
  });
  return getEnterpriseDto(db, id);
}

function productValues(enterpriseId: string, p: ProductInput, position: number) {
  return {
    enterpriseId,
    name: p.name,
    unit: p.unit,
    capacityPerYear: p.capacityPerYear ?? null,
    productCode: p.productCode || null,
    position,
  };
}

export async function updateEnterprise(
  db: Db,
  actor: Actor,
  user: SessionUser | null,
  id: string,
  input: UpdateEnterpriseInput,
): Promise<EnterpriseDto> {
  const current = await repo.getEnterpriseRow(db, id);
  if (!current) throw new AppError('not_found');
  if (current.version !== input.version) throw new AppError('conflict.stale');
  // An enterprise user edits its own profile, not what the department records about it.
  if (user && !isStaff(user.role)) {
    for (const k of [
      'taxCode',
      'areaCode',
      'vsic',
      'ownership',
      'status',
      'reportsMonthly',
      'notes',
    ] as const) {
      if (input[k] !== undefined && input[k] !== current[k])
        throw new AppError('auth.forbidden', { field: k });
    }
  }
  if (input.areaCode && input.areaCode !== current.areaCode)
    await checkArea(db, await scopeOf(db, user), input.areaCode);
  if (
    input.taxCode &&
    input.taxCode !== current.taxCode &&
    (await repo.findByTaxCodes(db, [input.taxCode])).length
  ) {
    throw new AppError('enterprise.tax_code_taken', {
      taxCode: input.taxCode,
      issues: [{ path: 'taxCode', code: 'enterprise.tax_code_taken', params: { taxCode: input.taxCode } }],
    });
  }
  const { version: _, ...patch } = input;
  await db.transaction(async (tx) => {
    const before = await snapshot(tx, id);
    if (!(await repo.updateEnterprise(tx, id, fieldsOf(patch), input.version)))
      throw new AppError('conflict.stale');
    const after = await snapshot(tx, id);
    if (changedFields(before, after).length) {
      await recordAudit(tx, actor, {
        action: 'enterprise.updated',
        entityType: 'enterprise',
        entityId: id,
        before,
        after,
      });
    }
  });
  return getEnterpriseDto(db, id);
}

/** Add, change or remove one product line; the enterprise's history shows the products before and after. */
export async function changeProduct(
  db: Db,
  actor: Actor,
  enterpriseId: string,
  change:
    | { op: 'add'; product: ProductInput }
    | { op: 'update'; productId: string; product: Partial<ProductInput> }
    | { op: 'remove'; productId: string },
): Promise<EnterpriseDto> {
  if (!(await repo.getEnterpriseRow(db, enterpriseId))) throw new AppError('not_found');
  if (change.op === 'update' && Object.values(change.product).every((v) => v === undefined)) {
    // Nothing to change (an empty patch): no write, no history line; the product must still exist.
    const products = await repo.listProducts(db, enterpriseId);
    if (!products.some((p) => p.id === change.productId)) throw new AppError('not_found');
    return getEnterpriseDto(db, enterpriseId);
  }
  await db.transaction(async (tx) => {
    const before = await snapshot(tx, enterpriseId);
    if (change.op === 'add') {
      const n = (await repo.listProducts(tx, enterpriseId)).length;
      await repo.insertProduct(tx, productValues(enterpriseId, change.product, n));
    } else if (change.op === 'update') {
      const p = change.product;
      const row = await repo.updateProduct(tx, enterpriseId, change.productId, {
        ...(p.name !== undefined ? { name: p.name } : {}),
        ...(p.unit !== undefined ? { unit: p.unit } : {}),
        ...(p.capacityPerYear !== undefined ? { capacityPerYear: p.capacityPerYear } : {}),
        ...(p.productCode !== undefined ? { productCode: p.productCode || null } : {}),
      });
      if (!row) throw new AppError('not_found');
    } else if (!(await repo.deleteProduct(tx, enterpriseId, change.productId))) {
      throw new AppError('not_found');
    }
    await repo.touchEnterprise(tx, enterpriseId);
    await recordAudit(tx, actor, {
      action: `enterprise.product_${change.op === 'add' ? 'added' : change.op === 'update' ? 'updated' : 'removed'}`,
      entityType: 'enterprise',
      entityId: enterpriseId,
      before,
      after: await snapshot(tx, enterpriseId),
    });
  });
  return getEnterpriseDto(db, enterpriseId);
}

export async function enterpriseHistory(db: Db, id: string): Promise<HistoryEntry[]> {
  const rows = await listAudit(db, 'enterprise', id);
  const names = await userNames(db, [
    ...new Set(rows.map((r) => r.actorUserId).filter((x): x is string => !!x)),
  ]);
  return rows.map((r) => ({
    id: String(r.id),
    at: r.at,
    actorName: r.actorUserId ? (names.get(r.actorUserId) ?? null) : null,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: (r.before as Record<string, unknown>) ?? null,
    after: (r.after as Record<string, unknown>) ?? null,
    changed: changedFields(r.before, r.after),
  }));
}

// ---- import of enterprises.csv ----

const importRow = z.object({
  tax_code: z.string().superRefine((v, ctx) => {
    if (!isValidTaxCode(v))
      ctx.addIssue({
        code: 'custom',
        message: lostLeadingZero(v) ? 'issue.tax_code_leading_zero' : 'issue.tax_code',
      });
  }),
  name: cells.required(300),
  area_code: cells.required(20),
  vsic: z.string().refine(isIndustrialVsicClass, { message: 'issue.vsic' }),
  ownership: cells.oneOf(OWNERSHIPS),
  reports_monthly: cells.boolean(),
  address: cells.optional(500),
  size_class: z
    .union([z.literal(''), cells.oneOf(SIZE_CLASSES)])
    .optional()
    .transform((v) => (v ? v : null)),
  employees: cells.optionalInt(),
  founded_on: cells.optionalDate(),
  phone: cells.optional(30),
  email: z
    .union([z.literal(''), z.email({ message: 'issue.email' })], { message: 'issue.email' })
    .optional()
    .transform((v) => (v ? v : null)),
  representative: cells.optional(200),
  name_en: cells.optional(300),
});

/** Import enterprises.csv / .xlsx: every row valid or nothing written; a known tax code updates its record. */
export async function importEnterprises(
  db: Db,
  actor: Actor,
  user: SessionUser | null,
  table: Table,
  progress: Progress = () => {},
  opts: { isDemo?: boolean } = {},
) {
  progress('validating', 0, table.rows.length);
  const colIssues = checkColumns(table, ENTERPRISE_COLUMNS);
  if (colIssues.length) rejectRows(colIssues);
  const { valid, issues } = validateRows(table, importRow, (d, t) => progress('validating', d, t));
  issues.push(...duplicateKeys(valid, (v) => v.tax_code, 'tax_code'));
  // Area codes are checked on every row that has one, also rows with other errors: every reason is listed.
  const withArea = table.rows
    .map((r) => ({ line: r.line, code: r.values.area_code ?? '' }))
    .filter((r) => r.code !== '' && r.code.length <= 20);
  const areaCodes = [...new Set(withArea.map((r) => r.code))];
  const known = new Set((await findAreas(db, areaCodes)).map((a) => a.code));
  const scope = await scopeOf(db, user);
  for (const r of withArea) {
    const code = r.code;
    if (!known.has(code))
      issues.push({ row: r.line, column: 'area_code', code: 'issue.unknown_area', params: { code } });
    else if (!coversArea(scope, code))
      issues.push({ row: r.line, column: 'area_code', code: 'issue.out_of_scope' });
  }
  // A known tax code updates that enterprise: the caller must hold it (a row may not take over, rename or
  // move an enterprise of another area). Looked up for every row, so that the error lists every reason.
  const existing = new Map(
    (
      await repo.findByTaxCodes(db, [
        ...new Set(table.rows.map((r) => r.values.tax_code ?? '').filter((c) => c !== '')),
      ])
    ).map((e) => [e.taxCode, e]),
  );
  for (const r of table.rows) {
    const e = existing.get(r.values.tax_code ?? '');
    if (e && !coversEnterprise(scope, e))
      issues.push({ row: r.line, column: 'tax_code', code: 'issue.out_of_scope' });
  }
  if (issues.length) rejectRows(issues.sort((a: Issue, b: Issue) => (a.row ?? 0) - (b.row ?? 0)));
  const result = { inserted: 0, updated: 0, unchanged: 0, rows: valid.length };
  await db.transaction(async (tx) => {
    for (const [i, { value: v }] of valid.entries()) {
      const fields = {
        taxCode: v.tax_code,
        name: v.name,
        areaCode: v.area_code,
        vsic: v.vsic,
        ownership: v.ownership,
        reportsMonthly: v.reports_monthly,
        ...(v.address !== null ? { address: v.address } : {}),
        ...(v.size_class !== null ? { sizeClass: v.size_class } : {}),
        ...(v.employees !== null ? { employees: v.employees } : {}),
        ...(v.founded_on !== null ? { foundedOn: v.founded_on } : {}),
        ...(v.phone !== null ? { phone: v.phone } : {}),
        ...(v.email !== null ? { email: v.email } : {}),
        ...(v.representative !== null ? { representative: v.representative } : {}),
        ...(v.name_en !== null ? { nameEn: v.name_en } : {}),
      };
      const current = existing.get(v.tax_code);
      if (!current) {
        const e = await repo.insertEnterprise(tx, { ...fields, isDemo: opts.isDemo ?? false });
        await recordAudit(tx, actor, {
          action: 'enterprise.imported',
          entityType: 'enterprise',
          entityId: e.id,
          after: await snapshot(tx, e.id),
        });
        result.inserted++;
      } else {
        const before = await snapshot(tx, current.id);
        const changed = changedFields(before, { ...before, ...fields });
        if (changed.length === 0) result.unchanged++;
        else {
          await repo.updateEnterprise(tx, current.id, fields);
          await recordAudit(tx, actor, {
            action: 'enterprise.imported',
            entityType: 'enterprise',
            entityId: current.id,
            before,
            after: await snapshot(tx, current.id),
          });
          result.updated++;
        }
      }
      if ((i + 1) % 200 === 0) progress('writing', i + 1, valid.length);
    }
  });
  progress('done', valid.length, valid.length);
  return result;
}

/** Whether the registry holds demo records (the Lạng Sơn demo, `isDemo`): the app then says its data is illustrative. */
export const hasDemoData = (db: Db) => repo.hasDemoData(db);
