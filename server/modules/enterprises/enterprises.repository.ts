import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { EnterpriseListQuery } from '../../../contracts/enterprises';
import { VSIC_DIVISIONS } from '../../../contracts/vsic';
import type { Db } from '../../platform/db';
import { enterpriseCond, type Scope } from '../../platform/scope';
import { areas } from '../areas/areas.tables';
import { enterpriseProducts, enterprises } from './enterprises.tables';

export type EnterpriseRow = typeof enterprises.$inferSelect;
export type EnterpriseInsert = typeof enterprises.$inferInsert;
export type ProductRow = typeof enterpriseProducts.$inferSelect;

export interface ListFilter extends EnterpriseListQuery {
  areaCodes: string[] | null;
}

const columns = {
  id: enterprises.id,
  taxCode: enterprises.taxCode,
  name: enterprises.name,
  nameEn: enterprises.nameEn,
  shortName: enterprises.shortName,
  areaCode: enterprises.areaCode,
  areaName: areas.name,
  address: enterprises.address,
  vsic: enterprises.vsic,
  ownership: enterprises.ownership,
  sizeClass: enterprises.sizeClass,
  status: enterprises.status,
  reportsMonthly: enterprises.reportsMonthly,
  foundedOn: enterprises.foundedOn,
  employees: enterprises.employees,
  charterCapitalVnd: enterprises.charterCapitalVnd,
  representative: enterprises.representative,
  phone: enterprises.phone,
  email: enterprises.email,
  website: enterprises.website,
  notes: enterprises.notes,
  isDemo: enterprises.isDemo,
  version: enterprises.version,
  createdAt: enterprises.createdAt,
  updatedAt: enterprises.updatedAt,
};

function vsicCond(filter: string): SQL {
  if (/^[A-Z]$/.test(filter)) {
    const divisions = VSIC_DIVISIONS.filter((d) => d.section === filter).map((d) => d.code);
    return divisions.length ? sql`substr(${enterprises.vsic}, 1, 2) in ${divisions}` : sql`false`;
  }
  return sql`${enterprises.vsic} like ${`${filter}%`}`;
}

/**
 * Search ignores accents, case and word order and tolerates typos: each word of the query must appear in
 * the accent-free text or be close to one of its words (trigram word similarity).
 */
function searchParts(q: string): { cond: SQL; score: SQL } | null {
  const tokens = q
    .normalize('NFC')
    .split(/\s+/)
    .map((t) => t.replace(/[%_\\]/g, ''))
    .filter(Boolean)
    .slice(0, 8);
  if (tokens.length === 0) return null;
  const per = tokens.map((t) => {
    const tok = sql`lower(f_unaccent(${t}))`;
    return {
      cond: sql`(strpos(${enterprises.searchText}, ${tok}) > 0 or word_similarity(${tok}, ${enterprises.searchText}) >= 0.4)`,
      score: sql`word_similarity(${tok}, ${enterprises.searchText})`,
    };
  });
  return {
    cond: and(...per.map((p) => p.cond))!,
    score: sql`(${sql.join(
      per.map((p) => p.score),
      sql` + `,
    )}) + similarity(lower(f_unaccent(${q})), ${enterprises.searchText})`,
  };
}

export async function listEnterprises(db: Db, f: ListFilter, scope: Scope) {
  const conds: SQL[] = [enterpriseCond(scope, enterprises.id, enterprises.areaCode)];
  if (f.areaCodes)
    conds.push(f.areaCodes.length ? sql`${enterprises.areaCode} in ${f.areaCodes}` : sql`false`);
  if (f.vsic) conds.push(vsicCond(f.vsic));
  if (f.ownership) conds.push(eq(enterprises.ownership, f.ownership));
  if (f.size) conds.push(eq(enterprises.sizeClass, f.size));
  if (f.status) conds.push(eq(enterprises.status, f.status));
  const search = f.q ? searchParts(f.q) : null;
  if (search) conds.push(search.cond);
  const where = conds.length ? and(...conds) : undefined;

  const sortCol = {
    name: sql`lower(f_unaccent(${enterprises.name}))`,
    taxCode: sql`${enterprises.taxCode}`,
    updatedAt: sql`${enterprises.updatedAt}`,
    employees: sql`${enterprises.employees}`,
    areaCode: sql`${enterprises.areaCode}`,
  }[f.sort];
  const dir = f.dir === 'desc' ? desc : asc;
  // A search ranks by relevance unless the user picked another order than the default.
  const order = search && f.sort === 'name' && f.dir === 'asc' ? [desc(search.score)] : [dir(sortCol)];

  const [items, total] = await Promise.all([
    db
      .select({ ...columns, score: search ? sql<number>`${search.score}` : sql<number>`0` })
      .from(enterprises)
      .leftJoin(areas, eq(areas.code, enterprises.areaCode))
      .where(where)
      .orderBy(...order, asc(enterprises.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(enterprises).where(where),
  ]);
  return { items, total: Number(total[0]?.n ?? 0) };
}

export async function getEnterprise(db: Db, id: string) {
  const row = (
    await db
      .select(columns)
      .from(enterprises)
      .leftJoin(areas, eq(areas.code, enterprises.areaCode))
      .where(eq(enterprises.id, id))
      .limit(1)
  )[0];
  return row;
}

export async function getEnterpriseRow(db: Db, id: string): Promise<EnterpriseRow | undefined> {
  return (await db.select().from(enterprises).where(eq(enterprises.id, id)).limit(1))[0];
}

export async function findByTaxCodes(db: Db, taxCodes: string[]): Promise<EnterpriseRow[]> {
  if (taxCodes.length === 0) return [];
  return db.select().from(enterprises).where(sql`${enterprises.taxCode} in ${taxCodes}`);
}

export async function listProducts(db: Db, enterpriseId: string): Promise<ProductRow[]> {
  return db
    .select()
    .from(enterpriseProducts)
    .where(eq(enterpriseProducts.enterpriseId, enterpriseId))
    .orderBy(asc(enterpriseProducts.position), asc(enterpriseProducts.name));
}

export async function insertEnterprise(db: Db, v: EnterpriseInsert): Promise<EnterpriseRow> {
  return (await db.insert(enterprises).values(v).returning())[0]!;
}

/**
 * Change an enterprise and bump its version. With `expectedVersion`, the row changes only if it is still at
 * that version — checked by the UPDATE itself, so that of concurrent edits from one version exactly one wins;
 * undefined is returned when it did not (the caller answers conflict.stale).
 */
export async function updateEnterprise(
  db: Db,
  id: string,
  v: Partial<EnterpriseInsert>,
  expectedVersion?: number,
): Promise<EnterpriseRow | undefined> {
  return (
    await db
      .update(enterprises)
      .set({ ...v, version: sql`${enterprises.version} + 1`, updatedAt: sql`now()` })
      .where(
        and(
          eq(enterprises.id, id),
          expectedVersion === undefined ? undefined : eq(enterprises.version, expectedVersion),
        ),
      )
      .returning()
  )[0];
}

export async function insertProduct(db: Db, v: typeof enterpriseProducts.$inferInsert): Promise<ProductRow> {
  return (await db.insert(enterpriseProducts).values(v).returning())[0]!;
}

export async function updateProduct(
  db: Db,
  enterpriseId: string,
  id: string,
  v: Partial<typeof enterpriseProducts.$inferInsert>,
): Promise<ProductRow | undefined> {
  return (
    await db
      .update(enterpriseProducts)
      .set(v)
      .where(and(eq(enterpriseProducts.id, id), eq(enterpriseProducts.enterpriseId, enterpriseId)))
      .returning()
  )[0];
}

export async function deleteProduct(
  db: Db,
  enterpriseId: string,
  id: string,
): Promise<ProductRow | undefined> {
  return (
    await db
      .delete(enterpriseProducts)
      .where(and(eq(enterpriseProducts.id, id), eq(enterpriseProducts.enterpriseId, enterpriseId)))
      .returning()
  )[0];
}

export async function touchEnterprise(db: Db, id: string): Promise<void> {
  await db
    .update(enterprises)
    .set({ version: sql`${enterprises.version} + 1`, updatedAt: sql`now()` })
    .where(eq(enterprises.id, id));
}

export async function hasDemoData(db: Db): Promise<boolean> {
  const [row] = await db
    .select({ present: sql<boolean>`true` })
    .from(enterprises)
    .where(eq(enterprises.isDemo, true))
    .limit(1);
  return Boolean(row?.present);
}
