/**
 * Two real server processes (`buoctien serve`) on one PostgreSQL database, on 127.0.0.1 ports of their
 * own, each with its own DATA_DIR, as two instances behind a proxy would be: whatever one knows, the other
 * must know. PostgreSQL only: a PGlite data directory is served by one process (it is locked), and the
 * in-process two-app tests (documents, rate limits, jobs) cover PGlite.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser } from './test/harness';
import { freePort } from './test/postgres-server';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Instance {
  url: string;
  child: ChildProcess;
  dir: string;
  log: () => string;
}

async function startInstance(databaseUrl: string): Promise<Instance> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-instance-'));
  const child = spawn(process.execPath, ['bin/buoctien.mjs', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO: 'false',
      LOG_LEVEL: 'warn',
      // Behind a proxy: the client address is X-Forwarded-For's, so each scenario below is its own client.
      TRUST_PROXY: 'true',
      MAX_EVENT_LOOP_DELAY_MS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const url = `http://127.0.0.1:${port}`;
  // Bounded wait for the process to listen (a start on a busy machine can take a while); no timing asserted.
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`instance exited (${child.exitCode}):\n${out}`);
    try {
      await fetch(`${url}/api/auth/me`);
      break;
    } catch {
      if (i > 600) throw new Error(`instance on ${url} never answered:\n${out}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return { url, child, dir, log: () => out };
}

async function stopInstance(i: Instance | undefined): Promise<void> {
  if (!i) return;
  if (i.child.exitCode === null) {
    const exited = new Promise((r) => i.child.once('exit', r));
    i.child.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(i.dir, { recursive: true, force: true });
}

/** A browser-like client of one instance: the session cookie and CSRF token, and a client address. */
function client(base: Instance, ip: string, session?: { cookie: string; csrf: string }) {
  return (p: string, init: RequestInit = {}) =>
    fetch(`${base.url}${p}`, {
      ...init,
      headers: {
        'x-forwarded-for': ip,
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
        ...(init.body && !(init.body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
        ...(init.headers as Record<string, string>),
      },
    });
}

async function signIn(i: Instance, ip: string, u: TestUser) {
  const r = await client(i, ip)('/api/auth/login', {
    method: 'POST',
    body: JSON.stringify({ email: u.email, password: u.password }),
  });
  if (r.status !== 200) throw new Error(`login on ${i.url}: ${r.status} ${await r.text()}`);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

const wrongLogin = (i: Instance, ip: string, email: string) =>
  client(i, ip)('/api/auth/login', {
    method: 'POST',
    body: JSON.stringify({ email, password: 'not-the-password-1' }),
  });

describe('two instances, one database', () => {
  let t: TestContext;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    t = await createTestContext();
    await t.seedAreas();
    [a, b] = await Promise.all([
      startInstance(t.config.DATABASE_URL!),
      startInstance(t.config.DATABASE_URL!),
    ]);
  }, 300_000);
  afterAll(async () => {
    await Promise.all([stopInstance(a), stopInstance(b)]);
    await t?.close();
  });

  it('sessions: signed in on A, the same session works on B, and signing out on B ends it on A', async () => {
    const u = await t.createUser({ role: 'officer' });
    const s = await signIn(a, '198.51.100.1', u);
    const me = await client(b, '198.51.100.1', s)('/api/auth/me');
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(u.email);
    expect((await client(b, '198.51.100.1', s)('/api/auth/logout', { method: 'POST' })).status).toBeLessThan(
      300,
    );
    expect((await client(a, '198.51.100.1', s)('/api/auth/me')).status).toBe(401);
  });

  it('files: a document uploaded on A downloads from B, byte for byte', async () => {
    const officer = await t.createUser({ role: 'extension_officer' });
    const s = await signIn(a, '198.51.100.2', officer);
    const enterprise = await t.createEnterprise();
    const scheme = await client(
      a,
      '198.51.100.2',
      s,
    )('/api/extension/schemes', {
      method: 'POST',
      body: JSON.stringify({
        year: 2014,
        title: 'Đề án hai máy chủ',
        supportKind: 'advanced_machinery',
        activityGroupCode: 'demonstration',
        fundingSource: 'local',
        totalCostVnd: '1000000000',
        supportRequestedVnd: '100000000',
        counterpartVnd: '900000000',
        leadEnterpriseId: enterprise.id,
      }),
    });
    expect(scheme.status).toBe(201);
    const schemeId = ((await scheme.json()) as { id: string }).id;
    const content = randomBytes(1_300_000);
    const form = new FormData();
    form.append('file', new Blob([content]), 'quyết định.pdf');
    const up = await client(
      a,
      '198.51.100.2',
      s,
    )(`/api/extension/schemes/${schemeId}/documents?kind=application`, {
      method: 'POST',
      body: form,
    });
    expect(up.status).toBe(201);
    const doc = (await up.json()) as { id: string; sha256: string };
    const dl = await client(b, '198.51.100.2', s)(`/api/extension/schemes/${schemeId}/documents/${doc.id}`);
    expect(dl.status).toBe(200);
    const got = Buffer.from(await dl.arrayBuffer());
    expect(createHash('sha256').update(got).digest('hex')).toBe(doc.sha256);
    expect(Buffer.compare(got, content)).toBe(0);
  });

  it('lockout: failed sign-ins spread over A and B lock the account on both', async () => {
    const u = await t.createUser({ role: 'officer' });
    const codes: number[] = [];
    for (const i of [a, b, a, b, a]) codes.push((await wrongLogin(i, '198.51.100.3', u.email)).status);
    expect(codes).toEqual([401, 401, 401, 401, 423]);
    for (const i of [a, b]) {
      const right = await client(i, '198.51.100.3')('/api/auth/login', {
        method: 'POST',
        body: JSON.stringify({ email: u.email, password: u.password }),
      });
      expect(right.status).toBe(423);
    }
  });

  // Needs the atomic lockout counter (another change): with a read-then-write counter, attempts at the same
  // moment on two instances overwrite each other's count and the account may stay open.
  it('lockout: failed sign-ins at the same moment on A and B are all counted', async () => {
    const u = await t.createUser({ role: 'officer' });
    await Promise.all(
      Array.from({ length: 10 }, (_, k) => wrongLogin(k % 2 ? a : b, `198.51.100.${40 + k}`, u.email)),
    );
    const right = await client(b, '198.51.100.60')('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ email: u.email, password: u.password }),
    });
    expect(right.status).toBe(423);
  });

  it('rate limits: the sign-in limit (20 a minute per address) is reached across A and B together', async () => {
    const codes: number[] = [];
    for (let k = 0; k < 20; k++)
      codes.push((await wrongLogin(k % 2 ? b : a, '198.51.100.4', 'nobody@x.vn')).status);
    expect(codes).toEqual(Array(20).fill(401));
    expect((await wrongLogin(a, '198.51.100.4', 'nobody@x.vn')).status).toBe(429);
    const onB = await wrongLogin(b, '198.51.100.4', 'nobody@x.vn');
    expect(onB.status).toBe(429);
    expect(((await onB.json()) as { error: { code: string } }).error.code).toBe('auth.rate_limited');
    expect((await wrongLogin(b, '198.51.100.5', 'nobody@x.vn')).status).toBe(401);
  });

  it('a long job: an import started on A is followed on B, to its end', async () => {
    const officer = await t.createUser({ role: 'officer' });
    const s = await signIn(a, '198.51.100.6', officer);
    const header = 'tax_code,name,area_code,vsic,ownership,reports_monthly,employees,founded_on,email';
    const rows = Array.from(
      { length: 600 },
      (_, k) => `${t.newTaxCode()},Công ty Hai Máy ${k},187,2394,non_state,true,,,`,
    );
    const form = new FormData();
    form.append('file', new Blob([[header, ...rows].join('\n')]), 'e.csv');
    const jobId = `two-${randomBytes(6).toString('hex')}`;
    const started = client(
      a,
      '198.51.100.6',
      s,
    )(`/api/enterprises/import?jobId=${jobId}`, {
      method: 'POST',
      body: form,
    });
    // While A works, B answers for the job (once A has recorded its first step) with a state of it.
    const seen = new Set<string>();
    let done = false;
    const finished = started.then((r) => {
      done = true;
      return r;
    });
    while (!done) {
      const p = await client(b, '198.51.100.6', s)(`/api/jobs/${jobId}`);
      if (p.status === 200) seen.add(((await p.json()) as { phase: string }).phase);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await finished).status).toBe(200);
    const end = await client(b, '198.51.100.6', s)(`/api/jobs/${jobId}`);
    expect(await end.json()).toEqual({ jobId, phase: 'done', done: 600, total: 600 });
    // Which intermediate phases B caught depends on timing; any it caught is one of the job's.
    for (const phase of seen) expect(['parsing', 'validating', 'writing', 'done']).toContain(phase);
    // Another user cannot read it from either instance.
    const other = await signIn(b, '198.51.100.7', await t.createUser({ role: 'officer' }));
    expect((await client(b, '198.51.100.7', other)(`/api/jobs/${jobId}`)).status).toBe(404);
  });
});
