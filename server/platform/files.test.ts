import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppError } from './errors';
import { parseCsv, readTable } from './files';

/** The direct split of quote-free CSV gives exactly csv-parse's records, or fails where csv-parse fails. */
describe('parseCsv', () => {
  const reference = (text: string) =>
    parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false, trim: false }) as string[][];
  const outcome = (f: () => string[][]) => {
    try {
      return { ok: f() };
    } catch {
      return { error: true };
    }
  };

  it('agrees with csv-parse on any quote-free text', () => {
    const piece = fc.constantFrom('a', 'B', '1', '0.5', ' ', ',', '\n', '\r\n', '\r', 'ơ', 'Đ', '\t', '');
    const text = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''));
    const withBom = fc.tuple(fc.boolean(), text).map(([bom, t]) => (bom ? `\ufeff${t}` : t));
    fc.assert(
      fc.property(withBom, (t) => {
        expect(outcome(() => parseCsv(t))).toEqual(outcome(() => reference(t)));
      }),
      { numRuns: 3000 },
    );
  });

  it('splits a typical file and names the bad line', () => {
    expect(parseCsv('tax_code,period\r\n0100000001,2014-01\r\n\r\n0100000002,2014-02\r\n')).toEqual([
      ['tax_code', 'period'],
      ['0100000001', '2014-01'],
      ['0100000002', '2014-02'],
    ]);
    expect(() => parseCsv('a,b\n1,2\n3\n')).toThrow(/line 3/);
    // quotes go through csv-parse: a quoted comma stays in its field
    expect(parseCsv('a,b\n"x, y",2\n')).toEqual([
      ['a', 'b'],
      ['x, y', '2'],
    ]);
  });
});

/** What a user is told about a CSV that cannot be read: the row and the reason, translated; never parser English. */
describe('readTable on a broken CSV', () => {
  const failure = async (bytes: Buffer | string) => {
    try {
      await readTable(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, 'reports.csv');
    } catch (e) {
      const err = e as AppError;
      return { code: err.code, issues: err.details.issues };
    }
    throw new Error('read');
  };

  it('names the row whose field count differs from the header, on either parser', async () => {
    const want = {
      code: 'import.invalid_rows',
      issues: [{ row: 3, code: 'issue.field_count', params: { expected: '2', got: 3 } }],
    };
    expect(await failure('a,b\n1,2\n3,4,5\n')).toEqual(want);
    expect(await failure('a,b\n"1",2\n3,4,5\n')).toEqual(want);
  });

  it('names the row where quotes go wrong', async () => {
    expect(await failure('a,b\n1,2\n"x,1\n')).toEqual({
      code: 'import.invalid_rows',
      issues: [{ row: 3, code: 'issue.csv_syntax' }],
    });
  });

  it('says a file that is not UTF-8 is not, and how to save it', async () => {
    // "Xi măng" saved as Windows-1258 by an old Excel: 0xE3 is not UTF-8 here.
    expect(await failure(Buffer.from([0x61, 0x0a, 0x58, 0x69, 0x20, 0x6d, 0xe3, 0x6e, 0x67, 0x0a]))).toEqual({
      code: 'import.not_utf8',
      issues: undefined,
    });
  });
});
