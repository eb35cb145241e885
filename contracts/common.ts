import { z } from 'zod';

/** Text from people: trimmed and NFC-normalised, so "Đồng Bành" typed in NFD equals the stored NFC. */
export const text = (max = 500) => z.string().normalize('NFC').trim().max(max);
export const requiredText = (max = 500) => text(max).min(1, { message: 'issue.required' });
export const optionalText = (max = 500) =>
  text(max)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

export const uuid = z.uuid();
export const isoDate = z.iso.date({ message: 'issue.date' });
/** Money in VND: an integer, carried as a decimal string so that no float ever holds it. */
export const vnd = z.string().regex(/^-?\d{1,18}$/, { message: 'issue.number' });
/** A quantity: a non-negative decimal as a string (numeric in the database). */
export const quantity = z.string().regex(/^\d{1,15}(\.\d{1,6})?$/, { message: 'issue.number' });

export const idParams = z.object({ id: uuid });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const paged = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

export const okResponse = z.object({ ok: z.literal(true) });

export const issueSchema = z.object({
  path: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const importResult = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rows: z.number().int(),
});
export type ImportResult = z.infer<typeof importResult>;

export const importQuery = z.object({
  /** A client-chosen id under which progress can be polled at GET /api/jobs/:jobId while the import runs. */
  jobId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional(),
});

export const jobProgress = z.object({
  jobId: z.string(),
  phase: z.enum(['parsing', 'validating', 'writing', 'done', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
});
export type JobProgress = z.infer<typeof jobProgress>;
