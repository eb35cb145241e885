/**
 * Helpers for tests that walk the whole route table (permissions, fuzzing): valid-shaped params and query
 * strings derived from each route's zod schemas, so that new routes are covered without editing any test.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Role } from '../../contracts/roles';
import { ROLES } from '../../contracts/roles';
import type { RouteInfo } from '../platform/http';

/** Values tried, in order, for a param or query field until the field's schema accepts one. */
const CANDIDATES = [
  () => randomUUID(),
  () => 'job_abcdef12',
  () => '187',
  () => '20',
  () => '2014',
  () => '2014-06-30',
  () => '2014-06',
  () => '1',
  () => 'true',
  () => 'a',
  () => 'C',
  () => '2394',
];

const shapeOf = (schema: unknown): Record<string, z.ZodType> | null =>
  schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : null;

/** Names of the `:params` of a route URL. */
export function paramNames(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
}

/** A value the field's schema accepts (or a uuid when none of the candidates fits). */
export function validValue(field: z.ZodType | undefined): string {
  for (const make of CANDIDATES) {
    const v = make();
    if (!field || field.safeParse(v).success) return v;
  }
  return randomUUID();
}

/**
 * Param values for a route: `fixed` wins (e.g. the enterprise param → an enterprise id), then a value its
 * params schema accepts.
 */
export function validParams(route: RouteInfo, fixed: Record<string, string> = {}): Record<string, string> {
  const shape = shapeOf(route.schemas.params);
  const out: Record<string, string> = {};
  for (const name of paramNames(route.url)) out[name] = fixed[name] ?? validValue(shape?.[name]);
  return out;
}

/** The required fields of a route's query string, filled with accepted values. */
export function validQuery(route: RouteInfo): Record<string, string> {
  const shape = shapeOf(route.schemas.querystring);
  const out: Record<string, string> = {};
  if (!shape) return out;
  for (const [k, field] of Object.entries(shape)) {
    if (!field.safeParse(undefined).success) out[k] = validValue(field);
  }
  return out;
}

/** encodeURIComponent that does not throw on lone surrogates (they become U+FFFD). */
export function encode(s: string): string {
  return encodeURIComponent(
    s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  );
}

export function fillUrl(url: string, params: Record<string, string>): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, (_, k: string) => encode(params[k] ?? 'x'));
}

export function withQuery(url: string, query: Record<string, string>): string {
  const qs = new URLSearchParams(query).toString();
  return qs ? `${url}?${qs}` : url;
}

/** A request URL for a route with valid-shaped params and its required query fields. */
export function routeUrl(route: RouteInfo, fixed: Record<string, string> = {}): string {
  return withQuery(fillUrl(route.url, validParams(route, fixed)), validQuery(route));
}

export const isPublic = (r: RouteInfo) => r.access === 'public';
export const allowedRoles = (r: RouteInfo): readonly Role[] =>
  r.access === 'public' || r.access === 'authenticated' ? ROLES : r.access;
export const isWrite = (r: RouteInfo) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method);
export const label = (r: RouteInfo) => `${r.method} ${r.url}`;
