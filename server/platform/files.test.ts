import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './files';

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
