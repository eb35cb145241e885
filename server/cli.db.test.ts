/**
 * The `buoctien` command, run as a real process (node bin/buoctien.mjs) against a temporary PGlite data
 * directory, or a fresh PostgreSQL database under BT_TEST_DB=postgres.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTaxCode } from '../contracts/tax-code';
import { openDatabase } from './platform/db';
import { createTestContext, type TestContext, testDbKind } from './test/harness';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/buoctien.mjs');
let dir: string;
let target: string[];
let ctx: TestContext | null = null;

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args, ...target], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: '', LOG_LEVEL: 'silent', NO_COLOR: '1', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function query<T>(sqlText: string, params: unknown[] = []): Promise<T[]> {
  if (ctx) return ctx.database.query<T>(sqlText, params);
  const d = await openDatabase({ dataDir: path.join(dir, 'data') });
  try {
    return await d.query<T>(sqlText, params);
  } finally {
    await d.close();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-cli-test-'));
  if (testDbKind() === 'postgres') {
    ctx = await createTestContext();
    target = ['--database-url', ctx.config.DATABASE_URL!];
  } else {
    target = ['--data-dir', path.join(dir, 'data')];
  }
});
afterAll(async () => {
  await ctx?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const code = (p: string) => {
  for (let i = 0; ; i++) {
    const c = makeTaxCode(`${p}${String(i).padStart(9 - p.length, '0')}`);
    if (c) return c;
  }
};

// Every command opens (and on PGlite, boots) the database: seconds each (the config's limits are generous).
describe('buoctien CLI', () => {
  it('--help lists the commands', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    for (const c of [
      'serve',
      'migrate',
      'demo',
      'user add',
      'user set-password',
      'user disable',
      'import',
      'backup',
      'restore',
    ])
      expect(r.out).toContain(c);
  });

  it('migrate applies the migrations', async () => {
    const r = cli(['migrate']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Migrations: OK');
    const rows = await query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
  });

  it('user add / set-password / disable', async () => {
    // A staff user is bound only to an area that exists (the areas.csv import comes later in this file).
    await query(
      "insert into areas (code, name, level, valid_from) values ('CLI1', 'Địa bàn thử CLI', 'province', '2008-08-01')",
    );
    const add = cli([
      'user',
      'add',
      '--email',
      'Can.Bo@Example.vn',
      '--name',
      'Cán bộ CLI',
      '--role',
      'officer',
      '--area',
      'CLI1',
      '--password',
      'Cli-Passw0rd-1',
    ]);
    expect(add.code, add.err).toBe(0);
    expect(add.out).toContain('can.bo@example.vn');
    const badRole = cli(['user', 'add', '--email', 'x@example.vn', '--name', 'X', '--role', 'king']);
    expect(badRole.code).toBe(2);
    expect(badRole.err).toContain('--role');
    expect(badRole.err).not.toMatch(/\n\s+at /);
    // An area or an enterprise that does not exist is refused, naming the option (nothing written).
    const ghostArea = cli([
      'user',
      'add',
      '--email',
      'x@example.vn',
      '--name',
      'X',
      '--role',
      'officer',
      '--area',
      '999',
    ]);
    expect(ghostArea.code, ghostArea.err).toBe(2);
    expect(ghostArea.err).toContain('--area: Không có địa bàn mã 999.');
    const ghostEnterprise = cli([
      'user',
      'add',
      '--email',
      'x@example.vn',
      '--name',
      'X',
      '--role',
      'enterprise',
      '--enterprise',
      '0100109106',
    ]);
    expect(ghostEnterprise.code, ghostEnterprise.err).toBe(2);
    expect(ghostEnterprise.err).toContain('--enterprise: Không có doanh nghiệp mã số thuế 0100109106.');
    expect(await query("select 1 from users where email = 'x@example.vn'")).toEqual([]);
    const hashBefore = (
      await query<{ h: string }>("select password_hash as h from users where email = 'can.bo@example.vn'")
    )[0]!.h;
    const set = cli(['user', 'set-password', '--email', 'can.bo@example.vn', '--password', 'Cli-Passw0rd-2']);
    expect(set.code, set.err).toBe(0);
    const [u1] = await query<{ h: string }>(
      "select password_hash as h from users where email = 'can.bo@example.vn'",
    );
    expect(u1!.h).not.toBe(hashBefore);
    const dis = cli(['user', 'disable', '--email', 'can.bo@example.vn']);
    expect(dis.code, dis.err).toBe(0);
    const [u2] = await query<{ disabled: boolean; area_code: string }>(
      "select disabled, area_code from users where email = 'can.bo@example.vn'",
    );
    expect(u2).toEqual({ disabled: true, area_code: 'CLI1' });
    const audit = await query<{ via: string; action: string }>(
      "select via, action from audit_log where action like 'user.%' order by id",
    );
    expect(audit.every((a) => a.via === 'cli')).toBe(true);
    expect(audit.map((a) => a.action)).toEqual(['user.created', 'user.password_set', 'user.updated']);
  });

  it('import: good files load with progress; a bad file exits non-zero listing the row errors', async () => {
    const areas = path.join(dir, 'areas.csv');
    fs.writeFileSync(
      areas,
      'code,name,level,parent_code,valid_from,valid_to\n20,Tỉnh Lạng Sơn,province,,2008-08-01,\n187,Huyện Chi Lăng,district,20,2008-08-01,2025-06-30\n',
    );
    const a = cli(['import', 'areas', areas]);
    expect(a.code, a.err).toBe(0);
    expect(JSON.parse(a.out.trim().split('\n').pop()!)).toEqual({
      inserted: 2,
      updated: 0,
      unchanged: 0,
      rows: 2,
    });
    expect(a.err).toMatch(/done/);

    const good = path.join(dir, 'enterprises.csv');
    fs.writeFileSync(
      good,
      `tax_code,name,area_code,vsic,ownership,reports_monthly\n${code('49')},Công ty CLI,187,2394,non_state,true\n`,
    );
    const e = cli(['import', 'enterprises', good]);
    expect(e.code, e.err).toBe(0);
    expect(e.out).toContain('"inserted":1');

    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(
      bad,
      'tax_code,name,area_code,vsic,ownership,reports_monthly\n0100109107,Sai MST,187,2394,state,true\n' +
        `${code('48')},Ngoài ngành,999,4711,state,true\n`,
    );
    const r = cli(['import', 'enterprises', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/dòng\/row 2 \[tax_code\]/);
    expect(r.err).toMatch(/dòng\/row 3 \[vsic\]/);
    expect(r.err).toMatch(/dòng\/row 3 \[area_code\]/);
    expect(r.err).not.toMatch(/\n\s+at /);
    const [n] = await query<{ n: number }>('select count(*)::int as n from enterprises');
    expect(Number(n!.n)).toBe(1);

    const missing = cli(['import', 'enterprises', path.join(dir, 'nope.csv')]);
    expect(missing.code).toBe(2);
  });

  it('export indicators: the products left out are said; bad options are named and translated (exit 2)', async () => {
    const products = path.join(dir, 'products.csv');
    fs.writeFileSync(
      products,
      'code,name_vi,unit,vsic,base_year,base_price_vnd\nXM,Xi măng,tấn,2394,2010,1000\nXM,Xi măng,tấn,2394,2020,1500\n' +
        'CK,Clinker,tấn,2394,2010,500\n',
    );
    expect(cli(['import', 'products', products]).code).toBe(0);
    // CK is reported in 2013-01 only: its 2014-01 figure is imputed (§4), and it has no 2020 price.
    const reports = path.join(dir, 'reports.csv');
    fs.writeFileSync(
      reports,
      `tax_code,period,product_code,quantity\n${code('49')},2013-01,XM,10\n${code('49')},2013-01,CK,5\n` +
        `${code('49')},2014-01,XM,12\n`,
    );
    expect(cli(['import', 'reports', reports]).code).toBe(0);
    const args = [
      'export',
      'indicators',
      '--area',
      '20',
      '--from',
      '2014-01',
      '--to',
      '2014-01',
      '--freq',
      'M',
    ];
    const r = cli([...args, '--base-year', '2020', '--indicator', 'GO_CONST', '--lang', 'en']);
    expect(r.code, r.err).toBe(0);
    // 12 t of cement at 1,500 VND; the imputed clinker has no 2020 price.
    expect(r.out).toContain(',20,GO_CONST,_T,_T,2014-01,18000,VND,P');
    expect(r.err).toContain(
      '1 products have no 2020 base price and are left out of output at constant prices: CK',
    );
    // Without --area: the installation's own area (the province loaded from areas.csv).
    const home = cli(['export', 'indicators', '--from', '2014-01', '--to', '2014-01', '--freq', 'M']);
    expect(home.out).toContain(',20,GO_CONST,_T,_T,2014-01,');
    const vi = cli([...args, '--base-year', '2020', '--indicator', 'GO_CONST']);
    expect(vi.err).toContain('1 sản phẩm không có giá năm gốc 2020');
    const bad = cli([
      'export',
      'indicators',
      '--from',
      '2014-13',
      '--to',
      '2014-01',
      '--freq',
      'X',
      '--lang',
      'en',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--from: Invalid period (YYYY-MM).');
    expect(bad.err).toContain('--freq: Must be one of: M, Q, A, YTD.');
    const year = cli([...args, '--base-year', '20x']);
    expect(year.code).toBe(2);
    expect(year.err).toContain('--base-year: Giá trị không đúng kiểu.');
  });

  it('backup and restore round-trip', async () => {
    const file = path.join(dir, 'backup.gz');
    const b = cli(['backup', file]);
    expect(b.code, b.err).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
    cli([
      'user',
      'add',
      '--email',
      'late@example.vn',
      '--name',
      'Late',
      '--role',
      'bank',
      '--password',
      'Late-Passw0rd-1',
    ]);
    expect(await query("select 1 from users where email = 'late@example.vn'")).toHaveLength(1);
    const r = cli(['restore', file]);
    expect(r.code, r.err).toBe(0);
    expect(await query("select 1 from users where email = 'late@example.vn'")).toHaveLength(0);
    expect(await query("select 1 from users where email = 'can.bo@example.vn'")).toHaveLength(1);
    const corrupt = path.join(dir, 'corrupt.gz');
    fs.writeFileSync(corrupt, 'garbage');
    const c = cli(['restore', corrupt]);
    expect(c.code).toBe(1);
    expect(c.err).toMatch(/sao lưu|backup/i);
    expect(await query("select 1 from users where email = 'can.bo@example.vn'")).toHaveLength(1);
  });

  it('a bad setting stops `serve` with one clear line and no stack trace', () => {
    for (const env of [{ PORT: 'abc' }, { LOG_LEVEL: 'loud' }, { DATABASE_URL: 'mysql://x' }]) {
      const r = spawnSync(process.execPath, [BIN, 'serve', '--data-dir', path.join(dir, 'serve')], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: '', ...env },
      });
      const key = Object.keys(env)[0]!;
      expect(r.status, r.stderr).not.toBe(0);
      const lines = r.stderr.trim().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toContain(key);
      expect(r.stderr).not.toMatch(/\bat\s+\S+\s+\(|node:internal/);
    }
  });

  it('an unknown command or option exits 2', () => {
    expect(cli(['frobnicate']).code).toBe(2);
    const r = cli(['migrate', '--no-such-option']);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('usage errors: translated, exit 2, the nearest valid option suggested, subcommands listed', () => {
    const typo = cli(['user', 'add', '--emial', 'a@b.vn', '--name', 'A', '--role', 'officer']);
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('Lỗi: Không có tùy chọn --emial. Có phải ý bạn là --email?');
    expect(typo.err).not.toMatch(/ERR_PARSE_ARGS|To specify a positional argument/);
    const en = cli(['user', 'add', '--emial', 'a@b.vn', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.err).toContain('Error: Unknown option --emial. Did you mean --email?');
    const alone = cli(['user']);
    expect(alone.code).toBe(2);
    expect(alone.err).toContain('Lệnh "user" cần một trong: add | set-password | disable.');
    expect(alone.err).not.toContain('--email.');
    const help = cli(['--help']);
    expect(help.out).toContain('serve [--port N]');
  });

  it('export indicators: progress on stderr; XLSX is never written to the terminal (as export schemes)', () => {
    const r = cli([
      'export',
      'indicators',
      '--from',
      '2014-01',
      '--to',
      '2014-01',
      '--freq',
      'M',
      '--lang',
      'en',
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/export indicators \[1\/3\] opening the database…/);
    expect(r.err).toMatch(/export indicators \[2\/3\] computing the indicators…/);
    expect(r.err).toMatch(/export indicators \[3\/3\] writing the file…/);
    expect(r.err).toMatch(/export indicators done \(\d+\.\d s\)/);
    for (const args of [
      ['export', 'indicators', '--from', '2014-01', '--to', '2014-01', '--format', 'xlsx'],
      ['export', 'schemes', '--year', '2014', '--format', 'xlsx'],
    ]) {
      const x = cli(args);
      expect(x.code, x.err).toBe(2);
      expect(x.out).toBe('');
      expect(x.err).toContain('--format xlsx tạo tệp nhị phân: cần --out FILE');
    }
    const out = path.join(dir, 'indicators.xlsx');
    const ok = cli([
      'export',
      'indicators',
      '--from',
      '2014-01',
      '--to',
      '2014-01',
      '--format',
      'xlsx',
      '--out',
      out,
    ]);
    expect(ok.code, ok.err).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('report industry without Chromium: one clear line before any work, nothing left in the temp dir', () => {
    const tmp = fs.mkdtempSync(path.join(dir, 'tmp-'));
    for (const format of ['docx', 'pdf']) {
      const r = cli(
        ['report', 'industry', '--year', '2014', '--format', format, '--out', path.join(dir, `r.${format}`)],
        { CHROMIUM_PATH: path.join(dir, 'no-chromium'), TMPDIR: tmp },
      );
      expect(r.code).toBe(1);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toContain('cần trình duyệt Chromium');
      expect(r.err).toContain('apt-get install chromium');
      // Said before the database is opened: no progress line.
      expect(r.err).not.toContain('[1/3]');
    }
    // (tsx keeps its compile cache there: not ours.)
    expect(fs.readdirSync(tmp).filter((f) => !f.startsWith('tsx-'))).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'r.docx'))).toBe(false);
  });
});
