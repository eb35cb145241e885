/**
 * Exact decimal arithmetic for quantities and money: a figure is a bigint of millionths ("micro"), so that
 * sums of numeric(…, 6) values from the database stay exact and no float ever holds VND.
 */
export const SCALE = 1_000_000n;

/** `"123.45"` → 123450000n; accepts a sign, an integer part and up to any decimals (rounded half up to 6). */
export function toMicro(s: string | number | bigint | null | undefined): bigint {
  if (s === null || s === undefined || s === '') return 0n;
  if (typeof s === 'bigint') return s * SCALE;
  const str = typeof s === 'number' ? s.toFixed(6) : s.trim();
  const m = /^(-)?(\d*)(?:\.(\d*))?$/.exec(str);
  if (!m) throw new Error(`not a decimal: ${str}`);
  const [, sign, int = '', frac = ''] = m;
  const padded = (frac + '0000000').slice(0, 7);
  let v = BigInt(int || '0') * SCALE + BigInt(padded.slice(0, 6));
  if (Number(padded[6]) >= 5) v += 1n;
  return sign ? -v : v;
}

/** 123450000n → `"123.45"` (no trailing zeros, `.` as decimal separator). */
export function fromMicro(v: bigint): string {
  const neg = v < 0n;
  const a = neg ? -v : v;
  const int = a / SCALE;
  const frac = (a % SCALE).toString().padStart(6, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** a × b / c rounded half away from zero (c ≠ 0). */
export function mulDiv(a: bigint, b: bigint, c: bigint): bigint {
  const p = a * b;
  const neg = p < 0n !== c < 0n;
  const ap = p < 0n ? -p : p;
  const ac = c < 0n ? -c : c;
  const q = (ap * 2n + ac) / (ac * 2n);
  return neg ? -q : q;
}

/** Product of two micro figures, in micro. */
export const mulMicro = (a: bigint, b: bigint): bigint => mulDiv(a, b, SCALE);

/** A float rounded to 6 decimals, as text with no trailing zeros (for rates and indices). */
export function floatText(x: number): string {
  const s = (Math.round(x * 1e6) / 1e6).toFixed(6).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

export const microToNumber = (v: bigint): number => Number(v) / 1e6;
