import { and, desc, eq } from 'drizzle-orm';
import { auditLog } from './audit.tables';
import type { Db } from './db';

/** Who is acting: a signed-in user (web), an operator at the command line, or the system itself. */
export interface Actor {
  userId: string | null;
  via: 'web' | 'cli' | 'system';
  requestId?: string | undefined;
}

export const systemActor: Actor = { userId: null, via: 'system' };
export const cliActor: Actor = { userId: null, via: 'cli' };

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Record a write. Call it inside the write's transaction so that both commit or neither does. */
export async function recordAudit(tx: Db, actor: Actor, e: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: actor.userId,
    via: actor.via,
    requestId: actor.requestId ?? null,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: (e.before ?? null) as never,
    after: (e.after ?? null) as never,
  });
}

export async function listAudit(db: Db, entityType: string, entityId: string, limit = 200) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

/** Names of the fields whose values differ between two snapshots. */
export function changedFields(before: unknown, after: unknown): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  return [...keys].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).sort();
}
