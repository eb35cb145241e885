import type { Lang } from '../../../../contracts/messages';
import type { ReportDocument } from '../../../../contracts/publishing';

/**
 * The fixed parts of a report in the administrative format of Decree 30/2020/NĐ-CP (Appendix I): the
 * agency and national-motto block, the number and place/date line, the document type, the signature and
 * recipients. Shared by the DOCX, HTML/PDF and Markdown renderers so that they say the same thing.
 */

/** Page geometry in millimetres: A4, margins within the decree's ranges (top/bottom 20–25, left 30–35, right 15–20). */
export const PAGE_MM = { width: 210, height: 297, top: 20, bottom: 20, left: 30, right: 15 } as const;
/** Body text 14 pt (13–14), agency names 13 pt (12–13), motto 13/14 pt, recipients 12/11 pt. */
export const FONT = 'Times New Roman';
export const PT = {
  body: 14,
  agency: 13,
  motto: 13,
  mottoSub: 14,
  title: 14,
  recipientsHead: 12,
  recipients: 11,
  table: 13,
} as const;

export interface Parts {
  motto: string;
  mottoSub: string;
  numberLine: string;
  dateLine: string;
  recipientsHead: string;
  tableCaption: (n: number, text: string) => string;
  chartCaption: (n: number, text: string) => string;
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * `Lạng Sơn, ngày 05 tháng 01 năm 2015`: the decree asks for a leading zero on days below 10 and months
 * below 3. A draft has no date yet: the blanks are left to fill in by hand.
 */
export function dateLine(place: string, date: string | null, lang: Lang): string {
  if (!date) return lang === 'vi' ? `${place}, ngày … tháng … năm …` : `${place}, … … …`;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (lang === 'vi') return `${place}, ngày ${d < 10 ? two(d) : d} tháng ${m < 3 ? two(m) : m} năm ${y}`;
  const month = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
  return `${place}, ${d} ${month} ${y}`;
}

/** `Số: 125/BC-SCT`; a draft without a number keeps the blank before the symbol. */
export function numberLine(number: string, lang: Lang): string {
  const n = number.trim() || '      /BC-SCT';
  return `${lang === 'vi' ? 'Số' : 'No.'}: ${n}`;
}

export function parts(doc: ReportDocument): Parts {
  const { lang, meta } = doc;
  return {
    motto: lang === 'vi' ? 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' : 'SOCIALIST REPUBLIC OF VIET NAM',
    mottoSub: lang === 'vi' ? 'Độc lập - Tự do - Hạnh phúc' : 'Independence - Freedom - Happiness',
    numberLine: numberLine(meta.number, lang),
    dateLine: dateLine(meta.place, meta.date, lang),
    recipientsHead: lang === 'vi' ? 'Nơi nhận:' : 'Recipients:',
    tableCaption: (n, t) => (lang === 'vi' ? `Bảng ${n}. ${t}` : `Table ${n}. ${t}`),
    chartCaption: (n, t) => (lang === 'vi' ? `Biểu đồ ${n}. ${t}` : `Chart ${n}. ${t}`),
  };
}

/** Recipient lines as the decree writes them: `- X;` and the last one `- Lưu: VT, …`. */
export function recipientLines(recipients: string[]): string[] {
  return recipients.map((r, i) => {
    const t = r.trim().replace(/[.;]+$/, '');
    return `- ${t}${i === recipients.length - 1 ? '.' : ';'}`;
  });
}
