import { formatNumber } from '../../../contracts/format';
import type { Lang } from '../../../contracts/messages';
import type { ReasonFacts } from '../../../contracts/publishing';
import type { Db } from '../../platform/db';
import { monthsOf } from './periods';
import type { ReasonsSource } from './publishing.service';

/**
 * Reasons on record from the industrial-extension module: what each scheme completed in the period achieved,
 * as a clause that follows the enterprise's name in the report ("Công ty TNHH H&T được hỗ trợ …"). The shape
 * is the extension module's SupportOutcome (server/modules/extension/support-outcomes.ts), read through the
 * composition root (server/app.ts), so that publishing does not depend on that module.
 */
export interface SupportOutcomeFacts {
  fundingSource: 'national' | 'local';
  enterpriseName: string;
  productCode: string | null;
  title: string;
  capacityBefore: string | null;
  capacityAfter: string | null;
  capacityUnit: string | null;
  jobsCreated: number | null;
}

export type SupportOutcomeReader = (
  db: Db,
  q: { from: string; to: string; areaCode: string },
) => Promise<SupportOutcomeFacts[]>;

const UNIT_WORDS_EN: [RegExp, string][] = [
  [/nghìn sản phẩm/g, 'thousand items'],
  [/sản phẩm/g, 'items'],
  [/tấn/g, 'tonnes'],
  [/lít/g, 'litres'],
  [/chiếc/g, 'units'],
  [/\/\s*năm/g, '/year'],
  [/\/\s*tháng/g, '/month'],
];

/**
 * `m2/năm` → `m²/năm` (vi) or `m²/year` (en). A unit English does not know is given as entered, in
 * brackets, rather than half translated.
 */
function unitText(unit: string, lang: Lang): string {
  const u = unit
    .trim()
    .replace(/\bm2\b/g, 'm²')
    .replace(/\bm3\b/g, 'm³');
  if (lang === 'vi') return ` ${u}`;
  let en = u;
  for (const [re, word] of UNIT_WORDS_EN) en = en.replace(re, word);
  return /[^\x20-\x7e²³]/.test(en) ? ` (${u})` : ` ${en}`;
}

function clause(o: SupportOutcomeFacts, lang: Lang): string {
  const before = o.capacityBefore === null ? null : Number(o.capacityBefore);
  const after = o.capacityAfter === null ? null : Number(o.capacityAfter);
  const unit = o.capacityUnit ? unitText(o.capacityUnit, lang) : '';
  const raised = before !== null && after !== null && after > before && before > 0;
  const jobs = o.jobsCreated !== null && o.jobsCreated > 0 ? o.jobsCreated : null;
  if (lang === 'vi') {
    const parts = [
      `được hỗ trợ từ chương trình khuyến công ${o.fundingSource === 'national' ? 'quốc gia' : 'địa phương'}`,
    ];
    if (raised)
      parts.push(`nâng công suất từ ${formatNumber(before, 'vi')} lên ${formatNumber(after, 'vi')}${unit}`);
    if (jobs !== null) parts.push(`tạo việc làm cho ${formatNumber(jobs, 'vi')} lao động`);
    if (parts.length === 1) return `${parts[0]} (đề án “${o.title}”)`;
    return parts.length === 3 ? `${parts[0]}, ${parts[1]} và ${parts[2]}` : parts.join(', ');
  }
  const parts = [
    `received ${o.fundingSource === 'national' ? 'national' : 'provincial'} industrial-extension support`,
  ];
  if (raised)
    parts.push(`raising capacity from ${formatNumber(before, 'en')} to ${formatNumber(after, 'en')}${unit}`);
  if (jobs !== null) parts.push(`creating ${formatNumber(jobs, 'en')} job${jobs === 1 ? '' : 's'}`);
  if (parts.length === 1) return `${parts[0]} (scheme “${o.title}”)`;
  return parts.length === 3 ? `${parts[0]}, ${parts[1]} and ${parts[2]}` : parts.join(', ');
}

/** One reason per completed scheme, in the reader's order (the biggest outcome first). */
export function supportReasons(list: SupportOutcomeFacts[]): ReasonFacts[] {
  return list.map((o) => ({
    source: 'support' as const,
    enterprise: o.enterpriseName,
    ...(o.productCode ? { productCode: o.productCode } : {}),
    text: { vi: clause(o, 'vi'), en: clause(o, 'en') },
  }));
}

/** The first and last day of a report period (`2014`, `2014-Q2`). */
export function periodDates(period: string): { from: string; to: string } {
  const months = monthsOf(period);
  const first = months[0]!;
  const last = months.at(-1)!;
  const y = Math.floor(last / 100);
  const m = last % 100;
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    from: `${Math.floor(first / 100)}-${pad(first % 100)}-01`,
    to: `${y}-${pad(m)}-${pad(lastDay)}`,
  };
}

/** A reasons source (setReasonsSource) over a reader of completed schemes' outcomes. */
export function supportReasonsSource(read: SupportOutcomeReader): ReasonsSource {
  return async (db, q) => supportReasons(await read(db, { ...periodDates(q.period), areaCode: q.areaCode }));
}
