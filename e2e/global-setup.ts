import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { freePort } from '../server/test/postgres-server';

/**
 * Browser tests run against the real thing: the built web app served by the real server, on a fresh
 * PGlite data directory with the Lạng Sơn demo loaded, on a free port. Builds the web app first when
 * web/dist is missing (npm test builds it in an earlier step) or when BT_E2E_BUILD=1.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dongBanhId: string;
    htId: string;
  }
}

async function waitFor(url: string, child: ChildProcess, log: () => string, ms = 120_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer ${url} within ${ms} ms:\n${log()}`);
}

async function findEnterprise(baseUrl: string, cookie: string, q: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/enterprises?q=${encodeURIComponent(q)}&pageSize=1`, {
    headers: { cookie },
  });
  const body = (await res.json()) as { items: { id: string }[] };
  if (!body.items[0]) throw new Error(`demo enterprise "${q}" not found`);
  return body.items[0].id;
}

export default async function setup(project: TestProject) {
  if (process.env.BT_E2E_BUILD === '1' || !fs.existsSync(path.join(ROOT, 'web/dist/index.html'))) {
    const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('vite build failed');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-e2e-data-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, ['bin/buoctien.mjs', 'serve', '--data-dir', dataDir], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });

  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          r(null);
        }, 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          r(null);
        });
      });
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitFor(`${baseUrl}/api/areas`, child, () => output);
    // The ids the journeys need, found the way a user would (search), before any browser starts.
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'canbo@demo.buoctien.vn', password: 'BuocTien-2014' }),
    });
    if (!login.ok) throw new Error(`demo login failed: ${login.status} ${await login.text()}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    project.provide('baseUrl', baseUrl);
    project.provide('dongBanhId', await findEnterprise(baseUrl, cookie, 'xi mang dong banh'));
    project.provide('htId', await findEnterprise(baseUrl, cookie, 'H&T'));
  } catch (e) {
    await stop();
    throw e;
  }
  return stop;
}
