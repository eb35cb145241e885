import { describe, expect, it } from 'vitest';
import { floatText, fromMicro, mulDiv, toMicro } from './decimal';
import { type Cell, Engine, emptyCell, growth, type ProductInfo } from './indicators';
import { parsePeriodLabel, periodsIn, previousYear, spec } from './period';
import { softWarnings } from './validation';

const cell = (qty: number, extra: Partial<Cell> = {}): Cell => ({
  ...emptyCell(),
  qty: toMicro(qty),
  n: 1,
  ...extra,
});
const product = (code: string, vsic: string, price: number): ProductInfo => ({
  code,
  vsic,
  unit: 't',
  prices: new Map([[2010, toMicro(price)]]),
});

describe('decimal', () => {
  it('keeps millionths exact', () => {
    expect(toMicro('3896.1')).toBe(3_896_100_000n);
    expect(fromMicro(toMicro('0.000001') * 3n)).toBe('0.000003');
    expect(fromMicro(mulDiv(toMicro('50'), 120n, 100n))).toBe('60');
    expect(floatText(14.145600001)).toBe('14.1456');
  });
});

describe('periods', () => {
  it('labels and the period a year earlier', () => {
    expect(spec('Q', 2014, 2).months).toEqual([201404, 201405, 201406]);
    expect(previousYear(spec('YTD', 2014, 10)).label).toBe('2013-10');
    expect(periodsIn(201401, 201412, ['A', 'Q']).map((p) => p.label)).toEqual([
      '2014',
      '2014-Q1',
      '2014-Q2',
      '2014-Q3',
      '2014-Q4',
    ]);
    expect(parsePeriodLabel('2014-YTD-03').months).toEqual([201401, 201402, 201403]);
  });
});

describe('soft warnings', () => {
  it('capacity, yoy, mom and zero after output', () => {
    const n = { capacityPerYear: 1200, lastYear: 100, previousMonth: 60, previous3: [60, 50, 40] };
    expect(softWarnings(121, n)).toEqual(['capacity', 'mom']);
    expect(softWarnings(160, n)).toEqual(['capacity', 'yoy', 'mom']);
    expect(softWarnings(100, n)).toEqual([]);
    expect(softWarnings(0, n)).toEqual(['yoy', 'zero_after_output']);
  });
});

describe('engine (hand-computed)', () => {
  // Base year 2010: P1 (class 2394) 12 × 10 t at 100; P2 (2394) 12 × 5 t at 40; P3 (2420) 12 × 2 t at 1000.
  const products = new Map([
    ['P1', product('P1', '2394', 100)],
    ['P2', product('P2', '2394', 40)],
    ['P3', product('P3', '2420', 1000)],
    ['P4', product('P4', '2420', 7)],
  ]);
  const cells = new Map<number, Map<string, Cell>>();
  for (let m = 1; m <= 12; m++)
    cells.set(
      201000 + m,
      new Map([
        ['P1', cell(10)],
        ['P2', cell(5)],
        ['P3', cell(2)],
      ]),
    );
  // 2014-01: P1 = 15, P2 = 5, P3 = 3, P4 = 9 (no base quantity: left out of the IIP).
  cells.set(
    201401,
    new Map([
      ['P1', cell(15)],
      ['P2', cell(5)],
      ['P3', cell(3)],
      ['P4', cell(9)],
    ]),
  );
  const engine = (weights = new Map<string, bigint>()) =>
    new Engine({
      products,
      cells,
      ratios: new Map(),
      maxYm: 201401,
      imputation: true,
      baseYear: 2010,
      weights,
    });

  it('class, division, section and total IIP with output weights (= the §3 consistency check)', () => {
    const e = engine();
    // I(2394) = 100 × (w1 × 15/10 + w2 × 5/5), w1 = 1000/1200, w2 = 200/1200 → 141.666…
    expect(e.classIndex('2394', 201401).value).toBeCloseTo((100 * (1000 * 1.5 + 200 * 1)) / 1200, 9);
    expect(e.classIndex('2420', 201401).value).toBeCloseTo(150, 9);
    // W(2394) = 12 × 1200 = 14,400; W(2420) = 12 × 2000 = 24,000.
    const total = (14400 * ((100 * 1700) / 1200) + 24000 * 150) / 38400;
    expect(e.iipMonth('_T', 201401).value).toBeCloseTo(total, 9);
    expect(e.iipMonth('C', 201401).value).toBeCloseTo(total, 9);
    // Consistency: GO_CONST(m) / (GO_CONST(B)/12) × 100, without P4 (no base quantity).
    const withBase = [products.get('P1')!, products.get('P2')!, products.get('P3')!];
    const go = Number(e.goConst(withBase, [201401]).value);
    const goB = Number(
      e.goConst(
        withBase,
        Array.from({ length: 12 }, (_, i) => 201001 + i),
      ).value,
    );
    expect(e.iipMonth('_T', 201401).value).toBeCloseTo((go / (goB / 12)) * 100, 9);
    expect(e.leftOutOfIip([...products.values()], [201401])).toEqual(['P4']);
  });

  it('a class with no report in a reported month counts with q = 0, not left out (§3 consistency holds)', () => {
    // 2014-02: only class 2394 reports (P1 = 10, P2 = 5); class 2420 produced nothing.
    const feb = new Map(cells);
    feb.set(
      201402,
      new Map([
        ['P1', cell(10)],
        ['P2', cell(5)],
      ]),
    );
    const e = new Engine({
      products,
      cells: feb,
      ratios: new Map(),
      maxYm: 201402,
      imputation: false,
      baseYear: 2010,
      weights: new Map(),
    });
    expect(e.classIndex('2420', 201402).value).toBe(0);
    // I(2394) = 100 (base quantities); IIP = (14,400 × 100 + 24,000 × 0) / 38,400 = 37.5.
    expect(e.iipMonth('_T', 201402).value).toBeCloseTo(37.5, 9);
    // GO_CONST(m) / (GO_CONST(B)/12) × 100 = 1200 / (38,400 / 12) × 100 = 37.5.
    const withBase = [products.get('P1')!, products.get('P2')!, products.get('P3')!];
    const go = Number(e.goConst(withBase, [201402]).value);
    const goB = Number(
      e.goConst(
        withBase,
        Array.from({ length: 12 }, (_, i) => 201001 + i),
      ).value,
    );
    expect(e.iipMonth('_T', 201402).value).toBeCloseTo((go / (goB / 12)) * 100, 9);
    // A month nobody has reported yet is not available, nor is a class without a base.
    expect(e.iipMonth('_T', 201403).value).toBeNull();
    expect(e.classIndex('9999', 201402).value).toBeNull();
  });

  it('weights.csv replaces the output weights of the classes it names', () => {
    const e = engine(
      new Map([
        ['2394', 1n],
        ['2420', 3n],
      ]),
    );
    expect(e.iipMonth('_T', 201401).value).toBeCloseTo((1 * ((100 * 1700) / 1200) + 3 * 150) / 4, 9);
  });

  it('imputation fills missing panel reports with r and stops after the latest reported month', () => {
    const c = new Map([[201402, new Map([['P1', cell(0, { n: 0, missQty: toMicro(10), missN: 1 })]])]]);
    const ratios = new Map([[201402, new Map([['P1', { num: toMicro(30), den: toMicro(20) }]])]]);
    const on = new Engine({
      products,
      cells: c,
      ratios,
      maxYm: 201402,
      imputation: true,
      baseYear: 2010,
      weights: new Map(),
    });
    expect(fromMicro(on.month('P1', 201402).qty)).toBe('15');
    const off = new Engine({
      products,
      cells: c,
      ratios,
      maxYm: 201402,
      imputation: false,
      baseYear: 2010,
      weights: new Map(),
    });
    expect(off.month('P1', 201402).qty).toBe(0n);
    const later = new Engine({
      products,
      cells: c,
      ratios,
      maxYm: 201401,
      imputation: true,
      baseYear: 2010,
      weights: new Map(),
    });
    expect(later.month('P1', 201402).imputed).toBe(0);
  });

  it('growth on a zero or missing base is not available', () => {
    expect(growth(5n, 0n)).toBeNull();
    expect(growth(null, 4n)).toBeNull();
    expect(growth(3586n, 3141.6)).toBeCloseTo(14.14566, 4);
  });
});
