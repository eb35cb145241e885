import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IndicatorQuery, IndicatorResult } from '../../../contracts/statistics';
import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { type Gate, publicHeavyGate } from '../../platform/gate';
import { conditional, etagOf } from '../../platform/http-cache';
import { versionedMemo } from '../../platform/memo';
import { inputVersion } from './statistics.repository';
import { type ComputeOptions, computeIndicators } from './statistics.service';

/**
 * The heavy reads open to everyone (GET /api/statistics/indicators and /export), made safe to hammer:
 *  - the figures are kept per data version (platform/memo.ts): published periods change only when a write
 *    moves the version, so a crowd asking the same thing costs one computation;
 *  - ETag from the version and the query (known before computing): If-None-Match answers 304 at once;
 *    Cache-Control lets browsers and proxies keep a public answer a minute;
 *  - outside the department one answer holds at most PUBLIC_MAX_OBSERVATIONS (413 with how to narrow it,
 *    or page through it with limit/offset), and at most PUBLIC_HEAVY_CONCURRENCY computations run at once
 *    per instance with PUBLIC_HEAVY_QUEUE waiting (429 beyond), so that staff, who skip the line, are served.
 * Rate limits per address are declared on the routes.
 */

const indicatorsMemo = versionedMemo(
  inputVersion,
  (db, k: { q: IndicatorQuery; opts: ComputeOptions }) => computeIndicators(db, k.q, k.opts),
  8,
);

export interface PageQuery {
  limit?: number | undefined;
  offset: number;
}

/** Split a route's query into the figures' query and the paging. */
export function splitPaging<Q extends PageQuery>(
  query: Q,
): { q: Omit<Q, 'limit' | 'offset'>; page: PageQuery } {
  const { limit, offset, ...q } = query;
  return { q, page: { limit, offset } };
}

/** The figures for a query, kept per data version. */
export function cachedIndicators(db: Db, q: IndicatorQuery, opts: ComputeOptions): Promise<IndicatorResult> {
  return indicatorsMemo(db, { q, opts });
}

/**
 * One page of a result, within the cap for callers outside the department (`max`, null for staff).
 * A result already within the cap and asked without `limit` is returned whole, as before paging existed.
 */
export function pageOf(result: IndicatorResult, page: PageQuery, max: number | null): IndicatorResult {
  const total = result.observations.length;
  if (max !== null && page.limit !== undefined && page.limit > max)
    throw new AppError('validation.failed', {
      issues: [{ path: 'limit', code: 'issue.too_big', params: { maximum: max } }],
    });
  if (page.limit === undefined && page.offset === 0) {
    if (max !== null && total > max)
      throw new AppError('statistics.too_many_observations', { count: total, max });
    return result;
  }
  const limit = page.limit ?? max ?? total;
  if (max !== null && page.limit === undefined && total - page.offset > max)
    throw new AppError('statistics.too_many_observations', { count: total - page.offset, max });
  return {
    ...result,
    observations: result.observations.slice(page.offset, page.offset + limit),
    page: { offset: page.offset, limit, total },
  };
}

/** Paging headers for the CSV/XLSX formats that have no place for them in the body. */
export function pageHeaders(reply: FastifyReply, req: FastifyRequest, result: IndicatorResult): void {
  const p = result.page;
  reply.header('x-total-count', String(p?.total ?? result.observations.length));
  if (p && p.offset + p.limit < p.total) {
    const url = new URL(req.url, 'http://x');
    url.searchParams.set('offset', String(p.offset + p.limit));
    url.searchParams.set('limit', String(p.limit));
    reply.header('link', `<${url.pathname}${url.search}>; rel="next"`);
  }
}

/**
 * Answer a heavy read: 304 when the caller has it (no computation), otherwise `work` — in line behind the
 * instance's gate when the caller is outside the department.
 */
export async function heavyRead<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  ctx: { db: Db; config: Config; app: object; isPublic: boolean; key: unknown[] },
  work: () => Promise<T>,
): Promise<T | FastifyReply> {
  const version = await inputVersion(ctx.db);
  const etag = etagOf([version, ctx.config.BASE_YEAR, ctx.isPublic, ...ctx.key]);
  if (conditional(req, reply, etag, { public: ctx.isPublic })) return reply.code(304).send();
  try {
    if (!ctx.isPublic) return await work();
    const gate: Gate = publicHeavyGate(ctx.app, ctx.config);
    try {
      return await gate.run(work);
    } catch (e) {
      if (e instanceof AppError && e.code === 'server.public_queue_full')
        reply.header('retry-after', String(gate.retryAfterSeconds));
      throw e;
    }
  } catch (e) {
    // A refusal (413, 429…) is not the answer the ETag names: nobody may keep or revalidate it.
    reply.removeHeader('etag');
    reply.header('cache-control', 'no-store');
    throw e;
  }
}
