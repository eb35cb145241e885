import type { Lang } from './messages';

/**
 * Display formats (statistics.md §7): `3.586 tỷ đồng`, `14,15%`, `tháng 3/2014`, `quý II/2014` in
 * Vietnamese; `VND 3,586 billion`, `14.15%` in English. Scales are for the reader; stored values never change.
 */
const locale = (lang: Lang) => (lang === 'vi' ? 'vi-VN' : 'en-GB');

export function formatNumber(n: number | string, lang: Lang, digits = 0): string {
  return new Intl.NumberFormat(locale(lang), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(Number(n));
}

export function formatPercent(n: number | null | undefined, lang: Lang, digits = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return `${formatNumber(n, lang, digits)}%`;
}

const VND_SCALES = [
  { value: 1e9, vi: 'tỷ đồng', en: 'billion' },
  { value: 1e6, vi: 'triệu đồng', en: 'million' },
  { value: 1e3, vi: 'nghìn đồng', en: 'thousand' },
] as const;

/** Money with a scale chosen for the reader: `3.586 tỷ đồng` / `VND 3,586 billion`. */
export function formatVnd(v: number | string | bigint, lang: Lang, digits = 0): string {
  const n = Number(v);
  const scale = VND_SCALES.find((s) => Math.abs(n) >= s.value);
  if (!scale) return lang === 'vi' ? `${formatNumber(n, lang)} đồng` : `VND ${formatNumber(n, lang)}`;
  const scaled = formatNumber(n / scale.value, lang, digits);
  return lang === 'vi' ? `${scaled} ${scale.vi}` : `VND ${scaled} ${scale.en}`;
}

/** A quantity with its unit, scaled to thousands when large: `580 nghìn tấn`. */
export function formatQuantity(v: number | string, unit: string, lang: Lang): string {
  const n = Number(v);
  if (Math.abs(n) >= 10_000) {
    return lang === 'vi'
      ? `${formatNumber(n / 1000, lang)} nghìn ${unit}`
      : `${formatNumber(n / 1000, lang)} thousand ${unit}`;
  }
  return `${formatNumber(n, lang, Number.isInteger(n) ? 0 : 2)} ${unit}`;
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** `2014-03` → `tháng 3/2014`; `2014-Q2` → `quý II/2014`; `2014` → `năm 2014`. */
export function formatPeriod(p: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})$/.exec(p);
  if (m) return lang === 'vi' ? `tháng ${Number(m[2])}/${m[1]}` : `${m[2]}/${m[1]}`;
  const q = /^(\d{4})-Q([1-4])$/.exec(p);
  if (q) return lang === 'vi' ? `quý ${ROMAN[Number(q[2]) - 1]}/${q[1]}` : `Q${q[2]} ${q[1]}`;
  return lang === 'vi' ? `năm ${p}` : p;
}

/** Dates (`2025-06-30`, a local day) and timestamps (PostgreSQL text `2014-03-01 08:00:00.123+00`, or ISO) become a Date. */
export function toDate(s: string): Date {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (day) return new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
  const iso = s.includes('T') ? s : s.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
  return new Date(iso);
}

export function formatDate(s: string | null | undefined, lang: Lang): string {
  if (!s) return '–';
  return new Intl.DateTimeFormat(locale(lang), { day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    toDate(s),
  );
}

export function formatDateTime(s: string | null | undefined, lang: Lang): string {
  if (!s) return '–';
  return new Intl.DateTimeFormat(locale(lang), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(toDate(s));
}

/**
 * How a provincial department names its province: the area's name without its level ("Tỉnh Lạng Sơn" →
 * "Lạng Sơn", "Thành phố Hà Nội" → "Hà Nội"), for "Sở Công Thương {place}" / "{place} Department of
 * Industry and Trade". English uses `nameEn` when the area has one. (Here, not in areas.ts: the web's first
 * screen loads this file, and areas.ts would bring zod with it.)
 */
export function departmentPlace(area: { name: string; nameEn: string | null }, lang: Lang): string {
  const name = lang === 'en' ? (area.nameEn ?? area.name) : area.name;
  return name.replace(/^(Tỉnh|Thành phố|Province of|City of)\s+/iu, '').replace(/\s+(Province|City)$/iu, '');
}
