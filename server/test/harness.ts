/**
 * Test harness for integration tests (`*.db.test.ts`): a fresh database built from the real migrations and
 * the real app on it, with helpers to seed areas, create users and enterprises, and sign in.
 *
 *   const t = await createTestContext();          // { database, db, app, config, close() }
 *   await t.seedAreas();                           // Lạng Sơn shipped areas
 *   const u = await t.createUser({ role: 'officer', areaCode: '187' });
 *   const s = await t.login(u.email, u.password);  // s.inject() sends the cookie and the CSRF header
 *   await t.anon.inject({ method: 'GET', url: '/api/auth/me' });
 *   const e = await t.createEnterprise({ name: 'Công ty …' });
 *   await t.close();
 *
 * The database kind comes from env BT_TEST_DB = `pglite` (default) | `postgres`; the vitest projects
 * db-pglite and db-postgres set it, and server/test/global-setup.ts builds the template both start from.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import type { SessionUser } from '../../contracts/auth';
import type { CreateEnterpriseInput, EnterpriseDto } from '../../contracts/enterprises';
import type { Role } from '../../contracts/roles';
import { makeTaxCode } from '../../contracts/tax-code';
import { createApp } from '../app';
import { createUser as createUserService } from '../modules/accounts';
import { seedShippedAreas } from '../modules/areas';
import { createEnterprise as createEnterpriseService } from '../modules/enterprises';
import { type Actor, systemActor } from '../platform/audit';
import { backupTables } from '../platform/backup';
import { type Config, loadConfig } from '../platform/config';
import { type Database, type Db, openDatabase } from '../platform/db';
import { CSRF_HEADER, type RouteInfo, SESSION_COOKIE } from '../platform/http';

export type TestDbKind = 'pglite' | 'postgres';
export type TestApp = Awaited<ReturnType<typeof createApp>> & { routeTable: RouteInfo[] };
export type Response = LightMyRequestResponse;

/** What a test sends: fastify's inject options (method, url, payload, headers, query, …). */
export type Request = InjectOptions & { method: NonNullable<InjectOptions['method']>; url: string };

export interface Client {
  inject(req: Request): Promise<Response>;
}

export interface Session extends Client {
  user: SessionUser;
  csrfToken: string;
  /** The raw session cookie value. */
  token: string;
  /** `inject` without the CSRF header (to prove writes need it). */
  injectWithoutCsrf(req: Request): Promise<Response>;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
}

export interface CreateUserOptions {
  role: Role;
  areaCode?: string | null;
  /** Required for role `enterprise`; when absent a fresh enterprise is created and bound. */
  enterpriseIds?: string[];
  email?: string;
  name?: string;
  password?: string;
}

export interface TestContext {
  kind: TestDbKind;
  database: Database;
  db: Db;
  app: TestApp;
  config: Config;
  /** Anonymous client (no cookie). */
  anon: Client;
  seedAreas(): Promise<void>;
  createUser(opts: CreateUserOptions): Promise<TestUser>;
  login(email: string, password: string): Promise<Session>;
  /** Create a user of the role and sign in as it. */
  loginAs(opts: CreateUserOptions): Promise<Session & { account: TestUser }>;
  /** An enterprise with a valid, unique generated tax code (areas are seeded first when needed). */
  createEnterprise(partial?: Partial<CreateEnterpriseInput>): Promise<EnterpriseDto>;
  /** A valid tax code not yet used in this context. */
  newTaxCode(): string;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'Test-Passw0rd-2014';

export function testDbKind(): TestDbKind {
  return process.env.BT_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

function provided<K extends 'btPgliteTemplate' | 'btPgAdminUrl' | 'btPgTemplate'>(
  key: K,
): string | undefined {
  try {
    return inject(key) || undefined;
  } catch {
    return undefined;
  }
}

let templateBlob: Blob | null = null;

async function openPgliteFromTemplate(): Promise<Database> {
  const file = provided('btPgliteTemplate');
  if (!file) {
    // No global setup (e.g. a db test run outside its project): migrate from scratch, slower but correct.
    const d = await openDatabase({});
    await d.migrate();
    return d;
  }
  templateBlob ??= new Blob([fs.readFileSync(file)]);
  return openDatabase({ loadDataDir: templateBlob });
}

function dbUrl(base: string, database: string): string {
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}

async function openPostgresFromTemplate(): Promise<{
  database: Database;
  url: string;
  drop(): Promise<void>;
}> {
  const adminUrl = provided('btPgAdminUrl');
  const template = provided('btPgTemplate');
  if (!adminUrl || !template) {
    throw new Error(
      'BT_TEST_DB=postgres needs the db-postgres vitest project (its globalSetup starts the server)',
    );
  }
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${template}`);
        break;
      } catch (e) {
        // Two clones of one template at the same instant can collide; wait and retry.
        if (attempt >= 20 || !/being accessed by other users/.test((e as Error).message)) throw e;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const url = dbUrl(adminUrl, name);
  const database = await openDatabase({ databaseUrl: url });
  return {
    database,
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

function cookieOf(res: Response, name: string): string | undefined {
  return res.cookies.find((c) => c.name === name)?.value;
}

function withHeaders(req: Request, extra: Record<string, string>): Request {
  return { ...req, headers: { ...(req.headers ?? {}), ...extra } } as Request;
}

let counter = 0;
let ipCounter = 0;

export interface TestContextOptions {
  /** The actor of the seeding helpers (default systemActor). */
  actor?: Actor;
  /** Extra settings, as environment values (e.g. `{ TRUST_PROXY: 'true' }`). */
  env?: Record<string, string>;
}

export async function createTestContext(opts: TestContextOptions = {}): Promise<TestContext> {
  const kind = testDbKind();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-test-'));
  let database: Database;
  let drop: () => Promise<void> = async () => {};
  let databaseUrl: string | undefined;
  if (kind === 'postgres') {
    const pgDb = await openPostgresFromTemplate();
    database = pgDb.database;
    drop = pgDb.drop;
    databaseUrl = pgDb.url;
  } else {
    database = await openPgliteFromTemplate();
  }
  const config = loadConfig({
    // BT_TEST_LOG=error (or debug…) shows the server's log, e.g. the cause of a 500.
    LOG_LEVEL: process.env.BT_TEST_LOG || 'silent',
    DEMO: 'false',
    // PGlite runs in this process and blocks it while it works: the load shedding would answer 503.
    MAX_EVENT_LOOP_DELAY_MS: '0',
    DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...opts.env,
  });
  const app = (await createApp(database, config, {
    webDist: null,
    logger: Boolean(process.env.BT_TEST_LOG),
  })) as TestApp;
  await app.ready();
  const db = database.db;
  const actor = opts.actor ?? systemActor;

  let areasSeeded = false;
  const usedTaxCodes = new Set<string>();

  const anon: Client = { inject: (req) => app.inject(req) };

  const seedAreas = async () => {
    if (areasSeeded) return;
    await seedShippedAreas(db, actor);
    areasSeeded = true;
  };

  const newTaxCode = () => {
    for (;;) {
      const prefix = String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
      const code = makeTaxCode(prefix);
      if (code && !usedTaxCodes.has(code)) {
        usedTaxCodes.add(code);
        return code;
      }
    }
  };

  const createEnterprise = async (partial: Partial<CreateEnterpriseInput> = {}) => {
    await seedAreas();
    const n = ++counter;
    return createEnterpriseService(db, actor, null, {
      taxCode: newTaxCode(),
      name: `Công ty TNHH Thử nghiệm ${n}`,
      areaCode: '178',
      vsic: '2394',
      ownership: 'non_state',
      ...partial,
    } as CreateEnterpriseInput);
  };

  const createUser = async (o: CreateUserOptions): Promise<TestUser> => {
    const n = ++counter;
    let enterpriseIds = o.enterpriseIds;
    if (o.role === 'enterprise' && !enterpriseIds?.length) enterpriseIds = [(await createEnterprise()).id];
    const email = (
      o.email ?? `${o.role.replace(/_/g, '-')}.${n}.${randomBytes(3).toString('hex')}@test.buoctien.vn`
    )
      .trim()
      .toLowerCase();
    const password = o.password ?? TEST_PASSWORD;
    const u = await createUserService(db, actor, null, {
      email,
      name: o.name ?? `Người dùng thử ${n} (${o.role})`,
      role: o.role,
      password,
      areaCode: o.areaCode ?? null,
      enterpriseIds: enterpriseIds ?? [],
    });
    return { id: u.id, email, password, role: o.role };
  };

  const login = async (email: string, password: string): Promise<Session> => {
    // A distinct client address per sign-in, so that the login rate limit (per IP) does not trip tests
    // that sign in many users; rate-limit tests pass their own remoteAddress.
    ipCounter++;
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
      remoteAddress: `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`,
    });
    if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
    const token = cookieOf(res, SESSION_COOKIE);
    if (!token) throw new Error(`login ${email}: no ${SESSION_COOKIE} cookie`);
    const body = res.json() as { user: SessionUser; csrfToken: string };
    const cookie = `${SESSION_COOKIE}=${token}`;
    const send = (req: Request, csrf: boolean) => {
      const prior = (req.headers?.cookie as string | undefined) ?? '';
      const headers: Record<string, string> = { cookie: prior ? `${prior}; ${cookie}` : cookie };
      if (csrf) headers[CSRF_HEADER] = body.csrfToken;
      return app.inject(withHeaders(req, headers));
    };
    return {
      user: body.user,
      csrfToken: body.csrfToken,
      token,
      inject: (req) => send(req, true),
      injectWithoutCsrf: (req) => send(req, false),
    };
  };

  const loginAs = async (o: CreateUserOptions) => {
    const account = await createUser(o);
    return { ...(await login(account.email, account.password)), account };
  };

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await app.close();
    await database.close();
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  return {
    kind,
    database,
    db,
    app,
    config,
    anon,
    seedAreas,
    createUser,
    login,
    loginAs,
    createEnterprise,
    newTaxCode,
    close,
  };
}

/**
 * Row counts of every table and the highest audit_log id: equal before and after = nothing written. Left out:
 * sessions, and the counters any request may touch (rate-limit hits, job progress), which are not data.
 */
export async function fingerprint(
  database: Database,
  exclude: string[] = ['sessions', 'rate_limit_hits', 'job_progress'],
): Promise<string> {
  const tables = (
    await database.query<{ table_name: string }>(
      `select table_name from information_schema.tables
       where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )
  )
    .map((r) => r.table_name)
    .filter((t) => !exclude.includes(t));
  const parts = tables.map((t) => `select '${t}' as t, count(*)::int as n from "${t}"`);
  const counts = await database.query<{ t: string; n: number }>(parts.join(' union all '));
  const [audit] = await database.query<{ m: string | null }>('select max(id)::text as m from audit_log');
  return JSON.stringify({
    counts: Object.fromEntries(counts.map((c) => [c.t, Number(c.n)]).sort()),
    maxAudit: audit?.m ?? null,
  });
}

/** Every row of every table a backup holds, ordered, as JSON text: for comparing a database before and after. */
export async function dumpAllRows(database: Database): Promise<Record<string, unknown[]>> {
  const tables = await backupTables(database);
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    const rows = await database.query<{ r: string }>(
      `select row_to_json(x)::text as r from "${t}" x order by row_to_json(x)::text`,
    );
    out[t] = rows.map((r) => JSON.parse(r.r));
  }
  return out;
}
