#!/usr/bin/env node
/**
 * CI fails when the Drizzle schema (*.tables.ts) and the committed migrations disagree.
 * 1. `drizzle-kit check`: the migration snapshots are consistent.
 * 2. `drizzle-kit generate` into a temporary copy of server/db/migrations: it must produce no new file.
 * The working tree is never touched.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIGRATIONS = path.join(ROOT, 'server/db/migrations');
const KIT = path.join(ROOT, 'node_modules/drizzle-kit/bin.cjs');

function drizzleKit(args, config) {
  const r = spawnSync(process.execPath, [KIT, ...args, `--config=${config}`], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return {
    status: r.status,
    out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim(),
    timedOut: r.error?.code === 'ETIMEDOUT',
  };
}

const listSql = (dir) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-migrations-'));
let failed = false;
try {
  const out = path.join(tmp, 'migrations');
  fs.cpSync(MIGRATIONS, out, { recursive: true });
  const config = path.join(tmp, 'drizzle.config.json');
  // Same settings as drizzle.config.ts, but writing into the temporary copy.
  fs.writeFileSync(
    config,
    JSON.stringify({
      dialect: 'postgresql',
      schema: ['./server/platform/*.tables.ts', './server/modules/*/*.tables.ts'],
      // drizzle-kit prefixes `./` to `out`, so it must be relative to the project root.
      out: path.relative(ROOT, out),
      casing: 'snake_case',
    }),
  );

  const check = drizzleKit(['check'], config);
  if (check.status !== 0) {
    console.error(`drizzle-kit check failed:\n${check.out}`);
    failed = true;
  }

  const before = listSql(out);
  const gen = drizzleKit(['generate', '--name=schema_check'], config);
  const added = listSql(out).filter((f) => !before.includes(f));
  if (gen.status !== 0 || gen.timedOut) {
    console.error(
      `drizzle-kit generate failed${gen.timedOut ? ' (it waited for an answer: probably a rename to confirm)' : ''}:\n${gen.out}`,
    );
    failed = true;
  } else if (added.length) {
    console.error(
      'The Drizzle schema and the committed migrations disagree: drizzle-kit generate produced a new migration.',
    );
    console.error(
      'Run `flock /tmp/bt-migrations.lock npx drizzle-kit generate --name <module>_<what>` and commit it.\n',
    );
    for (const f of added)
      console.error(`--- ${f}\n${fs.readFileSync(path.join(out, f), 'utf8').slice(0, 4000)}`);
    failed = true;
  }
  if (!failed) console.log(`migrations: OK (${before.length} migrations match the schema)`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
