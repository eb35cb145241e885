import { formatDate } from '../../contracts/format';
import type { Lang } from '../../contracts/messages';

/**
 * A calendar date (`2025-06-30`, no time) as dd/mm/yyyy. contracts/format.ts `toDate` reads the trailing
 * `-30` of a bare date as a time-zone offset, so bare dates get local midnight here instead.
 */
export function formatDay(s: string | null | undefined, lang: Lang): string {
  if (!s) return '–';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return formatDate(s, lang);
  // vi-VN and en-GB both write day/month/year.
  return `${m[3]}/${m[2]}/${m[1]}`;
}
