import { and, asc, eq, gt, ilike, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { enterprises } from '../enterprises/enterprises.tables';
import { sessions, userEnterprises, users } from './accounts.tables';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return (await db.select().from(users).where(eq(users.email, email)).limit(1))[0];
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return (await db.select().from(users).where(eq(users.id, id)).limit(1))[0];
}

export async function listUsers(db: Db, q: { q?: string | undefined; role?: string | undefined }) {
  const conds = [];
  if (q.q) conds.push(or(ilike(users.email, `%${q.q}%`), ilike(users.name, `%${q.q}%`)));
  if (q.role) conds.push(eq(users.role, q.role as UserRow['role']));
  return db
    .select()
    .from(users)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(users.email))
    .limit(500);
}

export async function enterpriseIdsOf(db: Db, userIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (userIds.length === 0) return map;
  const rows = await db.select().from(userEnterprises).where(sql`${userEnterprises.userId} in ${userIds}`);
  for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), r.enterpriseId]);
  return map;
}

export async function insertUser(db: Db, v: typeof users.$inferInsert): Promise<UserRow> {
  return (await db.insert(users).values(v).returning())[0]!;
}

export async function updateUser(
  db: Db,
  id: string,
  v: Partial<typeof users.$inferInsert>,
): Promise<UserRow> {
  return (
    await db
      .update(users)
      .set({ ...v, updatedAt: sql`now()` })
      .where(eq(users.id, id))
      .returning()
  )[0]!;
}

/**
 * One failed sign-in, counted and judged in ONE statement, so that parallel attempts (or attempts on several
 * instances) cannot read the same count and each write count + 1: the row lock serialises them. The attempt
 * that reaches `max` locks the account for `lockMinutes` and starts the count again. Returns whether the
 * account is locked after this attempt and until when (null = not locked).
 */
export async function recordFailedLogin(
  db: Db,
  id: string,
  max: number,
  lockMinutes: number,
): Promise<{ lockedUntil: string | null }> {
  const res = (await db.execute(sql`
    update users set
      failed_logins = case
        when locked_until > now() then failed_logins
        when failed_logins + 1 >= ${max} then 0
        else failed_logins + 1 end,
      locked_until = case
        when locked_until > now() then locked_until
        when failed_logins + 1 >= ${max} then now() + make_interval(mins => ${lockMinutes})
        else locked_until end
    where id = ${id}
    returning case when locked_until > now() then locked_until::text end as locked_until`)) as unknown as {
    rows: { locked_until: string | null }[];
  };
  return { lockedUntil: res.rows[0]?.locked_until ?? null };
}

/**
 * A successful sign-in clears the failure count, unless the account is locked at this instant (a lock set by
 * a parallel failed attempt after this one read the row): then nothing changes and false is returned.
 */
export async function recordSuccessfulLogin(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(users.id, id), or(isNull(users.lockedUntil), sql`${users.lockedUntil} <= now()`)))
    .returning({ id: users.id });
  return rows.length > 0;
}

export async function setUserEnterprises(db: Db, userId: string, enterpriseIds: string[]): Promise<void> {
  await db.delete(userEnterprises).where(eq(userEnterprises.userId, userId));
  if (enterpriseIds.length) {
    await db
      .insert(userEnterprises)
      .values([...new Set(enterpriseIds)].map((enterpriseId) => ({ userId, enterpriseId })));
  }
}

export async function insertSession(db: Db, v: typeof sessions.$inferInsert) {
  return (await db.insert(sessions).values(v).returning())[0]!;
}

export async function findLiveSession(db: Db, tokenHash: string) {
  const rows = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)),
    )
    .limit(1);
  return rows[0];
}

export async function touchSession(db: Db, id: string): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, id));
}

export async function listLiveSessions(db: Db, userId: string) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(asc(sessions.createdAt));
}

export async function revokeSessions(db: Db, where: { id?: string; userId: string }): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(sessions.userId, where.userId),
        isNull(sessions.revokedAt),
        where.id ? eq(sessions.id, where.id) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

export async function userNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(sql`${users.id} in ${ids}`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Which of these enterprise ids exist (a user may be bound only to enterprises of the registry). */
export async function existingEnterpriseIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(sql`${enterprises.id} in ${ids}`);
  return new Set(rows.map((r) => r.id));
}
