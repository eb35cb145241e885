import { and, asc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { areas } from './areas.tables';

export type AreaRow = typeof areas.$inferSelect;

export async function listAreas(db: Db, q: { on?: string | undefined; parent?: string | undefined }) {
  const conds = [];
  if (q.on) conds.push(lte(areas.validFrom, q.on), or(isNull(areas.validTo), gte(areas.validTo, q.on)));
  if (q.parent) conds.push(eq(areas.parentCode, q.parent));
  return db
    .select()
    .from(areas)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(areas.level), asc(areas.code));
}

/**
 * The installation's own area: the province at the top of the tree (no parent) that is valid today, the
 * default of every figure, map and export. Null before any area is loaded.
 */
export async function homeArea(db: Db): Promise<AreaRow | null> {
  const today = new Date().toISOString().slice(0, 10);
  const [row] = await db
    .select()
    .from(areas)
    .where(
      and(
        isNull(areas.parentCode),
        lte(areas.validFrom, today),
        or(isNull(areas.validTo), gte(areas.validTo, today)),
      ),
    )
    .orderBy(asc(areas.code))
    .limit(1);
  return row ?? null;
}

export async function findAreas(db: Db, codes: string[]): Promise<AreaRow[]> {
  if (codes.length === 0) return [];
  return db.select().from(areas).where(sql`${areas.code} in ${codes}`);
}

/** The code of an area and of every area below it, at any time. */
export async function subtreeCodes(db: Db, code: string): Promise<string[]> {
  const rows = (await db.execute(sql`
    with recursive t(code) as (
      select code from areas where code = ${code}
      union select a.code from areas a join t on a.parent_code = t.code
    ) select code from t`)) as unknown as { rows: { code: string }[] };
  return rows.rows.map((r) => r.code);
}

export async function isWithinArea(db: Db, code: string, ancestor: string): Promise<boolean> {
  const rows = (await db.execute(sql`
    with recursive t(code, parent_code) as (
      select code, parent_code from areas where code = ${code}
      union select a.code, a.parent_code from areas a join t on a.code = t.parent_code
    ) select 1 as hit from t where code = ${ancestor} limit 1`)) as unknown as { rows: unknown[] };
  return rows.rows.length > 0;
}

export async function upsertArea(db: Db, v: typeof areas.$inferInsert): Promise<void> {
  const { code, ...rest } = v;
  await db.insert(areas).values(v).onConflictDoUpdate({ target: areas.code, set: rest });
}
