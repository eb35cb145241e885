import { z } from 'zod';
import { type JobProgress, jobProgress } from '../../contracts/common';
import { AppError } from './errors';
import type { App } from './http';

/**
 * Progress of long work (imports, report generation), kept in memory for the few minutes it matters.
 * The web client names a job id, sends the work, and polls GET /api/jobs/:jobId meanwhile; the CLI
 * passes a callback that draws a progress bar. Either way the work reports through a `Progress`.
 */
export type Progress = (phase: JobProgress['phase'], done: number, total: number) => void;

const jobs = new Map<string, JobProgress & { userId: string; at: number }>();
const TTL_MS = 10 * 60 * 1000;

export function trackJob(jobId: string | undefined, userId: string): Progress {
  if (!jobId) return () => {};
  return (phase, done, total) => {
    const now = Date.now();
    for (const [k, v] of jobs) if (now - v.at > TTL_MS) jobs.delete(k);
    jobs.set(jobId, { jobId, phase, done, total, userId, at: now });
  };
}

export function jobRoutes(app: App): void {
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
      const job = jobs.get(req.params.jobId);
      if (!job || job.userId !== req.user!.id) throw new AppError('not_found');
      const { jobId, phase, done, total } = job;
      return { jobId, phase, done, total };
    },
  );
}

/** Run long work under a job id: progress is polled meanwhile, and a failure is shown as such. */
export async function runTracked<T>(
  jobId: string | undefined,
  userId: string,
  work: (progress: Progress) => Promise<T>,
): Promise<T> {
  const progress = trackJob(jobId, userId);
  progress('parsing', 0, 0);
  try {
    return await work(progress);
  } catch (e) {
    progress('failed', 0, 0);
    throw e;
  }
}
