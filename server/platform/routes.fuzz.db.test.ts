/**
 * Fuzzes every route of the table with fast-check: malformed and hostile bodies, params and query strings
 * (wrong types, huge strings, NFD text, SQL-ish text, NUL bytes, prototype-pollution keys, deep nesting,
 * invalid JSON, wrong content types, junk multipart), as an admin (so the access check passes) and as an
 * anonymous caller. Whatever comes in:
 *  - the status is below 500;
 *  - a 4xx body has the one error shape {error:{code,message,requestId}};
 *  - a non-2xx response wrote nothing (row counts of every table but sessions, and the last audit id).
 * New routes are covered as soon as they are registered. BT_FUZZ_RUNS sets the runs per route and caller.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestContext, fingerprint, type Request, type Response, type Session } from '../test/harness';
import { encode, fillUrl, isPublic, isWrite, label, paramNames, validParams } from '../test/routes';

const RUNS = Number(process.env.BT_FUZZ_RUNS ?? 20);

const t = await createTestContext();
const routes = [...t.app.routeTable].sort((a, b) => label(a).localeCompare(label(b)));
let admin: Session;
let adminAccount: { email: string; password: string };
let enterpriseId: string;

beforeAll(async () => {
  await t.seedAreas();
  enterpriseId = (await t.createEnterprise({ name: 'Công ty Cổ phần Xi măng Đồng Bành', areaCode: '187' }))
    .id;
  const a = await t.loginAs({ role: 'admin' });
  admin = a;
  adminAccount = a.account;
});
afterAll(() => t.close());

// ---- generators ----

const safeText = (v: unknown): string => {
  try {
    return JSON.stringify(v) ?? 'undefined';
  } catch {
    return 'unprintable';
  }
};

const NASTY = [
  '',
  ' ',
  "' or 1=1 --",
  "'; drop table enterprises; --",
  '"; select pg_sleep(10); --',
  '\u0000',
  'a\u0000b',
  'Đồng Bành'.normalize('NFD'),
  'Xi măng Đồng Bành',
  '%',
  '_',
  '\\',
  '%00',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '$' + '{jndi:ldap://x}',
  '{{7*7}}',
  '\uD800',
  '\uFEFF',
  '\u202E',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '9'.repeat(40),
  '-9223372036854775809',
  'true',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '2014-02-30',
  '0000-00-00',
  '00000000-0000-0000-0000-000000000000',
  'x'.repeat(5000),
  '🏭'.repeat(300),
];

const hugeString = fc.constantFrom('a'.repeat(300_000), 'Đ'.repeat(100_000), '\u0000'.repeat(1000));
const nastyString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constant(randomUUID()) },
  { weight: 1, arbitrary: hugeString },
);
const scalar = fc.oneof(
  nastyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e300),
);
const junkValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(nastyString, fc.constantFrom('__proto__', 'constructor', 'prototype')),
      tie('value'),
      {
        maxKeys: 4,
      },
    ),
  ),
})).value;

/** Deeply nested arrays/objects (as JSON text, since building them is cheap that way). */
const deepJson = fc
  .integer({ min: 50, max: 5000 })
  .map((n) => (n % 2 ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`));

const invalidJson = fc.constantFrom(
  '{',
  '{"a":',
  '[1,2',
  '{"a":1,}',
  "{'a':1}",
  'undefined',
  'NaN',
  '\u0000',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"a":1}{"b":2}',
  '\uFEFF{}',
  '',
  'null',
  '"string"',
  '12',
  '[]',
);

type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; text: string; contentType: string };

/** Bodies built on the route's own field names (to get past the first checks) or from nothing. */
function bodyArb(route: (typeof routes)[number]): fc.Arbitrary<Body> {
  const shape = route.schemas.body instanceof z.ZodObject ? Object.keys(route.schemas.body.shape) : [];
  const keys = shape.length ? fc.constantFrom(...shape) : nastyString;
  const shaped = fc.dictionary(
    fc.oneof({ weight: 3, arbitrary: keys }, { weight: 1, arbitrary: nastyString }),
    junkValue,
    {
      maxKeys: Math.max(3, shape.length),
    },
  );
  const multipartJunk = fc
    .tuple(
      fc.constantFrom('a.csv', 'a.xlsx', 'a.exe', '../../a.csv', 'Đồng.csv', ''),
      fc.oneof(nastyString, junkValue.map(safeText)),
    )
    .map(([filename, content]): Body => {
      const boundary = 'fuzzboundary';
      const text = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n${content}\r\n--${boundary}--\r\n`;
      return { kind: 'raw', text, contentType: `multipart/form-data; boundary=${boundary}` };
    });
  return fc.oneof(
    { weight: 4, arbitrary: shaped.map((value): Body => ({ kind: 'json', value })) },
    { weight: 2, arbitrary: junkValue.map((value): Body => ({ kind: 'json', value })) },
    {
      weight: 2,
      arbitrary: invalidJson.map((text): Body => ({ kind: 'raw', text, contentType: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: deepJson.map((text): Body => ({ kind: 'raw', text, contentType: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          nastyString,
          fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'application/xml',
            'multipart/form-data',
            'multipart/form-data; boundary=',
            'application/json; charset=latin1',
            'image/png',
          ),
        )
        .map(([text, contentType]): Body => ({ kind: 'raw', text, contentType })),
    },
    { weight: route.multipart ? 3 : 1, arbitrary: multipartJunk },
    { weight: 1, arbitrary: fc.constant<Body>({ kind: 'none' }) },
  );
}

function paramsArb(route: (typeof routes)[number]): fc.Arbitrary<Record<string, string>> {
  const names = paramNames(route.url);
  const valid = validParams(route, route.enterpriseParam ? { [route.enterpriseParam]: enterpriseId } : {});
  return fc.record(
    Object.fromEntries(
      names.map((n) => [
        n,
        fc.oneof({ weight: 2, arbitrary: fc.constant(valid[n]!) }, { weight: 3, arbitrary: nastyString }),
      ]),
    ),
  ) as fc.Arbitrary<Record<string, string>>;
}

function queryArb(route: (typeof routes)[number]): fc.Arbitrary<string> {
  const shape =
    route.schemas.querystring instanceof z.ZodObject ? Object.keys(route.schemas.querystring.shape) : [];
  const key = shape.length ? fc.oneof(fc.constantFrom(...shape), nastyString) : nastyString;
  const pair = fc.tuple(key, fc.oneof(nastyString, fc.integer().map(String)));
  return fc.oneof(
    fc
      .array(pair, { maxLength: 5 })
      .map((pairs) => pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')),
    // Raw, not encoded: broken escapes, repeated keys, bracket syntax.
    fc.constantFrom(
      '%',
      '%zz',
      'a=%E0%A4%A',
      'page=1&page=2',
      'a[b]=1',
      '__proto__[x]=1',
      '&&&',
      '=',
      'q=%00',
    ),
  );
}

// ---- the check ----

function send(
  client: { inject(r: Request): Promise<Response> },
  route: (typeof routes)[number],
  p: Record<string, string>,
  query: string,
  body: Body,
) {
  const url = fillUrl(route.url, p) + (query ? `?${query}` : '');
  const req: Request = { method: route.method as never, url };
  if (body.kind === 'json' && isWrite(route)) {
    req.payload = JSON.stringify(body.value);
    req.headers = { 'content-type': 'application/json' };
  } else if (body.kind === 'raw' && isWrite(route)) {
    req.payload = body.text;
    req.headers = { 'content-type': body.contentType };
  }
  return client.inject(req);
}

function checkErrorShape(res: Response) {
  let json: { error?: { code?: unknown; message?: unknown; requestId?: unknown } };
  try {
    json = res.json();
  } catch {
    throw new Error(`non-JSON ${res.statusCode} body: ${res.body.slice(0, 200)}`);
  }
  expect(typeof json.error?.code).toBe('string');
  expect(typeof json.error?.message).toBe('string');
  expect(String(json.error?.message ?? '').length).toBeGreaterThan(0);
  expect(typeof json.error?.requestId).toBe('string');
}

/**
 * The next transaction id to be assigned: it moves whenever any transaction writes (even one rolled back),
 * and never on reads, so an unchanged value proves nothing was written and saves counting every table.
 */
async function writeClock(): Promise<string> {
  const [r] = await t.database.query<{ x: string }>(
    'select pg_snapshot_xmax(pg_current_snapshot())::text as x',
  );
  return r!.x;
}

/** Sign the admin in again if a fuzzed logout ended its session; true when it did (and so wrote rows). */
async function ensureAdmin(): Promise<boolean> {
  const me = await admin.inject({ method: 'GET', url: '/api/auth/me' });
  if (me.statusCode !== 401) return false;
  // A fuzzed logout or password change ended the session: sign in again (and clear a lockout).
  await t.database.query('update users set locked_until = null, failed_logins = 0 where email = $1', [
    adminAccount.email,
  ]);
  admin = await t.login(adminAccount.email, adminAccount.password);
  return true;
}

/** fc.assert, with the report cut to a readable length (counterexamples may hold 300 kB strings). */
async function assertShort<T extends unknown[]>(
  prop: fc.IAsyncPropertyWithHooks<T>,
  params: fc.Parameters<T>,
) {
  try {
    await fc.assert(prop, params);
  } catch (e) {
    const cause = (e as Error & { cause?: Error }).cause;
    const full = `${(e as Error).message}${cause ? `\nCaused by: ${cause.message}` : ''}`;
    const msg = full.replace(/(.{1,6}?)\1{20,}/gsu, (m, c) => `${c}…×${m.length / c.length}`);
    throw new Error(msg.slice(0, 3000));
  }
}

const callers = ['admin', 'anonymous'] as const;

describe.each(routes.map((r) => [label(r), r] as const))('%s', (_name, route) => {
  for (const caller of callers) {
    // Anonymous callers of a non-public route are stopped before parsing: fewer runs prove it.
    it(`never a 500, a partial write or a malformed error (${caller})`, async () => {
      let baseline = await fingerprint(t.database);
      let xmax = await writeClock();
      await assertShort(
        fc.asyncProperty(paramsArb(route), queryArb(route), bodyArb(route), async (p, query, body) => {
          if (caller === 'admin' && (await ensureAdmin())) {
            baseline = await fingerprint(t.database);
            xmax = await writeClock();
          }
          const client = caller === 'admin' ? admin : t.anon;
          const res = await send(client, route, p, query, body);
          const context = `${route.method} ${fillUrl(route.url, p).slice(0, 200)}?${query.slice(0, 100)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
          expect(res.statusCode, context).toBeLessThan(500);
          if (res.statusCode >= 400) checkErrorShape(res);
          // No transaction took a transaction id = nothing was written; else count the rows.
          const clock = await writeClock();
          if (clock !== xmax) {
            const after = await fingerprint(t.database);
            if (res.statusCode >= 300) expect(after, `wrote on ${context}`).toBe(baseline);
            baseline = after;
            xmax = clock;
          }
          expect(({} as Record<string, unknown>).polluted, 'prototype polluted').toBeUndefined();
        }),
        { numRuns: caller === 'anonymous' && !isPublic(route) ? Math.ceil(RUNS / 3) : RUNS },
      );
    });
  }
});
