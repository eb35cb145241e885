import type { Observation } from '../../../contracts/statistics';

/** The explorer's pivot (pure): observations → rows by up to three dimensions × periods as columns. */

export const DIMENSIONS = ['area', 'activity', 'ownership', 'product'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export type VsicLevel = 'section' | 'division' | 'class';
export type Freq = 'M' | 'Q' | 'A';

export interface PivotSpec {
  indicator: string;
  freq: Freq;
  area: string;
  dimensions: Dimension[];
  vsicLevel: VsicLevel;
}

export interface PivotRow {
  key: string;
  /** One value per dimension (codes), in the order of `dimensions`. */
  codes: string[];
  unit: string;
  values: Record<string, number | null>;
  imputed: boolean;
}

export interface Pivot {
  periods: string[];
  rows: PivotRow[];
}

const levelOf = (activity: string): VsicLevel | null =>
  /^[A-Z]$/.test(activity)
    ? 'section'
    : /^\d{2}$/.test(activity)
      ? 'division'
      : /^\d{4}$/.test(activity)
        ? 'class'
        : null;

/** A product's activity at a level, from its VSIC class (`2394` → `C`, `23`, `2394`). */
export function activityAt(
  vsicClass: string,
  level: VsicLevel,
  sectionOf: (code: string) => string | null,
): string {
  if (level === 'class') return vsicClass;
  if (level === 'division') return vsicClass.slice(0, 2);
  return sectionOf(vsicClass) ?? '?';
}

/**
 * `obsByOwnership`: one result per ownership value ('' when ownership is not a dimension). Rows keep only
 * the observations of the chosen indicator and frequency at the grain the dimensions ask for.
 */
export function pivot(
  spec: PivotSpec,
  obsByOwnership: { ownership: string; observations: Observation[] }[],
  productVsic: Map<string, string>,
  sectionOf: (code: string) => string | null,
): Pivot {
  const dims = spec.dimensions;
  const byArea = dims.includes('area');
  const byActivity = dims.includes('activity');
  const byProduct = dims.includes('product');
  const rows = new Map<string, PivotRow>();
  const periods = new Set<string>();
  for (const { ownership, observations } of obsByOwnership) {
    for (const o of observations) {
      if (o.INDICATOR !== spec.indicator || o.FREQ !== spec.freq) continue;
      if (byArea ? o.REF_AREA === spec.area : o.REF_AREA !== spec.area) continue;
      if (byProduct ? o.PRODUCT === '_T' : o.PRODUCT !== '_T') continue;
      let activity = o.ACTIVITY;
      if (byActivity) {
        if (byProduct) {
          const v = productVsic.get(o.PRODUCT);
          if (!v) continue;
          activity = activityAt(v, spec.vsicLevel, sectionOf);
        } else if (levelOf(o.ACTIVITY) !== spec.vsicLevel) continue;
      } else if (o.ACTIVITY !== '_T') continue;
      const codes = dims.map((d) =>
        d === 'area' ? o.REF_AREA : d === 'activity' ? activity : d === 'ownership' ? ownership : o.PRODUCT,
      );
      const key = codes.join('|') || '_T';
      let row = rows.get(key);
      if (!row) {
        row = { key, codes, unit: o.UNIT_MEASURE, values: {}, imputed: false };
        rows.set(key, row);
      }
      periods.add(o.TIME_PERIOD);
      const v = o.OBS_VALUE === '' ? null : Number(o.OBS_VALUE);
      // Several products can fall in one activity (product × activity): values add up.
      const prev = row.values[o.TIME_PERIOD];
      row.values[o.TIME_PERIOD] = prev === undefined || prev === null ? v : v === null ? prev : prev + v;
      if (o.OBS_STATUS === 'E') row.imputed = true;
    }
  }
  return { periods: [...periods].sort(), rows: [...rows.values()] };
}

/** Additive indicators can show a total row; growth rates, indices and rates cannot. */
export const isAdditive = (indicator: string) => ['OUTPUT_QTY', 'GO_CONST', 'GO_CUR'].includes(indicator);

/** `col:dir` — `label` or a period — applied to rows; missing values last. */
export function sortRows(rows: PivotRow[], sort: string | null, label: (r: PivotRow) => string): PivotRow[] {
  if (!sort) return rows;
  const [col, dir] = sort.split(':') as [string, string | undefined];
  const k = dir === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (col === 'label') return k * label(a).localeCompare(label(b), 'vi');
    const x = a.values[col] ?? null;
    const y = b.values[col] ?? null;
    if (x === null && y === null) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return k * (x - y);
  });
}

/** Months covered by a period range at a frequency: `2013`…`2014` → 2013-01…2014-12. */
export function monthBounds(freq: Freq, from: string, to: string): { from: string; to: string } {
  const start = (p: string) => {
    if (freq === 'A') return `${p.slice(0, 4)}-01`;
    if (freq === 'Q')
      return `${p.slice(0, 4)}-${String((Number(p.slice(6, 7)) - 1) * 3 + 1).padStart(2, '0')}`;
    return p;
  };
  const end = (p: string) => {
    if (freq === 'A') return `${p.slice(0, 4)}-12`;
    if (freq === 'Q') return `${p.slice(0, 4)}-${String(Number(p.slice(6, 7)) * 3).padStart(2, '0')}`;
    return p;
  };
  return { from: start(from), to: end(to) };
}

export function freqOf(period: string): Freq {
  return period.length === 4 ? 'A' : period.includes('Q') ? 'Q' : 'M';
}
