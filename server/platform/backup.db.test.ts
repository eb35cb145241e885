import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  dumpAllRows,
  type Session,
  TEST_PASSWORD,
  type TestContext,
} from '../test/harness';
import { backupTables, backupTo, restoreFrom } from './backup';
import { AppError } from './errors';
import { SESSION_COOKIE } from './http';

let t: TestContext;
let officer: Session;
let dir: string;

beforeAll(async () => {
  t = await createTestContext();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-backup-test-'));
  await t.seedAreas();
  officer = await t.loginAs({ role: 'officer' });
  const e = await t.createEnterprise({
    name: 'Công ty Sao Lưu',
    charterCapitalVnd: '12345678901234567',
    foundedOn: '1999-12-31',
    products: [{ name: 'Xi măng', unit: 'tấn', capacityPerYear: '910000.125' }],
  });
  await t.createEnterprise({ name: 'Công ty "Dấu nháy" \'đơn\' \\ và \n xuống dòng', areaCode: '187' });
  await officer.inject({
    method: 'PATCH',
    url: `/api/enterprises/${e.id}`,
    payload: { version: 1, notes: 'Ghi chú có emoji 🏭 và NUL-free text' },
  });
  await t.loginAs({ role: 'enterprise', enterpriseIds: [e.id] });
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe(`backup and restore (${process.env.BT_TEST_DB ?? 'pglite'})`, () => {
  it('restores exactly the rows that were backed up, after the data changed', async () => {
    const file = path.join(dir, 'full.bt.gz');
    const original = await dumpAllRows(t.database);
    const r = await backupTo(t.database, file);
    expect(r.rows).toBe(Object.values(original).reduce((n, rows) => n + rows.length, 0));
    expect(fs.statSync(file).size).toBeGreaterThan(100);

    // Change everything a little: new rows, edits, deletions.
    const extra = await t.createEnterprise({ name: 'Công ty Sau Sao Lưu' });
    await t.database.query("update enterprises set name = 'Đã đổi' where id <> $1", [extra.id]);
    await t.database.query('delete from enterprise_products');
    await t.createUser({ role: 'leader' });
    expect(await dumpAllRows(t.database)).not.toEqual(original);

    await restoreFrom(t.database, file);
    expect(withoutSessions(await dumpAllRows(t.database))).toEqual(withoutSessions(original));
    officer = await t.login(officer.user.email, TEST_PASSWORD);

    // Sequences continue after the restored ids: the next audit row gets a fresh id.
    const [max] = await t.database.query<{ m: number }>('select max(id)::int as m from audit_log');
    await t.createEnterprise({ name: 'Công ty Sau Khôi Phục' });
    const [next] = await t.database.query<{ m: number }>('select max(id)::int as m from audit_log');
    expect(Number(next!.m)).toBeGreaterThan(Number(max!.m));
    // And the app works on the restored data.
    const list = await officer.inject({ method: 'GET', url: '/api/enterprises?q=sao%20luu' });
    expect(list.statusCode).toBe(200);
  });

  it('a corrupt, truncated or foreign file fails cleanly and changes nothing', async () => {
    const good = path.join(dir, 'good.bt.gz');
    await backupTo(t.database, good);
    const before = await dumpAllRows(t.database);
    const bytes = fs.readFileSync(good);
    const cases: [string, Buffer][] = [
      ['random bytes', Buffer.from('definitely not a backup file')],
      ['a truncated backup', bytes.subarray(0, Math.floor(bytes.length * 0.6))],
      ['gzip of something else', gzipSync('{"hello":"world"}\n')],
      [
        'a backup with an unknown table',
        gzipSync(
          `${JSON.stringify({ ...JSON.parse(gunzipFirstLine(bytes)), tables: ['nope'] })}\n{"t":"nope","r":{"a":1}}\n`,
        ),
      ],
      [
        'a backup with a row that breaks a constraint',
        gzipSync(`${gunzipFirstLine(bytes)}\n{"t":"enterprises","r":{"id":"not-a-uuid","tax_code":"x"}}\n`),
      ],
    ];
    for (const [what, content] of cases) {
      const file = path.join(dir, 'bad.bt.gz');
      fs.writeFileSync(file, content);
      const err = await restoreFrom(t.database, file).catch((e) => e);
      expect(err, what).toBeInstanceOf(AppError);
      expect(err.code, what).toBe('backup.invalid');
      expect(await dumpAllRows(t.database), what).toEqual(before);
    }
    const missing = await restoreFrom(t.database, path.join(dir, 'missing.gz')).catch((e) => e);
    expect(missing.code).toBe('backup.invalid');
  });
});

/** The rows but the sessions, which a restore ends (their ids are compared apart). */
function withoutSessions(rows: Record<string, unknown[]>) {
  const { sessions: _, ...rest } = rows;
  return rest;
}
const sessionIds = (rows: Record<string, unknown[]>) =>
  (rows.sessions as { id: string }[]).map((r) => r.id).sort();

describe(`backup under load, sessions, catalogue (${process.env.BT_TEST_DB ?? 'pglite'})`, () => {
  it('a backup is one snapshot: writes committed while it runs are wholly out of it, and it restores elsewhere', async () => {
    const before = await dumpAllRows(t.database);
    const file = path.join(dir, 'under-load.bt.gz');
    const pending: Promise<unknown>[] = [];
    let n = 0;
    await backupTo(t.database, file, async (table) => {
      // After each table, a write that touches many tables: an enterprise with a product, its audit row, and a
      // user bound to it. On PostgreSQL it commits before the backup reads on; on PGlite (one connection) it
      // waits for the backup's transaction.
      const w = (async () => {
        const e = await t.createEnterprise({
          name: `Công ty Ghi Trong Lúc Sao Lưu ${++n} (${table})`,
          products: [{ name: 'Gạch', unit: 'viên', capacityPerYear: '1000' }],
        });
        await t.createUser({ role: 'enterprise', enterpriseIds: [e.id] });
      })();
      pending.push(w);
      if (t.kind === 'postgres') await w;
    });
    await Promise.all(pending);
    expect(n).toBeGreaterThan(5);
    const other = await createTestContext();
    try {
      await restoreFrom(other.database, file);
      const restored = await dumpAllRows(other.database);
      expect(withoutSessions(restored)).toEqual(withoutSessions(before));
      expect(sessionIds(restored)).toEqual(sessionIds(before));
    } finally {
      await other.close();
    }
  });

  it('a restore ends every session: a cookie issued before the backup opens nothing on the restored installation', async () => {
    const s = await t.loginAs({ role: 'leader' });
    const me = (c: { inject: TestContext['anon']['inject'] }) =>
      c.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `${SESSION_COOKIE}=${s.token}` } });
    expect((await me(t.anon)).statusCode).toBe(200);
    const file = path.join(dir, 'sessions.bt.gz');
    await backupTo(t.database, file);
    const other = await createTestContext();
    try {
      await restoreFrom(other.database, file);
      expect((await me(other.anon)).statusCode).toBe(401);
      // The accounts came across: the same person signs in again with the same password.
      expect((await other.login(s.account.email, s.account.password)).user.id).toBe(s.account.id);
    } finally {
      await other.close();
    }
    // And restoring over this installation ends its own sessions too.
    await restoreFrom(t.database, file);
    expect((await me(t.anon)).statusCode).toBe(401);
    const [live] = await t.database.query<{ n: number }>(
      'select count(*)::int as n from sessions where revoked_at is null',
    );
    expect(Number(live!.n)).toBe(0);
  });

  it('lists the tables whatever plan the catalogue query gets (no name resolved outside the public schema)', async () => {
    const expected = await backupTables(t.database);
    expect(expected).toContain('enterprises');
    // A used database's statistics can make the planner scan all of pg_class and filter by schema later; these
    // settings force that plan.
    const tables = await t.database.rawTransaction(async (q) => {
      await q.exec(
        'set local enable_nestloop = off; set local enable_indexscan = off; set local enable_bitmapscan = off; set local enable_mergejoin = off',
      );
      return backupTables(q);
    });
    expect(tables).toEqual(expected);
  });
});

function gunzipFirstLine(bytes: Buffer): string {
  return gunzipSync(bytes).toString('utf8').split('\n')[0]!;
}
