import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type JobProgress, jobProgress } from '../../contracts/common';
import type { Database } from './db';
import { AppError } from './errors';
import type { App, AppContext } from './http';

/**
 * Progress of long work (imports, report generation), kept for the few minutes it matters.
 * The web client names a job id, sends the work, and polls GET /api/jobs/:jobId meanwhile; the CLI
 * passes a callback that draws a progress bar. Either way the work reports through a `Progress`.
 *
 * On PostgreSQL the progress is in the database (`job_progress`), so that a poll answered by another
 * instance behind the proxy sees it. PGlite is served by one process only (its data directory is locked),
 * and a write there would wait behind the import's own transaction, so it stays in that process's memory.
 */
export type Progress = (phase: JobProgress['phase'], done: number, total: number) => void;

const TTL_MS = 10 * 60 * 1000;

export interface JobStore {
  put(job: JobProgress & { userId: string }): Promise<void>;
  get(jobId: string, userId: string): Promise<JobProgress | null>;
}

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobStore;
  }
}

export function memoryJobStore(): JobStore {
  const jobs = new Map<string, JobProgress & { userId: string; at: number }>();
  return {
    put: async (job) => {
      const now = Date.now();
      for (const [k, v] of jobs) if (now - v.at > TTL_MS) jobs.delete(k);
      const cur = jobs.get(job.jobId);
      // A job id another user is still using is theirs.
      if (cur && cur.userId !== job.userId && now - cur.at <= TTL_MS) return;
      jobs.set(job.jobId, { ...job, at: now });
    },
    get: async (jobId, userId) => {
      const job = jobs.get(jobId);
      if (!job || job.userId !== userId || Date.now() - job.at > TTL_MS) return null;
      return { jobId: job.jobId, phase: job.phase, done: job.done, total: job.total };
    },
  };
}

export function databaseJobStore(database: Pick<Database, 'query'>): JobStore {
  let lastSweep = 0;
  return {
    put: async (job) => {
      if (Date.now() - lastSweep > 60_000) {
        lastSweep = Date.now();
        await database.query(
          `delete from job_progress where updated_at < now() - make_interval(secs => $1::double precision)`,
          [TTL_MS / 1000],
        );
      }
      await database.query(
        `insert into job_progress as j (job_id, user_id, phase, done, total, updated_at)
         values ($1, $2, $3, $4, $5, now())
         on conflict (job_id) do update set
           user_id = excluded.user_id, phase = excluded.phase, done = excluded.done, total = excluded.total,
           updated_at = excluded.updated_at
         where j.user_id = excluded.user_id or j.updated_at < now() - make_interval(secs => $6::double precision)`,
        [job.jobId, job.userId, job.phase, job.done, job.total, TTL_MS / 1000],
      );
    },
    get: async (jobId, userId) => {
      const [r] = await database.query<JobProgress>(
        `select job_id as "jobId", phase, done, total from job_progress
         where job_id = $1 and user_id = $2 and updated_at >= now() - make_interval(secs => $3::double precision)`,
        [jobId, userId, TTL_MS / 1000],
      );
      return r ? { jobId: r.jobId, phase: r.phase, done: Number(r.done), total: Number(r.total) } : null;
    },
  };
}

/**
 * A Progress that records into the store: the latest state is written, one write at a time (a fast loop of
 * updates does not queue a write per row); `flush` waits until the last state is stored.
 */
export function trackJob(
  store: JobStore,
  jobId: string | undefined,
  userId: string,
): Progress & { flush(): Promise<void> } {
  let latest: (JobProgress & { userId: string }) | null = null;
  let pump: Promise<void> | null = null;
  const drain = async () => {
    while (latest) {
      const job = latest;
      latest = null;
      // Progress is advisory: a failed write must not fail the work.
      await store.put(job).catch(() => {});
    }
    pump = null;
  };
  const progress = ((phase, done, total) => {
    if (!jobId) return;
    latest = { jobId, phase, done, total, userId };
    pump ??= drain();
  }) as Progress & { flush(): Promise<void> };
  progress.flush = async () => {
    while (pump) await pump;
  };
  return progress;
}

export function jobRoutes(app: App, { database }: AppContext): void {
  app.decorate('jobs', database.kind === 'postgres' ? databaseJobStore(database) : memoryJobStore());
  app.get(
    '/api/jobs/:jobId',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['jobs'],
        summary: 'Tiến độ công việc dài / progress of long work',
        params: z.object({ jobId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) }),
        response: { 200: jobProgress },
      },
    },
    async (req) => {
      const job = await app.jobs.get(req.params.jobId, req.user!.id);
      if (!job) throw new AppError('not_found');
      return job;
    },
  );
}

/** Run long work under a job id: progress is polled meanwhile, and a failure is shown as such. */
export async function runTracked<T>(
  req: FastifyRequest,
  jobId: string | undefined,
  work: (progress: Progress) => Promise<T>,
): Promise<T> {
  const progress = trackJob(req.server.jobs, jobId, req.user!.id);
  progress('parsing', 0, 0);
  try {
    return await work(progress);
  } catch (e) {
    progress('failed', 0, 0);
    throw e;
  } finally {
    await progress.flush();
  }
}
