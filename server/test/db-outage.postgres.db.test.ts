/**
 * PostgreSQL going away under a running app: a restart of the server while requests are in flight, and the
 * app's connections killed (pg_terminate_backend), including one checked out inside a transaction between
 * two statements. The process must stay up (an unhandled pg 'error' event would crash it, and vitest would
 * report it), requests in flight fail cleanly — 503 db.unavailable, translated, never a 500 — and the pool
 * reconnects by itself once the server is back.
 *
 * PostgreSQL only, on a dedicated throwaway server (restarting the shared test server would break the other
 * test files running beside this one).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { createUser } from '../modules/accounts';
import { seedShippedAreas } from '../modules/areas';
import { systemActor } from '../platform/audit';
import { loadConfig } from '../platform/config';
import { type Database, isConnectionError, openDatabase } from '../platform/db';
import { SESSION_COOKIE } from '../platform/http';
import { hasPostgresBinaries, type PgServer, startPostgres } from './postgres-server';

// It restarts a server of its own: only where the binaries are (always in CI).
const enabled = hasPostgresBinaries();

let server: PgServer;
let database: Database;
let app: Awaited<ReturnType<typeof createApp>>;
let dataDir: string;
let cookie: string;
let appUrl: string;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function admin<T extends pg.QueryResultRow>(sqlText: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: server.url });
  await c.connect();
  try {
    return (await c.query<T>(sqlText, params)).rows;
  } finally {
    await c.end();
  }
}

/** End every connection of the app's database but the caller's; waits until they are gone. */
const terminateAppConnections = () =>
  admin(
    `select pg_terminate_backend(pid, 10000) from pg_stat_activity
     where datname = 'bt_outage' and pid <> pg_backend_pid()`,
  );

beforeAll(async () => {
  if (!enabled) return;
  server = await startPostgres();
  await admin('create database bt_outage');
  const u = new URL(server.url);
  u.pathname = '/bt_outage';
  appUrl = u.toString();
  database = await openDatabase({ databaseUrl: appUrl });
  await database.migrate();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-outage-'));
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DEMO: 'false',
    MAX_EVENT_LOOP_DELAY_MS: '0',
    DATA_DIR: dataDir,
    DATABASE_URL: appUrl,
  });
  app = await createApp(database, config, { webDist: null, logger: false });
  await app.ready();
  await seedShippedAreas(database.db, systemActor);
  await createUser(database.db, systemActor, null, {
    email: 'outage@test.buoctien.vn',
    name: 'Người thử sự cố',
    role: 'officer',
    password: 'Outage-Passw0rd-1',
    areaCode: null,
    enterpriseIds: [],
  });
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: 'outage@test.buoctien.vn', password: 'Outage-Passw0rd-1' },
  });
  expect(res.statusCode).toBe(200);
  cookie = `${SESSION_COOKIE}=${res.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
}, 180_000);

afterAll(async () => {
  if (!enabled) return;
  await app?.close();
  await database?.close().catch(() => {});
  server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Outcome {
  status: number;
  code: string | null;
  message: string | null;
}

/** Reads that touch the database on every request (session, then the list), sent as fast as they answer. */
function load(workers: number) {
  const outcomes: Outcome[] = [];
  let stop = false;
  const one = async () => {
    const lang = outcomes.length % 2 ? 'en' : 'vi';
    const r = await app.inject({
      method: 'GET',
      url: outcomes.length % 3 ? '/api/enterprises?pageSize=5' : '/api/auth/me',
      headers: { cookie, 'accept-language': lang },
    });
    const body = r.statusCode === 200 ? null : (r.json() as { error: { code: string; message: string } });
    outcomes.push({
      status: r.statusCode,
      code: body?.error.code ?? null,
      message: body?.error.message ?? null,
    });
  };
  const running = Promise.all(
    Array.from({ length: workers }, async () => {
      while (!stop) await one();
    }),
  );
  return {
    outcomes,
    async stop() {
      stop = true;
      await running;
      return outcomes;
    },
  };
}

async function untilServing(): Promise<void> {
  for (;;) {
    const r = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    if (r.statusCode === 200) return;
    await sleep(50);
  }
}

function expectClean(outcomes: Outcome[]) {
  const bad = outcomes.filter((o) => o.status !== 200 && !(o.status === 503 && o.code === 'db.unavailable'));
  expect(bad).toEqual([]);
  for (const o of outcomes.filter((x) => x.status === 503)) {
    expect(o.message).toMatch(/cơ sở dữ liệu|database/);
  }
}

describe.skipIf(!enabled)('PostgreSQL going away under load', () => {
  it('a restart of the server: requests in flight get 503 db.unavailable, then the app serves again', async () => {
    const l = load(6);
    while (l.outcomes.filter((o) => o.status === 200).length < 20) await sleep(10);
    await server.restart();
    await untilServing();
    const after = l.outcomes.length;
    while (l.outcomes.length < after + 20) await sleep(10);
    const outcomes = await l.stop();
    expectClean(outcomes);
    // The outage was seen (the requests sent while the server was down) and the service came back.
    expect(outcomes.some((o) => o.status === 503)).toBe(true);
    expect(outcomes.slice(after).every((o) => o.status === 200)).toBe(true);
  });

  it('the app’s connections terminated mid-request: 503 for those, the next ones served', async () => {
    const l = load(6);
    for (let round = 0; round < 5; round++) {
      while (l.outcomes.filter((o) => o.status === 200).length < 10 * (round + 1)) await sleep(10);
      await terminateAppConnections();
    }
    const outcomes = await l.stop();
    expectClean(outcomes);
    await untilServing();
  });

  it('a connection killed inside a transaction, between two statements, does not crash the process', async () => {
    const err = await database.db
      .transaction(async (tx) => {
        await tx.execute('select 1');
        await terminateAppConnections();
        // Let the client read the server's goodbye (57P01) while it is checked out and idle: an 'error' event.
        await sleep(200);
        await tx.execute('select 1');
      })
      .catch((e) => e);
    expect(err).toBeTruthy();
    expect(isConnectionError(err)).toBe(true);
    // The pool dropped the dead connection and opens new ones.
    const rows = await database.query<{ n: number }>('select 1 as n');
    expect(rows[0]!.n).toBe(1);
    await untilServing();
  });
});
