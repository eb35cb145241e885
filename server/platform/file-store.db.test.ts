import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness';
import {
  CHUNK_BYTES,
  commitFile,
  discardChunks,
  FileTooLarge,
  getStoredFile,
  readFile,
  readFileBuffer,
  writeFile,
} from './file-store';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const chunksOf = async (t: TestContext, id: string) =>
  Number(
    (
      await t.database.query<{ n: number }>(
        'select count(*)::int as n from stored_file_chunks where file_id = $1',
        [id],
      )
    )[0]!.n,
  );

describe('file store', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t?.close());

  it('writes chunks while the upload is still arriving (never the whole file in memory)', async () => {
    const piece = randomBytes(64 * 1024);
    const pieces = Math.ceil((3.5 * CHUNK_BYTES) / piece.length);
    let rowsSeenMidway = -1;
    async function* source() {
      for (let i = 0; i < pieces; i++) {
        if (i === pieces - 1) {
          // the last piece has not arrived yet: what is in the database already?
          rowsSeenMidway = Number(
            (await t.database.query<{ n: number }>('select count(*)::int as n from stored_file_chunks'))[0]!
              .n,
          );
        }
        yield piece;
      }
    }
    const before = Number(
      (await t.database.query<{ n: number }>('select count(*)::int as n from stored_file_chunks'))[0]!.n,
    );
    const pending = await writeFile(t.db, source(), { maxBytes: 10 * CHUNK_BYTES });
    expect(rowsSeenMidway - before).toBe(3);
    expect(pending.sizeBytes).toBe(pieces * piece.length);
    expect(pending.sha256).toBe(sha(Buffer.concat(Array(pieces).fill(piece))));
    // not a stored file until committed
    expect(await getStoredFile(t.db, pending.id)).toBeNull();
    await discardChunks(t.db, pending.id);
    expect(await chunksOf(t, pending.id)).toBe(0);
  });

  it('any split of the bytes into pieces stores and reads back the same file, once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 * CHUNK_BYTES }),
        fc.array(fc.integer({ min: 1, max: CHUNK_BYTES + 7 }), { minLength: 1, maxLength: 8 }),
        async (size, cuts) => {
          const data = randomBytes(size);
          const pieces: Buffer[] = [];
          for (let at = 0, k = 0; at < size; k++) {
            const n = cuts[k % cuts.length]!;
            pieces.push(data.subarray(at, at + n));
            at += n;
          }
          const pending = await writeFile(
            t.db,
            (async function* () {
              yield* pieces;
            })(),
            { maxBytes: size },
          );
          const stored = await t.db.transaction((tx) => commitFile(tx, pending));
          expect(stored.sha256).toBe(sha(data));
          const file = (await getStoredFile(t.db, stored.id))!;
          expect(file.chunkCount).toBe(Math.ceil(size / CHUNK_BYTES));
          expect(Buffer.compare(await readFileBuffer(t.db, file), data)).toBe(0);
          const streamed: Buffer[] = [];
          for await (const c of readFile(t.db, file)) streamed.push(c as Buffer);
          expect(Buffer.compare(Buffer.concat(streamed), data)).toBe(0);
          // the same bytes again: the same stored file, the second copy's chunks gone
          const again = await writeFile(t.db, data, { maxBytes: size });
          const same = await t.db.transaction((tx) => commitFile(tx, again));
          expect(same.id).toBe(stored.id);
          expect(await chunksOf(t, again.id)).toBe(0);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('past maxBytes: FileTooLarge, and the chunks written so far are gone', async () => {
    const [before] = await t.database.query<{ n: number }>(
      'select count(*)::int as n from stored_file_chunks',
    );
    await expect(
      writeFile(t.db, randomBytes(2 * CHUNK_BYTES + 1), { maxBytes: 2 * CHUNK_BYTES }),
    ).rejects.toBeInstanceOf(FileTooLarge);
    const [after] = await t.database.query<{ n: number }>(
      'select count(*)::int as n from stored_file_chunks',
    );
    expect(after!.n).toBe(before!.n);
  });
});
