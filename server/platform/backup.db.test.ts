import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, dumpAllRows, type Session, type TestContext } from '../test/harness';
import { backupTo, restoreFrom } from './backup';
import { AppError } from './errors';

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
    expect(await dumpAllRows(t.database)).toEqual(original);

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

function gunzipFirstLine(bytes: Buffer): string {
  return gunzipSync(bytes).toString('utf8').split('\n')[0]!;
}
