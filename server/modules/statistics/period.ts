import type { Freq } from '../../../contracts/statistics';

/** Months are integers yyyymm; a period T is a set of months with a label (statistics.md §2, §6). */
export interface PeriodSpec {
  freq: Freq;
  /** SDMX TIME_PERIOD: `2014-03`, `2014-Q1`, `2014`, or `2014-10` for January–October (YTD). */
  label: string;
  months: number[];
}

export const ymOf = (text: string): number => Number(text.slice(0, 4)) * 100 + Number(text.slice(5, 7));
export const ymText = (ym: number): string => `${Math.floor(ym / 100)}-${String(ym % 100).padStart(2, '0')}`;

export function addMonths(ym: number, k: number): number {
  const idx = Math.floor(ym / 100) * 12 + (ym % 100) - 1 + k;
  return Math.floor(idx / 12) * 100 + (idx % 12) + 1;
}

export function monthRange(from: number, to: number): number[] {
  const out: number[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

export const yearMonths = (year: number): number[] => monthRange(year * 100 + 1, year * 100 + 12);

export function spec(freq: Freq, year: number, n: number): PeriodSpec {
  switch (freq) {
    case 'M':
      return { freq, label: ymText(year * 100 + n), months: [year * 100 + n] };
    case 'Q':
      return {
        freq,
        label: `${year}-Q${n}`,
        months: monthRange(year * 100 + (n - 1) * 3 + 1, year * 100 + n * 3),
      };
    case 'A':
      return { freq, label: String(year), months: yearMonths(year) };
    case 'YTD':
      return { freq, label: ymText(year * 100 + n), months: monthRange(year * 100 + 1, year * 100 + n) };
  }
}

/** The same period one year earlier. */
export function previousYear(p: PeriodSpec): PeriodSpec {
  const year = Math.floor(p.months[0]! / 100) - 1;
  const n = p.freq === 'Q' ? Math.ceil((p.months[0]! % 100) / 3) : p.months[p.months.length - 1]! % 100;
  return spec(p.freq, year, p.freq === 'A' ? 0 : n);
}

/** Periods of each frequency that lie wholly within [from, to] (YTD: one per month, ending in the range). */
export function periodsIn(from: number, to: number, freqs: readonly Freq[]): PeriodSpec[] {
  const out: PeriodSpec[] = [];
  for (const freq of freqs) {
    for (let y = Math.floor(from / 100); y <= Math.floor(to / 100); y++) {
      const ns = freq === 'A' ? [0] : freq === 'Q' ? [1, 2, 3, 4] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
      for (const n of ns) {
        const p = spec(freq, y, n);
        const first = freq === 'YTD' ? p.months[p.months.length - 1]! : p.months[0]!;
        if (first >= from && p.months[p.months.length - 1]! <= to) out.push(p);
      }
    }
  }
  return out;
}

/** A trace label back to its period: `2014`, `2014-03`, `2014-Q1`, `2014-YTD-10`. */
export function parsePeriodLabel(label: string): PeriodSpec {
  const year = Number(label.slice(0, 4));
  if (label.length === 4) return spec('A', year, 0);
  const q = /^\d{4}-Q([1-4])$/.exec(label);
  if (q) return spec('Q', year, Number(q[1]));
  const ytd = /^\d{4}-YTD-(\d{2})$/.exec(label);
  if (ytd) return spec('YTD', year, Number(ytd[1]));
  return spec('M', year, Number(label.slice(5, 7)));
}
