/** Periods of publishing: a year `2014`, a quarter `2014-Q2` or a month `2014-03`, as months yyyymm. */
export type PeriodKind = 'year' | 'quarter' | 'month';

export function periodKind(p: string): PeriodKind {
  if (/^\d{4}$/.test(p)) return 'year';
  if (/^\d{4}-Q[1-4]$/.test(p)) return 'quarter';
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(p)) return 'month';
  throw new Error(`not a period: ${p}`);
}

export function monthsOf(p: string): number[] {
  const y = Number(p.slice(0, 4));
  switch (periodKind(p)) {
    case 'year':
      return Array.from({ length: 12 }, (_, i) => y * 100 + i + 1);
    case 'quarter': {
      const q = Number(p.slice(6));
      return [1, 2, 3].map((k) => y * 100 + (q - 1) * 3 + k);
    }
    case 'month':
      return [y * 100 + Number(p.slice(5, 7))];
  }
}
