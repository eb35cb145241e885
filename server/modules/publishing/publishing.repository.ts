import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { publishingReports, publishingReportVersions, savedViews } from './publishing.tables';

export type ReportRow = typeof publishingReports.$inferSelect;
export type SavedViewRow = typeof savedViews.$inferSelect;

export async function insertReport(db: Db, row: typeof publishingReports.$inferInsert): Promise<ReportRow> {
  const [r] = await db.insert(publishingReports).values(row).returning();
  return r!;
}

export async function getReport(db: Db, id: string, forUpdate = false): Promise<ReportRow | null> {
  const q = db.select().from(publishingReports).where(eq(publishingReports.id, id));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r ?? null;
}

export async function listReports(
  db: Db,
  f: { period?: string | undefined; areaCode?: string | undefined; status?: 'draft' | 'issued' | undefined },
): Promise<ReportRow[]> {
  const conds: SQL[] = [];
  if (f.period) conds.push(eq(publishingReports.period, f.period));
  if (f.areaCode) conds.push(eq(publishingReports.areaCode, f.areaCode));
  if (f.status) conds.push(eq(publishingReports.status, f.status));
  return db
    .select()
    .from(publishingReports)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(publishingReports.updatedAt), desc(publishingReports.id))
    .limit(500);
}

/** With `expectedVersion`, the UPDATE itself requires that version (optimistic concurrency); undefined if not. */
export async function updateReport(
  db: Db,
  id: string,
  set: Partial<typeof publishingReports.$inferInsert>,
  expectedVersion?: number,
): Promise<ReportRow | undefined> {
  const [r] = await db
    .update(publishingReports)
    .set({ ...set, updatedAt: sql`now()` })
    .where(
      and(
        eq(publishingReports.id, id),
        expectedVersion === undefined ? undefined : eq(publishingReports.version, expectedVersion),
      ),
    )
    .returning();
  return r;
}

export async function insertVersion(
  db: Db,
  row: typeof publishingReportVersions.$inferInsert,
): Promise<void> {
  await db.insert(publishingReportVersions).values(row);
}

export async function listVersions(db: Db, reportId: string) {
  return db
    .select({
      version: publishingReportVersions.version,
      action: publishingReportVersions.action,
      editedBy: publishingReportVersions.editedBy,
      editedAt: publishingReportVersions.editedAt,
    })
    .from(publishingReportVersions)
    .where(eq(publishingReportVersions.reportId, reportId))
    .orderBy(desc(publishingReportVersions.version));
}

export async function getVersion(db: Db, reportId: string, version: number) {
  const [v] = await db
    .select()
    .from(publishingReportVersions)
    .where(
      and(eq(publishingReportVersions.reportId, reportId), eq(publishingReportVersions.version, version)),
    );
  return v ?? null;
}

/** Months (yyyymm) among `months` that are published, and whose publication time has come. */
export async function publishedMonths(db: Db, months: number[]): Promise<Set<number>> {
  if (!months.length) return new Set();
  const res = await db.execute(
    sql`select ym from stat_periods where ym = any(${sql.param(months)}::int[])
        and status = 'published' and published_at is not null and published_at <= now()`,
  );
  return new Set((res as unknown as { rows: { ym: number }[] }).rows.map((r) => Number(r.ym)));
}

export async function allPublishedMonths(db: Db): Promise<{ ym: number; publishedAt: string }[]> {
  const res = await db.execute(
    sql`select ym, published_at::text as published_at from stat_periods
        where status = 'published' and published_at is not null and published_at <= now() order by ym`,
  );
  return (res as unknown as { rows: { ym: number; published_at: string }[] }).rows.map((r) => ({
    ym: Number(r.ym),
    publishedAt: r.published_at,
  }));
}

// ---- saved views ----

export async function insertView(db: Db, row: typeof savedViews.$inferInsert): Promise<SavedViewRow> {
  const [r] = await db.insert(savedViews).values(row).returning();
  return r!;
}

export async function getViewById(db: Db, id: string): Promise<SavedViewRow | null> {
  const [r] = await db.select().from(savedViews).where(eq(savedViews.id, id));
  return r ?? null;
}

export async function getViewByKey(db: Db, key: string): Promise<SavedViewRow | null> {
  const [r] = await db.select().from(savedViews).where(eq(savedViews.shareKey, key));
  return r ?? null;
}

export async function listViews(db: Db, ownerId: string): Promise<SavedViewRow[]> {
  return db
    .select()
    .from(savedViews)
    .where(eq(savedViews.ownerId, ownerId))
    .orderBy(desc(savedViews.updatedAt), desc(savedViews.id));
}

export async function updateView(
  db: Db,
  id: string,
  set: Partial<typeof savedViews.$inferInsert>,
): Promise<SavedViewRow> {
  const [r] = await db
    .update(savedViews)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(savedViews.id, id))
    .returning();
  return r!;
}

export async function deleteView(db: Db, id: string): Promise<void> {
  await db.delete(savedViews).where(eq(savedViews.id, id));
}
