import { describe, expect, it } from 'vitest';
import type { DashboardProduct } from '../../../contracts/dashboard';
import { KEY_TOP, keyProducts } from './key-products';

const fig = (value: string | null) => ({
  value,
  ref: { indicator: 'OUTPUT_QTY', period: '2014-YTD-12', area: '20', activity: '_T', baseYear: 2010 },
  status: 'A' as const,
});
const product = (code: string, plan: string | null = null): DashboardProduct => ({
  code,
  name: { vi: code, en: null },
  unit: 'tấn',
  quantity: fig('1'),
  yoy: fig('1'),
  plan: plan === null ? null : fig(plan),
  goConst: fig('1'),
});

describe('key products of the dashboard', () => {
  const list = Array.from({ length: 20 }, (_, i) => product(`P${i + 1}`));

  it('shows the ten largest, plus the movers and the products with a plan, in value order', () => {
    const withPlan = list.map((p) => (p.code === 'P15' ? product('P15', '98.5') : p));
    const key = keyProducts({ products: withPlan, movers: { up: [product('P18')], down: [product('P12')] } });
    expect(key.map((p) => p.code)).toEqual([
      ...Array.from({ length: KEY_TOP }, (_, i) => `P${i + 1}`),
      'P12',
      'P15',
      'P18',
    ]);
  });

  it('shows them all when there are few', () => {
    expect(keyProducts({ products: list.slice(0, 4), movers: { up: [], down: [] } })).toHaveLength(4);
  });
});
