import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * Stored files (uploaded documents), content-addressed by SHA-256 and kept once whatever the number of
 * documents that name them. A row appears only once every chunk is written and the hash is known, in the
 * transaction of the record that uses it; the chunks are written before it, as the upload arrives.
 */
export const storedFiles = pgTable('stored_files', {
  id: uuid('id').primaryKey(),
  sha256: text('sha256').notNull().unique(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  chunkCount: integer('chunk_count').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});

/**
 * The bytes of a stored file, in order. No foreign key: the chunks of an upload are written before its
 * `stored_files` row exists; chunks that no row names (an upload that failed, a process that died) are swept.
 */
export const storedFileChunks = pgTable(
  'stored_file_chunks',
  {
    fileId: uuid('file_id').notNull(),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
    writtenAt: timestamp('written_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.fileId, t.seq] }),
    index('stored_file_chunks_written_idx').on(t.writtenAt),
  ],
);
