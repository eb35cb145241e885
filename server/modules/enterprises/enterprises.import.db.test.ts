/**
 * Imports of enterprises.csv / .xlsx and areas.csv, through the API (multipart) and the service: all or
 * nothing with every bad row listed, idempotent re-import, XLSX round trip. And audit atomicity: a write
 * that fails part-way leaves neither data nor audit rows.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { readTable } from '../../platform/files';
import { createTestContext, fingerprint, type Session, type TestContext } from '../../test/harness';
import { importAreas } from '../areas';
import { importEnterprises } from '.';

let t: TestContext;
let officer: Session;
let admin: Session;

beforeAll(async () => {
  t = await createTestContext();
  await t.seedAreas();
  officer = await t.loginAs({ role: 'officer' });
  admin = await t.loginAs({ role: 'admin' });
});
afterAll(() => t?.close());

function multipart(filename: string, content: Buffer | string, contentType = 'text/csv') {
  const boundary = `----bt${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const HEADER = 'tax_code,name,area_code,vsic,ownership,reports_monthly,employees,founded_on,email';

function csv(rows: string[][]): string {
  return [
    HEADER,
    ...rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')),
  ].join('\n');
}

const code = () => t.newTaxCode();
const count = async (table: string) =>
  Number((await t.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n);

describe('enterprises.csv through the API', () => {
  it('imports every row, then a second time changes nothing, then updates what changed', async () => {
    const [a, b, c] = [code(), code(), code()];
    const rows = [
      [
        a,
        'Công ty TNHH Nhập Khẩu Một',
        '187',
        '2394',
        'non_state',
        'true',
        '120',
        '2005-03-01',
        'mot@example.vn',
      ],
      [b, 'Công ty Cổ phần Nhập Khẩu Hai', '178', '1010', 'state', 'false', '', '', ''],
      [c, 'Nhà máy Nhập Khẩu Ba', '183', '3510', 'fdi', 'có', '15', '', ''],
    ];
    const first = await officer.inject({
      method: 'POST',
      url: '/api/enterprises/import',
      ...multipart('e.csv', csv(rows)),
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ inserted: 3, updated: 0, unchanged: 0, rows: 3 });
    const [e] = await t.database.query<Record<string, unknown>>(
      'select name, area_code, employees, founded_on::text as founded_on, email, reports_monthly from enterprises where tax_code = $1',
      [a],
    );
    expect(e).toEqual({
      name: 'Công ty TNHH Nhập Khẩu Một',
      area_code: '187',
      employees: 120,
      founded_on: '2005-03-01',
      email: 'mot@example.vn',
      reports_monthly: true,
    });

    const before = await fingerprint(t.database);
    const again = await officer.inject({
      method: 'POST',
      url: '/api/enterprises/import',
      ...multipart('e.csv', csv(rows)),
    });
    expect(again.json()).toEqual({ inserted: 0, updated: 0, unchanged: 3, rows: 3 });
    expect(await fingerprint(t.database)).toBe(before);

    rows[1]![6] = '250';
    const changed = await officer.inject({
      method: 'POST',
      url: '/api/enterprises/import',
      ...multipart('e.csv', csv(rows)),
    });
    expect(changed.json()).toEqual({ inserted: 0, updated: 1, unchanged: 2, rows: 3 });
    const [audit] = await t.database.query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'enterprise.imported'
       and entity_id = (select id::text from enterprises where tax_code = $1)`,
      [b],
    );
    expect(Number(audit!.n)).toBe(2);
  });

  it('refuses the whole file, listing every bad row, column and reason, and writes nothing', async () => {
    const dup = code();
    const rows = [
      [code(), 'Công ty Tốt', '187', '2394', 'non_state', 'true', '', '', ''], // line 2: fine
      ['0100109107', 'Sai mã số thuế', '187', '2394', 'non_state', 'true', '', '', ''], // 3
      [code(), 'Ngành bán lẻ', '187', '4711', 'non_state', 'true', '', '', ''], // 4
      [code(), 'Địa bàn lạ', '999', '2394', 'non_state', 'true', '', '', ''], // 5
      [dup, 'Trùng một', '187', '2394', 'non_state', 'true', '', '', ''], // 6
      [dup, 'Trùng hai', '187', '2394', 'non_state', 'true', '', '', ''], // 7
      [code(), '', '187', '2394', 'private', 'maybe', 'many', '2014-02-30', 'x@'], // 8
      ['100000035', 'Mất số 0 đầu', '187', '2394', 'state', 'true', '', '', ''], // 9: 0100000035 in a Number column
    ];
    const before = await fingerprint(t.database);
    const res = await officer.inject({
      method: 'POST',
      url: '/api/enterprises/import',
      ...multipart('e.csv', csv(rows)),
    });
    expect(res.statusCode).toBe(422);
    const err = res.json().error;
    expect(err.code).toBe('import.invalid_rows');
    const got = (err.details.issues as { row: number; column: string; code: string }[]).map(
      (i) => `${i.row}:${i.column}:${i.code}`,
    );
    expect(got.sort()).toEqual(
      [
        '3:tax_code:issue.tax_code',
        '4:vsic:issue.vsic',
        '5:area_code:issue.unknown_area',
        '7:tax_code:issue.duplicate_key',
        '8:name:issue.required',
        '8:ownership:issue.enum',
        '8:reports_monthly:issue.boolean',
        '8:employees:issue.number',
        '8:founded_on:issue.date',
        '8:email:issue.email',
        '9:tax_code:issue.tax_code_leading_zero',
      ].sort(),
    );
    expect(err.details.count).toBe(11);
    expect(await fingerprint(t.database)).toBe(before);
  });

  it('refuses unknown and missing columns', async () => {
    const text =
      'tax_code,name,area,vsic,ownership,reports_monthly,colour\n0100109106,X,187,2394,state,true,red';
    const res = await officer.inject({
      method: 'POST',
      url: '/api/enterprises/import',
      ...multipart('e.csv', text),
    });
    expect(res.statusCode).toBe(422);
    const got = res
      .json()
      .error.details.issues.map((i: { column: string; code: string }) => `${i.column}:${i.code}`);
    expect(got.sort()).toEqual([
      'area:issue.unknown_column',
      'area_code:issue.missing_column',
      'colour:issue.unknown_column',
    ]);
  });

  it('refuses files that are not CSV or XLSX, or are broken, with a 4xx', async () => {
    const cases: [string, Buffer | string, number, string][] = [
      ['e.pdf', '%PDF-1.4', 400, 'import.invalid_file'],
      ['e.xlsx', 'not a zip', 400, 'import.invalid_file'],
      ['e.csv', Buffer.from([0xff, 0xfe, 0x00, 0x41]), 400, 'import.not_utf8'], // UTF-16 ("Unicode text")
      ['e.csv', 'tax_code,name\n"unterminated', 422, 'import.invalid_rows'], // row 2: issue.csv_syntax
      ['e.csv', '', 400, 'import.invalid_file'],
    ];
    for (const [name, content, status, code] of cases) {
      const res = await officer.inject({
        method: 'POST',
        url: '/api/enterprises/import',
        ...multipart(name, content),
      });
      expect(res.statusCode, `${name}: ${res.body}`).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    const notMultipart = await officer.inject({
      method: 'POST',
      url: '/api/enterprises/import',
      payload: { a: 1 },
    });
    expect(notMultipart.statusCode).toBe(415);
  });

  it('reports progress under a job id', async () => {
    const rows = [[code(), 'Công ty Tiến Độ', '187', '2394', 'non_state', 'true', '', '', '']];
    const res = await officer.inject({
      method: 'POST',
      url: '/api/enterprises/import?jobId=job-progress-1',
      ...multipart('e.csv', csv(rows)),
    });
    expect(res.statusCode).toBe(200);
    const job = await officer.inject({ method: 'GET', url: '/api/jobs/job-progress-1' });
    expect(job.json()).toEqual({ jobId: 'job-progress-1', phase: 'done', done: 1, total: 1 });
    // Another user cannot read it.
    expect((await admin.inject({ method: 'GET', url: '/api/jobs/job-progress-1' })).statusCode).toBe(404);
  });

  it('round-trips an XLSX file written with exceljs', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('enterprises');
    ws.addRow(HEADER.split(','));
    const codes = [code(), code()];
    ws.addRow([
      codes[0],
      'Công ty Excel Một',
      '187',
      '2394',
      'non_state',
      'true',
      42,
      new Date(Date.UTC(2010, 4, 17)),
      'a@b.vn',
    ]);
    ws.addRow([codes[1], 'Công ty Excel Hai', '188', '1030', 'state', 'false', null, null, null]);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await officer.inject({
      method: 'POST',
      url: '/api/enterprises/import',
      ...multipart('e.xlsx', data, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ inserted: 2, updated: 0, unchanged: 0, rows: 2 });
    const [e] = await t.database.query<Record<string, unknown>>(
      'select name, employees, founded_on::text as founded_on, email from enterprises where tax_code = $1',
      [codes[0]],
    );
    expect(e).toEqual({
      name: 'Công ty Excel Một',
      employees: 42,
      founded_on: '2010-05-17',
      email: 'a@b.vn',
    });
    const again = await officer.inject({
      method: 'POST',
      url: '/api/enterprises/import',
      ...multipart('e.xlsx', data, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    });
    expect(again.json().unchanged).toBe(2);
  });

  it('a district-bound officer may import only enterprises of its district', async () => {
    const chiLang = await t.loginAs({ role: 'officer', areaCode: '187' });
    const rows = [
      [code(), 'Trong địa bàn', '187', '2394', 'non_state', 'true', '', '', ''],
      [code(), 'Ngoài địa bàn', '178', '2394', 'non_state', 'true', '', '', ''],
    ];
    const res = await chiLang.inject({
      method: 'POST',
      url: '/api/enterprises/import',
      ...multipart('e.csv', csv(rows)),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.issues).toEqual([
      expect.objectContaining({ row: 3, column: 'area_code', code: 'issue.out_of_scope' }),
    ]);
  });

  it("a district-bound officer cannot take over another district's enterprise by its tax code", async () => {
    const chiLang = await t.loginAs({ role: 'officer', areaCode: '187' });
    const other = await t.createEnterprise({ name: 'Công ty Thành Phố Gốc', areaCode: '178' });
    const mine = code();
    const rows = [
      [mine, 'Mới trong địa bàn', '187', '2394', 'non_state', 'true', '', '', ''],
      // Its tax code with the officer's own area: renamed, moved in and then readable, were it accepted.
      [other.taxCode, 'Đã bị chiếm', '187', '2394', 'non_state', 'true', '', '', ''],
    ];
    const before = await fingerprint(t.database);
    const res = await chiLang.inject({
      method: 'POST',
      url: '/api/enterprises/import',
      ...multipart('e.csv', csv(rows)),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.issues).toEqual([
      expect.objectContaining({ row: 3, column: 'tax_code', code: 'issue.out_of_scope' }),
    ]);
    expect(res.body).not.toContain('Thành Phố Gốc');
    expect(await fingerprint(t.database)).toBe(before);
    const [e] = await t.database.query<{ name: string; area_code: string }>(
      'select name, area_code from enterprises where id = $1',
      [other.id],
    );
    expect(e).toEqual({ name: 'Công ty Thành Phố Gốc', area_code: '178' });
    expect((await chiLang.inject({ method: 'GET', url: `/api/enterprises/${other.id}` })).statusCode).toBe(
      404,
    );
    // An unbound officer may still update it through the same file format.
    const ok = await officer.inject({
      method: 'POST',
      url: '/api/enterprises/import',
      ...multipart('e.csv', csv([rows[1]!.map((c, i) => (i === 2 ? '178' : c))])),
    });
    expect(ok.json()).toEqual({ inserted: 0, updated: 1, unchanged: 0, rows: 1 });
  });
});

describe('imports through the service (as the CLI does)', () => {
  it('imports enterprises from a table and rejects a bad one with AppError', async () => {
    const table = await readTable(
      Buffer.from(csv([[code(), 'Công ty Dịch Vụ', '189', '2394', 'state', '0', '', '', '']])),
      'x.csv',
    );
    expect(await importEnterprises(t.db, cliActor, null, table)).toEqual({
      inserted: 1,
      updated: 0,
      unchanged: 0,
      rows: 1,
    });
    const bad = await readTable(
      Buffer.from(csv([['123', 'X', '189', '2394', 'state', '0', '', '', '']])),
      'x.csv',
    );
    const err = await importEnterprises(t.db, cliActor, null, bad).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('import.invalid_rows');
    const [a] = await t.database.query<{ via: string }>(
      "select via from audit_log where action = 'enterprise.imported' order by id desc limit 1",
    );
    expect(a!.via).toBe('cli');
  });

  it('imports areas.csv: new units, idempotent, parents must exist', async () => {
    const text = [
      'code,name,level,parent_code,valid_from,valid_to,successor_code,name_en',
      '99901,Xã Thử Nghiệm Một,commune,187,2014-01-01,,,Test Commune One',
      '99902,Xã Thử Nghiệm Hai,commune,187,2014-01-01,2020-12-31,99901,',
    ].join('\n');
    const table = await readTable(Buffer.from(text), 'areas.csv');
    expect(await importAreas(t.db, cliActor, table)).toEqual({
      inserted: 2,
      updated: 0,
      unchanged: 0,
      rows: 2,
    });
    expect(await importAreas(t.db, cliActor, table)).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 2,
      rows: 2,
    });
    const [a] = await t.database.query<Record<string, unknown>>(
      "select parent_code, successor_code, valid_to::text as valid_to from areas where code = '99902'",
    );
    expect(a).toEqual({ parent_code: '187', successor_code: '99901', valid_to: '2020-12-31' });

    const bad = [
      'code,name,level,parent_code,valid_from,valid_to',
      '99903,Xã Mồ Côi,commune,77777,2014-01-01,',
      '99904,Xã Ngược,commune,187,2014-01-01,2010-01-01',
      '99905,,village,187,01/01/2014,',
    ].join('\n');
    const before = await fingerprint(t.database);
    const err = await importAreas(t.db, cliActor, await readTable(Buffer.from(bad), 'areas.csv')).catch(
      (e) => e,
    );
    expect(err.code).toBe('import.invalid_rows');
    const got = err.details.issues.map(
      (i: { row: number; column: string; code: string }) => `${i.row}:${i.column}:${i.code}`,
    );
    expect(got.sort()).toEqual(
      [
        '2:parent_code:issue.unknown_parent',
        '3:valid_to:issue.date_order',
        '4:name:issue.required',
        '4:level:issue.enum',
        '4:valid_from:issue.date',
      ].sort(),
    );
    expect(await fingerprint(t.database)).toBe(before);
  });

  it('imports areas through the API (admin or statistician only)', async () => {
    const text = 'code,name,level,parent_code,valid_from,valid_to\n99906,Xã API,commune,188,2014-01-01,';
    const res = await admin.inject({
      method: 'POST',
      url: '/api/areas/import',
      ...multipart('areas.csv', text),
    });
    expect(res.json()).toEqual({ inserted: 1, updated: 0, unchanged: 0, rows: 1 });
    const areas = (await t.anon.inject({ method: 'GET', url: '/api/areas?parent=188' })).json();
    expect(areas.map((a: { code: string }) => a.code)).toContain('99906');
    expect(
      (await officer.inject({ method: 'POST', url: '/api/areas/import', ...multipart('areas.csv', text) }))
        .statusCode,
    ).toBe(403);
  });
});

describe('audit atomicity: a write that fails part-way leaves neither data nor audit rows', () => {
  // A trigger stands in for a failure the validation cannot foresee (a constraint, a lost connection…).
  async function failWhen(table: string, condition: string) {
    await t.database.exec(`
      create or replace function bt_test_fail() returns trigger language plpgsql as $$
      begin
        if ${condition} then raise exception 'simulated failure'; end if;
        return new;
      end $$;
      drop trigger if exists bt_test_fail on ${table};
      create trigger bt_test_fail before insert or update on ${table} for each row execute function bt_test_fail();`);
  }
  async function clearFailure(table: string) {
    await t.database.exec(
      `drop trigger if exists bt_test_fail on ${table}; drop function if exists bt_test_fail();`,
    );
  }

  it('an import whose third row fails writes none of the first two, nor their audit rows', async () => {
    await failWhen('enterprises', "new.name = 'Hỏng Giữa Chừng'");
    try {
      const rows = [
        [code(), 'Công ty Trước Một', '187', '2394', 'non_state', 'true', '', '', ''],
        [code(), 'Công ty Trước Hai', '187', '2394', 'non_state', 'true', '', '', ''],
        [code(), 'Hỏng Giữa Chừng', '187', '2394', 'non_state', 'true', '', '', ''],
      ];
      const enterprisesBefore = await count('enterprises');
      const auditBefore = await count('audit_log');
      const res = await officer.inject({
        method: 'POST',
        url: '/api/enterprises/import',
        ...multipart('e.csv', csv(rows)),
      });
      expect(res.statusCode).toBe(500);
      expect(res.json().error).toEqual({
        code: 'internal',
        message: expect.any(String),
        requestId: expect.any(String),
      });
      expect(res.body).not.toContain('simulated');
      expect(await count('enterprises')).toBe(enterprisesBefore);
      expect(await count('audit_log')).toBe(auditBefore);
    } finally {
      await clearFailure('enterprises');
    }
  });

  it('an edit whose audit row cannot be written does not change the enterprise', async () => {
    const e = await t.createEnterprise({ name: 'Công ty Kiểm Toán' });
    await failWhen('audit_log', "new.action = 'enterprise.updated'");
    try {
      const res = await officer.inject({
        method: 'PATCH',
        url: `/api/enterprises/${e.id}`,
        payload: { version: e.version, name: 'Tên Mới Không Được Lưu' },
      });
      expect(res.statusCode).toBe(500);
      const [row] = await t.database.query<{ name: string; version: number }>(
        'select name, version from enterprises where id = $1',
        [e.id],
      );
      expect(row).toEqual({ name: 'Công ty Kiểm Toán', version: 1 });
    } finally {
      await clearFailure('audit_log');
    }
    const ok = await officer.inject({
      method: 'PATCH',
      url: `/api/enterprises/${e.id}`,
      payload: { version: e.version, name: 'Tên Mới' },
    });
    expect(ok.json().name).toBe('Tên Mới');
  });

  it('a user creation whose audit row fails leaves no user', async () => {
    await failWhen('audit_log', "new.action = 'user.created'");
    try {
      const res = await admin.inject({
        method: 'POST',
        url: '/api/users',
        payload: { email: 'atomic@example.vn', name: 'Atomic', role: 'officer', password: 'Atomic-Passw0rd' },
      });
      expect(res.statusCode).toBe(500);
      expect(await t.database.query("select 1 from users where email = 'atomic@example.vn'")).toEqual([]);
    } finally {
      await clearFailure('audit_log');
    }
  });
});
