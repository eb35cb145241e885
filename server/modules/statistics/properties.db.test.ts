import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness';
import { rebuildAggregates } from './statistics.repository';
import { figures, importRows, seedPanel } from './test-fixtures';

const AGG = ['stat_agg', 'stat_agg_ap', 'stat_agg_ratio', 'stat_agg_received'];

/** Non-zero aggregate cells, as text, in a stable order. */
async function aggregates(t: TestContext): Promise<string> {
  const out: string[] = [];
  for (const name of AGG) {
    const r = (await t.db.execute(sql.raw(`select * from ${name} order by 1, 2, 3, 4, 5`))) as unknown as {
      rows: Record<string, unknown>[];
    };
    for (const row of r.rows) {
      const vals = Object.values(row).map((v) =>
        typeof v === 'string' && /^-?\d+\.\d+$/.test(v) ? String(Number(v)) : String(v),
      );
      const nums = Object.entries(row).filter(([k]) =>
        [
          'qty',
          'n',
          'miss_n',
          'miss_qty',
          'value',
          'num',
          'den',
          'pairs',
          'value_n',
          'miss_value',
          'miss_value_n',
        ].includes(k),
      );
      if (nums.every(([, v]) => Number(v) === 0)) continue;
      out.push(`${name}:${vals.join('|')}`);
    }
  }
  return out.join('\n');
}

async function reset(t: TestContext) {
  await t.db.execute(sql.raw(`truncate stat_reports, stat_report_revisions, ${AGG.join(', ')} cascade`));
}

describe('properties of the live aggregates', () => {
  let t: TestContext;
  const tax: string[] = [];
  beforeAll(async () => {
    t = await createTestContext();
    tax.push(
      ...(await seedPanel(t, [
        ['187', true],
        ['183', true],
        ['188', false],
      ])),
    );
  });
  afterAll(() => t.close());

  const rowsArb = fc
    .uniqueArray(
      fc.record({
        e: fc.integer({ min: 0, max: 2 }),
        p: fc.constantFrom('A', 'B', 'C'),
        ym: fc.constantFrom('2013-01', '2013-02', '2014-01', '2014-02', '2015-01'),
        q: fc.integer({ min: 0, max: 500 }),
      }),
      { selector: (r) => `${r.e}|${r.p}|${r.ym}`, minLength: 1, maxLength: 25 },
    )
    .map((rs) =>
      rs.map((r) => ({ tax_code: '', e: r.e, period: r.ym, product_code: r.p, quantity: String(r.q) })),
    );
  const toRows = (rs: { e: number; period: string; product_code: string; quantity: string }[]) =>
    rs.map((r) => ({
      tax_code: tax[r.e]!,
      period: r.period,
      product_code: r.product_code,
      quantity: r.quantity,
    }));

  it('any order, any split into files or batches gives the same aggregates, equal to a full rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(rowsArb, fc.integer({ min: 1, max: 4 }), fc.integer(), async (rs, parts, seed) => {
        await reset(t);
        await importRows(t.db, toRows(rs));
        const once = await aggregates(t);
        const f1 = (await figures(t.db, { from: '2014-01', to: '2015-01', freq: ['M', 'A'] })).observations;
        await reset(t);
        const shuffled = fc.sample(fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length }), {
          seed,
          numRuns: 1,
        })[0]!;
        const size = Math.ceil(shuffled.length / parts);
        for (let i = 0; i < shuffled.length; i += size)
          await importRows(t.db, toRows(shuffled.slice(i, i + size)));
        expect(await aggregates(t)).toBe(once);
        const f2 = (await figures(t.db, { from: '2014-01', to: '2015-01', freq: ['M', 'A'] })).observations;
        expect(f2).toEqual(f1);
        // One file written in several batches (the aggregates move once, after the last batch).
        await reset(t);
        process.env.BT_STAT_CHUNK = String(size);
        try {
          await importRows(t.db, toRows(shuffled));
        } finally {
          delete process.env.BT_STAT_CHUNK;
        }
        expect(await aggregates(t)).toBe(once);
        await t.db.transaction((tx) => rebuildAggregates(tx));
        expect(await aggregates(t)).toBe(once);
      }),
      { numRuns: 8 },
    );
  });

  it('a revision followed by its reversal restores every figure', async () => {
    await fc.assert(
      fc.asyncProperty(
        rowsArb,
        fc.array(fc.integer({ min: 0, max: 900 }), { minLength: 1, maxLength: 25 }),
        async (rs, qs) => {
          await reset(t);
          await importRows(t.db, toRows(rs));
          const before = await aggregates(t);
          const revised = rs.map((r, i) => ({ ...r, quantity: String(qs[i % qs.length]) }));
          await importRows(t.db, toRows(revised));
          await importRows(t.db, toRows(rs));
          expect(await aggregates(t)).toBe(before);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('GO_CONST of a year is the sum of its months', async () => {
    await fc.assert(
      fc.asyncProperty(rowsArb, async (rs) => {
        await reset(t);
        await importRows(t.db, toRows(rs));
        for (const imputation of [true, false]) {
          const f = await figures(t.db, {
            from: '2014-01',
            to: '2014-12',
            freq: ['M', 'A'],
            imputation,
            indicator: ['GO_CONST'],
            activity: ['_T'],
          });
          const months = f.observations
            .filter((o) => o.FREQ === 'M' && o.PRODUCT === '_T')
            .reduce((s, o) => s + Number(o.OBS_VALUE || 0), 0);
          const year = Number(f.get({ FREQ: 'A', INDICATOR: 'GO_CONST' })?.OBS_VALUE || 0);
          expect(year).toBeCloseTo(months, 4);
        }
      }),
      { numRuns: 8 },
    );
  });
});
