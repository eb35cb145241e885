/**
 * Walks the whole route table (app.routeTable) and proves, for every /api route, with no per-route list:
 *  - a non-public route refuses anonymous callers (401 auth.required);
 *  - a role-restricted route refuses every role not in its list (403 auth.forbidden);
 *  - a route with an enterprise param refuses an enterprise user bound to enterprise A that names
 *    enterprise B (404, nothing written), and lets it read its own A;
 *  - the same for a staff user bound to a district and an enterprise outside it.
 * A new route is covered the moment it is registered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../contracts/roles';
import { createTestContext, fingerprint, type Session } from '../test/harness';
import { allowedRoles, isPublic, isWrite, label, paramNames, routeUrl } from '../test/routes';
import { buildApp } from './http';
import { EMPTY_SCOPE } from './scope';

const t = await createTestContext();
const routes = [...t.app.routeTable].sort((a, b) => label(a).localeCompare(label(b)));

const sessions = {} as Record<Role, Session>;
let enterpriseUser: Session;
let areaOfficer: Session;
let A: string; // in district 187 (Chi Lăng)
let B: string; // in 178 (Lạng Sơn city)

beforeAll(async () => {
  await t.seedAreas();
  A = (await t.createEnterprise({ name: 'Công ty A (Chi Lăng)', areaCode: '187' })).id;
  B = (await t.createEnterprise({ name: 'Công ty B (thành phố)', areaCode: '178' })).id;
  for (const role of ROLES) {
    sessions[role] = await t.loginAs(role === 'enterprise' ? { role, enterpriseIds: [A] } : { role });
  }
  enterpriseUser = sessions.enterprise;
  areaOfficer = await t.loginAs({ role: 'officer', areaCode: '187' });
});
afterAll(() => t.close());

const body = (r: (typeof routes)[number]) => (isWrite(r) && !r.multipart ? { payload: {} } : {});

describe('the route table', () => {
  it('lists the routes of every module, each with its access declared', () => {
    expect(routes.length).toBeGreaterThan(15);
    const names = routes.map(label);
    for (const known of [
      'POST /api/auth/login',
      'GET /api/users',
      'GET /api/areas',
      'GET /api/enterprises',
      'PATCH /api/enterprises/:id',
    ]) {
      expect(names).toContain(known);
    }
    for (const r of routes) {
      expect(r.access === 'public' || r.access === 'authenticated' || Array.isArray(r.access)).toBe(true);
      if (Array.isArray(r.access)) {
        expect(r.access.length).toBeGreaterThan(0);
        for (const role of r.access) expect(ROLES).toContain(role);
      }
      if (r.enterpriseParam) expect(paramNames(r.url)).toContain(r.enterpriseParam);
    }
  });

  it('a route that declares no access stops the app from booting', async () => {
    await expect(
      buildApp({
        database: t.database,
        config: t.config,
        webDist: null,
        guards: {
          resolveSession: async () => null,
          scopeOf: async () => EMPTY_SCOPE,
          canAccessEnterprise: async () => false,
        },
        modules: [
          (app) => {
            app.get('/api/oops', {}, async () => ({ ok: true }));
          },
        ],
      }),
    ).rejects.toThrow(/declares no access/);
  });

  it('only the sign-in and a few read-only reference routes are public', () => {
    const publicWrites = routes.filter((r) => isPublic(r) && isWrite(r)).map(label);
    expect(publicWrites).toEqual(['POST /api/auth/login']);
  });
});

describe.each(routes.map((r) => [label(r), r] as const))('%s', (_name, route) => {
  if (!isPublic(route)) {
    it('refuses anonymous callers with 401 auth.required', async () => {
      const res = await t.anon.inject({
        method: route.method as never,
        url: routeUrl(route),
        ...body(route),
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('auth.required');
    });
  } else {
    it('is open to anonymous callers', async () => {
      if (isWrite(route)) return; // the sign-in: covered by the accounts tests
      const res = await t.anon.inject({ method: route.method as never, url: routeUrl(route) });
      expect(res.statusCode).not.toBe(401);
      expect(res.statusCode).not.toBe(403);
    });
  }

  const denied = isPublic(route) ? [] : ROLES.filter((r) => !allowedRoles(route).includes(r));
  if (denied.length) {
    it(`refuses ${denied.join(', ')} with 403 auth.forbidden`, async () => {
      for (const role of denied) {
        const res = await sessions[role].inject({
          method: route.method as never,
          url: routeUrl(route, route.enterpriseParam ? { [route.enterpriseParam]: A } : {}),
          ...body(route),
        });
        expect({ role, status: res.statusCode, code: res.json().error?.code }).toEqual({
          role,
          status: 403,
          code: 'auth.forbidden',
        });
      }
    });
  }

  if (!isWrite(route) && !isPublic(route)) {
    it('lets every allowed role past the access check', async () => {
      for (const role of allowedRoles(route)) {
        const fixed = route.enterpriseParam ? { [route.enterpriseParam]: role === 'enterprise' ? A : A } : {};
        const res = await sessions[role].inject({
          method: route.method as never,
          url: routeUrl(route, fixed),
        });
        const code = res.statusCode >= 400 ? res.json().error?.code : null;
        expect({ role, status: res.statusCode }).not.toEqual({ role, status: 401 });
        // A 403 from the business rules carries details; the access gate's has none.
        if (code === 'auth.forbidden')
          expect(res.json().error.details, `${role} refused by the gate`).toBeDefined();
      }
    });
  }

  const param = route.enterpriseParam;
  if (param) {
    const enterpriseAllowed = allowedRoles(route).includes('enterprise');
    const officerAllowed = allowedRoles(route).includes('officer');

    if (enterpriseAllowed) {
      it("refuses an enterprise user another enterprise's id (404) and writes nothing", async () => {
        const before = await fingerprint(t.database);
        const res = await enterpriseUser.inject({
          method: route.method as never,
          url: routeUrl(route, { [param]: B }),
          ...body(route),
        });
        expect([403, 404]).toContain(res.statusCode);
        expect(res.body).not.toContain('Công ty B');
        expect(await fingerprint(t.database)).toBe(before);
      });

      if (!isWrite(route)) {
        it('lets the enterprise user read its own enterprise', async () => {
          const res = await enterpriseUser.inject({
            method: route.method as never,
            url: routeUrl(route, { [param]: A }),
          });
          if (paramNames(route.url).length === 1) expect(res.statusCode).toBe(200);
          else expect([401, 403]).not.toContain(res.statusCode);
        });
      }
    }

    if (officerAllowed) {
      it('refuses a district-bound officer an enterprise outside its district (404)', async () => {
        const before = await fingerprint(t.database);
        const res = await areaOfficer.inject({
          method: route.method as never,
          url: routeUrl(route, { [param]: B }),
          ...body(route),
        });
        expect([403, 404]).toContain(res.statusCode);
        expect(await fingerprint(t.database)).toBe(before);
        if (!isWrite(route) && paramNames(route.url).length === 1) {
          const own = await areaOfficer.inject({
            method: route.method as never,
            url: routeUrl(route, { [param]: A }),
          });
          expect(own.statusCode).toBe(200);
        }
      });
    }

    it('refuses an id that is not a uuid without touching the database (404)', async () => {
      const res = await enterpriseUser.inject({
        method: route.method as never,
        url: routeUrl(route, { [param]: "1' or '1'='1" }),
        ...body(route),
      });
      expect(res.statusCode).toBeLessThan(500);
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
    });
  }
});
