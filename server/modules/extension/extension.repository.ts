import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { SchemeListQuery } from '../../../contracts/extension';
import type { Db } from '../../platform/db';
import { areaCond, type Scope } from '../../platform/scope';
import { areas } from '../areas/areas.tables';
import { enterprises } from '../enterprises/enterprises.tables';
import {
  extActivityGroups,
  extCalls,
  extDisbursements,
  extDocuments,
  extMilestones,
  extMinWages,
  extOutcomes,
  extPlanBudgets,
  extPlans,
  extRubricCriteria,
  extRubrics,
  extSchemeEnterprises,
  extSchemeEvents,
  extSchemes,
  extScores,
  extSupportCaps,
  extWageRegions,
} from './extension.tables';

export type SchemeRow = typeof extSchemes.$inferSelect;
export type SchemeInsert = typeof extSchemes.$inferInsert;
export type OutcomeRow = typeof extOutcomes.$inferSelect;
export type CallRow = typeof extCalls.$inferSelect;

// ---- rules ----

export const listActivityGroups = (db: Db) =>
  db.select().from(extActivityGroups).orderBy(asc(extActivityGroups.position));
export const listCapRules = (db: Db) =>
  db
    .select()
    .from(extSupportCaps)
    .orderBy(asc(extSupportCaps.supportKind), asc(extSupportCaps.effectiveFrom));
export const listMinWages = (db: Db) =>
  db.select().from(extMinWages).orderBy(asc(extMinWages.effectiveFrom), asc(extMinWages.region));
export const listWageRegions = (db: Db) =>
  db.select().from(extWageRegions).orderBy(asc(extWageRegions.areaCode));

export async function getCapRule(db: Db, id: string) {
  const [r] = await db.select().from(extSupportCaps).where(eq(extSupportCaps.id, id));
  return r ?? null;
}

/** The area and its parents, nearest first (e.g. 184, 20). */
export async function areaChain(db: Db, code: string): Promise<string[]> {
  const res = (await db.execute(sql`
    with recursive t(code, parent_code, depth) as (
      select code, parent_code, 0 from ${areas} where code = ${code}
      union all select a.code, a.parent_code, t.depth + 1 from ${areas} a join t on a.code = t.parent_code
    ) select code from t order by depth`)) as unknown as { rows: { code: string }[] };
  return res.rows.length ? res.rows.map((r) => r.code) : [code];
}

// ---- plans ----

export const listPlans = (db: Db) => db.select().from(extPlans).orderBy(desc(extPlans.year));
export async function getPlan(db: Db, id: string) {
  const [p] = await db.select().from(extPlans).where(eq(extPlans.id, id));
  return p ?? null;
}
export async function getPlanByYear(db: Db, year: number) {
  const [p] = await db.select().from(extPlans).where(eq(extPlans.year, year));
  return p ?? null;
}
export const listBudgets = (db: Db, planId: string) =>
  db
    .select()
    .from(extPlanBudgets)
    .where(eq(extPlanBudgets.planId, planId))
    .orderBy(asc(extPlanBudgets.fundingSource), asc(extPlanBudgets.activityGroupCode));

/** Committed (approved and later), disbursed and settled amounts of a year's schemes by source × group. */
export async function yearMoney(db: Db, year: number) {
  const res = (await db.execute(sql`
    select s.funding_source as "fundingSource", s.activity_group_code as "activityGroupCode",
      count(*)::int as schemes,
      coalesce(sum(case when s.status in ('approved','contracted','in_progress','accepted','settled')
        then s.approved_amount_vnd end), 0)::text as "committedVnd",
      coalesce(sum(d.total), 0)::text as "disbursedVnd",
      coalesce(sum(case when s.status = 'settled' then s.settled_amount_vnd end), 0)::text as "settledVnd"
    from ${extSchemes} s
    left join (select scheme_id, sum(amount_vnd) as total from ${extDisbursements} group by scheme_id) d
      on d.scheme_id = s.id
    where s.year = ${year} and s.status not in ('cancelled', 'rejected', 'draft')
    group by s.funding_source, s.activity_group_code`)) as unknown as {
    rows: {
      fundingSource: 'national' | 'local';
      activityGroupCode: string;
      schemes: number;
      committedVnd: string;
      disbursedVnd: string;
      settledVnd: string;
    }[];
  };
  return res.rows;
}

// ---- calls and rubrics ----

export async function listCalls(db: Db, q: { year?: number | undefined; status?: string | undefined }) {
  const conds: SQL[] = [];
  if (q.year) conds.push(eq(extCalls.year, q.year));
  if (q.status) conds.push(sql`${extCalls.status} = ${q.status}`);
  return db
    .select({
      call: extCalls,
      // qualified by hand: with no join, drizzle would render the column unqualified (= s.id)
      applications: sql<number>`(select count(*)::int from ${extSchemes} s where s.call_id = "ext_calls"."id")`,
    })
    .from(extCalls)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(extCalls.opensOn), asc(extCalls.title));
}
export async function getCall(db: Db, id: string) {
  const [c] = await db.select().from(extCalls).where(eq(extCalls.id, id));
  return c ?? null;
}

export async function getRubric(db: Db, id: string) {
  const [r] = await db.select().from(extRubrics).where(eq(extRubrics.id, id));
  if (!r) return null;
  const criteria = await db
    .select()
    .from(extRubricCriteria)
    .where(eq(extRubricCriteria.rubricId, id))
    .orderBy(asc(extRubricCriteria.position));
  return { ...r, criteria };
}
export const listRubrics = (db: Db) => db.select().from(extRubrics).orderBy(asc(extRubrics.createdAt));

export const listScores = (db: Db, schemeIds: string[]) =>
  schemeIds.length
    ? db.select().from(extScores).where(sql`${extScores.schemeId} in ${schemeIds}`)
    : Promise.resolve([] as (typeof extScores.$inferSelect)[]);

// ---- schemes ----

const summaryCols = {
  scheme: extSchemes,
  enterpriseName: enterprises.name,
  enterpriseArea: enterprises.areaCode,
  enterpriseVsic: enterprises.vsic,
  enterpriseEmployees: enterprises.employees,
  disbursedVnd: sql<string>`coalesce((select sum(d.amount_vnd) from ${extDisbursements} d where d.scheme_id = ${extSchemes.id}), 0)::text`,
};

/** The schemes a scope sees: an enterprise user those its companies take part in; staff by the lead's area. */
function visibilityConds(scope: Scope): SQL[] {
  if (scope.enterpriseIds === 'all') return [areaCond(scope, enterprises.areaCode)];
  const ids = [...scope.enterpriseIds];
  return [
    ids.length
      ? sql`exists (select 1 from ${extSchemeEnterprises} se where se.scheme_id = ${extSchemes.id} and se.enterprise_id in ${ids})`
      : sql`false`,
  ];
}

export async function listSchemes(db: Db, q: SchemeListQuery, scope: Scope) {
  const conds = visibilityConds(scope);
  if (q.year) conds.push(eq(extSchemes.year, q.year));
  if (q.status) conds.push(eq(extSchemes.status, q.status));
  if (q.fundingSource) conds.push(eq(extSchemes.fundingSource, q.fundingSource));
  if (q.activityGroupCode) conds.push(eq(extSchemes.activityGroupCode, q.activityGroupCode));
  if (q.supportKind) conds.push(eq(extSchemes.supportKind, q.supportKind));
  if (q.callId) conds.push(eq(extSchemes.callId, q.callId));
  if (q.enterpriseId)
    conds.push(
      sql`exists (select 1 from ${extSchemeEnterprises} se where se.scheme_id = ${extSchemes.id} and se.enterprise_id = ${q.enterpriseId})`,
    );
  if (q.q) {
    const like = `%${q.q.toLowerCase()}%`;
    conds.push(
      sql`(lower(${extSchemes.title}) like ${like} or lower(${extSchemes.code}) like ${like} or ${enterprises.searchText} like lower(f_unaccent(${like})))`,
    );
  }
  return db
    .select(summaryCols)
    .from(extSchemes)
    .innerJoin(enterprises, eq(enterprises.id, extSchemes.leadEnterpriseId))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(extSchemes.year), asc(extSchemes.code));
}

export async function getScheme(db: Db, id: string) {
  const [r] = await db
    .select(summaryCols)
    .from(extSchemes)
    .innerJoin(enterprises, eq(enterprises.id, extSchemes.leadEnterpriseId))
    .where(eq(extSchemes.id, id));
  return r ?? null;
}

export async function lockScheme(db: Db, id: string): Promise<SchemeRow | null> {
  const [r] = await db.select().from(extSchemes).where(eq(extSchemes.id, id)).for('update');
  return r ?? null;
}

export async function insertScheme(db: Db, v: SchemeInsert) {
  const [r] = await db.insert(extSchemes).values(v).returning();
  return r!;
}

/**
 * Change a scheme and bump its version. With `expectedVersion` the UPDATE itself requires that version, so of
 * concurrent edits from one version exactly one applies; returns whether the row changed.
 */
export async function updateScheme(
  db: Db,
  id: string,
  patch: Partial<SchemeInsert>,
  expectedVersion?: number,
): Promise<boolean> {
  const rows = await db
    .update(extSchemes)
    .set({ ...patch, version: sql`${extSchemes.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(extSchemes.id, id),
        expectedVersion === undefined ? undefined : eq(extSchemes.version, expectedVersion),
      ),
    )
    .returning({ id: extSchemes.id });
  return rows.length > 0;
}

export async function nextSchemeCode(db: Db, year: number): Promise<string> {
  const res = (await db.execute(
    sql`select count(*)::int as n from ${extSchemes} where year = ${year}`,
  )) as unknown as { rows: { n: number }[] };
  let n = Number(res.rows[0]?.n ?? 0) + 1;
  for (;;) {
    const code = `KC-${year}-${String(n).padStart(3, '0')}`;
    const [hit] = await db.select({ id: extSchemes.id }).from(extSchemes).where(eq(extSchemes.code, code));
    if (!hit) return code;
    n++;
  }
}

export const schemeEnterprises = (db: Db, schemeId: string) =>
  db
    .select({ id: enterprises.id, name: enterprises.name, role: extSchemeEnterprises.role })
    .from(extSchemeEnterprises)
    .innerJoin(enterprises, eq(enterprises.id, extSchemeEnterprises.enterpriseId))
    .where(eq(extSchemeEnterprises.schemeId, schemeId))
    .orderBy(asc(extSchemeEnterprises.role), asc(enterprises.name));

export async function addSchemeEnterprise(
  db: Db,
  schemeId: string,
  enterpriseId: string,
  role: 'lead' | 'member',
) {
  await db.insert(extSchemeEnterprises).values({ schemeId, enterpriseId, role }).onConflictDoNothing();
}

export async function addEvent(db: Db, e: typeof extSchemeEvents.$inferInsert) {
  await db.insert(extSchemeEvents).values(e);
}
export const listEvents = (db: Db, schemeId: string) =>
  db
    .select()
    .from(extSchemeEvents)
    .where(eq(extSchemeEvents.schemeId, schemeId))
    .orderBy(asc(extSchemeEvents.id));

export const listDocuments = (db: Db, schemeId: string) =>
  db
    .select()
    .from(extDocuments)
    .where(eq(extDocuments.schemeId, schemeId))
    .orderBy(asc(extDocuments.uploadedAt));
export async function getDocument(db: Db, schemeId: string, id: string) {
  const [d] = await db
    .select()
    .from(extDocuments)
    .where(and(eq(extDocuments.schemeId, schemeId), eq(extDocuments.id, id)));
  return d ?? null;
}
export async function insertDocument(db: Db, v: typeof extDocuments.$inferInsert) {
  const [d] = await db.insert(extDocuments).values(v).returning();
  return d!;
}

/** What an enterprise's documents (those of the schemes it leads) take: their count and their bytes. */
export async function documentUsage(db: Db, enterpriseId: string): Promise<{ files: number; bytes: number }> {
  const [r] = await db
    .select({
      files: sql<number>`count(*)::int`,
      bytes: sql<string>`coalesce(sum(${extDocuments.sizeBytes}), 0)::text`,
    })
    .from(extDocuments)
    .innerJoin(extSchemes, eq(extSchemes.id, extDocuments.schemeId))
    .where(eq(extSchemes.leadEnterpriseId, enterpriseId));
  return { files: Number(r?.files ?? 0), bytes: Number(r?.bytes ?? 0) };
}

/** Serialise document uploads of one enterprise until the transaction ends, so that a quota holds. */
export async function lockDocumentQuota(tx: Db, enterpriseId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`ext_documents:${enterpriseId}`}))`);
}

export const documentsWithoutStoredFile = (db: Db) =>
  db
    .select({ id: extDocuments.id, storagePath: extDocuments.storagePath })
    .from(extDocuments)
    .where(sql`${extDocuments.fileId} is null`)
    .orderBy(asc(extDocuments.uploadedAt));

export async function setDocumentFile(db: Db, id: string, fileId: string): Promise<void> {
  await db.update(extDocuments).set({ fileId }).where(eq(extDocuments.id, id));
}

export const listMilestones = (db: Db, schemeId: string) =>
  db
    .select()
    .from(extMilestones)
    .where(eq(extMilestones.schemeId, schemeId))
    .orderBy(asc(extMilestones.position), asc(extMilestones.dueOn));
export const listDisbursements = (db: Db, schemeId: string) =>
  db
    .select()
    .from(extDisbursements)
    .where(eq(extDisbursements.schemeId, schemeId))
    .orderBy(asc(extDisbursements.paidOn), asc(extDisbursements.createdAt));

export const listOutcomes = (db: Db, schemeIds: string[]) =>
  schemeIds.length
    ? db.select().from(extOutcomes).where(sql`${extOutcomes.schemeId} in ${schemeIds}`)
    : Promise.resolve([] as OutcomeRow[]);

export async function enterpriseTaxCodes(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: enterprises.id, taxCode: enterprises.taxCode })
    .from(enterprises)
    .where(sql`${enterprises.id} in ${[...new Set(ids)]}`);
  return new Map(rows.map((r) => [r.id, r.taxCode]));
}
