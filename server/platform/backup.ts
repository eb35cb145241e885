import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database, Querier } from './db';
import { AppError } from './errors';

/**
 * A logical backup: gzip'd JSON lines, one header then one line per row, table by table. It is the same on
 * PGlite and PostgreSQL, so a backup taken on one restores on the other. Restore applies the migrations,
 * empties every table and loads the rows in one transaction: all or nothing.
 */
const FORMAT = 'buoctien-backup';
const BATCH = 2000;

interface Header {
  format: typeof FORMAT;
  version: 1;
  createdAt: string;
  migration: string | null;
  tables: string[];
}

/**
 * The tables a backup holds: every application table but those commented `buoctien:no-backup` (derived state).
 * Read from pg_class by oid: casting a name to regclass resolves it through the search path, and the planner
 * may evaluate that cast on tables of other schemas (drizzle.__drizzle_migrations) before the schema filter.
 */
export async function backupTables(database: Querier): Promise<string[]> {
  const rows = await database.query<{ table_name: string }>(
    `select c.relname as table_name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p')
       and coalesce(obj_description(c.oid, 'pg_class'), '') <> 'buoctien:no-backup'
     order by c.relname`,
  );
  return rows.map((r) => r.table_name);
}

async function lastMigration(database: Querier): Promise<string | null> {
  const rows = await database.query<{ hash: string }>(
    'select hash from drizzle.__drizzle_migrations order by created_at desc limit 1',
  );
  return rows[0]?.hash ?? null;
}

/** Tables ordered so that every table comes after those it references (self-references aside). */
async function dependencyOrder(database: Querier, tables: string[]): Promise<string[]> {
  const fks = await database.query<{ child: string; parent: string }>(
    `select distinct tc.table_name as child, ccu.table_name as parent
     from information_schema.table_constraints tc
     join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
     where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public'`,
  );
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (ordered.includes(t) || path.has(t)) return;
    path.add(t);
    for (const f of fks) if (f.child === t && f.parent !== t) visit(f.parent, path);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

async function columnsOf(database: Querier, table: string) {
  const cols = await database.query<{
    column_name: string;
    is_generated: string;
    column_default: string | null;
  }>(
    `select column_name, is_generated, column_default from information_schema.columns
     where table_schema = 'public' and table_name = $1 order by ordinal_position`,
    [table],
  );
  const selfRefs = await database.query<{ column_name: string }>(
    `select kcu.column_name from information_schema.table_constraints tc
     join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name
     join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
     where tc.constraint_type = 'FOREIGN KEY' and tc.table_name = $1 and ccu.table_name = $1`,
    [table],
  );
  const pk = await database.query<{ column_name: string }>(
    `select kcu.column_name from information_schema.table_constraints tc
     join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name
     where tc.constraint_type = 'PRIMARY KEY' and tc.table_name = $1 order by kcu.ordinal_position`,
    [table],
  );
  return {
    writable: cols.filter((c) => c.is_generated !== 'ALWAYS').map((c) => c.column_name),
    serials: cols.filter((c) => c.column_default?.startsWith('nextval(')).map((c) => c.column_name),
    selfRefs: selfRefs.map((c) => c.column_name),
    pk: pk.map((c) => c.column_name),
  };
}

const q = (id: string) => `"${id.replace(/"/g, '""')}"`;

/** Rows read at once: fewer for a table of binary data (stored file chunks of up to 512 KiB each). */
async function rowsPerBatch(database: Querier, table: string): Promise<number> {
  const [b] = await database.query<{ n: number }>(
    `select count(*)::int as n from information_schema.columns
     where table_schema = 'public' and table_name = $1 and data_type = 'bytea'`,
    [table],
  );
  return Number(b?.n ?? 0) > 0 ? 16 : BATCH;
}
/** A restore batch is sent once it holds this many characters of JSON, whatever its row count. */
const BATCH_CHARS = 32 * 1024 * 1024;

/**
 * Write a backup of the whole database as it stood at one instant: everything is read inside ONE read-only
 * REPEATABLE READ transaction (one snapshot), so writes committing meanwhile — an import, a sign-in — are
 * either wholly in it or wholly out, and what is written restores. On PGlite the transaction also holds the
 * database for the duration (it serves one connection); on PostgreSQL writers carry on beside it.
 * `progress` is awaited after each table.
 */
export async function backupTo(
  database: Database,
  file: string,
  progress: (table: string, rows: number) => unknown = () => {},
): Promise<{ tables: number; rows: number }> {
  const gz = createGzip();
  const out = fs.createWriteStream(file);
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    gz.on('error', reject);
  });
  gz.pipe(out);
  const write = (line: string) =>
    new Promise<void>((resolve) => (gz.write(`${line}\n`) ? resolve() : gz.once('drain', () => resolve())));
  try {
    const total = await database.rawTransaction(async (tx) => {
      await tx.exec('set transaction isolation level repeatable read, read only');
      const tables = await dependencyOrder(tx, await backupTables(tx));
      const header: Header = {
        format: FORMAT,
        version: 1,
        createdAt: new Date().toISOString(),
        migration: await lastMigration(tx),
        tables,
      };
      await write(JSON.stringify(header));
      let rowsWritten = 0;
      for (const t of tables) {
        const { pk } = await columnsOf(tx, t);
        const order = pk.length ? pk.map(q).join(', ') : '1';
        const batch = await rowsPerBatch(tx, t);
        let offset = 0;
        for (;;) {
          const rows = await tx.query<{ r: unknown }>(
            `select row_to_json(x) as r from (select * from ${q(t)} order by ${order} limit ${batch} offset ${offset}) x`,
          );
          for (const row of rows) await write(JSON.stringify({ t, r: row.r }));
          offset += rows.length;
          rowsWritten += rows.length;
          if (rows.length < batch) break;
        }
        await progress(t, offset);
      }
      return { tables: tables.length, rows: rowsWritten };
    });
    gz.end();
    await finished;
    return total;
  } catch (e) {
    gz.destroy();
    out.destroy();
    fs.rmSync(file, { force: true });
    throw e;
  }
}

export async function restoreFrom(
  database: Database,
  file: string,
  progress: (table: string, rows: number) => void = () => {},
): Promise<{ tables: number; rows: number }> {
  if (!fs.existsSync(file)) throw new AppError('backup.invalid', { reason: `${file}: not found` });
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  const it = lines[Symbol.asyncIterator]();
  let header: Header;
  try {
    header = JSON.parse(String((await it.next()).value));
  } catch {
    throw new AppError('backup.invalid', { reason: 'not a Bước Tiến backup (gzip JSON lines)' });
  }
  if (header?.format !== FORMAT || header.version !== 1) {
    throw new AppError('backup.invalid', { reason: 'not a Bước Tiến backup' });
  }
  await database.migrate();
  const current = await lastMigration(database);
  if (header.migration !== current) {
    throw new AppError('backup.invalid', {
      reason: 'made with another schema version; restore it with that version',
    });
  }
  const tables = await backupTables(database);
  const meta = new Map<string, Awaited<ReturnType<typeof columnsOf>>>();
  for (const t of tables) meta.set(t, await columnsOf(database, t));
  try {
    return await database.rawTransaction(async (tx) => {
      await tx.exec(`truncate ${tables.map(q).join(', ')} restart identity cascade`);
      let total = 0;
      let batch: unknown[] = [];
      let batchChars = 0;
      let table: string | null = null;
      let count = 0;
      // Self-references (a parent or successor area) are set once every row of the table is in.
      const selfRefRows = new Map<string, unknown[]>();
      const flush = async () => {
        if (!table || batch.length === 0) return;
        const m = meta.get(table);
        if (!m) throw new AppError('backup.invalid', { reason: `unknown table ${table}` });
        const cols = m.writable.map((c) => (m.selfRefs.includes(c) ? 'null' : q(c)));
        await tx.query(
          `insert into ${q(table)} (${m.writable.map(q).join(', ')})
           select ${cols.join(', ')} from json_populate_recordset(null::${q(table)}, $1::json)`,
          [JSON.stringify(batch)],
        );
        if (m.selfRefs.length) selfRefRows.set(table, [...(selfRefRows.get(table) ?? []), ...batch]);
        total += batch.length;
        batch = [];
        batchChars = 0;
      };
      for await (const line of { [Symbol.asyncIterator]: () => it }) {
        if (!line) continue;
        const { t, r } = JSON.parse(line) as { t: string; r: unknown };
        if (t !== table) {
          await flush();
          if (table) progress(table, count);
          table = t;
          count = 0;
        }
        batch.push(r);
        batchChars += line.length;
        count++;
        if (batch.length >= BATCH || batchChars >= BATCH_CHARS) await flush();
      }
      await flush();
      if (table) progress(table, count);
      for (const [t, rows] of selfRefRows) {
        const m = meta.get(t)!;
        const set = m.selfRefs.map((c) => `${q(c)} = src.${q(c)}`).join(', ');
        const on = m.pk.map((c) => `t.${q(c)} = src.${q(c)}`).join(' and ');
        for (let i = 0; i < rows.length; i += BATCH) {
          await tx.query(
            `update ${q(t)} t set ${set} from json_populate_recordset(null::${q(t)}, $1::json) src where ${on}`,
            [JSON.stringify(rows.slice(i, i + BATCH))],
          );
        }
      }
      // The restored installation starts with nobody signed in: a cookie issued by the installation the backup
      // came from (or by this one before the restore) must not open a session here.
      if (tables.includes('sessions'))
        await tx.exec(`update sessions set revoked_at = now() where revoked_at is null`);
      for (const [t, m] of meta) {
        for (const c of m.serials) {
          await tx.query(
            `select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${q(c)}) from ${q(t)}), 0) + 1, false)`,
            [t, c],
          );
        }
      }
      return { tables: tables.length, rows: total };
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('backup.invalid', { reason: (e as Error).message.slice(0, 300) });
  }
}
