import type { Figure, FigureRef, IndustryFacts, ProductFacts } from '../../../contracts/publishing';

/** Hand-made facts for tests: the Lạng Sơn 2014 figures of the seed article, and builders for variants. */
export function fig(value: string | null, ref: Partial<FigureRef> & { indicator: string }): Figure {
  return { value, ref: { period: '2014', area: '20', ...ref } };
}

export function product(
  code: string,
  vi: string,
  en: string,
  unit: string,
  qty: string,
  yoy: string | null,
  extra: Partial<ProductFacts> = {},
): ProductFacts {
  return {
    code,
    name: { vi, en },
    unit: { vi: unit },
    quantity: fig(qty, { indicator: 'OUTPUT_QTY', product: code, activity: '_T' }),
    yoy: fig(yoy, { indicator: 'OUTPUT_QTY_YOY', product: code, activity: '_T' }),
    key: true,
    ...extra,
  };
}

export function langSon2014(): IndustryFacts {
  const cement = product('XM', 'Xi măng', 'Cement', 'tấn', '580000', '11.5');
  const clinker = product('CLK', 'Clinker', 'Clinker', 'tấn', '640000', '9.8');
  const lead = product('CHI', 'Chì điện phân', 'Electrolytic lead', 'tấn', '9600', '44.3');
  const coal = product('THAN', 'Than sạch', 'Clean coal', 'tấn', '420000', '-6.2');
  return {
    period: '2014',
    comparePeriod: '2013',
    area: { code: '20', name: { vi: 'Tỉnh Lạng Sơn' } },
    baseYear: 2010,
    dataAsOf: '2015-01-20T08:00:00.000Z',
    provisional: false,
    imputed: false,
    goConst: fig('3586000000000', { indicator: 'GO_CONST', activity: '_T', product: '_T' }),
    goConstYoy: fig('14.15', { indicator: 'GO_CONST_YOY', activity: '_T', product: '_T' }),
    goConstPlan: null,
    sections: [
      {
        code: 'C',
        name: { vi: 'công nghiệp chế biến, chế tạo', en: 'manufacturing' },
        goConst: fig('2500000000000', { indicator: 'GO_CONST', activity: 'C' }),
        yoy: fig('17.2', { indicator: 'GO_CONST_YOY', activity: 'C' }),
      },
      {
        code: 'B',
        name: { vi: 'khai khoáng', en: 'mining and quarrying' },
        goConst: fig('700000000000', { indicator: 'GO_CONST', activity: 'B' }),
        yoy: fig('-3.4', { indicator: 'GO_CONST_YOY', activity: 'B' }),
      },
    ],
    products: [cement, clinker, lead, coal],
    movers: { up: [lead, cement, clinker], down: [coal] },
    reasons: [],
  };
}
