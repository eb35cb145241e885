import { execFile, execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL server for the test run: initdb + pg_ctl from /usr/local/bin in a temp dir, as a
 * non-root user (PostgreSQL refuses to run as root), on a random free port, listening on 127.0.0.1 only,
 * trust authentication, durability off (it is thrown away).
 */
export const PG_BIN = process.env.BT_PG_BIN ?? '/usr/local/bin';

export interface PgServer {
  /** Connection URL of the server's `postgres` database (superuser `postgres`). */
  url: string;
  port: number;
  dir: string;
  stop(): void;
  /** Restart the server (fast shutdown: sessions are ended with 57P01), same port; resolves once it is up. */
  restart(): Promise<void>;
}

export function hasPostgresBinaries(): boolean {
  return fs.existsSync(path.join(PG_BIN, 'initdb')) && fs.existsSync(path.join(PG_BIN, 'pg_ctl'));
}

/** A free TCP port on 127.0.0.1 (for the servers tests and benchmarks start). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** The user the server runs as: ourselves when not root, else `btpg` (created if missing) or `nobody`. */
function serverUser(): string | null {
  if (process.getuid?.() !== 0) return null;
  const exists = (u: string) => spawnSync('id', ['-u', u], { stdio: 'ignore' }).status === 0;
  if (exists('btpg')) return 'btpg';
  const made = spawnSync(
    'useradd',
    ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', '--user-group', 'btpg'],
    { stdio: 'ignore' },
  );
  if (made.status === 0 || exists('btpg')) return 'btpg';
  return 'nobody';
}

function run(user: string | null, cmd: string, args: string[]): void {
  const [file, argv] = user ? ['runuser', ['-u', user, '--', cmd, ...args]] : [cmd, args];
  execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: '/' });
}

export async function startPostgres(): Promise<PgServer> {
  const user = serverUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-pg-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  if (user) {
    execFileSync('chown', ['-R', `${user}:`, dir]);
    fs.chmodSync(dir, 0o700);
  }
  try {
    run(user, path.join(PG_BIN, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--no-locale',
      '--no-sync',
    ]);
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${String((e as { stderr?: Buffer }).stderr ?? e)}`);
  }
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const opts = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${dir}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=300',
      '-c shared_buffers=256MB',
    ].join(' ');
    try {
      run(user, path.join(PG_BIN, 'pg_ctl'), ['-D', data, '-l', log, '-o', opts, '-w', '-t', '60', 'start']);
      let stopped = false;
      const stop = () => {
        if (stopped) return;
        stopped = true;
        try {
          run(user, path.join(PG_BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
        } catch {
          // already gone
        }
        fs.rmSync(dir, { recursive: true, force: true });
      };
      // Asynchronous, so that the caller's requests keep running while the server is down.
      const restart = () =>
        new Promise<void>((resolve, reject) => {
          const args = ['-D', data, '-l', log, '-m', 'fast', '-w', '-t', '60', 'restart'];
          const pgCtl = path.join(PG_BIN, 'pg_ctl');
          const [file, argv] = user ? ['runuser', ['-u', user, '--', pgCtl, ...args]] : [pgCtl, args];
          execFile(file, argv, { cwd: '/' }, (e) => (e ? reject(e) : resolve()));
        });
      // If the run is torn down abruptly, do not leave a server behind.
      process.once('exit', stop);
      return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, port, dir, stop, restart };
    } catch (e) {
      lastError = e;
    }
  }
  const tail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').slice(-2000) : '';
  fs.rmSync(dir, { recursive: true, force: true });
  throw new Error(`pg_ctl start failed: ${String(lastError)}\n${tail}`);
}
