/**
 * The area scope over the whole route table: for every /api route and every area-bound role allowed on it
 * (each staff role bound to district 187, and an enterprise user bound to one company there), a request
 * about data OUTSIDE the area — an enterprise, report, scheme, document, user, publication or area of the
 * city (178) — is refused or answers with none of that data, and nothing outside the area is written.
 * How to ask each route is in server/test/scope-probes.ts; a route missing from it fails this test.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Role, STAFF_ROLES } from '../../contracts/roles';
import { createTestContext, fingerprint, type Request, type Session } from '../test/harness';
import { allowedRoles, fillUrl, isWrite, label, validParams, validQuery, withQuery } from '../test/routes';
import { PROBES, type ProbeRequest, type World } from '../test/scope-probes';
import type { RouteInfo } from './http';

const t = await createTestContext();
const routes = [...t.app.routeTable].sort((a, b) => label(a).localeCompare(label(b)));
const INSIDE = '187'; // Chi Lăng
const OUTSIDE = '178'; // Lạng Sơn city
const PROVINCE = '20';
const OUTSIDE_QTY = '7770777';

type Bound = Role;
const bound = {} as Record<Bound, Session>;
const unbound = {} as Record<Role, Session>;
let w: World;
let markers: string[] = [];
let insideCodes: string[] = [];

function multipart(filename: string, content: string) {
  const b = `bt${randomBytes(8).toString('hex')}`;
  const payload = Buffer.from(
    `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${
      filename.endsWith('.pdf') ? 'application/pdf' : 'text/csv'
    }\r\n\r\n${content}\r\n--${b}--\r\n`,
  );
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

function build(route: RouteInfo, p: ProbeRequest): Request {
  const query: Record<string, string> = { ...validQuery(route) };
  for (const [k, v] of Object.entries(p.query ?? {})) if (v !== undefined) query[k] = v;
  const url = withQuery(fillUrl(route.url, validParams(route, p.params)), query);
  const req: Request = { method: route.method as Request['method'], url };
  if (p.file) Object.assign(req, multipart(p.file.name, p.file.content));
  else if (p.payload !== undefined) req.payload = p.payload as Request['payload'];
  else if (isWrite(route) && !route.multipart) req.payload = {};
  return req;
}

/** Every row that lies outside district 187, and every installation-wide setting, as one hash. */
async function outsideFingerprint(): Promise<string> {
  const cols = await t.database.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns where table_schema = 'public'
       and column_name in ('enterprise_id', 'scheme_id', 'area_code', 'lead_enterprise_id')
       and table_name not in ('sessions', 'audit_log') order by 1, 2`,
  );
  const inside = `array[${insideCodes.map((c) => `'${c}'`).join(',')}]::text[]`;
  const outsideEnterprises = `(select id from enterprises where area_code <> all(${inside}))`;
  const outsideSchemes = `(select s.id from ext_schemes s join enterprises e on e.id = s.lead_enterprise_id
    where e.area_code <> all(${inside}))`;
  const parts: string[] = [
    `select 'enterprises' as t, row_to_json(x)::text as r from enterprises x where x.area_code <> all(${inside})`,
    `select 'areas', row_to_json(x)::text from areas x where x.code <> all(${inside})`,
    `select 'users', row_to_json(x)::text from users x where coalesce(x.area_code, '') <> all(${inside})`,
    ...['stat_periods', 'stat_products', 'stat_weights'].map(
      (n) => `select '${n}', row_to_json(x)::text from ${n} x`,
    ),
  ];
  for (const c of cols) {
    const where =
      c.column_name === 'scheme_id'
        ? `x.scheme_id in ${outsideSchemes}`
        : c.column_name === 'area_code'
          ? `coalesce(x.area_code, '') <> all(${inside})`
          : `x.${c.column_name} in ${outsideEnterprises}`;
    parts.push(
      `select '${c.table_name}.${c.column_name}', row_to_json(x)::text from "${c.table_name}" x where ${where}`,
    );
  }
  const [row] = await t.database.query<{ h: string }>(
    `select md5(coalesce(string_agg(t || ':' || r, '|' order by t, r), '')) as h from (${parts.join(' union all ')}) u`,
  );
  return row!.h;
}

beforeAll(async () => {
  await t.seedAreas();
  insideCodes = (
    await t.database.query<{ code: string }>(
      `with recursive s(code) as (select code from areas where code = $1
         union select a.code from areas a join s on a.parent_code = s.code) select code from s`,
      [INSIDE],
    )
  ).map((r) => r.code);
  for (const role of STAFF_ROLES) unbound[role] = await t.loginAs({ role });
  const admin = unbound.admin;
  const ok = async (req: Request, status = 200) => {
    const res = await admin.inject(req);
    expect(res.statusCode, `${req.method} ${req.url}: ${res.body}`).toBe(status);
    return res.json();
  };
  await ok({
    method: 'POST',
    url: '/api/statistics/import/products',
    ...multipart(
      'p.csv',
      'code,name_vi,unit,vsic,base_year,base_price_vnd\nA,Xi măng,tấn,2394,2010,1000\nB,Clinker,tấn,2394,2010,500',
    ),
  });
  const A = await t.createEnterprise({ name: 'Công ty Trong Huyện', areaCode: INSIDE, reportsMonthly: true });
  const B = await t.createEnterprise({
    name: 'Công ty Ngoài Phạm Vi Qzx',
    areaCode: OUTSIDE,
    reportsMonthly: true,
  });
  const withProduct = async (id: string) =>
    (
      await ok({
        method: 'POST',
        url: `/api/enterprises/${id}/products`,
        payload: { name: 'Xi măng PCB30', unit: 'tấn' },
      })
    ).products[0].id as string;
  const productA = await withProduct(A.id);
  const productB = await withProduct(B.id);
  await ok({
    method: 'POST',
    url: '/api/statistics/import/reports',
    ...multipart(
      'r.csv',
      `tax_code,period,product_code,quantity,comment\n${A.taxCode},2014-01,A,1234,x\n${B.taxCode},2014-01,A,${OUTSIDE_QTY},x`,
    ),
  });
  await t.database.query(`update stat_reports set review_status = 'pending'`);
  const [rep] = await t.database.query<{ id: string }>(
    'select id::text from stat_reports where enterprise_id = $1',
    [B.id],
  );
  const outsideUser = await t.createUser({
    role: 'officer',
    areaCode: OUTSIDE,
    email: 'can-bo-ngoai-qzx@example.vn',
  });

  const call = await ok(
    {
      method: 'POST',
      url: '/api/extension/calls',
      payload: {
        year: 2014,
        title: 'Đợt 2014',
        fundingSource: 'national',
        activityGroupCode: 'demonstration',
        opensOn: '2014-01-01',
        closesOn: '2099-12-31',
        status: 'open',
      },
    },
    201,
  );
  const apply = async (id: string, title: string) =>
    ok(
      {
        method: 'POST',
        url: `/api/extension/enterprises/${id}/applications`,
        payload: {
          callId: call.id,
          title,
          supportKind: 'advanced_machinery',
          totalCostVnd: '1000000000',
          supportRequestedVnd: '100000000',
          counterpartVnd: '900000000',
        },
      },
      201,
    );
  await apply(A.id, 'Đề án trong huyện');
  const sB = await apply(B.id, 'Đề án Ngoài Phạm Vi Qzx');
  const doc = await ok(
    {
      method: 'POST',
      url: `/api/extension/schemes/${sB.id}/documents?kind=application`,
      ...multipart('ho-so-ngoai-qzx.pdf', '%PDF-1.4 ho-so-ngoai-qzx'),
    },
    201,
  );
  await ok({
    method: 'PUT',
    url: `/api/extension/schemes/${sB.id}/outcomes/baseline`,
    payload: { measuredOn: '2014-05-01', employees: 20 },
  });
  await ok({
    method: 'POST',
    url: `/api/extension/schemes/${sB.id}/transitions`,
    payload: { action: 'submit' },
  });
  const withMilestone = await ok({
    method: 'POST',
    url: `/api/extension/schemes/${sB.id}/milestones`,
    payload: { title: 'Lắp đặt máy' },
  });
  const sheet = await ok({ method: 'GET', url: `/api/extension/schemes/${sB.id}/scores` });
  const publication = await ok(
    { method: 'POST', url: '/api/reports', payload: { period: '2014-Q1', areaCode: OUTSIDE } },
    201,
  );

  w = {
    inside: { id: A.id, taxCode: A.taxCode, productId: productA },
    outside: { id: B.id, taxCode: B.taxCode, name: B.name, productId: productB },
    outsideUser: { id: outsideUser.id, email: outsideUser.email },
    outsideScheme: {
      id: sB.id,
      title: sB.title,
      code: sB.code,
      docId: doc.id,
      milestoneId: withMilestone.milestones[0].id,
    },
    outsideReportId: rep!.id,
    outsidePublication: publication.id,
    callId: call.id,
    criterionId: sheet.rubric.criteria[0].id,
    insideArea: INSIDE,
    outsideArea: OUTSIDE,
    province: PROVINCE,
  };
  markers = [
    B.id,
    B.taxCode,
    'Ngoài Phạm Vi Qzx',
    OUTSIDE_QTY,
    outsideUser.id,
    outsideUser.email,
    sB.id,
    sB.code,
    'ho-so-ngoai-qzx',
    publication.id,
  ];
  for (const role of STAFF_ROLES) bound[role] = await t.loginAs({ role, areaCode: INSIDE });
  bound.enterprise = await t.loginAs({ role: 'enterprise', enterpriseIds: [A.id] });
});
afterAll(() => t.close());

const BOUND_ROLES: Role[] = [...STAFF_ROLES, 'enterprise'];

describe('the area-scope probes', () => {
  it('name every route of the route table, and only those', () => {
    const names = routes.map(label);
    expect(
      names.filter((n) => !PROBES[n]),
      'routes without a probe in server/test/scope-probes.ts',
    ).toEqual([]);
    expect(
      Object.keys(PROBES).filter((n) => !names.includes(n)),
      'probes of routes that do not exist',
    ).toEqual([]);
  });
});

describe.each(routes.map((r) => [label(r), r] as const))('%s', (name, route) => {
  const probe = PROBES[name];
  const roles = BOUND_ROLES.filter((r) => allowedRoles(route).includes(r));
  if (!probe || probe.send === false || !roles.length) {
    it('is not sent: it only touches the caller’s own session', () => {
      expect(probe?.none).toBeTruthy();
    });
    return;
  }

  it(`${probe.none ? `holds no area's data (${probe.none})` : 'refuses data outside the area'}: ${roles.join(', ')}`, async () => {
    const requests = probe.requests ? probe.requests(w) : [{}];
    const leaks: string[] = [];
    for (const role of roles) {
      for (const [i, p] of requests.entries()) {
        const write = isWrite(route);
        const before = write ? await fingerprint(t.database) : null;
        const outsideBefore = write ? await outsideFingerprint() : null;
        const res = await bound[role].inject(build(route, p));
        const where = `${role} #${i} → ${res.statusCode}`;
        if (res.statusCode >= 500) leaks.push(`${where}: server error`);
        for (const m of markers) if (res.body.includes(m)) leaks.push(`${where}: answer holds ${m}`);
        if (write) {
          if ((await outsideFingerprint()) !== outsideBefore) leaks.push(`${where}: wrote outside the area`);
          if (res.statusCode >= 400 && (await fingerprint(t.database)) !== before)
            leaks.push(`${where}: a refused request wrote`);
        }
        if (probe.publicFigures && res.statusCode < 400) {
          const anon = await t.anon.inject(build(route, p));
          if (res.body !== anon.body) leaks.push(`${where}: more than the public sees`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  if (probe.control) {
    it('reaches outside data for an unbound caller (the probe aims at something)', async () => {
      const role = roles.find((r) => r !== 'enterprise') as (typeof STAFF_ROLES)[number];
      const res = await unbound[role].inject(build(route, probe.requests!(w)[0]!));
      expect(res.statusCode, res.body).toBe(200);
      expect(
        markers.some((m) => res.body.includes(m)),
        res.body.slice(0, 500),
      ).toBe(true);
    });
  }
});
