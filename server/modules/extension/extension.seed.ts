import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import {
  extActivityGroups,
  extMinWages,
  extRubricCriteria,
  extRubrics,
  extSupportCaps,
  extWageRegions,
} from './extension.tables';
import { ACTIVITY_GROUPS, DEFAULT_RUBRIC, MIN_WAGES, SUPPORT_CAPS, WAGE_REGIONS } from './policy.data';

const upsert = (cols: string[]) =>
  Object.fromEntries(
    cols.map((c) => [c, sql.raw(`excluded.${c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)}`)]),
  );

/**
 * Write the shipped policy data (activity groups, caps, minimum wages, wage regions, the default rubric).
 * Idempotent: run at every start; a shipped row is refreshed by its id, rows added by the department stay.
 */
export async function seedExtensionPolicy(db: Db): Promise<{ rubricId: string }> {
  return db.transaction(async (tx) => {
    for (const g of ACTIVITY_GROUPS) {
      const v = { note: null, ...g };
      await tx
        .insert(extActivityGroups)
        .values(v)
        .onConflictDoUpdate({
          target: extActivityGroups.id,
          set: upsert(Object.keys(v).filter((k) => k !== 'id')),
        });
    }
    for (const c of SUPPORT_CAPS) {
      const v = { note: null, ...c };
      await tx
        .insert(extSupportCaps)
        .values(v)
        .onConflictDoUpdate({
          target: extSupportCaps.id,
          set: upsert(Object.keys(v).filter((k) => k !== 'id')),
        });
    }
    for (const w of MIN_WAGES) {
      const v = { note: null, ...w };
      await tx
        .insert(extMinWages)
        .values(v)
        .onConflictDoUpdate({
          target: extMinWages.id,
          set: upsert(Object.keys(v).filter((k) => k !== 'id')),
        });
    }
    for (const r of WAGE_REGIONS) {
      const v = { note: null, ...r };
      await tx
        .insert(extWageRegions)
        .values(v)
        .onConflictDoUpdate({
          target: extWageRegions.id,
          set: upsert(Object.keys(v).filter((k) => k !== 'id')),
        });
    }
    const [existing] = await tx
      .select({ id: extRubrics.id })
      .from(extRubrics)
      .where(eq(extRubrics.name, DEFAULT_RUBRIC.name))
      .limit(1);
    if (existing) return { rubricId: existing.id };
    const [rubric] = await tx.insert(extRubrics).values({ name: DEFAULT_RUBRIC.name }).returning();
    await tx
      .insert(extRubricCriteria)
      .values(
        DEFAULT_RUBRIC.criteria.map((c, i) => ({ ...c, rubricId: rubric!.id, maxScore: 10, position: i })),
      );
    return { rubricId: rubric!.id };
  });
}
