import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { z as zod } from 'zod';
import type { Issue } from '../../contracts/errors';
import { AppError } from './errors';

/** A tabular file read into header names and rows of strings: the common input of every import. */
export interface Table {
  columns: string[];
  /** Each row keyed by column name; `line` is the 1-based row number in the file, header = 1. */
  rows: { line: number; values: Record<string, string> }[];
}

export async function readTable(data: Buffer, filename: string): Promise<Table> {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.xlsx')) return readXlsx(data);
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(data);
  throw new AppError('import.invalid_file', { reason: 'CSV (.csv) / Excel (.xlsx)' });
}

function readCsv(data: Buffer): Table {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new AppError('import.not_utf8');
  }
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (e) {
    const err = e as { code?: string; records?: number; record?: unknown[]; message?: string };
    // The failing record's number counts the header as 1, like every row issue.
    const row = (err.records ?? 0) + 1;
    if (err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH')
      rejectRows([
        {
          row,
          code: 'issue.field_count',
          // csv-parse (and the direct split) say "expect N, got M".
          params: {
            expected: /expect (\d+)/.exec(err.message ?? '')?.[1] ?? '',
            got: err.record?.length ?? '',
          },
        },
      ]);
    // Any other parser failure (quotes, mostly: CSV_QUOTE_NOT_CLOSED, INVALID_OPENING_QUOTE, …) names its row too.
    rejectRows([{ row, code: 'issue.csv_syntax' }]);
  }
  return toTable(records);
}

/**
 * RFC 4180 records (csv-parse), every row as long as the header, empty lines skipped. A text without
 * quotes cannot hold a comma or a line break inside a field, so it is split directly on the record
 * delimiter csv-parse would find (the first line break: LF or CRLF; a bare CR goes to csv-parse) — the same
 * records (files.test.ts proves it against csv-parse), five times faster on a big file.
 */
export function parseCsv(text: string): string[][] {
  const at = text.search(/[\r\n]/);
  const eol = at < 0 || text[at] === '\n' ? '\n' : text[at + 1] === '\n' ? '\r\n' : null;
  if (text.includes('"') || eol === null)
    return parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false, trim: false });
  const lines = text.split(eol);
  const records: string[][] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = i === 0 && lines[0]!.charCodeAt(0) === 0xfeff ? lines[0]!.slice(1) : lines[i]!;
    if (line === '') continue;
    const fields = line.split(',');
    if (records.length && fields.length !== records[0]!.length)
      throw Object.assign(
        new Error(
          `Invalid Record Length: expect ${records[0]!.length}, got ${fields.length} on line ${i + 1}`,
        ),
        { code: 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH', records: records.length, record: fields },
      );
    records.push(fields);
  }
  return records;
}

async function readXlsx(data: Buffer): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new AppError('import.invalid_file', { reason: (e as Error).message.slice(0, 200) });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('import.invalid_file', { reason: 'no sheet' });
  const records: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    records.push(cells);
  });
  return toTable(records);
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    return '';
  }
  return String(v);
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function toTable(records: string[][]): Table {
  const [header, ...body] = records;
  if (!header) throw new AppError('import.invalid_file', { reason: 'empty file' });
  // PostgreSQL text cannot hold U+0000: such a file is refused as a whole.
  if (records.some((r) => r.some((c) => c.includes('\u0000')))) {
    throw new AppError('import.invalid_file', { reason: 'NUL (U+0000) characters' });
  }
  const columns = header.map((h) => h.normalize('NFC').trim().toLowerCase());
  const rows: Table['rows'] = [];
  body.forEach((cells, i) => {
    const values: Record<string, string> = {};
    let filled = false;
    columns.forEach((c, j) => {
      const cell = cells[j] ?? '';
      // Printable ASCII is already NFC: skip the normaliser for it (most cells of a big file).
      const v = (PRINTABLE_ASCII.test(cell) ? cell : cell.normalize('NFC')).trim();
      values[c] = v;
      if (v !== '') filled = true;
    });
    if (filled) rows.push({ line: i + 2, values });
  });
  return { columns, rows };
}

/** Unknown or missing columns are an error for the whole file (statistics.md §1). */
export function checkColumns(
  table: Table,
  spec: { required: readonly string[]; optional: readonly string[] },
): Issue[] {
  const allowed = new Set([...spec.required, ...spec.optional]);
  const issues: Issue[] = [];
  for (const c of table.columns) {
    if (!allowed.has(c))
      issues.push({ row: 1, column: c, code: 'issue.unknown_column', params: { column: c } });
  }
  for (const c of spec.required) {
    if (!table.columns.includes(c))
      issues.push({ row: 1, column: c, code: 'issue.missing_column', params: { column: c } });
  }
  return issues;
}

export const MAX_LISTED_ISSUES = 200;

/** Reject an import with every bad row listed, up to a cap, and the count of the rest. */
export function rejectRows(issues: Issue[]): never {
  const listed = issues.slice(0, MAX_LISTED_ISSUES);
  if (issues.length > MAX_LISTED_ISSUES) {
    listed.push({ code: 'issue.too_many', params: { count: issues.length - MAX_LISTED_ISSUES } });
  }
  throw new AppError('import.invalid_rows', { count: issues.length, issues: listed });
}

/**
 * Check every row of a table against a row schema keyed by column name; issues name the row and column.
 * Reports progress every 1,000 rows.
 */
export function validateRows<T>(
  table: Table,
  schema: zod.ZodType<T>,
  progress?: (done: number, total: number) => void,
): { valid: { line: number; value: T }[]; issues: Issue[] } {
  const valid: { line: number; value: T }[] = [];
  const issues: Issue[] = [];
  table.rows.forEach((r, i) => {
    const parsed = schema.safeParse(r.values);
    if (parsed.success) valid.push({ line: r.line, value: parsed.data });
    else {
      for (const iss of parsed.error.issues) {
        const column = String(iss.path[0] ?? '');
        const code = iss.message.startsWith('issue.') ? iss.message : 'issue.invalid';
        const extra = 'params' in iss ? (iss.params as Record<string, string>) : {};
        issues.push({
          row: r.line,
          column,
          code,
          params: { ...extra, value: (r.values[column] ?? '').slice(0, 50) },
        });
      }
    }
    if (progress && (i + 1) % 1000 === 0) progress(i + 1, table.rows.length);
  });
  progress?.(table.rows.length, table.rows.length);
  return { valid, issues };
}

/** Rows whose key repeats an earlier row's are an error (one row per key in a file). */
export function duplicateKeys<T>(
  rows: { line: number; value: T }[],
  key: (v: T) => string,
  column: string,
): Issue[] {
  const seen = new Map<string, number>();
  const issues: Issue[] = [];
  for (const r of rows) {
    const k = key(r.value);
    const other = seen.get(k);
    if (other !== undefined)
      issues.push({ row: r.line, column, code: 'issue.duplicate_key', params: { other } });
    else seen.set(k, r.line);
  }
  return issues;
}

/** Cell parsers shared by the import row schemas: each failure carries its message code. */
export const cells = {
  text: (max = 500) => zod.string().max(max, { message: 'issue.too_big' }),
  required: (max = 500) =>
    zod.string().min(1, { message: 'issue.required' }).max(max, { message: 'issue.too_big' }),
  optional: (max = 500) =>
    zod
      .string()
      .max(max, { message: 'issue.too_big' })
      .optional()
      .transform((v) => (v ? v : null)),
  date: () => zod.iso.date({ message: 'issue.date' }),
  optionalDate: () =>
    zod
      .union([zod.literal(''), zod.iso.date({ message: 'issue.date' })], { message: 'issue.date' })
      .optional()
      .transform((v) => (v ? v : null)),
  boolean: () =>
    zod
      .string()
      .toLowerCase()
      .refine((v) => ['true', 'false', '1', '0', 'có', 'không'].includes(v), { message: 'issue.boolean' })
      .transform((v) => v === 'true' || v === '1' || v === 'có'),
  oneOf: <T extends string>(values: readonly T[]) =>
    zod.string().refine((v): v is T => (values as readonly string[]).includes(v), {
      message: 'issue.enum',
      params: { options: values.join(', ') },
    }) as unknown as zod.ZodType<T>,
  optionalInt: () =>
    zod
      .string()
      .regex(/^\d{0,9}$/, { message: 'issue.number' })
      .optional()
      .transform((v) => (v ? Number(v) : null)),
};
