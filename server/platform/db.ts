import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { ERRNO_TEXT, errnoOf, errorText } from './errors';

/** The database handle every repository takes: the same Drizzle API on PGlite and on PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Tx = PgTransaction<
  PgQueryResultHKT,
  Record<string, never>,
  ExtractTablesWithRelations<Record<string, never>>
>;

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../db/migrations');

/** Raw SQL on one connection. */
export interface Querier {
  exec(sqlText: string): Promise<void>;
  query<T = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<T[]>;
}

export interface Database extends Querier {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Run raw SQL text (several statements allowed); used by migrations tooling, backup and tests. */
  exec(sqlText: string): Promise<void>;
  /** Rows of one parameterised query. */
  query<T = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<T[]>;
  /** Raw SQL in one transaction on one connection (backup restore, test helpers). */
  rawTransaction<T>(fn: (q: Querier) => Promise<T>): Promise<T>;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (used to clone test databases fast). */
  dumpDataDir?(): Promise<Blob>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory; absent = in memory. */
  dataDir?: string | undefined;
  /** PGlite: start from this data directory tarball (a test template). */
  loadDataDir?: Blob | undefined;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts);
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // A connection the server ends (restart, administrator, pg_terminate_backend: 57P01) is an 'error' event:
  // on the pool for an idle connection, on the client itself for one checked out (e.g. inside a transaction,
  // between two statements). An 'error' event without a listener would crash the process. The request using
  // it fails on its next statement (503 db.unavailable); the pool drops the dead connection and opens a new one
  // when one is needed.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  // Keep numeric/bigint as strings (the default) and dates as text, as PGlite returns them.
  const asText = (v: string) => v;
  pg.types.setTypeParser(pg.types.builtins.DATE, asText);
  try {
    await pool.query('select 1');
  } catch (e) {
    await pool.end();
    throw new Error(
      `Không kết nối được PostgreSQL / cannot connect to DATABASE_URL: ${(e as Error).message}`,
    );
  }
  const db = drizzlePg(pool) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    exec: async (s) => {
      await pool.query(s);
    },
    query: async (s, p) => (await pool.query(s, p as unknown[])).rows,
    rawTransaction: async (fn) => {
      const c = await pool.connect();
      try {
        await c.query('begin');
        const r = await fn({
          exec: async (s) => {
            await c.query(s);
          },
          query: async (s, p) => (await c.query(s, p as unknown[])).rows,
        });
        await c.query('commit');
        return r;
      } catch (e) {
        await c.query('rollback');
        throw e;
      } finally {
        c.release();
      }
    },
    migrate: () => migratePg(drizzlePg(pool), { migrationsFolder: MIGRATIONS_DIR }),
    close: () => pool.end(),
  };
}

async function openPglite(opts: OpenOptions): Promise<Database> {
  let release = () => {};
  let client: PGlite;
  try {
    if (opts.dataDir) {
      fs.mkdirSync(opts.dataDir, { recursive: true });
      release = lockDataDir(opts.dataDir);
    }
    client = await PGlite.create({
      ...(opts.dataDir ? { dataDir: path.join(opts.dataDir, 'pglite') } : {}),
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
      extensions: { pg_trgm, unaccent },
    });
  } catch (e) {
    release();
    throw opts.dataDir ? dataDirError(opts.dataDir, e) : e;
  }
  const migrate = async () => {
    try {
      await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_DIR });
    } catch (e) {
      throw opts.dataDir && errnoOf(e) ? dataDirError(opts.dataDir, e) : e;
    }
  };
  const db = drizzlePglite(client) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    exec: async (s) => {
      await client.exec(s);
    },
    query: async (s, p) => (await client.query(s, p as unknown[])).rows as never,
    rawTransaction: (fn) =>
      client.transaction((tx) =>
        fn({
          exec: async (s) => {
            await tx.exec(s);
          },
          query: async (s, p) => (await tx.query(s, p as unknown[])).rows as never,
        }),
      ),
    migrate,
    close: async () => {
      await client.close();
      release();
    },
    dumpDataDir: () => client.dumpDataDir('none'),
  };
}

/** SQLSTATE classes and codes, and driver errors, that mean the connection to the server was lost or refused. */
const CONNECTION_CODES = new Set([
  '57P01', // admin_shutdown: restart, pg_terminate_backend
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const CONNECTION_MESSAGES =
  /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect|terminating connection/i;

/**
 * Whether an error (or its cause: Drizzle wraps the driver's) is the database being out of reach rather than
 * a fault of the request: the HTTP layer answers 503 db.unavailable for it.
 */
export function isConnectionError(e: unknown): boolean {
  for (let cur = e, depth = 0; cur && typeof cur === 'object' && depth < 5; depth++) {
    const { code, message, cause } = cur as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return true;
    cur = cause;
  }
  return false;
}

/** A failure to create, lock or write the data directory, as one line naming the directory and the cause. */
function dataDirError(dir: string, e: unknown): Error {
  const errno = errnoOf(e);
  if (!errno) return e instanceof Error ? e : new Error(errorText(e));
  return new Error(
    `Không ghi được thư mục dữ liệu / cannot write the data directory ${dir}: ${ERRNO_TEXT[errno] ?? errorText(e)} (${errno})`,
    { cause: e },
  );
}

/** PGlite serves one process: a second server or CLI on the same directory would corrupt it. */
function lockDataDir(dir: string): () => void {
  const file = path.join(dir, 'buoctien.lock');
  try {
    const pid = Number(fs.readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `Thư mục dữ liệu ${dir} đang được tiến trình ${pid} sử dụng / data directory in use by process ${pid}`,
      );
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.writeFileSync(file, String(process.pid));
  return () => fs.rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
