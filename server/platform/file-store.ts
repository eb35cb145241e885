import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from './db';
import { storedFileChunks, storedFiles } from './file-store.tables';

/**
 * Files kept in the database (PostgreSQL or PGlite), so that every instance of the server serves every file
 * and a backup holds them. A file is written as it arrives, in chunks under a fresh id, its SHA-256 computed
 * along the way; `commitFile`, inside the transaction of the record that uses it, then creates its
 * `stored_files` row — or, when the same bytes are stored already, drops the new chunks and answers the
 * existing file (content-addressed, kept once). A write that fails or is abandoned removes its chunks, and
 * `sweepOrphanChunks` removes those a dead process left.
 */

/** Bytes per chunk row: large enough that a 100 MB file is 200 rows, small enough for a backup line. */
export const CHUNK_BYTES = 512 * 1024;

/** Chunks no stored file names are an upload still under way for at most this long. */
export const ORPHAN_AGE_HOURS = 24;

export interface StoredFile {
  id: string;
  sha256: string;
  sizeBytes: number;
}

/** Chunks written and hashed, not yet a stored file: commit it (in a transaction) or discard it. */
export interface PendingFile extends StoredFile {
  chunkCount: number;
}

/** Thrown by `writeFile` when the source passes `maxBytes`; nothing is left behind. */
export class FileTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`);
  }
}

/**
 * Write the bytes of `source` as they arrive (never more than one chunk in memory). Stops with FileTooLarge
 * past `maxBytes`, and with `isTruncated()` true at the end (a limit enforced upstream, e.g. multipart's);
 * on any failure the chunks written so far are removed and the error passes on.
 */
export async function writeFile(
  db: Db,
  source: AsyncIterable<Buffer | Uint8Array> | Buffer,
  opts: { maxBytes: number; isTruncated?: () => boolean },
): Promise<PendingFile> {
  const id = randomUUID();
  const hash = createHash('sha256');
  let size = 0;
  let seq = 0;
  let parts: Buffer[] = [];
  let held = 0;
  const flush = async () => {
    if (held === 0) return;
    const data = parts.length === 1 ? parts[0]! : Buffer.concat(parts, held);
    parts = [];
    held = 0;
    await db.insert(storedFileChunks).values({ fileId: id, seq: seq++, data });
  };
  try {
    const input = Buffer.isBuffer(source) ? [source] : source;
    for await (const piece of input) {
      let buf = Buffer.isBuffer(piece) ? piece : Buffer.from(piece);
      size += buf.length;
      if (size > opts.maxBytes || opts.isTruncated?.()) throw new FileTooLarge(opts.maxBytes);
      hash.update(buf);
      while (buf.length > 0) {
        const take = Math.min(buf.length, CHUNK_BYTES - held);
        parts.push(buf.subarray(0, take));
        held += take;
        buf = buf.subarray(take);
        if (held === CHUNK_BYTES) await flush();
      }
    }
    if (opts.isTruncated?.()) throw new FileTooLarge(opts.maxBytes);
    await flush();
  } catch (e) {
    await discardChunks(db, id);
    throw e;
  }
  return { id, sha256: hash.digest('hex'), sizeBytes: size, chunkCount: seq };
}

/**
 * Make the pending file a stored file, in the caller's transaction (with the record that names it). Same
 * bytes stored already: the pending chunks go and the existing file is answered. Concurrent commits of the
 * same bytes wait on the unique sha256 and agree on one file.
 */
export async function commitFile(tx: Db, pending: PendingFile): Promise<StoredFile> {
  const inserted = await tx
    .insert(storedFiles)
    .values({
      id: pending.id,
      sha256: pending.sha256,
      sizeBytes: pending.sizeBytes,
      chunkCount: pending.chunkCount,
    })
    .onConflictDoNothing({ target: storedFiles.sha256 })
    .returning({ id: storedFiles.id });
  if (inserted.length) return { id: pending.id, sha256: pending.sha256, sizeBytes: pending.sizeBytes };
  const [existing] = await tx
    .select({ id: storedFiles.id, sha256: storedFiles.sha256, sizeBytes: storedFiles.sizeBytes })
    .from(storedFiles)
    .where(eq(storedFiles.sha256, pending.sha256));
  await discardChunks(tx, pending.id);
  return existing!;
}

/** Remove the chunks of a pending file (a failed or refused upload). */
export async function discardChunks(db: Db, fileId: string): Promise<void> {
  await db.delete(storedFileChunks).where(eq(storedFileChunks.fileId, fileId));
}

export async function getStoredFile(
  db: Db,
  id: string,
): Promise<(StoredFile & { chunkCount: number }) | null> {
  const [f] = await db.select().from(storedFiles).where(eq(storedFiles.id, id));
  return f ? { id: f.id, sha256: f.sha256, sizeBytes: f.sizeBytes, chunkCount: f.chunkCount } : null;
}

/** The bytes of a stored file as a stream, read one chunk at a time (a download never holds the file). */
export function readFile(db: Db, file: { id: string; chunkCount: number }): Readable {
  let seq = 0;
  return new Readable({
    highWaterMark: 1,
    objectMode: false,
    read() {
      if (seq >= file.chunkCount) {
        this.push(null);
        return;
      }
      const at = seq++;
      db.select({ data: storedFileChunks.data })
        .from(storedFileChunks)
        .where(and(eq(storedFileChunks.fileId, file.id), eq(storedFileChunks.seq, at)))
        .then(
          ([row]) => {
            if (!row) this.destroy(new Error(`stored file ${file.id}: chunk ${at} missing`));
            else this.push(row.data);
          },
          (e: Error) => this.destroy(e),
        );
    },
  });
}

/** The whole file in memory: for small files (tests, the demo's checks). */
export async function readFileBuffer(db: Db, file: { id: string; chunkCount: number }): Promise<Buffer> {
  const rows = await db
    .select({ data: storedFileChunks.data })
    .from(storedFileChunks)
    .where(eq(storedFileChunks.fileId, file.id))
    .orderBy(asc(storedFileChunks.seq));
  return Buffer.concat(rows.map((r) => r.data));
}

/** Remove chunks that no stored file names and that are older than `olderThanHours`: dead uploads. */
export async function sweepOrphanChunks(db: Db, olderThanHours = ORPHAN_AGE_HOURS): Promise<number> {
  const gone = await db
    .delete(storedFileChunks)
    .where(
      and(
        lt(storedFileChunks.writtenAt, sql`now() - make_interval(hours => ${olderThanHours}::int)`),
        sql`not exists (select 1 from ${storedFiles} f where f.id = ${storedFileChunks.fileId})`,
      ),
    )
    .returning({ fileId: storedFileChunks.fileId });
  return gone.length;
}
