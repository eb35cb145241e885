import type { Database } from './db';

/**
 * Rate-limit counters for @fastify/rate-limit kept in the database (`rate_limit_hits`), so that every
 * instance behind a proxy counts against the same limit: a client cannot get N times the allowance by being
 * spread over N instances. A fixed window per key: the first hit opens it, later hits count in it, the first
 * hit after it ended opens a new one — one atomic upsert, however many instances hit at once.
 */

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** Expired windows are deleted at most this often (by whichever request comes first). */
const SWEEP_EVERY_MS = 60_000;

/**
 * Count one hit on `key` in a window of `windowMs`: the hits in the current window and the ms left of it.
 * (now() is each transaction's start: a hit whose transaction began just before the one that opened the
 * window would see a few milliseconds more than the window, so the ttl is clamped to it.)
 */
export async function hitRateLimit(
  database: Pick<Database, 'query'>,
  key: string,
  windowMs: number,
): Promise<{ current: number; ttl: number }> {
  const [r] = await database.query<{ hits: number; ttl: number | string }>(
    `insert into rate_limit_hits as h (key, hits, window_ends)
     values ($1, 1, now() + make_interval(secs => $2::double precision / 1000))
     on conflict (key) do update set
       hits = case when h.window_ends <= now() then 1 else h.hits + 1 end,
       window_ends = case when h.window_ends <= now() then excluded.window_ends else h.window_ends end
     returning hits,
       least($2::float8, greatest(0, ceil(extract(epoch from (window_ends - now())) * 1000)))::float8 as ttl`,
    [key, windowMs],
  );
  return { current: Number(r!.hits), ttl: Number(r!.ttl) };
}

/** Delete the windows that have ended; returns how many. */
export async function sweepRateLimits(database: Pick<Database, 'query'>): Promise<number> {
  const rows = await database.query<{ key: string }>(
    'delete from rate_limit_hits where window_ends <= now() returning key',
  );
  return rows.length;
}

/** The store class for `@fastify/rate-limit`'s `store` option, bound to a database. */
export function databaseRateLimitStore(database: Database) {
  let lastSweep = 0;
  class DatabaseRateLimitStore {
    private readonly prefix: string;
    // The plugin constructs the root store with its options; route stores come from child().
    constructor(_options?: unknown, prefix = '') {
      this.prefix = prefix;
    }
    incr(key: string, callback: Callback, timeWindow: number): void {
      const now = Date.now();
      if (now - lastSweep > SWEEP_EVERY_MS) {
        lastSweep = now;
        // Housekeeping only: a failure here must not fail the request.
        sweepRateLimits(database).catch(() => {});
      }
      hitRateLimit(database, this.prefix + key, timeWindow).then(
        (r) => callback(null, r),
        (e: Error) => callback(e),
      );
    }
    child(routeOptions: unknown): DatabaseRateLimitStore {
      const info = (routeOptions as { routeInfo?: { method?: unknown; url?: string } }).routeInfo;
      return new DatabaseRateLimitStore(undefined, `${String(info?.method ?? '')} ${info?.url ?? ''} `);
    }
  }
  return DatabaseRateLimitStore;
}
