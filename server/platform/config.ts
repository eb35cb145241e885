import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Settings read from the environment at boot; a bad value stops the start with one line. */
const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Behind a TLS-terminating proxy: trust X-Forwarded-* so that cookies are marked Secure. */
  TRUST_PROXY: bool.default(false),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Load the Lạng Sơn demo data into an empty database at start. */
  DEMO: bool.default(true),
  /** Answer 503 (server.busy) while the event loop lags more than this; 0 = never (tests). */
  MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(2000),
  /** Open data without signing in: the most observations one answer may hold (more needs paging). */
  PUBLIC_MAX_OBSERVATIONS: z.coerce.number().int().min(1).max(10_000_000).default(10_000),
  /**
   * Heavy public reads (indicators, export) computed at once per instance; the others wait in line. One
   * computation runs up to 7 queries at once: 1 leaves most of the 10 pooled connections to staff.
   */
  PUBLIC_HEAVY_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  /** Heavy public reads that may wait for a place; beyond that they are answered 429 at once. */
  PUBLIC_HEAVY_QUEUE: z.coerce.number().int().min(0).max(10_000).default(16),
  /** Base year of constant prices for the figures (statistics.md §2). */
  BASE_YEAR: z.coerce.number().int().min(1990).max(2100).default(2010),
  /** Uploaded documents (kept in the database): the largest file, and per enterprise the total and count. */
  DOCUMENT_MAX_MB: z.coerce.number().int().min(1).max(1024).default(100),
  DOCUMENT_QUOTA_MB: z.coerce.number().int().min(1).max(1_048_576).default(2048),
  DOCUMENT_QUOTA_FILES: z.coerce.number().int().min(1).max(1_000_000).default(500),
});

export type Config = z.infer<typeof schema> & { dataDir: string };

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked = Object.fromEntries(
    Object.keys(schema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = schema.safeParse(picked);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const key = String(first.path[0] ?? '');
    throw new ConfigError(
      `Cấu hình không hợp lệ / invalid setting ${key}=${JSON.stringify(env[key])}: ${first.message}`,
    );
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}
