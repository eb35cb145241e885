import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * What several server instances behind one proxy must agree on, kept in the database rather than in a
 * process: rate-limit counters and the progress of long work. Both are transient (`buoctien:no-backup`).
 */

/** One fixed window per key (route + client address): hits and when the window ends. */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    windowEnds: timestamp('window_ends', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('rate_limit_hits_window_ends_idx').on(t.windowEnds)],
);

/** Progress of a long request (an import), polled by the web client from whichever instance it reaches. */
export const jobProgress = pgTable(
  'job_progress',
  {
    jobId: text('job_id').primaryKey(),
    userId: uuid('user_id').notNull(),
    phase: text('phase').notNull(),
    done: integer('done').notNull(),
    total: integer('total').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('job_progress_updated_at_idx').on(t.updatedAt)],
);
