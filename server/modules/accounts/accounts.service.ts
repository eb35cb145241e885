import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { SessionUser } from '../../../contracts/auth';
import type { Role } from '../../../contracts/roles';
import { isStaff } from '../../../contracts/roles';
import type { CreateUserInput, UserDto } from '../../../contracts/users';
import { type Actor, recordAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { AppError, type Issue } from '../../platform/errors';
import type { ResolvedSession } from '../../platform/http';
import { findAreas, isWithinArea } from '../areas';
import * as repo from './accounts.repository';

/** Lockout policy: this many failed sign-ins in a row lock the account for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
// A real hash to verify against when the email is unknown, so that timing does not reveal which emails exist.
const DUMMY_HASH = hash('not-a-real-password-dummy');

export const hashPassword = (password: string) => hash(password);

function toDto(u: repo.UserRow, enterpriseIds: string[]): UserDto {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    areaCode: u.areaCode,
    enterpriseIds,
    disabled: u.disabled,
    lockedUntil: u.lockedUntil,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
  };
}

/** The audited snapshot of a user: never the password hash. */
function snapshot(u: repo.UserRow, enterpriseIds: string[]) {
  const { passwordHash: _, failedLogins: __, lastLoginAt: ___, updatedAt: ____, ...rest } = u;
  return { ...rest, enterpriseIds };
}

export interface LoginResult {
  token: string;
  session: ResolvedSession;
}

export async function login(
  db: Db,
  input: {
    email: string;
    password: string;
    userAgent?: string | undefined;
    ip?: string | undefined;
    ttlHours: number;
  },
): Promise<LoginResult> {
  const user = await repo.findUserByEmail(db, input.email.trim().toLowerCase());
  if (!user) {
    await verify(await DUMMY_HASH, input.password).catch(() => false);
    throw new AppError('auth.invalid_credentials');
  }
  if (user.lockedUntil && new Date(user.lockedUntil) > new Date()) throw lockedError(user.lockedUntil);
  const ok = await verify(user.passwordHash, input.password).catch(() => false);
  if (!ok) {
    // Counted and judged by the database in one statement (parallel attempts, several instances).
    const { lockedUntil } = await repo.recordFailedLogin(db, user.id, MAX_FAILED_LOGINS, LOCK_MINUTES);
    if (lockedUntil) throw lockedError(lockedUntil);
    throw new AppError('auth.invalid_credentials');
  }
  if (user.disabled) throw new AppError('auth.disabled');
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const session = await db.transaction(async (tx) => {
    // The lock is judged again at the write: failed attempts running beside this one may have locked it.
    if (!(await repo.recordSuccessfulLogin(tx, user.id))) {
      const now = await repo.findUserById(tx, user.id);
      throw lockedError(now?.lockedUntil ?? new Date(Date.now() + LOCK_MINUTES * 60000).toISOString());
    }
    const s = await repo.insertSession(tx, {
      tokenHash: sha256(token),
      csrfToken,
      userId: user.id,
      expiresAt: new Date(Date.now() + input.ttlHours * 3600_000).toISOString(),
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      ip: input.ip ?? null,
    });
    await recordAudit(
      tx,
      { userId: user.id, via: 'web' },
      { action: 'auth.login', entityType: 'user', entityId: user.id },
    );
    return s;
  });
  const ids = (await repo.enterpriseIdsOf(db, [user.id])).get(user.id) ?? [];
  return { token, session: { sessionId: session.id, csrfToken, user: toSessionUser(user, ids) } };
}

function lockedError(lockedUntil: string): AppError {
  const minutes = Math.max(1, Math.ceil((new Date(lockedUntil).getTime() - Date.now()) / 60000));
  return new AppError('auth.locked', { minutes });
}

function toSessionUser(u: repo.UserRow, enterpriseIds: string[]): SessionUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    areaCode: u.areaCode,
    enterpriseIds,
    lang: u.lang === 'en' ? 'en' : 'vi',
  };
}

const TOUCH_EVERY_MS = 5 * 60_000;

export async function resolveSession(db: Db, token: string): Promise<ResolvedSession | null> {
  if (token.length > 200) return null;
  const row = await repo.findLiveSession(db, sha256(token));
  if (!row || row.user.disabled) return null;
  if (Date.now() - new Date(row.session.lastSeenAt).getTime() > TOUCH_EVERY_MS) {
    await repo.touchSession(db, row.session.id);
  }
  const ids = (await repo.enterpriseIdsOf(db, [row.user.id])).get(row.user.id) ?? [];
  return { sessionId: row.session.id, csrfToken: row.session.csrfToken, user: toSessionUser(row.user, ids) };
}

export async function logout(db: Db, actor: Actor, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await repo.revokeSessions(tx, { id: sessionId, userId: actor.userId! });
    await recordAudit(tx, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.userId! });
  });
}

export async function listSessions(db: Db, userId: string, currentId: string | null) {
  const rows = await repo.listLiveSessions(db, userId);
  return rows.map((s) => ({
    id: s.id,
    createdAt: s.createdAt,
    lastSeenAt: s.lastSeenAt,
    userAgent: s.userAgent,
    ip: s.ip,
    current: s.id === currentId,
  }));
}

export async function revokeSession(db: Db, actor: Actor, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const n = await repo.revokeSessions(tx, { id: sessionId, userId: actor.userId! });
    if (n === 0) throw new AppError('not_found');
    await recordAudit(tx, actor, {
      action: 'auth.session_revoked',
      entityType: 'user',
      entityId: actor.userId!,
      after: { sessionId },
    });
  });
}

export async function changePassword(
  db: Db,
  actor: Actor,
  current: string,
  next: string,
  keepSession: string | null,
) {
  const user = await repo.findUserById(db, actor.userId!);
  if (!user) throw new AppError('not_found');
  if (!(await verify(user.passwordHash, current).catch(() => false)))
    throw new AppError('auth.wrong_password');
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { passwordHash });
    // Every other session ends: a changed password must shut out whoever knew the old one.
    const sessions = await repo.listLiveSessions(tx, user.id);
    for (const s of sessions)
      if (s.id !== keepSession) await repo.revokeSessions(tx, { id: s.id, userId: user.id });
    await recordAudit(tx, actor, { action: 'user.password_changed', entityType: 'user', entityId: user.id });
  });
}

// ---- administration ----

async function checkScope(db: Db, admin: SessionUser, areaCode: string | null | undefined) {
  if (!admin.areaCode) return;
  if (!areaCode || !(await isWithinArea(db, areaCode, admin.areaCode)))
    throw new AppError('area.out_of_scope');
}

function bindings(role: Role, areaCode: string | null | undefined, enterpriseIds: string[] | undefined) {
  if (isStaff(role)) return { areaCode: areaCode ?? null, enterpriseIds: [] as string[] };
  if (role === 'enterprise' && !enterpriseIds?.length) throw new AppError('user.enterprise_required');
  return { areaCode: null, enterpriseIds: enterpriseIds ?? [] };
}

/** A user is bound only to an area and enterprises that exist: each unknown one is an issue naming its field. */
async function checkBindings(db: Db, b: { areaCode: string | null; enterpriseIds: string[] }) {
  const issues: Issue[] = [];
  if (b.areaCode !== null && (await findAreas(db, [b.areaCode])).length === 0)
    issues.push({ path: 'areaCode', code: 'issue.unknown_area', params: { code: b.areaCode } });
  const known = await repo.existingEnterpriseIds(db, b.enterpriseIds);
  b.enterpriseIds.forEach((id, i) => {
    if (!known.has(id))
      issues.push({ path: `enterpriseIds.${i}`, code: 'issue.unknown_enterprise_id', params: { id } });
  });
  if (issues.length) throw new AppError('validation.failed', { issues });
}

export async function listUserDtos(
  db: Db,
  admin: SessionUser,
  q: { q?: string; role?: string },
): Promise<UserDto[]> {
  const rows = await repo.listUsers(db, q);
  const ids = await repo.enterpriseIdsOf(
    db,
    rows.map((r) => r.id),
  );
  const visible = [];
  for (const r of rows) {
    if (admin.areaCode && !(r.areaCode && (await isWithinArea(db, r.areaCode, admin.areaCode)))) continue;
    visible.push(toDto(r, ids.get(r.id) ?? []));
  }
  return visible;
}

export async function getUserDto(db: Db, admin: SessionUser | null, id: string): Promise<UserDto> {
  const u = await repo.findUserById(db, id);
  if (!u) throw new AppError('not_found');
  if (admin?.areaCode && !(u.areaCode && (await isWithinArea(db, u.areaCode, admin.areaCode)))) {
    throw new AppError('not_found');
  }
  return toDto(u, (await repo.enterpriseIdsOf(db, [id])).get(id) ?? []);
}

export async function createUser(db: Db, actor: Actor, admin: SessionUser | null, input: CreateUserInput) {
  const b = bindings(input.role, input.areaCode, input.enterpriseIds);
  await checkBindings(db, b);
  if (admin) await checkScope(db, admin, b.areaCode);
  if (await repo.findUserByEmail(db, input.email)) throw new AppError('user.email_taken');
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const u = await repo.insertUser(tx, {
      email: input.email,
      name: input.name,
      role: input.role,
      areaCode: b.areaCode,
      passwordHash,
    });
    await repo.setUserEnterprises(tx, u.id, b.enterpriseIds);
    await recordAudit(tx, actor, {
      action: 'user.created',
      entityType: 'user',
      entityId: u.id,
      after: snapshot(u, b.enterpriseIds),
    });
    return toDto(u, b.enterpriseIds);
  });
}

export async function updateUser(
  db: Db,
  actor: Actor,
  admin: SessionUser | null,
  id: string,
  patch: {
    name?: string | undefined;
    role?: Role | undefined;
    areaCode?: string | null | undefined;
    enterpriseIds?: string[] | undefined;
    disabled?: boolean | undefined;
  },
) {
  const before = await getUserDto(db, admin, id);
  if (patch.disabled && actor.userId === id) throw new AppError('user.cannot_disable_self');
  const role = patch.role ?? before.role;
  const b = bindings(
    role,
    patch.areaCode === undefined ? before.areaCode : patch.areaCode,
    patch.enterpriseIds ?? before.enterpriseIds,
  );
  await checkBindings(db, b);
  if (admin) await checkScope(db, admin, b.areaCode);
  return db.transaction(async (tx) => {
    const beforeRow = (await repo.findUserById(tx, id))!;
    const u = await repo.updateUser(tx, id, {
      name: patch.name ?? before.name,
      role,
      areaCode: b.areaCode,
      disabled: patch.disabled ?? before.disabled,
    });
    await repo.setUserEnterprises(tx, id, b.enterpriseIds);
    if (u.disabled) await repo.revokeSessions(tx, { userId: id });
    await recordAudit(tx, actor, {
      action: 'user.updated',
      entityType: 'user',
      entityId: id,
      before: snapshot(beforeRow, before.enterpriseIds),
      after: snapshot(u, b.enterpriseIds),
    });
    return toDto(u, b.enterpriseIds);
  });
}

export async function setPassword(
  db: Db,
  actor: Actor,
  admin: SessionUser | null,
  id: string,
  password: string,
) {
  await getUserDto(db, admin, id);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, id, { passwordHash, failedLogins: 0, lockedUntil: null });
    await repo.revokeSessions(tx, { userId: id });
    await recordAudit(tx, actor, { action: 'user.password_set', entityType: 'user', entityId: id });
  });
}

export async function findUserIdByEmail(db: Db, email: string): Promise<string> {
  const u = await repo.findUserByEmail(db, email.trim().toLowerCase());
  if (!u) throw new AppError('not_found');
  return u.id;
}
