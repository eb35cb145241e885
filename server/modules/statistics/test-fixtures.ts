import type { IndicatorQuery, Observation } from '../../../contracts/statistics';
import { systemActor } from '../../platform/audit';
import type { Db } from '../../platform/db';
import type { Table } from '../../platform/files';
import type { TestContext } from '../../test/harness';
import { computeIndicators, importProducts, importReports } from './statistics.service';

/** Test helpers: build an import table from rows, and read one figure out of the engine's observations. */
export function table(rows: Record<string, string>[]): Table {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return {
    columns,
    rows: rows.map((r, i) => ({
      line: i + 2,
      values: Object.fromEntries(columns.map((c) => [c, r[c] ?? ''])),
    })),
  };
}

export const PRODUCTS = [
  { code: 'A', name_vi: 'Xi măng', unit: 'tấn', vsic: '2394', base_year: '2013', base_price_vnd: '1000' },
  { code: 'B', name_vi: 'Clinker', unit: 'tấn', vsic: '2394', base_year: '2013', base_price_vnd: '500' },
  { code: 'C', name_vi: 'Chì', unit: 'tấn', vsic: '2420', base_year: '2013', base_price_vnd: '2000' },
];

export async function seedProducts(db: Db) {
  return importProducts(db, systemActor, table(PRODUCTS));
}

/** The shipped areas, products A–C and one enterprise per [area, in the monthly panel]; their tax codes. */
export async function seedPanel(
  t: TestContext,
  panel: [area: string, monthly: boolean][],
): Promise<string[]> {
  await t.seedAreas();
  const tax: string[] = [];
  for (const [areaCode, reportsMonthly] of panel)
    tax.push((await t.createEnterprise({ areaCode, reportsMonthly })).taxCode);
  await seedProducts(t.db);
  return tax;
}

export async function importRows(
  db: Db,
  rows: Record<string, string>[],
  opts: { autoComment?: string } = {},
) {
  return importReports(db, systemActor, null, table(rows), () => {}, {
    autoComment: opts.autoComment ?? 'test',
  });
}

export function query(q: Partial<IndicatorQuery> & { from: string; to: string }): IndicatorQuery {
  return {
    area: '20',
    freq: ['M'],
    imputation: true,
    subAreas: false,
    ...q,
  } as IndicatorQuery;
}

export async function figures(db: Db, q: Partial<IndicatorQuery> & { from: string; to: string }) {
  const r = await computeIndicators(db, query(q), { baseYearDefault: 2013, embargo: false });
  return { ...r, get: (f: Partial<Observation>) => pick(r.observations, f) };
}

export function pick(obs: Observation[], f: Partial<Observation>): Observation | undefined {
  const want = { ACTIVITY: '_T', PRODUCT: '_T', ...f };
  const hits = obs.filter((o) => Object.entries(want).every(([k, v]) => o[k as keyof Observation] === v));
  if (hits.length > 1) throw new Error(`ambiguous: ${JSON.stringify(f)}`);
  return hits[0];
}
