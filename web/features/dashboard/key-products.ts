import type { DashboardDto, DashboardProduct } from '../../../contracts/dashboard';

/** The products the dashboard's key-products table shows before "show all". */
export const KEY_TOP = 10;

/**
 * The key products: the ten largest by output value at constant prices, plus any product that has a plan
 * for the year or is among the biggest movers (up or down) — a small product that grew fastest, such as
 * electrolytic lead in 2014, is news. In the order of the list (by value, largest first).
 */
export function keyProducts(d: Pick<DashboardDto, 'products' | 'movers'>): DashboardProduct[] {
  const movers = new Set([...d.movers.up, ...d.movers.down].map((p) => p.code));
  return d.products.filter((p, i) => i < KEY_TOP || p.plan !== null || movers.has(p.code));
}
