/**
 * Load benchmark: signed-in staff and an anonymous crowd at once, on PostgreSQL (a throwaway server started
 * here, like bench/statistics.ts) behind two instances of the server (two processes on 127.0.0.1, one
 * database), the way docs/operator.md deploys it. Every request goes to 127.0.0.1 only, each loop stops at the
 * deadline, and every request has its own timeout.
 *
 *   staff      --users signed-in users (leader, officers, statistician, admin of the Lạng Sơn demo), each from
 *              its own loopback address, alternating between the two instances page by page; each page is
 *              the API calls the web app makes for it, then a think time (--think, 2–8 s by default):
 *                entry      the statistician's entry grid of an enterprise and the product list
 *                dashboard  the dashboard's headline figures and its history
 *                explorer   a year of monthly output by sub-area (the explorer's default table)
 *   anonymous  --anon clients on the open data from other loopback addresses, 0.2–1 s apart: small and
 *              paged indicator queries, one too large for one answer (413 by design), CSV exports, the public
 *              dashboard and periods; half of them revalidate with If-None-Match like a browser cache.
 *              429 (rate limit, full line) and 413 are the server refusing by design, counted apart from
 *              errors (5xx, network failures, anything else unexpected).
 *   baseline   GET /api/health, back to back, in the same run: what the machine answers with no work at all.
 *
 * Prints throughput, p50/p99 and errors per group, and the staff p99 as a ratio of the baseline's; writes
 * bench/results/load-*.json. Targets: 0 staff errors, staff p99 ≤ 1 s.
 * Also the servers' own CPU per request (from /proc), which a machine shared with other work does not skew
 * the way it skews latencies. Usage: tsx bench/load.ts [--users 200] [--anon 50] [--seconds 60]
 * [--think 2000-8000]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { freePort, startPostgres } from '../server/test/postgres-server';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '200' },
    anon: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '60' },
    /** A staff user's pause between two pages, in ms: min-max. */
    think: { type: 'string', default: '2000-8000' },
  },
});
const USERS = Math.min(1000, Number(values.users));
const ANON = Math.min(1000, Number(values.anon));
const SECONDS = Math.min(600, Number(values.seconds));
const [THINK_MIN, THINK_MAX] = String(values.think)
  .split('-')
  .map((n) => Math.min(60_000, Math.max(0, Number(n)))) as [number, number];
const REQUEST_TIMEOUT_MS = 30_000;
const PASSWORD = 'BuocTien-2014';
type Page = 'entry' | 'dashboard' | 'explorer';
/** Demo accounts and the pages each role opens (the entry grid is the statistician's and the admin's). */
const STAFF: { email: string; pages: Page[] }[] = [
  { email: 'lanhdao@demo.buoctien.vn', pages: ['dashboard', 'explorer'] },
  { email: 'canbo@demo.buoctien.vn', pages: ['dashboard', 'explorer'] },
  { email: 'canbo.chilang@demo.buoctien.vn', pages: ['dashboard', 'explorer'] },
  { email: 'thongke@demo.buoctien.vn', pages: ['entry', 'dashboard', 'explorer'] },
  { email: 'admin@demo.buoctien.vn', pages: ['entry', 'dashboard', 'explorer'] },
];

// A seeded generator, so that two runs send the same mix.
let seed = 20141231;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A distinct loopback address per simulated client (all of 127.0.0.0/8 is this machine). */
const loopback = (group: number, i: number) => `127.${group}.${Math.floor(i / 250)}.${(i % 250) + 1}`;

interface Answer {
  status: number;
  ms: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  agent: http.Agent,
  port: number,
  method: string,
  urlPath: string,
  headers: Record<string, string> = {},
  payload?: unknown,
): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const body = payload === undefined ? undefined : JSON.stringify(payload);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: urlPath,
        agent,
        headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - started,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', () => resolve({ status: 0, ms: performance.now() - started, headers: {}, body: '' }));
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started, headers: {}, body: '' }));
    req.end(body);
  });
}

async function waitReady(port: number, child: ChildProcess, ms = 600_000): Promise<void> {
  const until = Date.now() + ms;
  const agent = new http.Agent();
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode})`);
    if ((await request(agent, port, 'GET', '/api/ready')).status === 200) return;
    await sleep(500);
  }
  throw new Error(`server on ${port} not ready`);
}

function startInstance(port: number, databaseUrl: string, demo: boolean): ChildProcess {
  const child = spawn(process.execPath, ['bin/buoctien.mjs', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      DEMO: demo ? 'true' : 'false',
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'bt-bench-load-')),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

/** CPU seconds a process has used so far (user + system), from /proc (Linux). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

class Stats {
  readonly ms: number[] = [];
  readonly codes = new Map<number, number>();
  add(a: Answer) {
    this.ms.push(a.ms);
    this.codes.set(a.status, (this.codes.get(a.status) ?? 0) + 1);
  }
  count(...codes: number[]) {
    return codes.reduce((n, c) => n + (this.codes.get(c) ?? 0), 0);
  }
  pct(p: number) {
    if (!this.ms.length) return Number.NaN;
    const s = [...this.ms].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
  }
  summary(seconds: number, expected: number[]) {
    const errors = [...this.codes].filter(([c]) => !expected.includes(c)).reduce((n, [, k]) => n + k, 0);
    return {
      requests: this.ms.length,
      perSecond: Number((this.ms.length / seconds).toFixed(1)),
      p50: Number(this.pct(50).toFixed(1)),
      p99: Number(this.pct(99).toFixed(1)),
      errors,
      codes: Object.fromEntries([...this.codes].sort(([a], [b]) => a - b)),
    };
  }
}

async function main() {
  console.error(`load bench: PostgreSQL, two instances, ${USERS} staff, ${ANON} anonymous, ${SECONDS} s`);
  const server = await startPostgres();
  const children: ChildProcess[] = [];
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('create database bt_load');
    await admin.end();
    const url = server.url.replace(/\/postgres$/, '/bt_load');
    const ports = [await freePort(), await freePort()];
    const t0 = performance.now();
    // The first instance migrates and loads the demo; the second starts on the same database once it is ready.
    children.push(startInstance(ports[0]!, url, true));
    await waitReady(ports[0]!, children[0]!);
    children.push(startInstance(ports[1]!, url, false));
    await waitReady(ports[1]!, children[1]!);
    console.error(`  two instances ready in ${((performance.now() - t0) / 1000).toFixed(0)} s (demo loaded)`);

    // Sign in, each user from its own address (the sign-in limit is per address), a few at a time.
    const users: { agent: http.Agent; cookie: string; i: number; pages: Page[] }[] = [];
    const s0 = performance.now();
    for (let i = 0; i < USERS; i += 8) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(8, USERS - i) }, async (_, k) => {
          const n = i + k;
          const agent = new http.Agent({ keepAlive: true, localAddress: loopback(1, n) });
          const res = await request(
            agent,
            ports[n % 2]!,
            'POST',
            '/api/auth/login',
            {},
            {
              email: STAFF[n % STAFF.length]!.email,
              password: PASSWORD,
            },
          );
          const cookie = String(
            res.headers['set-cookie']?.find((c) => c.startsWith('bt_session=')) ?? '',
          ).split(';')[0]!;
          if (res.status !== 200 || !cookie) throw new Error(`sign-in ${n}: ${res.status} ${res.body}`);
          return { agent, cookie, i: n, pages: STAFF[n % STAFF.length]!.pages };
        }),
      );
      users.push(...batch);
    }
    console.error(`  ${USERS} signed in in ${((performance.now() - s0) / 1000).toFixed(0)} s`);
    const list = await request(users[0]!.agent, ports[0]!, 'GET', '/api/enterprises?pageSize=50', {
      cookie: users[0]!.cookie,
    });
    const enterpriseIds = (JSON.parse(list.body) as { items: { id: string }[] }).items.map((e) => e.id);
    if (!enterpriseIds.length) throw new Error('no enterprises in the demo');

    const pages: Record<Page, (enterprise: string) => string[]> = {
      entry: (id) => [`/api/statistics/enterprises/${id}/reports?year=2014`, '/api/statistics/products'],
      dashboard: () => ['/api/dashboard?period=2014-12', '/api/dashboard/history?period=2014-12'],
      explorer: () => [
        '/api/statistics/indicators?from=2014-01&to=2014-12&freq=M&indicator=GO_CONST&activity=_T&subAreas=true',
      ],
    };
    const anonUrls = [
      '/api/statistics/indicators?from=2014-01&to=2014-12&freq=M&indicator=GO_CONST&subAreas=true',
      '/api/statistics/indicators?from=2014-01&to=2014-12&freq=A,Q&subAreas=true',
      '/api/statistics/indicators?from=2010-01&to=2014-12&freq=M,Q,A,YTD&subAreas=true',
      '/api/statistics/indicators?from=2010-01&to=2014-12&freq=M,Q,A,YTD&subAreas=true&limit=2000&offset=0',
      '/api/statistics/export?from=2014-01&to=2014-12&freq=M&format=csv&subAreas=true',
      '/api/statistics/export?from=2013-01&to=2014-12&freq=Q,A&format=sdmx-csv',
      '/api/dashboard?period=2014-12',
      '/api/public/periods',
    ];

    const staff = { all: new Stats(), entry: new Stats(), dashboard: new Stats(), explorer: new Stats() };
    const anon = new Stats();
    const base = new Stats();
    const cpu0 = children.map((c) => cpuSeconds(c.pid));
    const load0 = os.loadavg()[0]!;
    const started = performance.now();
    const deadline = Date.now() + SECONDS * 1000;

    const staffLoop = async (u: (typeof users)[number]) => {
      await sleep(rand() * THINK_MAX); // users do not all arrive in the same millisecond
      let instance = u.i % 2;
      while (Date.now() < deadline) {
        const name = u.pages[Math.floor(rand() * u.pages.length)]!;
        const id = enterpriseIds[Math.floor(rand() * enterpriseIds.length)]!;
        instance = 1 - instance;
        for (const p of pages[name]!(id)) {
          const a = await request(u.agent, ports[instance]!, 'GET', p, { cookie: u.cookie });
          staff.all.add(a);
          staff[name].add(a);
        }
        await sleep(THINK_MIN + rand() * (THINK_MAX - THINK_MIN));
      }
    };
    const anonLoop = async (i: number) => {
      const agent = new http.Agent({ keepAlive: true, localAddress: loopback(2, i) });
      const etags = new Map<string, string>();
      const revalidates = i % 2 === 0;
      await sleep(rand() * 1000);
      while (Date.now() < deadline) {
        const p = anonUrls[Math.floor(rand() * anonUrls.length)]!;
        const etag = revalidates ? etags.get(p) : undefined;
        const a = await request(agent, ports[i % 2]!, 'GET', p, etag ? { 'if-none-match': etag } : {});
        if (a.headers.etag) etags.set(p, String(a.headers.etag));
        anon.add(a);
        await sleep(200 + rand() * 800);
      }
      agent.destroy();
    };
    const baseLoop = async () => {
      const agent = new http.Agent({ keepAlive: true, localAddress: loopback(3, 0) });
      let n = 0;
      while (Date.now() < deadline) {
        base.add(await request(agent, ports[n++ % 2]!, 'GET', '/api/health'));
        await sleep(50);
      }
      agent.destroy();
    };
    await Promise.all([
      ...users.map(staffLoop),
      ...Array.from({ length: ANON }, (_, i) => anonLoop(i)),
      baseLoop(),
    ]);
    const seconds = (performance.now() - started) / 1000;
    // The servers' own CPU per request: comparable across runs on a machine shared with other work, where
    // the latencies are not.
    const cpu = children.map((c, k) => cpuSeconds(c.pid) - cpu0[k]!);
    const requests = staff.all.ms.length + anon.ms.length + base.ms.length;
    for (const u of users) u.agent.destroy();

    const result = {
      machine: `${os.cpus().length} cpu, ${os.cpus()[0]?.model}`,
      at: new Date().toISOString(),
      setup: {
        database: 'postgresql',
        instances: 2,
        users: USERS,
        anonymous: ANON,
        seconds: SECONDS,
        staffThinkMs: [THINK_MIN, THINK_MAX],
      },
      machineLoad: { loadAverage1minBefore: load0, loadAverage1minAfter: os.loadavg()[0] },
      serverCpu: {
        seconds: cpu.map((c) => Number(c.toFixed(1))),
        msPerRequest: Number(((1000 * cpu.reduce((a, b) => a + b, 0)) / requests).toFixed(1)),
      },
      staff: {
        all: staff.all.summary(seconds, [200, 304]),
        entry: staff.entry.summary(seconds, [200, 304]),
        dashboard: staff.dashboard.summary(seconds, [200, 304]),
        explorer: staff.explorer.summary(seconds, [200, 304]),
      },
      anonymous: {
        ...anon.summary(seconds, [200, 304, 413, 429]),
        refusedByDesign: anon.count(413, 429),
        notModified: anon.count(304),
      },
      baseline: base.summary(seconds, [200]),
      ratio: {
        staffP50OverBaseline: Number((staff.all.pct(50) / base.pct(50)).toFixed(1)),
        staffP99OverBaseline: Number((staff.all.pct(99) / base.pct(99)).toFixed(1)),
      },
      targets: {
        staffErrors0: staff.all.summary(seconds, [200, 304]).errors === 0,
        staffP99AtMost1s: staff.all.pct(99) <= 1000,
      },
    };
    const line = (name: string, s: ReturnType<Stats['summary']>) =>
      `${name.padEnd(18)} ${String(s.requests).padStart(7)} ${String(s.perSecond).padStart(7)}/s  p50 ${String(s.p50).padStart(7)} ms  p99 ${String(s.p99).padStart(7)} ms  errors ${s.errors}  ${JSON.stringify(s.codes)}`;
    console.log(line('staff (all)', result.staff.all));
    for (const k of ['entry', 'dashboard', 'explorer'] as const) console.log(line(`  ${k}`, result.staff[k]));
    console.log(line('anonymous', result.anonymous));
    console.log(line('baseline /health', result.baseline));
    console.log(
      `servers' CPU: ${result.serverCpu.seconds.join(' + ')} s = ${result.serverCpu.msPerRequest} ms per request; machine load average ${load0.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)} (${os.cpus().length} cpu)`,
    );
    console.log(
      `staff p50 = ${result.ratio.staffP50OverBaseline}× baseline p50, p99 = ${result.ratio.staffP99OverBaseline}× baseline p99; targets: 0 staff errors ${result.targets.staffErrors0 ? 'met' : 'MISSED'}, staff p99 ≤ 1 s ${result.targets.staffP99AtMost1s ? 'met' : 'MISSED'}`,
    );
    const dir = path.join(ROOT, 'bench/results');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `load-${new Date().toISOString().replace(/[:.]/g, '').slice(0, 17)}.json`);
    fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.error(`  written to ${path.relative(ROOT, file)}`);
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(
      children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)),
    );
    server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
