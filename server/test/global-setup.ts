import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../platform/db';
import { hasPostgresBinaries, PG_BIN, type PgServer, startPostgres } from './postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of the migrated data-dir tarball every test database starts from. */
    btPgliteTemplate: string;
    /** PostgreSQL: URL of a database on the test server from which `CREATE DATABASE` may be run. */
    btPgAdminUrl: string;
    /** PostgreSQL: name of the migrated template database. */
    btPgTemplate: string;
  }
}

export function dbUrl(base: string, database: string): string {
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Once per test run and project: build ONE migrated database, from which every test context is cloned.
 * PGlite: a dumped data dir (loading it takes ~1 s instead of ~4 s of migrations).
 * PostgreSQL: a template database on a throwaway server (or on BT_TEST_PG_URL / DATABASE_URL if given).
 */
export default async function setup(project: TestProject) {
  const kind = (project.config.env?.BT_TEST_DB as string | undefined) ?? process.env.BT_TEST_DB ?? 'pglite';
  return kind === 'postgres' ? setupPostgres(project) : setupPglite(project);
}

async function setupPglite(project: TestProject) {
  const started = Date.now();
  const database = await openDatabase({});
  await database.migrate();
  const blob = await database.dumpDataDir!();
  await database.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-pglite-template-'));
  const file = path.join(dir, 'template.tar');
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  project.provide('btPgliteTemplate', file);
  log(`PGlite template ready in ${Date.now() - started} ms (${Math.round(blob.size / 1024)} KiB)`);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

async function setupPostgres(project: TestProject) {
  const started = Date.now();
  const given = process.env.BT_TEST_PG_URL || process.env.DATABASE_URL;
  let server: PgServer | null = null;
  if (!given) {
    if (!hasPostgresBinaries()) {
      throw new Error(
        `PostgreSQL tests need ${PG_BIN}/initdb and pg_ctl, or a server in BT_TEST_PG_URL / DATABASE_URL`,
      );
    }
    server = await startPostgres();
  }
  const adminUrl = given ?? server!.url;
  const template = `bt_template_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
    await admin.query(`create database ${template}`);
  } catch (e) {
    server?.stop();
    throw e;
  } finally {
    await admin.end().catch(() => {});
  }
  const database = await openDatabase({ databaseUrl: dbUrl(adminUrl, template) });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
  project.provide('btPgAdminUrl', adminUrl);
  project.provide('btPgTemplate', template);
  log(
    `PostgreSQL template ${template} ready in ${Date.now() - started} ms on ${server ? `a throwaway server (port ${server.port})` : 'the given server'}`,
  );
  return async () => {
    if (server) {
      server.stop();
      return;
    }
    const c = new pg.Client({ connectionString: adminUrl });
    try {
      await c.connect();
      await c.query(`drop database if exists ${template} with (force)`);
    } finally {
      await c.end().catch(() => {});
    }
  };
}

function log(line: string) {
  process.stderr.write(`[test-db] ${line}\n`);
}
