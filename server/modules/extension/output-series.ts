/**
 * SEAM: the enterprise's output series and its unsupported peers' (same VSIC class), from the statistics
 * module. When this was written, server/modules/statistics exposed no index.ts / output-series function, so
 * the source is pluggable: the composition root (server/app.ts) may call `setOutputSeriesSource` with the
 * statistics module's function once it exists. Until then `outputSeriesFor` answers null and the scheme
 * page says why.
 */
import type { Db } from '../../platform/db';

export interface OutputSeries {
  /** The supported enterprise's yearly gross output (constant prices), oldest first. */
  enterprise: { period: string; value: number }[];
  /** The mean over the same VSIC class's enterprises that had no extension support, same periods. */
  peers: { period: string; value: number }[];
}

export type OutputSeriesSource = (
  db: Db,
  q: { enterpriseId: string; vsic: string; fromYear: number; toYear: number },
) => Promise<OutputSeries | null>;

let source: OutputSeriesSource | null = null;

export function setOutputSeriesSource(fn: OutputSeriesSource | null): void {
  source = fn;
}

export async function outputSeriesFor(
  db: Db,
  q: { enterpriseId: string; vsic: string; fromYear: number; toYear: number },
): Promise<OutputSeries | null> {
  return source ? source(db, q) : null;
}
