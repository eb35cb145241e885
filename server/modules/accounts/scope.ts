import type { SessionUser } from '../../../contracts/auth';
import { isStaff } from '../../../contracts/roles';
import type { Db } from '../../platform/db';
import { EMPTY_SCOPE, FULL_SCOPE, type Scope } from '../../platform/scope';
import { subtreeCodes } from '../areas';

/**
 * One resolution per session user object: the HTTP layer builds a fresh SessionUser per request and resolves
 * its scope first thing (`req.scope`), so every later call for the same request reuses it.
 */
const resolved = new WeakMap<SessionUser, Promise<Scope>>();

/**
 * The caller's data scope (platform/scope.ts): unbound staff the whole installation; area-bound staff the
 * subtree of their area (the areas module's subtree query); an enterprise user its own companies; anyone
 * else nothing. `null` is the system itself (CLI, demo loader).
 */
export function scopeOf(db: Db, user: SessionUser | null): Promise<Scope> {
  if (!user) return Promise.resolve(FULL_SCOPE);
  let s = resolved.get(user);
  if (!s) {
    s = resolve(db, user);
    resolved.set(user, s);
  }
  return s;
}

async function resolve(db: Db, user: SessionUser): Promise<Scope> {
  if (!isStaff(user.role)) {
    if (user.role !== 'enterprise') return EMPTY_SCOPE;
    return { area: null, areaCodes: new Set(), enterpriseIds: new Set(user.enterpriseIds) };
  }
  if (!user.areaCode) return FULL_SCOPE;
  return {
    area: user.areaCode,
    areaCodes: new Set(await subtreeCodes(db, user.areaCode)),
    enterpriseIds: 'all',
  };
}
