/**
 * A data directory that cannot be written (a file in its place, a path through a file, a full disk) stops the
 * start with ONE line that says what happened and where — never "[object Object]" (PGlite's file system
 * throws plain objects, not Errors). PGlite only: DATA_DIR is where PGlite keeps its files.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db';
import { errorText } from './errors';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-datadir-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function openError(dataDir: string): Promise<Error> {
  const e = await openDatabase({ dataDir }).then(
    async (d) => {
      await d.close();
      return null;
    },
    (err: unknown) => err,
  );
  expect(e, dataDir).toBeInstanceOf(Error);
  return e as Error;
}

/** A small tmpfs, filled up: only as root, where mounting is allowed; null elsewhere. */
function fullDisk(): string | null {
  if (process.getuid?.() !== 0) return null;
  const mnt = path.join(dir, 'full');
  fs.mkdirSync(mnt);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt], { stdio: 'ignore' });
  } catch {
    return null;
  }
  try {
    fs.writeFileSync(path.join(mnt, 'filler'), Buffer.alloc(1024 * 1024));
  } catch {
    // ENOSPC: full, as wanted.
  }
  return mnt;
}

describe('a data directory that cannot be written', () => {
  it('DATA_DIR is a regular file', async () => {
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, 'x');
    const e = await openError(file);
    expect(e.message).toContain(file);
    expect(e.message).toContain('not a directory');
    expect(e.message).toContain('EEXIST');
  });

  it('DATA_DIR lies under a regular file (ENOTDIR)', async () => {
    const file = path.join(dir, 'b-file');
    fs.writeFileSync(file, 'x');
    const e = await openError(path.join(file, 'data'));
    expect(e.message).toContain(path.join(file, 'data'));
    expect(e.message).toContain('ENOTDIR');
  });

  it('PGlite’s own directory is a file: its non-Error throw is named, not "[object Object]"', async () => {
    const d = path.join(dir, 'c');
    fs.mkdirSync(d);
    fs.writeFileSync(path.join(d, 'pglite'), 'x');
    const e = await openError(d);
    expect(e.message).not.toContain('[object Object]');
    expect(e.message).toContain(d);
    expect(e.message).toContain('ENOTDIR');
    // The lock is released: the directory can be used once fixed.
    expect(fs.existsSync(path.join(d, 'buoctien.lock'))).toBe(false);
  });

  it('a full disk says so (ENOSPC), naming the directory', async (ctx) => {
    const mnt = fullDisk();
    if (!mnt) ctx.skip(); // needs root and permission to mount a tmpfs
    try {
      const e = await openError(path.join(mnt!, 'data'));
      expect(e.message).toContain(path.join(mnt!, 'data'));
      expect(e.message).toMatch(/ENOSPC/);
      expect(e.message).toContain('disk is full');
    } finally {
      execFileSync('umount', ['-l', mnt!], { stdio: 'ignore' });
    }
  });

  it('the command prints one translated line with the path and the cause', () => {
    const d = path.join(dir, 'cli');
    fs.mkdirSync(d);
    fs.writeFileSync(path.join(d, 'pglite'), 'x');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/buoctien.mjs'), 'migrate', '--data-dir', d], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: '', LOG_LEVEL: 'silent' },
    });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Lỗi: Không ghi được thư mục dữ liệu \/ cannot write the data directory /);
    expect(lines[0]).toContain(d);
    expect(lines[0]).toContain('ENOTDIR');
  });
});

describe('errorText: any thrown value as a readable line', () => {
  it('names file-system errors, keeps Error messages, shows other objects as JSON', () => {
    expect(errorText(new Error('boom'))).toBe('boom');
    expect(errorText({ name: 'ErrnoError', errno: 51 })).toContain('ENOSPC');
    expect(errorText({ code: 'EACCES' })).toContain('permission denied');
    expect(errorText({ reason: 'x' })).toBe('{"reason":"x"}');
    expect(errorText('plain')).toBe('plain');
  });
});
