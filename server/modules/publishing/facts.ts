import type {
  Figure,
  IndustryFacts,
  ProductFacts,
  ReasonFacts,
  SectionFacts,
} from '../../../contracts/publishing';
import type { Observation } from '../../../contracts/statistics';

/**
 * IndustryFacts from the statistics module's observations (pure). The DB side (facts.service.ts) asks the
 * statistics module for the period's observations; this file picks the figures the narrative needs and
 * keeps, for each, the query that produced it.
 */

export const SECTION_NAMES: Record<string, { vi: string; en: string }> = {
  B: { vi: 'khai khoáng', en: 'mining and quarrying' },
  C: { vi: 'công nghiệp chế biến, chế tạo', en: 'manufacturing' },
  D: { vi: 'sản xuất và phân phối điện', en: 'electricity and gas supply' },
  E: { vi: 'cung cấp nước, xử lý rác thải', en: 'water supply and waste management' },
};

/** Products listed in the headline sentence: the largest by output value (constant prices). */
export const KEY_PRODUCTS = 5;
/** A mover must weigh at least this share of the output value, so that a tiny product cannot lead the story. */
export const MOVER_MIN_SHARE = 0.01;

export interface ProductName {
  nameVi: string;
  nameEn: string | null;
  unit: string;
}

export interface FactsContext {
  period: string;
  area: { code: string; nameVi: string; nameEn: string | null };
  baseYear: number;
  dataAsOf: string;
  products: Map<string, ProductName>;
  reasons?: ReasonFacts[];
}

export function comparePeriodOf(period: string): string {
  return `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
}

export function factsFromObservations(obs: Observation[], ctx: FactsContext): IndustryFacts {
  const mine = obs.filter((o) => o.REF_AREA === ctx.area.code && o.TIME_PERIOD === ctx.period);
  const find = (indicator: string, activity: string, product: string) =>
    mine.find((o) => o.INDICATOR === indicator && o.ACTIVITY === activity && o.PRODUCT === product);
  const fig = (indicator: string, activity = '_T', product = '_T'): Figure => {
    const o = find(indicator, activity, product);
    return {
      value: o && o.OBS_VALUE !== '' ? o.OBS_VALUE : null,
      ref: { indicator, period: ctx.period, area: ctx.area.code, activity, product, baseYear: ctx.baseYear },
      ...(o ? { status: o.OBS_STATUS } : {}),
    };
  };
  const num = (f: Figure) => (f.value === null ? null : Number(f.value));

  const sections: SectionFacts[] = ['B', 'C', 'D', 'E']
    .filter((s) => num(fig('GO_CONST', s)) !== null && (num(fig('GO_CONST', s)) ?? 0) > 0)
    .map((s) => ({
      code: s,
      name: SECTION_NAMES[s]!,
      goConst: fig('GO_CONST', s),
      yoy: fig('GO_CONST_YOY', s),
    }));

  const total = num(fig('GO_CONST')) ?? 0;
  const productCodes = [
    ...new Set(mine.filter((o) => o.PRODUCT !== '_T' && o.INDICATOR === 'OUTPUT_QTY').map((o) => o.PRODUCT)),
  ].filter((c) => (num(fig('OUTPUT_QTY', '_T', c)) ?? 0) > 0);
  const value = (c: string) => num(fig('GO_CONST', '_T', c)) ?? 0;
  const all: ProductFacts[] = productCodes
    .sort((a, b) => value(b) - value(a) || a.localeCompare(b))
    .map((c, i) => {
      const info = ctx.products.get(c);
      const plan = fig('OUTPUT_QTY_PLAN', '_T', c);
      return {
        code: c,
        name: { vi: info?.nameVi ?? c, ...(info?.nameEn ? { en: info.nameEn } : {}) },
        unit: { vi: info?.unit ?? '' },
        quantity: fig('OUTPUT_QTY', '_T', c),
        yoy: fig('OUTPUT_QTY_YOY', '_T', c),
        plan: plan.value === null ? null : plan,
        key: i < KEY_PRODUCTS,
      };
    });
  const weighty = all.filter(
    (p) => total > 0 && value(p.code) / total >= MOVER_MIN_SHARE && num(p.yoy) !== null,
  );
  const byGrowth = [...weighty].sort(
    (a, b) => (num(b.yoy) ?? 0) - (num(a.yoy) ?? 0) || a.code.localeCompare(b.code),
  );
  const up = byGrowth.filter((p) => (num(p.yoy) ?? 0) > 0).slice(0, 3);
  const down = byGrowth
    .filter((p) => (num(p.yoy) ?? 0) < 0)
    .reverse()
    .slice(0, 2);

  const plan = fig('GO_CONST_PLAN');
  return {
    period: ctx.period,
    comparePeriod: comparePeriodOf(ctx.period),
    area: {
      code: ctx.area.code,
      name: { vi: ctx.area.nameVi, ...(ctx.area.nameEn ? { en: ctx.area.nameEn } : {}) },
    },
    baseYear: ctx.baseYear,
    dataAsOf: ctx.dataAsOf,
    provisional: mine.some((o) => o.OBS_STATUS === 'P'),
    imputed: mine.some((o) => o.OBS_STATUS === 'E'),
    goConst: fig('GO_CONST'),
    goConstYoy: fig('GO_CONST_YOY'),
    goConstPlan: plan.value === null ? null : plan,
    sections,
    // The table lists the key products; the rest only speak as movers.
    products: all.filter((p) => p.key),
    movers: { up, down },
    reasons: ctx.reasons ?? [],
  };
}
