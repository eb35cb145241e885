import type { Freq, Indicator, Observation, ObsStatus } from '../../../contracts/statistics';
import { vsicSection } from '../../../contracts/vsic';
import { floatText, fromMicro, mulDiv, mulMicro, SCALE } from './decimal';
import { addMonths, type PeriodSpec, previousYear, yearMonths } from './period';

/**
 * The indicator engine (statistics.md §2–§4), pure: it reads small per-(month, product) cells of the
 * filter — sums kept live by the aggregates — and never report rows. Quantities and money are bigint
 * millionths (decimal.ts); rates and indices are floats rounded to 6 decimals on output.
 */

/** One aggregate cell: reported sums, and the m−12 sums of the panel's missing reports (§4). */
export interface Cell {
  qty: bigint;
  value: bigint;
  valueN: number;
  n: number;
  missQty: bigint;
  missValue: bigint;
  missValueN: number;
  missN: number;
}

export const emptyCell = (): Cell => ({
  qty: 0n,
  value: 0n,
  valueN: 0,
  n: 0,
  missQty: 0n,
  missValue: 0n,
  missValueN: 0,
  missN: 0,
});

export function addInto(a: Cell, b: Cell): void {
  a.qty += b.qty;
  a.value += b.value;
  a.valueN += b.valueN;
  a.n += b.n;
  a.missQty += b.missQty;
  a.missValue += b.missValue;
  a.missValueN += b.missValueN;
  a.missN += b.missN;
}

export interface ProductInfo {
  code: string;
  vsic: string;
  unit: string;
  /** VND per unit (micro) by base year. */
  prices: Map<number, bigint>;
}

/** r = num / den of §4 (province-wide), per month and product. */
export interface Ratio {
  num: bigint;
  den: bigint;
}

export interface EngineInput {
  products: Map<string, ProductInfo>;
  /** ym → product → cell, summed over the filter. */
  cells: Map<number, Map<string, Cell>>;
  ratios: Map<number, Map<string, Ratio>>;
  /** The latest month with any report in the province (imputation stops there). */
  maxYm: number | null;
  imputation: boolean;
  baseYear: number;
  /** weights.csv: class → base-year value added (VND) for baseYear. */
  weights: Map<string, bigint>;
}

/** The figure of one product in one month, after imputation when it is on. */
export interface MonthFigure {
  qty: bigint;
  value: bigint;
  /** Rows reported, and missing reports filled by imputation. */
  reported: number;
  imputed: number;
  hasValue: boolean;
}

export interface Figure {
  value: number | bigint | null;
  imputed: number;
}

const ZERO: MonthFigure = { qty: 0n, value: 0n, reported: 0, imputed: 0, hasValue: false };

export function activityMatches(vsic: string, activity: string): boolean {
  if (activity === '_T') return true;
  if (/^[A-Z]$/.test(activity)) return vsicSection(vsic) === activity;
  return vsic.startsWith(activity);
}

export class Engine {
  /** product → month → figure (looked up very often: no string key per lookup). */
  private memo = new Map<string, Map<number, MonthFigure>>();
  private baseMemo = new Map<string, bigint>();
  constructor(readonly input: EngineInput) {}

  /** r of §4: Σq(m)/Σq(m−12) over enterprises that reported both; 1 when there are none. */
  ratio(product: string, ym: number): Ratio {
    const r = this.input.ratios.get(ym)?.get(product);
    return r && r.den > 0n ? r : { num: 1n, den: 1n };
  }

  month(product: string, ym: number): MonthFigure {
    let byMonth = this.memo.get(product);
    if (!byMonth) {
      byMonth = new Map();
      this.memo.set(product, byMonth);
    }
    const hit = byMonth.get(ym);
    if (hit) return hit;
    const c = this.input.cells.get(ym)?.get(product);
    let f = ZERO;
    if (c) {
      f = { qty: c.qty, value: c.value, reported: c.n, imputed: 0, hasValue: c.valueN > 0 };
      const { maxYm, imputation } = this.input;
      if (imputation && c.missN > 0 && maxYm !== null && ym <= maxYm) {
        const r = this.ratio(product, ym);
        f = {
          qty: f.qty + mulDiv(c.missQty, r.num, r.den),
          value: f.value + mulDiv(c.missValue, r.num, r.den),
          reported: f.reported,
          imputed: c.missN,
          hasValue: f.hasValue || c.missValueN > 0,
        };
      }
    }
    byMonth.set(ym, f);
    return f;
  }

  productsIn(activity: string, only?: readonly string[] | null): ProductInfo[] {
    const set = only ? new Set(only) : null;
    return [...this.input.products.values()].filter(
      (p) => activityMatches(p.vsic, activity) && (!set || set.has(p.code)),
    );
  }

  price(p: ProductInfo): bigint | null {
    return p.prices.get(this.input.baseYear) ?? null;
  }

  /** Σ over products and months of a quantity-like measure; null when nothing was reported or imputed. */
  private sum(
    products: ProductInfo[],
    months: number[],
    pick: (p: ProductInfo, f: MonthFigure) => bigint | null,
  ): { value: bigint | null; imputed: number } {
    let v = 0n;
    let any = false;
    let imputed = 0;
    for (const p of products) {
      for (const m of months) {
        const f = this.month(p.code, m);
        if (f.reported + f.imputed === 0) continue;
        const x = pick(p, f);
        if (x === null) continue;
        any = true;
        v += x;
        imputed += f.imputed;
      }
    }
    return { value: any ? v : null, imputed };
  }

  outputQty(product: ProductInfo, months: number[]) {
    return this.sum([product], months, (_, f) => f.qty);
  }

  goConst(products: ProductInfo[], months: number[]) {
    return this.sum(products, months, (p, f) => {
      const price = this.price(p);
      return price === null ? null : mulMicro(f.qty, price);
    });
  }

  goCur(products: ProductInfo[], months: number[]) {
    return this.sum(products, months, (_, f) => (f.hasValue ? f.value : null));
  }

  /** Q_B(p): base-year total quantity in the filter. */
  baseQty(p: ProductInfo): bigint {
    const hit = this.baseMemo.get(p.code);
    if (hit !== undefined) return hit;
    let q = 0n;
    for (const m of yearMonths(this.input.baseYear)) q += this.month(p.code, m).qty;
    this.baseMemo.set(p.code, q);
    return q;
  }

  /** Products that have a relative (§3.1): a base-year quantity and a base price. */
  private indexed(products: ProductInfo[]): ProductInfo[] {
    return products.filter((p) => this.baseQty(p) > 0n && (this.price(p) ?? 0n) > 0n);
  }

  /** I(c, m) of §3.2 = 100 × Σ w(p) q(p,m)/q̄_B(p) = 1200 × Σ P q(p,m) / Σ P Q_B(p). */
  private classMemo = new Map<string, { value: number | null; imputed: number }>();
  private weightMemo = new Map<string, number>();
  private byClass: Map<string, ProductInfo[]> | null = null;

  private productsOfClass(cls: string): ProductInfo[] {
    if (!this.byClass) {
      this.byClass = new Map();
      for (const p of this.input.products.values()) {
        if (!this.byClass.has(p.vsic)) this.byClass.set(p.vsic, []);
        this.byClass.get(p.vsic)!.push(p);
      }
    }
    return this.byClass.get(cls) ?? [];
  }

  classIndex(cls: string, ym: number): { value: number | null; imputed: number } {
    const key = `${cls}|${ym}`;
    const hit = this.classMemo.get(key);
    if (hit) return hit;
    const r = this.computeClassIndex(cls, ym);
    this.classMemo.set(key, r);
    return r;
  }

  private computeClassIndex(cls: string, ym: number): { value: number | null; imputed: number } {
    const ps = this.indexed(this.productsOfClass(cls));
    // A class is not available only without a base (§3.4), or for a month nobody has reported yet; a
    // class with no report in a reported month produced nothing: its relative is 0 and it pulls the index
    // down instead of leaving it and re-weighting the others.
    const { maxYm } = this.input;
    if (ps.length === 0 || maxYm === null || ym > maxYm) return { value: null, imputed: 0 };
    let num = 0n;
    let den = 0n;
    let imputed = 0;
    for (const p of ps) {
      const f = this.month(p.code, ym);
      const price = this.price(p)!;
      imputed += f.imputed;
      num += mulMicro(f.qty, price);
      den += mulMicro(this.baseQty(p), price);
    }
    if (den === 0n) return { value: null, imputed };
    return { value: (1200 * Number(num)) / Number(den), imputed };
  }

  /** W(c) of §3.3: weights.csv, else base-year output at constant prices in the filter. */
  classWeight(cls: string): number {
    const hit = this.weightMemo.get(cls);
    if (hit !== undefined) return hit;
    const w = this.input.weights.get(cls);
    let out: number;
    if (w !== undefined) out = Number(w);
    else {
      let g = 0n;
      for (const p of this.indexed(this.productsOfClass(cls))) g += mulMicro(this.baseQty(p), this.price(p)!);
      out = Number(g) / Number(SCALE);
    }
    this.weightMemo.set(cls, out);
    return out;
  }

  /** IIP of an activity (class, division, section or `_T`) for one month. */
  iipMonth(
    activity: string,
    ym: number,
    only?: readonly string[] | null,
  ): { value: number | null; imputed: number } {
    const classes = [...new Set(this.productsIn(activity, only).map((p) => p.vsic))].sort();
    if (/^\d{4}$/.test(activity) && !only) return this.classIndex(activity, ym);
    let num = 0;
    let den = 0;
    let imputed = 0;
    for (const c of classes) {
      const i = this.classIndex(c, ym);
      if (i.value === null) continue;
      const w = this.classWeight(c);
      num += w * i.value;
      den += w;
      imputed += i.imputed;
    }
    return { value: den > 0 ? num / den : null, imputed };
  }

  /** §3.5: a quarter's or year's index is the mean of its monthly indices. */
  iip(activity: string, months: number[], only?: readonly string[] | null) {
    let s = 0;
    let k = 0;
    let imputed = 0;
    for (const m of months) {
      const i = this.iipMonth(activity, m, only);
      if (i.value === null) continue;
      s += i.value;
      k++;
      imputed += i.imputed;
    }
    return { value: k ? s / k : null, imputed };
  }

  /** Products of the scope with data in the months but no relative (left out of the IIP, §3.4). */
  leftOutOfIip(products: ProductInfo[], months: number[]): string[] {
    return products
      .filter((p) => months.some((m) => this.month(p.code, m).reported + this.month(p.code, m).imputed > 0))
      .filter((p) => !(this.baseQty(p) > 0n && (this.price(p) ?? 0n) > 0n))
      .map((p) => p.code);
  }
}

/** X(T)/X(T−1) × 100 − 100, not available on a zero or missing base. */
export function growth(x: bigint | number | null, base: bigint | number | null): number | null {
  if (x === null || base === null) return null;
  const b = Number(base);
  if (b === 0) return null;
  return (Number(x) / b) * 100 - 100;
}

export function ratioPct(x: bigint | number | null, base: bigint | number | null): number | null {
  if (x === null || base === null) return null;
  const b = Number(base);
  if (b === 0) return null;
  return (Number(x) / b) * 100;
}

// ---- observations (statistics.md §6) ----

export interface ObservationContext {
  engine: Engine;
  area: string;
  periods: PeriodSpec[];
  /** Activities to write (`_T`, sections, divisions, classes); default: `_T` + every level that has data. */
  activities?: readonly string[] | null;
  /** Product filter (narrows products everywhere). */
  products?: readonly string[] | null;
  indicators?: readonly Indicator[] | null;
  /** Targets of the area: `${year}|${indicator}|${product or ''}` → value (micro). */
  targets: Map<string, bigint>;
  /** REPORTING_RATE inputs: panel enterprises expected each month, and received per month. */
  reporting: { expected: number; received: Map<number, number> } | null;
  /** A month not yet approved: its figures are provisional (P). */
  provisional: (ym: number) => boolean;
  /** Whether product-level rows are written. */
  productRows: boolean;
}

const UNIT = { VND: 'VND', PCT: 'PC', IDX: 'IX' } as const;

function status(
  f: { value: unknown; imputed: number },
  months: number[],
  ctx: ObservationContext,
): ObsStatus {
  if (f.value === null) return 'M';
  if (f.imputed > 0) return 'E';
  return months.some(ctx.provisional) ? 'P' : 'A';
}

export function buildObservations(ctx: ObservationContext): Observation[] {
  const { engine } = ctx;
  const out: Observation[] = [];
  const want = (i: Indicator) => !ctx.indicators || ctx.indicators.includes(i);
  // Only what is asked for is computed: an indicator, its growth on the same period or the month before, or
  // its % of plan (the figure itself is needed for all of them).
  const wantFamily = (i: 'GO_CONST' | 'GO_CUR' | 'OUTPUT_QTY') =>
    want(i) || want(`${i}_YOY`) || want(`${i}_MOM`) || want(`${i}_PLAN`);
  const all = engine.productsIn('_T', ctx.products);
  const allMonths = ctx.periods.flatMap((p) => p.months);
  const withData = all.filter((p) =>
    allMonths.some((m) => {
      const f = engine.month(p.code, m);
      return f.reported + f.imputed > 0;
    }),
  );
  const activities =
    ctx.activities ??
    [
      '_T',
      ...new Set(withData.map((p) => vsicSection(p.vsic)).filter((s): s is NonNullable<typeof s> => !!s)),
    ]
      .concat([...new Set(withData.map((p) => p.vsic.slice(0, 2)))].sort())
      .concat([...new Set(withData.map((p) => p.vsic))].sort());
  const push = (
    p: PeriodSpec,
    indicator: Indicator,
    activity: string,
    product: string,
    f: { value: number | bigint | null; imputed: number },
    unit: string,
    months: number[],
  ) => {
    if (!want(indicator)) return;
    const value =
      f.value === null ? '' : typeof f.value === 'bigint' ? fromMicro(f.value) : floatText(f.value);
    out.push({
      FREQ: p.freq as Freq,
      REF_AREA: ctx.area,
      INDICATOR: indicator,
      ACTIVITY: activity,
      PRODUCT: product,
      TIME_PERIOD: p.label,
      OBS_VALUE: value,
      UNIT_MEASURE: unit,
      OBS_STATUS: status(f, months, ctx),
    });
  };
  const rel = (
    x: { value: bigint | null; imputed: number },
    b: { value: bigint | null; imputed: number },
    fn: typeof growth,
  ) => ({ value: fn(x.value, b.value), imputed: x.imputed + b.imputed });

  for (const p of ctx.periods) {
    const prev = previousYear(p);
    const prevMonth = p.freq === 'M' ? [addMonths(p.months[0]!, -1)] : null;
    const year = Math.floor(p.months[0]! / 100);
    const planned = p.freq === 'A' || p.freq === 'YTD';
    for (const activity of activities) {
      const ps = engine.productsIn(activity, ctx.products);
      for (const [ind, fn, unit] of [
        ['GO_CONST', (ms: number[]) => engine.goConst(ps, ms), UNIT.VND],
        ['GO_CUR', (ms: number[]) => engine.goCur(ps, ms), UNIT.VND],
      ] as const) {
        if (!wantFamily(ind)) continue;
        const x = fn(p.months);
        push(p, ind, activity, '_T', x, unit, p.months);
        if (want(`${ind}_YOY`))
          push(p, `${ind}_YOY`, activity, '_T', rel(x, fn(prev.months), growth), UNIT.PCT, [
            ...p.months,
            ...prev.months,
          ]);
        if (prevMonth && want(`${ind}_MOM`))
          push(p, `${ind}_MOM`, activity, '_T', rel(x, fn(prevMonth), growth), UNIT.PCT, [
            ...p.months,
            ...prevMonth,
          ]);
        const target = ctx.targets.get(`${year}|${ind}|`);
        if (planned && activity === '_T' && !ctx.products && target !== undefined)
          push(
            p,
            `${ind}_PLAN`,
            activity,
            '_T',
            { value: ratioPct(x.value, target), imputed: x.imputed },
            UNIT.PCT,
            p.months,
          );
      }
      if (want('IIP') || want('IIP_YOY')) {
        const iip = engine.iip(activity, p.months, ctx.products);
        push(p, 'IIP', activity, '_T', iip, UNIT.IDX, p.months);
        if (want('IIP_YOY')) {
          const iipPrev = engine.iip(activity, prev.months, ctx.products);
          push(
            p,
            'IIP_YOY',
            activity,
            '_T',
            { value: ratioPct(iip.value, iipPrev.value), imputed: iip.imputed + iipPrev.imputed },
            UNIT.IDX,
            [...p.months, ...prev.months],
          );
        }
      }
      if (activity === '_T' && ctx.reporting && !ctx.products) {
        const due = p.months.filter((m) => engine.input.maxYm !== null && m <= engine.input.maxYm);
        const expected = ctx.reporting.expected * due.length;
        const received = due.reduce((s, m) => s + (ctx.reporting!.received.get(m) ?? 0), 0);
        push(
          p,
          'REPORTING_RATE',
          '_T',
          '_T',
          { value: ratioPct(received, expected), imputed: 0 },
          UNIT.PCT,
          p.months,
        );
      }
    }
    if (!ctx.productRows) continue;
    for (const prod of withData) {
      const one = [prod];
      for (const [ind, fn, unit] of [
        ['OUTPUT_QTY', (ms: number[]) => engine.outputQty(prod, ms), prod.unit],
        ['GO_CONST', (ms: number[]) => engine.goConst(one, ms), UNIT.VND],
        ['GO_CUR', (ms: number[]) => engine.goCur(one, ms), UNIT.VND],
      ] as const) {
        if (!wantFamily(ind)) continue;
        const x = fn(p.months);
        push(p, ind, '_T', prod.code, x, unit, p.months);
        if (want(`${ind}_YOY`))
          push(p, `${ind}_YOY`, '_T', prod.code, rel(x, fn(prev.months), growth), UNIT.PCT, [
            ...p.months,
            ...prev.months,
          ]);
        if (prevMonth && want(`${ind}_MOM`))
          push(p, `${ind}_MOM`, '_T', prod.code, rel(x, fn(prevMonth), growth), UNIT.PCT, [
            ...p.months,
            ...prevMonth,
          ]);
        const target = ctx.targets.get(`${year}|${ind}|${prod.code}`);
        if (planned && target !== undefined)
          push(
            p,
            `${ind}_PLAN`,
            '_T',
            prod.code,
            { value: ratioPct(x.value, target), imputed: x.imputed },
            UNIT.PCT,
            p.months,
          );
      }
    }
  }
  return out;
}
