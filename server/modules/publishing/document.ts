import { formatNumber, formatPercent, formatPeriod } from '../../../contracts/format';
import type { Lang } from '../../../contracts/messages';
import type {
  ChartSpec,
  IndustryFacts,
  ReportBlock,
  ReportDocument,
  ReportMeta,
  TableCell,
} from '../../../contracts/publishing';
import { areaPhrase, pick, writeIndustryNarrative } from './narrative';

/**
 * The whole report document from the facts: the Decree 30 parts (agency, number, title, recipients,
 * signature), a heading, the narrative, the key-products table and two charts. Pure and deterministic.
 */

export function defaultMeta(facts: IndustryFacts, lang: Lang): ReportMeta {
  const when = formatPeriod(facts.period, lang);
  const area = areaPhrase(facts.area.name, lang);
  if (lang === 'vi')
    return {
      agencyParent: 'UBND TỈNH LẠNG SƠN',
      agency: 'SỞ CÔNG THƯƠNG',
      number: '',
      place: 'Lạng Sơn',
      date: null,
      title: 'BÁO CÁO',
      subject: `Tình hình sản xuất công nghiệp ${when} trên địa bàn ${area}`,
      recipients: [
        'UBND tỉnh (b/c)',
        'Bộ Công Thương (b/c)',
        'Cục Thống kê tỉnh',
        'Lãnh đạo Sở',
        'Lưu: VT, QLCN',
      ],
      signerTitle: 'GIÁM ĐỐC',
      signerName: '',
    };
  return {
    agencyParent: 'PEOPLE’S COMMITTEE OF LẠNG SƠN PROVINCE',
    agency: 'DEPARTMENT OF INDUSTRY AND TRADE',
    number: '',
    place: 'Lạng Sơn',
    date: null,
    title: 'REPORT',
    subject: `Industrial production in ${area}, ${when}`,
    recipients: [
      'Provincial People’s Committee (for reporting)',
      'Ministry of Industry and Trade (for reporting)',
      'Provincial Statistics Office',
      'Department leadership',
      'Archive: VT, QLCN',
    ],
    signerTitle: 'DIRECTOR',
    signerName: '',
  };
}

const n = (v: string | null) => (v === null ? null : Number(v));

function productsTable(facts: IndustryFacts, lang: Lang): ReportBlock | null {
  if (!facts.products.length) return null;
  const header =
    lang === 'vi'
      ? [
          'Sản phẩm',
          'Đơn vị tính',
          `Sản lượng ${formatPeriod(facts.period, lang)}`,
          `So với cùng kỳ (%)`,
          '% kế hoạch',
        ]
      : [
          'Product',
          'Unit',
          `Output ${formatPeriod(facts.period, lang)}`,
          'Change on a year earlier (%)',
          '% of plan',
        ];
  const unit = (u: { vi: string; en?: string }) => pick(u, lang);
  const rows: TableCell[][] = facts.products.map((p) => {
    const yoy = n(p.yoy.value);
    const plan = p.plan ? n(p.plan.value) : null;
    const q = n(p.quantity.value) ?? 0;
    const qty = formatNumber(q, lang, Number.isInteger(q) ? 0 : 1);
    return [
      { runs: [{ text: pick(p.name, lang) }] },
      { runs: [{ text: unit(p.unit) }], align: 'center' },
      { runs: [{ text: qty, ref: p.quantity.ref }], align: 'right' },
      {
        runs: [{ text: yoy === null ? '–' : formatPercent(yoy, lang, 1).replace('%', ''), ref: p.yoy.ref }],
        align: 'right',
      },
      {
        runs:
          p.plan && plan !== null
            ? [{ text: formatPercent(plan, lang, 1).replace('%', ''), ref: p.plan.ref }]
            : [{ text: '–' }],
        align: 'right',
      },
    ];
  });
  return {
    type: 'table',
    caption:
      lang === 'vi'
        ? 'Sản lượng một số sản phẩm công nghiệp chủ yếu'
        : 'Output of the main industrial products',
    header,
    rows,
  };
}

function sectionsChart(facts: IndustryFacts, lang: Lang): ReportBlock | null {
  if (facts.sections.length < 2) return null;
  const bn = (v: number | null) => (v === null ? null : Math.round((v / 1e9) * 10) / 10);
  const cur = facts.sections.map((s) => bn(n(s.goConst.value)));
  const prev = facts.sections.map((s) => {
    const v = n(s.goConst.value);
    const g = n(s.yoy.value);
    return v === null || g === null ? null : bn(v / (1 + g / 100));
  });
  const chart: ChartSpec = {
    kind: 'sections',
    title:
      lang === 'vi'
        ? 'Giá trị sản xuất công nghiệp theo ngành (giá so sánh)'
        : 'Gross industrial output by section (constant prices)',
    categories: facts.sections.map((s) => {
      const name = pick(s.name, lang);
      return name.charAt(0).toLocaleUpperCase('vi') + name.slice(1);
    }),
    series: [
      { name: formatPeriod(facts.comparePeriod, lang), data: prev },
      { name: formatPeriod(facts.period, lang), data: cur },
    ],
    unit: lang === 'vi' ? 'tỷ đồng' : 'VND billion',
  };
  return { type: 'chart', chart };
}

function growthChart(facts: IndustryFacts, lang: Lang): ReportBlock | null {
  // The key products and the biggest movers (a small product that doubled belongs in the picture).
  const seen = new Set<string>();
  const items = [...facts.products, ...facts.movers.up, ...facts.movers.down].filter(
    (p) => p.yoy.value !== null && !seen.has(p.code) && seen.add(p.code),
  );
  if (items.length < 2) return null;
  const sorted = [...items].sort((a, b) => Number(b.yoy.value) - Number(a.yoy.value));
  return {
    type: 'chart',
    chart: {
      kind: 'products-growth',
      title:
        lang === 'vi'
          ? 'Tốc độ tăng sản lượng sản phẩm chủ yếu so với cùng kỳ (%)'
          : 'Growth of the main products on a year earlier (%)',
      categories: sorted.map((p) => pick(p.name, lang)),
      series: [{ name: '%', data: sorted.map((p) => Math.round(Number(p.yoy.value) * 10) / 10) }],
      unit: '%',
    },
  };
}

export function buildReportDocument(
  facts: IndustryFacts,
  lang: Lang,
  meta: Partial<ReportMeta> = {},
): ReportDocument {
  const heading: ReportBlock = {
    type: 'heading',
    level: 1,
    runs: [{ text: lang === 'vi' ? 'I. TÌNH HÌNH SẢN XUẤT CÔNG NGHIỆP' : 'I. INDUSTRIAL PRODUCTION' }],
  };
  const blocks: ReportBlock[] = [heading, ...writeIndustryNarrative(facts, lang)];
  for (const b of [productsTable(facts, lang), sectionsChart(facts, lang), growthChart(facts, lang)]) {
    if (b) blocks.push(b);
  }
  return {
    lang,
    period: facts.period,
    areaCode: facts.area.code,
    provisional: facts.provisional,
    dataAsOf: facts.dataAsOf,
    meta: { ...defaultMeta(facts, lang), ...meta },
    blocks,
  };
}
