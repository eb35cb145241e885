import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { MIGRATIONS_DIR } from './db';
import { AppError } from './errors';
import type { App, AppContext } from './http';

/**
 * Liveness and readiness for a load balancer or systemd watchdog (docs/operator.md):
 *  - GET /api/health: the process answers (no database call), so a slow database never gets it restarted;
 *  - GET /api/ready: the database answers and every migration shipped with this code is applied, so a new
 *    instance takes traffic only once `buoctien migrate` (or its own start) has brought the schema up.
 * Both are public and answer nothing but states; neither is rate-limited nor shed under pressure.
 */

/** The creation time of the newest shipped migration (drizzle keeps it as `created_at`), and how many. */
function shippedMigrations(): { count: number; last: number } {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  return { count: journal.entries.length, last: Math.max(0, ...journal.entries.map((e) => e.when)) };
}

const readyDto = z.object({
  status: z.literal('ready'),
  migrations: z.object({ applied: z.number().int(), shipped: z.number().int() }),
});

export function healthRoutes(app: App, { database }: AppContext): void {
  const shipped = shippedMigrations();

  app.get(
    '/api/health',
    {
      config: { access: 'public', underPressureExempt: true },
      schema: {
        tags: ['operations'],
        summary: 'Tiến trình còn sống / liveness (no database call)',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      return { status: 'ok' as const };
    },
  );

  app.get(
    '/api/ready',
    {
      config: { access: 'public', underPressureExempt: true },
      schema: {
        tags: ['operations'],
        summary: 'Sẵn sàng nhận yêu cầu / readiness: database reachable, migrations current (503 otherwise)',
        response: { 200: readyDto },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      let applied: { n: number; last: number };
      try {
        const [r] = await database.query<{ n: string | number; last: string | number | null }>(
          'select count(*) as n, max(created_at) as last from drizzle.__drizzle_migrations',
        );
        applied = { n: Number(r?.n ?? 0), last: Number(r?.last ?? 0) };
      } catch {
        throw new AppError('server.not_ready', { reason: 'database' });
      }
      if (applied.last < shipped.last)
        throw new AppError('server.not_ready', {
          reason: 'migrations',
          applied: applied.n,
          shipped: shipped.count,
        });
      return { status: 'ready' as const, migrations: { applied: applied.n, shipped: shipped.count } };
    },
  );
}
