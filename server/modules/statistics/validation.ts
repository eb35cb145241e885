import type { WarningCode } from '../../../contracts/statistics';

/**
 * Soft checks of a reported quantity (issue 3): they do not reject a figure, but one that raises any needs a
 * comment to be accepted, and it is listed in the statistician's validation queue.
 */
export interface Neighbourhood {
  /** Declared yearly capacity of the enterprise for the product. */
  capacityPerYear: number | null;
  /** The same month a year earlier, the previous month, and the three months before (latest first). */
  lastYear: number | null;
  previousMonth: number | null;
  previous3: (number | null)[];
}

export const CAPACITY_FACTOR = 1.2;
export const YOY_LIMIT = 0.5;
export const MOM_LIMIT = 1.0;

export function softWarnings(q: number, n: Neighbourhood): WarningCode[] {
  const out: WarningCode[] = [];
  if (n.capacityPerYear !== null && q > (CAPACITY_FACTOR * n.capacityPerYear) / 12) out.push('capacity');
  if (n.lastYear !== null && n.lastYear > 0 && Math.abs(q / n.lastYear - 1) > YOY_LIMIT) out.push('yoy');
  if (n.previousMonth !== null && n.previousMonth > 0 && Math.abs(q / n.previousMonth - 1) > MOM_LIMIT)
    out.push('mom');
  if (q === 0 && n.previous3.length === 3 && n.previous3.every((x) => x !== null && x > 0))
    out.push('zero_after_output');
  return out;
}
