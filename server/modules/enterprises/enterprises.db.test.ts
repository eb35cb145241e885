import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnterpriseDto } from '../../../contracts/enterprises';
import { isValidTaxCode } from '../../../contracts/tax-code';
import { createTestContext, fingerprint, type Session, type TestContext } from '../../test/harness';

let t: TestContext;
let officer: Session;
let dongBanh: EnterpriseDto;
const made: EnterpriseDto[] = [];

beforeAll(async () => {
  t = await createTestContext();
  await t.seedAreas();
  officer = await t.loginAs({ role: 'officer' });
  dongBanh = await t.createEnterprise({
    name: 'Công ty Cổ phần Xi măng Đồng Bành',
    shortName: 'Xi măng Đồng Bành',
    areaCode: '187',
    vsic: '2394',
    ownership: 'non_state',
    sizeClass: 'large',
    employees: 520,
  });
  // A small registry with known attributes, to check filters, sorting and paging by hand.
  const rows = [
    {
      name: 'Công ty TNHH Chế biến Nông sản Lộc Bình',
      areaCode: '188',
      vsic: '1030',
      ownership: 'non_state',
      sizeClass: 'small',
      employees: 45,
    },
    {
      name: 'Công ty Điện lực Lạng Sơn',
      areaCode: '178',
      vsic: '3510',
      ownership: 'state',
      sizeClass: 'large',
      employees: 400,
    },
    {
      name: 'Công ty TNHH Gạch ngói Chi Lăng',
      areaCode: '187',
      vsic: '2392',
      ownership: 'non_state',
      sizeClass: 'micro',
      employees: 8,
    },
    {
      name: 'Ánh Dương FDI Garment Co.',
      areaCode: '183',
      vsic: '1410',
      ownership: 'fdi',
      sizeClass: 'medium',
      employees: 180,
    },
    {
      name: 'Công ty Cấp thoát nước Lạng Sơn',
      areaCode: '178',
      vsic: '3600',
      ownership: 'state',
      sizeClass: 'medium',
      employees: 150,
    },
  ] as const;
  for (const r of rows) made.push(await t.createEnterprise({ ...r }));
});
afterAll(() => t?.close());

type List = { items: (EnterpriseDto & { score?: number })[]; total: number; page: number; pageSize: number };
const list = async (s: Session, qs: string) => {
  const res = await s.inject({ method: 'GET', url: `/api/enterprises?${qs}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as List;
};
const names = (l: List) => l.items.map((i) => i.name);

describe('registry: create, read, list', () => {
  it('creates an enterprise with products, and its history shows who created it', async () => {
    const taxCode = t.newTaxCode();
    const res = await officer.inject({
      method: 'POST',
      url: '/api/enterprises',
      payload: {
        taxCode,
        name: '  Công ty TNHH Cơ khí Hữu Lũng  ',
        areaCode: '186',
        vsic: '2592',
        ownership: 'non_state',
        employees: 30,
        charterCapitalVnd: '5000000000',
        products: [{ name: 'Kết cấu thép', unit: 'tấn', capacityPerYear: '1200.5' }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json() as EnterpriseDto;
    expect(e).toMatchObject({
      taxCode,
      name: 'Công ty TNHH Cơ khí Hữu Lũng',
      areaCode: '186',
      areaName: expect.stringContaining('Hữu Lũng'),
      charterCapitalVnd: '5000000000',
      version: 1,
      isDemo: false,
      status: 'active',
    });
    expect(e.products).toEqual([
      expect.objectContaining({ name: 'Kết cấu thép', unit: 'tấn', capacityPerYear: '1200.5' }),
    ]);
    const detail = await officer.inject({ method: 'GET', url: `/api/enterprises/${e.id}` });
    expect(detail.json()).toEqual(e);
    const history = (await officer.inject({ method: 'GET', url: `/api/enterprises/${e.id}/history` })).json();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'enterprise.created', actorName: officer.user.name });
    expect(history[0].after.name).toBe('Công ty TNHH Cơ khí Hữu Lũng');
    // Clean up so that the list counts below stay as set up.
    await t.database.query('delete from enterprises where id = $1', [e.id]);
  });

  it('filters by area (a district, or the province and all below it)', async () => {
    expect(names(await list(officer, 'area=187')).sort()).toEqual(
      ['Công ty Cổ phần Xi măng Đồng Bành', 'Công ty TNHH Gạch ngói Chi Lăng'].sort(),
    );
    expect((await list(officer, 'area=20')).total).toBe(6);
    expect((await list(officer, 'area=189')).total).toBe(0);
  });

  it('filters by VSIC section, division and class, ownership, size', async () => {
    expect((await list(officer, 'vsic=D')).items.map((i) => i.vsic)).toEqual(['3510']);
    expect((await list(officer, 'vsic=E')).items.map((i) => i.vsic)).toEqual(['3600']);
    expect((await list(officer, 'vsic=C')).total).toBe(4);
    expect(names(await list(officer, 'vsic=23')).sort()).toEqual(
      ['Công ty Cổ phần Xi măng Đồng Bành', 'Công ty TNHH Gạch ngói Chi Lăng'].sort(),
    );
    expect(names(await list(officer, 'vsic=2394'))).toEqual(['Công ty Cổ phần Xi măng Đồng Bành']);
    expect(names(await list(officer, 'ownership=fdi'))).toEqual(['Ánh Dương FDI Garment Co.']);
    expect((await list(officer, 'ownership=state&size=medium')).items.map((i) => i.vsic)).toEqual(['3600']);
  });

  it('sorts (by name ignoring accents, by employees) and pages', async () => {
    const byName = names(await list(officer, 'sort=name&pageSize=50'));
    expect(byName[0]).toBe('Ánh Dương FDI Garment Co.'); // "anh" sorts before "cong"
    const desc = names(await list(officer, 'sort=name&dir=desc&pageSize=50'));
    expect(desc).toEqual([...byName].reverse());
    const byEmployees = (await list(officer, 'sort=employees&dir=desc')).items.map((i) => i.employees);
    expect(byEmployees).toEqual([520, 400, 180, 150, 45, 8]);
    const p1 = await list(officer, 'sort=employees&pageSize=4&page=1');
    const p2 = await list(officer, 'sort=employees&pageSize=4&page=2');
    expect(p1.total).toBe(6);
    expect(p1.items.map((i) => i.employees)).toEqual([8, 45, 150, 180]);
    expect(p2.items.map((i) => i.employees)).toEqual([400, 520]);
    expect(p2).toMatchObject({ page: 2, pageSize: 4, total: 6 });
  });

  it('refuses bad list parameters with field issues', async () => {
    for (const qs of ['vsic=G', 'pageSize=1000', 'page=0', 'sort=password', 'ownership=private']) {
      const res = await officer.inject({ method: 'GET', url: `/api/enterprises?${qs}` });
      expect(res.statusCode, qs).toBe(400);
      expect(res.json().error.details.issues[0].path, qs).toBe(qs.split('=')[0]);
    }
  });
});

describe('search ignores accents, case, word order and small typos', () => {
  const queries = [
    'dong banh',
    'xi mang dong banh',
    'Dong Banh',
    'ĐỒNG BÀNH',
    'Đồng Bành'.normalize('NFD'),
    'Công ty Cổ phần Xi măng Đồng Bành'.normalize('NFD'),
    'banh dong',
    'dong bahn',
    'xi mang dong bahn',
    '@taxcode', // its tax code, known only once created
  ];
  for (const q of queries) {
    it(`"${q}" finds Xi măng Đồng Bành first`, async () => {
      const query = q === '@taxcode' ? dongBanh.taxCode : q;
      const l = await list(officer, `q=${encodeURIComponent(query)}`);
      expect(l.items[0]?.name, `${query} → ${names(l).join(' | ')}`).toBe(
        'Công ty Cổ phần Xi măng Đồng Bành',
      );
    });
  }

  it('ranks fuzzy look-alikes below the match and leaves unrelated names out', async () => {
    const l = await list(officer, 'q=dong banh');
    expect(names(l)).not.toContain('Công ty Điện lực Lạng Sơn');
    expect(names(l)).not.toContain('Công ty Cấp thoát nước Lạng Sơn');
    const scores = l.items.map((i) => i.score ?? 0);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect((await list(officer, 'q=zzqx')).total).toBe(0);
  });

  it('treats LIKE wildcards, quotes and SQL as plain text', async () => {
    const all = (await list(officer, 'pageSize=50')).total;
    // A query of wildcards only is no query at all (not "match everything" by accident of LIKE).
    for (const q of ['%', '_', '%_%', '\\'])
      expect((await list(officer, `q=${encodeURIComponent(q)}`)).total).toBe(all);
    for (const q of ["'", "'; drop table enterprises; --", 'x%y'])
      expect((await list(officer, `q=${encodeURIComponent(q)}`)).total).toBe(0);
    expect((await list(officer, 'pageSize=50')).total).toBe(all);
  });
});

describe('edit, products and history', () => {
  it('edits with the version it started from; a stale version is refused and changes nothing', async () => {
    const e = await t.createEnterprise({ name: 'Công ty TNHH Sửa Đổi', areaCode: '178' });
    const ok = await officer.inject({
      method: 'PATCH',
      url: `/api/enterprises/${e.id}`,
      payload: { version: 1, phone: '0205 3 812 345', employees: 77 },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, phone: '0205 3 812 345', employees: 77 });
    const before = await fingerprint(t.database);
    const stale = await officer.inject({
      method: 'PATCH',
      url: `/api/enterprises/${e.id}`,
      payload: { version: 1, employees: 99 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict.stale');
    expect(await fingerprint(t.database)).toBe(before);
    const history = (await officer.inject({ method: 'GET', url: `/api/enterprises/${e.id}/history` })).json();
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      'enterprise.updated',
      'enterprise.created',
    ]);
    expect(history[0].changed).toEqual(['employees', 'phone']);
    expect(history[0].before.employees).toBeNull();
    expect(history[0].after.employees).toBe(77);
    expect(history[0].actorName).toBe(officer.user.name);
  });

  it('adds, changes and removes products; each is a line in the history', async () => {
    const e = await t.createEnterprise({ name: 'Công ty TNHH Sản Phẩm' });
    const add = await officer.inject({
      method: 'POST',
      url: `/api/enterprises/${e.id}/products`,
      payload: { name: 'Xi măng PCB40', unit: 'tấn', capacityPerYear: '910000' },
    });
    expect(add.statusCode, add.body).toBe(200);
    const p = add.json().products[0];
    expect(p).toMatchObject({ name: 'Xi măng PCB40', capacityPerYear: '910000' });
    const upd = await officer.inject({
      method: 'PATCH',
      url: `/api/enterprises/${e.id}/products/${p.id}`,
      payload: { capacityPerYear: '950000.25' },
    });
    expect(upd.json().products[0].capacityPerYear).toBe('950000.25');
    const bad = await officer.inject({
      method: 'POST',
      url: `/api/enterprises/${e.id}/products`,
      payload: { name: 'X', unit: 'tấn', capacityPerYear: '-5' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toBe('capacityPerYear');
    const del = await officer.inject({ method: 'DELETE', url: `/api/enterprises/${e.id}/products/${p.id}` });
    expect(del.json().products).toEqual([]);
    const again = await officer.inject({
      method: 'DELETE',
      url: `/api/enterprises/${e.id}/products/${p.id}`,
    });
    expect(again.statusCode).toBe(404);
    const history = (await officer.inject({ method: 'GET', url: `/api/enterprises/${e.id}/history` })).json();
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      'enterprise.product_removed',
      'enterprise.product_updated',
      'enterprise.product_added',
      'enterprise.created',
    ]);
    expect(history[1].changed).toEqual(['products']);
  });
});

describe('field-level validation', () => {
  const base = () => ({
    taxCode: t.newTaxCode(),
    name: 'Công ty Hợp Lệ',
    areaCode: '178',
    vsic: '2394',
    ownership: 'non_state',
  });
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['a tax code with a wrong check digit', { taxCode: '0100109107' }, 'taxCode', 'issue.tax_code'],
    ['a tax code of 9 digits', { taxCode: '010010910' }, 'taxCode', 'issue.tax_code'],
    ['a dependent-unit code 000', { taxCode: '0100109106-000' }, 'taxCode', 'issue.tax_code'],
    ['a VSIC class outside B–E (retail)', { vsic: '4711' }, 'vsic', 'issue.vsic'],
    ['a VSIC class that does not exist', { vsic: '9999' }, 'vsic', 'issue.vsic'],
    ['an empty name', { name: '   ' }, 'name', 'issue.required'],
    ['an unknown ownership', { ownership: 'private' }, 'ownership', 'issue.enum'],
    ['a negative employee count', { employees: -1 }, 'employees', 'issue.too_small'],
    ['a bad e-mail', { email: 'not-an-email' }, 'email', 'issue.email'],
    ['a money amount as a float', { charterCapitalVnd: '1.5' }, 'charterCapitalVnd', 'issue.number'],
    ['an unknown area', { areaCode: '999' }, 'areaCode', 'issue.unknown_area'],
  ];
  for (const [what, patch, path, code] of cases) {
    it(`refuses ${what} (${path}: ${code}) and writes nothing`, async () => {
      const before = await fingerprint(t.database);
      const res = await officer.inject({
        method: 'POST',
        url: '/api/enterprises',
        payload: { ...base(), ...patch },
      });
      expect(res.statusCode, res.body).toBe(400);
      const err = res.json().error;
      expect(err.code).toBe('validation.failed');
      expect(err.message.length).toBeGreaterThan(0);
      expect(err.details.issues).toContainEqual(expect.objectContaining({ path, code }));
      for (const i of err.details.issues) expect(typeof i.path).toBe('string');
      expect(await fingerprint(t.database)).toBe(before);
    });
  }

  it('messages are translated by code (vi by default, en on request)', async () => {
    const res = await officer.inject({
      method: 'POST',
      url: '/api/enterprises',
      payload: { ...base(), taxCode: '123' },
      headers: { cookie: 'bt_lang=en' },
    });
    expect(res.json().error.message).toMatch(/invalid/i);
    const vi = await officer.inject({
      method: 'POST',
      url: '/api/enterprises',
      payload: { ...base(), taxCode: '123' },
    });
    expect(vi.json().error.message).toBe('Dữ liệu không hợp lệ.');
  });

  it('refuses a tax code already registered (409, with the field)', async () => {
    const res = await officer.inject({
      method: 'POST',
      url: '/api/enterprises',
      payload: { ...base(), taxCode: dongBanh.taxCode },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('enterprise.tax_code_taken');
    expect(res.json().error.details.issues[0].path).toBe('taxCode');
  });

  it('accepts a valid 10-digit and dependent-unit tax code', async () => {
    const code = t.newTaxCode();
    expect(isValidTaxCode(code)).toBe(true);
    for (const taxCode of [code, `${code}-001`]) {
      const res = await officer.inject({
        method: 'POST',
        url: '/api/enterprises',
        payload: { ...base(), taxCode },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
});

describe('data scopes', () => {
  it('a district-bound officer sees and changes only enterprises of its district', async () => {
    const chiLang = await t.loginAs({ role: 'officer', areaCode: '187' });
    const l = await list(chiLang, 'pageSize=200');
    expect(l.items.length).toBeGreaterThan(0);
    expect(l.items.every((i) => i.areaCode === '187')).toBe(true);
    expect((await list(chiLang, 'area=178')).total).toBe(0);
    const city = made.find((m) => m.areaCode === '178')!;
    expect((await chiLang.inject({ method: 'GET', url: `/api/enterprises/${city.id}` })).statusCode).toBe(
      404,
    );
    const before = await fingerprint(t.database);
    const patch = await chiLang.inject({
      method: 'PATCH',
      url: `/api/enterprises/${city.id}`,
      payload: { version: city.version, name: 'Chiếm quyền' },
    });
    expect(patch.statusCode).toBe(404);
    // Nor may it move one of its own out of its district, or create one elsewhere.
    const own = await chiLang.inject({
      method: 'PATCH',
      url: `/api/enterprises/${dongBanh.id}`,
      payload: { version: dongBanh.version, areaCode: '178' },
    });
    expect(own.statusCode).toBe(400);
    expect(own.json().error.details.issues[0]).toMatchObject({
      path: 'areaCode',
      code: 'issue.out_of_scope',
    });
    const create = await chiLang.inject({
      method: 'POST',
      url: '/api/enterprises',
      payload: {
        taxCode: t.newTaxCode(),
        name: 'Ngoài địa bàn',
        areaCode: '178',
        vsic: '2394',
        ownership: 'state',
      },
    });
    expect(create.statusCode).toBe(400);
    expect(await fingerprint(t.database)).toBe(before);
    expect((await chiLang.inject({ method: 'GET', url: `/api/enterprises/${dongBanh.id}` })).statusCode).toBe(
      200,
    );
  });

  it('an enterprise user sees only its own enterprise and edits only its own profile fields', async () => {
    const ent = await t.loginAs({ role: 'enterprise', enterpriseIds: [dongBanh.id] });
    const l = await list(ent, 'pageSize=200');
    expect(l.items.map((i) => i.id)).toEqual([dongBanh.id]);
    expect(l.total).toBe(1);
    expect((await list(ent, 'q=dien luc')).total).toBe(0);
    const other = made[0]!;
    expect((await ent.inject({ method: 'GET', url: `/api/enterprises/${other.id}` })).statusCode).toBe(404);
    expect(
      (await ent.inject({ method: 'GET', url: `/api/enterprises/${other.id}/history` })).statusCode,
    ).toBe(404);
    const current = (await ent.inject({ method: 'GET', url: `/api/enterprises/${dongBanh.id}` })).json();
    const tax = await ent.inject({
      method: 'PATCH',
      url: `/api/enterprises/${dongBanh.id}`,
      payload: { version: current.version, taxCode: t.newTaxCode() },
    });
    expect(tax.statusCode).toBe(403);
    const phone = await ent.inject({
      method: 'PATCH',
      url: `/api/enterprises/${dongBanh.id}`,
      payload: { version: current.version, phone: '0205 3 888 999' },
    });
    expect(phone.statusCode, phone.body).toBe(200);
    const create = await ent.inject({
      method: 'POST',
      url: '/api/enterprises',
      payload: { taxCode: t.newTaxCode(), name: 'X', areaCode: '178', vsic: '2394', ownership: 'state' },
    });
    expect(create.statusCode).toBe(403);
  });
});

describe('demo data', () => {
  it('is said (GET /api/enterprises/demo-data) only while the registry holds demo records', async () => {
    const c = await createTestContext();
    try {
      await c.seedAreas();
      const officer = await c.loginAs({ role: 'officer' });
      const present = async () =>
        (await officer.inject({ method: 'GET', url: '/api/enterprises/demo-data' })).json().present;
      await c.createEnterprise({ name: 'Công ty thật' });
      expect(await present()).toBe(false);
      await c.createEnterprise({ name: 'Công ty minh họa', isDemo: true } as never);
      expect(await present()).toBe(true);
    } finally {
      await c.close();
    }
  });
});
