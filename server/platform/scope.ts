/**
 * The data scope of a caller: which areas and which enterprises it may see and change. Resolved ONCE per
 * request (`req.scope`, from the accounts module's `scopeOf`) and passed into the services and repositories,
 * which filter what they read and check where their writes land with the helpers below — the one funnel
 * every route goes through (see ARCHITECTURE.md, "Data scopes").
 */
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { AppError } from './errors';

export interface Scope {
  /** The area the caller is bound to (the root of `areaCodes`), or null. */
  readonly area: string | null;
  /** Codes of the caller's area subtree (at any time); 'all' for staff bound to no area. */
  readonly areaCodes: ReadonlySet<string> | 'all';
  /** An enterprise user's own companies; 'all' for staff, whose area decides. */
  readonly enterpriseIds: ReadonlySet<string> | 'all';
}

/** The whole installation: unbound staff, the CLI, the demo loader. */
export const FULL_SCOPE: Scope = { area: null, areaCodes: 'all', enterpriseIds: 'all' };
/** Nothing: anonymous callers, and users (bank) bound to neither an area nor an enterprise. */
export const EMPTY_SCOPE: Scope = { area: null, areaCodes: new Set(), enterpriseIds: new Set() };

/** Whether the scope holds every area (so installation-wide data and settings are its to see and change). */
export const isWholeInstallation = (s: Scope) => s.areaCodes === 'all' && s.enterpriseIds === 'all';

/** Whether an area (and so every figure of it) lies within the scope. */
export const coversArea = (s: Scope, code: string) => s.areaCodes === 'all' || s.areaCodes.has(code);

/** Whether an enterprise (its id and its area) lies within the scope. */
export function coversEnterprise(s: Scope, e: { id: string; areaCode: string }): boolean {
  if (s.enterpriseIds !== 'all') return s.enterpriseIds.has(e.id);
  return coversArea(s, e.areaCode);
}

/** Refuse (403 area.out_of_scope) an area outside the scope. */
export function requireArea(s: Scope, code: string): void {
  if (!coversArea(s, code)) throw new AppError('area.out_of_scope');
}

/** Refuse (403 area.out_of_scope) a caller whose scope is not the whole installation (periods, catalogues). */
export function requireWholeInstallation(s: Scope): void {
  if (!isWholeInstallation(s)) throw new AppError('area.out_of_scope');
}

const inList = (col: SQLWrapper, values: Iterable<string>): SQL => {
  const list = [...values];
  return list.length ? sql`${col} = any(${sql.param(list)}::text[])` : sql`false`;
};

/** SQL: an area-code column within the scope (`true` when the scope has every area). */
export function areaCond(s: Scope, areaCol: SQLWrapper): SQL {
  return s.areaCodes === 'all' ? sql`true` : inList(areaCol, s.areaCodes);
}

/**
 * SQL: an enterprise within the scope, given its id and area-code columns (`true` when unlimited). Use it
 * wherever rows of enterprises, or rows that belong to one, are listed.
 */
export function enterpriseCond(s: Scope, idCol: SQLWrapper, areaCol: SQLWrapper): SQL {
  if (s.enterpriseIds !== 'all') {
    const ids = [...s.enterpriseIds];
    return ids.length ? sql`${idCol}::text = any(${sql.param(ids)}::text[])` : sql`false`;
  }
  return areaCond(s, areaCol);
}
