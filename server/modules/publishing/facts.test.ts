import { describe, expect, it } from 'vitest';
import type { Observation } from '../../../contracts/statistics';
import { comparePeriodOf, factsFromObservations } from './facts';
import { blocksToText, writeIndustryNarrative } from './narrative';

const o = (
  INDICATOR: Observation['INDICATOR'],
  OBS_VALUE: string,
  p: { activity?: string; product?: string; status?: Observation['OBS_STATUS']; period?: string } = {},
): Observation => ({
  FREQ: 'A',
  REF_AREA: '20',
  INDICATOR,
  ACTIVITY: p.activity ?? '_T',
  PRODUCT: p.product ?? '_T',
  TIME_PERIOD: p.period ?? '2014',
  OBS_VALUE,
  UNIT_MEASURE: 'VND',
  OBS_STATUS: p.status ?? 'A',
});

const product = (code: string, qty: string, yoy: string, go: string) => [
  o('OUTPUT_QTY', qty, { product: code }),
  o('OUTPUT_QTY_YOY', yoy, { product: code }),
  o('GO_CONST', go, { product: code }),
];

const ctx = {
  period: '2014',
  area: { code: '20', nameVi: 'Tỉnh Lạng Sơn', nameEn: null },
  baseYear: 2010,
  dataAsOf: '2015-01-20T00:00:00Z',
  products: new Map([
    ['XIMANG', { nameVi: 'Xi măng', nameEn: 'Cement', unit: 'tấn' }],
    ['CHI', { nameVi: 'Chì điện phân', nameEn: 'Electrolytic lead', unit: 'tấn' }],
    ['GACH', { nameVi: 'Gạch nung', nameEn: 'Fired bricks', unit: 'triệu viên' }],
    ['DA', { nameVi: 'Đá xây dựng', nameEn: 'Stone', unit: 'm3' }],
  ]),
};

const obs: Observation[] = [
  o('GO_CONST', '3586000000000.000000'),
  o('GO_CONST_YOY', '14.152'),
  o('GO_CONST', '2500000000000', { activity: 'C' }),
  o('GO_CONST_YOY', '16.3', { activity: 'C' }),
  o('GO_CONST', '0', { activity: 'E' }),
  o('GO_CONST', '900000000000', { activity: 'B' }),
  o('GO_CONST_YOY', '', { activity: 'B', status: 'M' }),
  ...product('XIMANG', '580000', '11.5', '580000000000'),
  ...product('CHI', '9600', '44.3', '300000000000'),
  ...product('GACH', '120', '-8', '100000000000'),
  ...product('DA', '1000', '90', '1000000000'), // tiny: never a mover
  o('GO_CONST', '999', { period: '2013' }), // another period: ignored
];

describe('factsFromObservations', () => {
  it('keeps each figure with the query that produced it', () => {
    const f = factsFromObservations(obs, ctx);
    expect(f.goConst).toEqual({
      value: '3586000000000.000000',
      ref: {
        indicator: 'GO_CONST',
        period: '2014',
        area: '20',
        activity: '_T',
        product: '_T',
        baseYear: 2010,
      },
      status: 'A',
    });
    expect(f.comparePeriod).toBe('2013');
    expect(f.goConstPlan).toBeNull();
    expect(f.sections.map((s) => s.code)).toEqual(['B', 'C']); // E has no output
    expect(f.sections[0]!.yoy.value).toBeNull(); // OBS_STATUS=M → not available
  });

  it('orders products by output value and picks the movers among those that weigh ≥ 1%', () => {
    const f = factsFromObservations(obs, ctx);
    expect(f.products.map((p) => p.code)).toEqual(['XIMANG', 'CHI', 'GACH', 'DA']);
    expect(f.movers.up.map((p) => p.code)).toEqual(['CHI', 'XIMANG']);
    expect(f.movers.down.map((p) => p.code)).toEqual(['GACH']);
    expect(f.products[0]!.name).toEqual({ vi: 'Xi măng', en: 'Cement' });
  });

  it('flags provisional and imputed figures', () => {
    expect(factsFromObservations(obs, ctx)).toMatchObject({ provisional: false, imputed: false });
    const marked = [...obs, o('GO_CUR', '1', { status: 'E' }), o('IIP', '1', { status: 'P' })];
    expect(factsFromObservations(marked, ctx)).toMatchObject({ provisional: true, imputed: true });
  });

  it('feeds the narrative', () => {
    const text = blocksToText(writeIndustryNarrative(factsFromObservations(obs, ctx), 'vi'));
    expect(text).toContain('đạt 3.586 tỷ đồng, tăng 14,15% so với năm 2013');
    expect(text).toContain('xi măng sản xuất được 580 nghìn tấn, tăng 11,5%');
    expect(text).toContain('Sản phẩm có mức tăng cao nhất là chì điện phân, sản lượng tăng 44,3%');
    expect(comparePeriodOf('2014-Q3')).toBe('2013-Q3');
  });
});
