import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness';
import { MAX_FAILED_LOGINS } from '.';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await t.seedAreas();
});
afterAll(() => t?.close());

// A fresh client address per attempt unless given: the login rate limit is per address.
let ipSeq = 0;
const nextIp = () => `192.0.${2 + (++ipSeq >> 8)}.${ipSeq & 255}`;
const login = (email: string, password: string, ip = nextIp()) =>
  t.anon.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });

const cookieOf = (res: Awaited<ReturnType<typeof login>>) => res.cookies.find((c) => c.name === 'bt_session');

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await t.database.query<{ action: string }>(
    'select action from audit_log where entity_id = $1 order by id',
    [entityId],
  );
  return rows.map((r) => r.action);
}

describe('sign-in', () => {
  it('signs in with the right password: an HttpOnly, SameSite=Lax session cookie, the user and a CSRF token', async () => {
    const u = await t.createUser({ role: 'officer', areaCode: '187' });
    const res = await login(u.email.toUpperCase(), u.password);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ id: u.id, email: u.email, role: 'officer', areaCode: '187' });
    expect(body.csrfToken.length).toBeGreaterThan(20);
    expect(JSON.stringify(body)).not.toMatch(/password|hash/i);
    const c = cookieOf(res)!;
    expect(c.httpOnly).toBe(true);
    expect(String(c.sameSite).toLowerCase()).toBe('lax');
    expect(c.secure).toBeFalsy();
    expect(c.path).toBe('/');
    // Only the token's hash is stored.
    const [row] = await t.database.query<{ token_hash: string }>(
      'select token_hash from sessions where user_id = $1',
      [u.id],
    );
    expect(row!.token_hash).not.toBe(c.value);
    expect(row!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await auditActions(u.id)).toContain('auth.login');
  });

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const u = await t.createUser({ role: 'leader' });
    const wrong = await login(u.email, 'not-the-password');
    const unknown = await login('nobody@test.buoctien.vn', 'whatever-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('auth.invalid_credentials');
    expect(unknown.json().error.code).toBe('auth.invalid_credentials');
    expect(cookieOf(wrong)).toBeUndefined();
  });

  it(`locks the account after ${MAX_FAILED_LOGINS} failures in a row, even for the right password`, async () => {
    const u = await t.createUser({ role: 'statistician' });
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      expect((await login(u.email, `wrong-${i}`)).json().error.code).toBe('auth.invalid_credentials');
    }
    const fifth = await login(u.email, 'wrong-5');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('auth.locked');
    const right = await login(u.email, u.password);
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('auth.locked');
    expect(right.json().error.details.minutes).toBeGreaterThan(0);
    // An administrator's new password unlocks it.
    const admin = await t.loginAs({ role: 'admin' });
    const set = await admin.inject({
      method: 'POST',
      url: `/api/users/${u.id}/password`,
      payload: { password: 'Another-Passw0rd' },
    });
    expect(set.statusCode).toBe(200);
    expect((await login(u.email, 'Another-Passw0rd')).statusCode).toBe(200);
  });

  it('parallel wrong passwords lock the account: the count is one atomic update, not read-modify-write', async () => {
    const u = await t.createUser({ role: 'statistician' });
    // 15 wrong passwords at once (each from its own address), then the right one.
    const wrong = await Promise.all(Array.from({ length: 15 }, (_, i) => login(u.email, `wrong-${i}`)));
    const codes = wrong.map((r) => r.json().error.code as string);
    expect(codes.filter((c) => c === 'auth.invalid_credentials').length).toBeLessThan(MAX_FAILED_LOGINS);
    expect(codes).toContain('auth.locked');
    const right = await login(u.email, u.password);
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('auth.locked');
    const [row] = await t.database.query<{ locked: boolean }>(
      'select locked_until > now() as locked from users where id = $1',
      [u.id],
    );
    expect(row!.locked).toBe(true);
  });

  it('the lock is kept in the database: attempts spread over two app instances lock it for both', async () => {
    const { createApp } = await import('../../app');
    const second = await createApp(t.database, t.config, { webDist: null, logger: false });
    try {
      const u = await t.createUser({ role: 'leader' });
      const viaSecond = (password: string) =>
        second.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: u.email, password },
          remoteAddress: nextIp(),
        });
      await Promise.all(
        Array.from({ length: 2 * MAX_FAILED_LOGINS }, (_, i) =>
          i % 2 ? login(u.email, `wrong-${i}`) : viaSecond(`wrong-${i}`),
        ),
      );
      expect((await login(u.email, u.password)).json().error.code).toBe('auth.locked');
      expect((await viaSecond(u.password)).json().error.code).toBe('auth.locked');
    } finally {
      await second.close();
    }
  });

  it('a right password racing wrong ones never clears a lock they set', async () => {
    const u = await t.createUser({ role: 'officer' });
    const all = await Promise.all([
      ...Array.from({ length: 3 * MAX_FAILED_LOGINS }, (_, i) => login(u.email, `wrong-${i}`)),
      login(u.email, u.password),
    ]);
    // Whatever the interleaving, the wrong attempts lock the account, and it stays locked afterwards.
    expect(all.some((r) => r.statusCode === 423)).toBe(true);
    expect((await login(u.email, u.password)).statusCode).toBe(423);
  });

  it('a success resets the failure count', async () => {
    const u = await t.createUser({ role: 'statistician' });
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) await login(u.email, 'wrong');
    expect((await login(u.email, u.password)).statusCode).toBe(200);
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) await login(u.email, 'wrong');
    expect((await login(u.email, u.password)).statusCode).toBe(200);
  });

  it('refuses a disabled user', async () => {
    const u = await t.createUser({ role: 'bank' });
    await t.database.query('update users set disabled = true where id = $1', [u.id]);
    const res = await login(u.email, u.password);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.disabled');
  });

  it('rate-limits sign-in attempts from one address (429 auth.rate_limited)', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 21; i++)
      codes.push((await login('flood@test.buoctien.vn', 'x', '198.51.100.7')).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes[20]).toBe(429);
    const res = await login('flood@test.buoctien.vn', 'x', '198.51.100.7');
    expect(res.json().error.code).toBe('auth.rate_limited');
    // Another address is not affected.
    expect((await login('flood@test.buoctien.vn', 'x', '198.51.100.8')).statusCode).toBe(401);
  });

  it('marks the cookie Secure behind a TLS proxy (TRUST_PROXY + X-Forwarded-Proto: https)', async () => {
    const p = await createTestContext({ env: { TRUST_PROXY: 'true' } });
    try {
      const u = await p.createUser({ role: 'officer' });
      const res = await p.anon.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: u.email, password: u.password },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.statusCode).toBe(200);
      const c = res.cookies.find((x) => x.name === 'bt_session')!;
      expect(c.secure).toBe(true);
      expect(c.httpOnly).toBe(true);
      // Without TRUST_PROXY the header is not believed.
      const plain = await login(u.email, u.password);
      expect(cookieOf(plain)).toBeUndefined(); // the user exists only in the other database
    } finally {
      await p.close();
    }
  });
});

describe('sessions', () => {
  it('logout ends the session', async () => {
    const s = await t.loginAs({ role: 'officer' });
    expect((await s.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    const out = await s.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBe(200);
    const again = await s.inject({ method: 'GET', url: '/api/auth/me' });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('auth.required');
  });

  it('lists the live sessions and revokes one of them; not another user’s', async () => {
    const u = await t.createUser({ role: 'leader' });
    const s1 = await t.login(u.email, u.password);
    const s2 = await t.login(u.email, u.password);
    const list = (await s1.inject({ method: 'GET', url: '/api/auth/sessions' })).json() as {
      id: string;
      current: boolean;
    }[];
    expect(list).toHaveLength(2);
    expect(list.filter((x) => x.current)).toHaveLength(1);
    const other = list.find((x) => !x.current)!;
    const other2 = await t.loginAs({ role: 'leader' });
    expect(
      (await other2.inject({ method: 'DELETE', url: `/api/auth/sessions/${other.id}` })).statusCode,
    ).toBe(404);
    expect((await s2.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    const del = await s1.inject({ method: 'DELETE', url: `/api/auth/sessions/${other.id}` });
    expect(del.statusCode).toBe(200);
    expect((await s2.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await s1.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect(await auditActions(u.id)).toContain('auth.session_revoked');
  });

  it('signing in while holding a live session succeeds without a CSRF token and ends the older session', async () => {
    const before = await t.loginAs({ role: 'officer' });
    const other = await t.createUser({ role: 'leader' });
    const res = await t.anon.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: other.email, password: other.password },
      headers: { cookie: `bt_session=${before.token}` },
      remoteAddress: nextIp(),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.id).toBe(other.id);
    expect(cookieOf(res)!.value).not.toBe(before.token);
    expect((await before.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect(await auditActions(before.account.id)).toContain('auth.logout');
    // A wrong password with the old cookie still refuses and leaves the old session alone.
    const again = await t.loginAs({ role: 'officer' });
    const bad = await t.anon.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: other.email, password: 'not-the-password' },
      headers: { cookie: `bt_session=${again.token}` },
      remoteAddress: nextIp(),
    });
    expect(bad.statusCode).toBe(401);
    expect((await again.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('an unknown or forged cookie is anonymous', async () => {
    const res = await t.anon.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `bt_session=${'x'.repeat(43)}` },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('password change', () => {
  it('changes the password and ends every other session', async () => {
    const u = await t.createUser({ role: 'fund_officer' });
    const s1 = await t.login(u.email, u.password);
    const s2 = await t.login(u.email, u.password);
    const wrong = await s1.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'wrong-current', newPassword: 'New-Passw0rd-2025' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('auth.wrong_password');
    const weak = await s1.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: u.password, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.issues).toContainEqual(
      expect.objectContaining({ path: 'newPassword', code: 'issue.password_weak' }),
    );
    const ok = await s1.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: u.password, newPassword: 'New-Passw0rd-2025' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await s1.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await s2.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await login(u.email, u.password)).statusCode).toBe(401);
    expect((await login(u.email, 'New-Passw0rd-2025')).statusCode).toBe(200);
    const [row] = await t.database.query<{ password_hash: string }>(
      'select password_hash from users where id = $1',
      [u.id],
    );
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
  });
});

describe('CSRF', () => {
  it('a cookie-authenticated write needs the session’s CSRF token; reads do not', async () => {
    const s = await t.loginAs({ role: 'officer' });
    const noToken = await s.injectWithoutCsrf({ method: 'POST', url: '/api/auth/logout' });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('auth.csrf');
    const badToken = await s.injectWithoutCsrf({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(badToken.json().error.code).toBe('auth.csrf');
    const e = await t.createEnterprise();
    const patch = await s.injectWithoutCsrf({
      method: 'PATCH',
      url: `/api/enterprises/${e.id}`,
      payload: { version: e.version, name: 'Đổi tên không có CSRF' },
    });
    expect(patch.statusCode).toBe(403);
    expect((await s.injectWithoutCsrf({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    // The session survived every refused write.
    expect((await s.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    const [row] = await t.database.query<{ name: string }>('select name from enterprises where id = $1', [
      e.id,
    ]);
    expect(row!.name).toBe(e.name);
  });
});

describe('user administration', () => {
  it('creates, lists, updates, disables and resets the password of users, with audit and no hashes', async () => {
    const admin = await t.loginAs({ role: 'admin' });
    const e = await t.createEnterprise();
    const created = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: {
        email: 'Ke.Toan@Example.VN',
        name: 'Kế toán',
        role: 'enterprise',
        password: 'Ke-Toan-Passw0rd',
        enterpriseIds: [e.id],
      },
    });
    expect(created.statusCode).toBe(201);
    const u = created.json();
    expect(u).toMatchObject({ email: 'ke.toan@example.vn', role: 'enterprise', enterpriseIds: [e.id] });
    expect(JSON.stringify(u)).not.toMatch(/hash|password/i);

    const dup = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { email: 'ke.toan@example.vn', name: 'X', role: 'officer', password: 'Another-Passw0rd' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('user.email_taken');

    const noEnterprise = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { email: 'dn@example.vn', name: 'DN', role: 'enterprise', password: 'Another-Passw0rd' },
    });
    expect(noEnterprise.json().error.code).toBe('user.enterprise_required');

    const list = (await admin.inject({ method: 'GET', url: '/api/users?role=enterprise&q=ke.toan' })).json();
    expect(list.map((x: { id: string }) => x.id)).toEqual([u.id]);

    const s = await t.login('ke.toan@example.vn', 'Ke-Toan-Passw0rd');
    const updated = await admin.inject({
      method: 'PATCH',
      url: `/api/users/${u.id}`,
      payload: { name: 'Kế toán trưởng' },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().name).toBe('Kế toán trưởng');

    const reset = await admin.inject({
      method: 'POST',
      url: `/api/users/${u.id}/password`,
      payload: { password: 'Reset-Passw0rd-1' },
    });
    expect(reset.statusCode).toBe(200);
    expect((await s.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const s2 = await t.login('ke.toan@example.vn', 'Reset-Passw0rd-1');

    const disabled = await admin.inject({
      method: 'PATCH',
      url: `/api/users/${u.id}`,
      payload: { disabled: true },
    });
    expect(disabled.json().disabled).toBe(true);
    expect((await s2.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await login('ke.toan@example.vn', 'Reset-Passw0rd-1')).json().error.code).toBe('auth.disabled');

    const self = await admin.inject({
      method: 'PATCH',
      url: `/api/users/${admin.user.id}`,
      payload: { disabled: true },
    });
    expect(self.json().error.code).toBe('user.cannot_disable_self');

    expect(await auditActions(u.id)).toEqual(
      expect.arrayContaining(['user.created', 'user.updated', 'user.password_set']),
    );
    const audit = await t.database.query<{ a: string }>(
      "select coalesce(before::text, '') || coalesce(after::text, '') as a from audit_log where entity_id = $1",
      [u.id],
    );
    for (const r of audit) expect(r.a).not.toMatch(/argon2|password_?hash/i);
  });

  it('an area-bound administrator manages only users of its area', async () => {
    const admin = await t.loginAs({ role: 'admin', areaCode: '187' });
    const inArea = await t.createUser({ role: 'officer', areaCode: '187' });
    const outside = await t.createUser({ role: 'officer', areaCode: '178' });
    const ok = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: {
        email: 'cb.chilang2@example.vn',
        name: 'Cán bộ',
        role: 'officer',
        password: 'Passw0rd-Chi-Lang',
        areaCode: '187',
      },
    });
    expect(ok.statusCode).toBe(201);
    for (const areaCode of ['178', null]) {
      const res = await admin.inject({
        method: 'POST',
        url: '/api/users',
        payload: {
          email: `x${areaCode}@example.vn`,
          name: 'X',
          role: 'officer',
          password: 'Passw0rd-Chi-Lang',
          areaCode,
        },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('area.out_of_scope');
    }
    const ids = (await admin.inject({ method: 'GET', url: '/api/users' }))
      .json()
      .map((u: { id: string }) => u.id);
    expect(ids).toContain(inArea.id);
    expect(ids).not.toContain(outside.id);
    expect((await admin.inject({ method: 'GET', url: `/api/users/${outside.id}` })).statusCode).toBe(404);
    const move = await admin.inject({
      method: 'PATCH',
      url: `/api/users/${inArea.id}`,
      payload: { areaCode: '178' },
    });
    expect(move.json().error.code).toBe('area.out_of_scope');
    const pw = await admin.inject({
      method: 'POST',
      url: `/api/users/${outside.id}/password`,
      payload: { password: 'Hijack-Passw0rd' },
    });
    expect(pw.statusCode).toBe(404);
    expect((await login(outside.email, outside.password)).statusCode).toBe(200);
  });

  it('refuses binding a user to an enterprise or an area that does not exist (400 naming the field)', async () => {
    const admin = await t.loginAs({ role: 'admin' });
    const known = await t.createEnterprise();
    const ghost = '00000000-0000-4000-8000-000000000000';
    const cases = [
      [
        { role: 'enterprise', enterpriseIds: [known.id, ghost] },
        'enterpriseIds.1',
        'issue.unknown_enterprise_id',
      ],
      [{ role: 'officer', areaCode: '999' }, 'areaCode', 'issue.unknown_area'],
    ] as const;
    for (const [binding, path, code] of cases) {
      const res = await admin.inject({
        method: 'POST',
        url: '/api/users',
        payload: { email: 'khong-ton-tai@example.vn', name: 'X', password: 'Passw0rd-Ghost-1', ...binding },
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('validation.failed');
      expect(res.json().error.details.issues).toEqual([expect.objectContaining({ path, code })]);
    }
    const u = await t.createUser({ role: 'officer', areaCode: '187' });
    const move = await admin.inject({
      method: 'PATCH',
      url: `/api/users/${u.id}`,
      payload: { areaCode: '999' },
    });
    expect(move.statusCode).toBe(400);
    expect(move.json().error.details.issues).toEqual([expect.objectContaining({ path: 'areaCode' })]);
    expect(
      (
        await t.database.query<{ n: number }>(
          "select count(*)::int as n from users where email = 'khong-ton-tai@example.vn'",
        )
      )[0]!.n,
    ).toBe(0);
    const [row] = await t.database.query<{ area_code: string }>('select area_code from users where id = $1', [
      u.id,
    ]);
    expect(row!.area_code).toBe('187');
  });

  it('only administrators manage users', async () => {
    for (const role of ['leader', 'officer', 'enterprise'] as const) {
      const s = await t.loginAs({ role });
      const res = await s.inject({
        method: 'POST',
        url: '/api/users',
        payload: {
          email: `${role}-made@example.vn`,
          name: 'X',
          role: 'admin',
          password: 'Escalate-Passw0rd',
        },
      });
      expect(res.statusCode).toBe(403);
    }
  });
});
