import { formatNumber, formatPercent, formatPeriod, formatVnd } from '../../../contracts/format';
import type { Lang } from '../../../contracts/messages';
import type {
  Bilingual,
  Figure,
  IndustryFacts,
  ProductFacts,
  ReasonFacts,
  ReportBlock,
  SectionFacts,
  TextRun,
} from '../../../contracts/publishing';

/**
 * The industry section of the year-end report, written from the facts (pure and deterministic). It follows
 * the seed article's "KẾT QUẢ ẤN TƯỢNG" paragraph: an opening judgement, the headline value and growth,
 * the sections, the key products in one flowing sentence, then why (the biggest movers and the reasons on
 * record). Every number is a run that carries the query that produced it.
 */

/** |growth| below this is "flat" (tương đương cùng kỳ). */
export const FLAT = 0.5;
/** Growth from this is "strong" (tăng trưởng mạnh); from MODERATE "moderate" (tăng khá). */
export const STRONG = 10;
export const MODERATE = 3;

export type Trend = 'strong' | 'moderate' | 'slight' | 'flat' | 'fall' | 'unknown';

export function trendOf(v: number | null): Trend {
  if (v === null || !Number.isFinite(v)) return 'unknown';
  if (Math.abs(v) < FLAT) return 'flat';
  if (v < 0) return 'fall';
  if (v >= STRONG) return 'strong';
  if (v >= MODERATE) return 'moderate';
  return 'slight';
}

const num = (f: Figure | null | undefined): number | null =>
  f && f.value !== null && f.value !== undefined ? Number(f.value) : null;

/** Builds a paragraph's runs, merging adjacent plain text. */
class Para {
  readonly runs: TextRun[] = [];
  t(text: string, style: { bold?: boolean; italic?: boolean } = {}): this {
    const last = this.runs.at(-1);
    if (last && !last.ref && !style.bold && !style.italic && !last.bold && !last.italic) last.text += text;
    else if (text) this.runs.push({ text, ...style });
    return this;
  }
  n(text: string, f: Figure): this {
    this.runs.push({ text, ref: f.ref, ...(f.status ? { status: f.status } : {}) });
    return this;
  }
  get empty(): boolean {
    return this.runs.every((r) => !r.text.trim());
  }
  block(): ReportBlock {
    return { type: 'paragraph', runs: this.runs };
  }
}

const ucFirst = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
/** Lower-case the first letter unless the word looks like an acronym or a proper name (`PCB`, `Na Dương`). */
const lcFirst = (s: string) => (/^\p{Lu}{2}/u.test(s) ? s : s.charAt(0).toLocaleLowerCase('vi') + s.slice(1));

const UNIT_EN: Record<string, string> = {
  tấn: 'tonnes',
  'nghìn tấn': 'thousand tonnes',
  m2: 'm²',
  m3: 'm³',
  'nghìn viên': 'thousand bricks',
  'triệu viên': 'million bricks',
  viên: 'bricks',
  chiếc: 'units',
  cái: 'pieces',
  lít: 'litres',
  'nghìn lít': 'thousand litres',
  kWh: 'kWh',
  'triệu kWh': 'million kWh',
  'nghìn kWh': 'thousand kWh',
  bộ: 'sets',
  kg: 'kg',
};

export function pick(b: Bilingual, lang: Lang): string {
  return lang === 'en' ? (b.en ?? b.vi) : b.vi;
}

const SCALES = [
  { vi: 'nghìn', en: 'thousand', f: 1e3 },
  { vi: 'triệu', en: 'million', f: 1e6 },
  { vi: 'tỷ', en: 'billion', f: 1e9 },
] as const;

function unitEn(unit: string): string {
  if (UNIT_EN[unit]) return UNIT_EN[unit]!;
  const m = /^(nghìn|triệu|tỷ) (.+)$/u.exec(unit);
  if (m) return `${SCALES.find((s) => s.vi === m[1])!.en} ${UNIT_EN[m[2]!] ?? m[2]}`;
  return unit;
}

/**
 * A quantity for the reader: the catalogue's unit may already carry a scale (`nghìn chiếc`, `triệu kWh`);
 * the figure is rescaled so that it reads `580 nghìn tấn`, `7 triệu chiếc`, `861 triệu kWh`.
 */
export function quantityText(value: number, unit: Bilingual, lang: Lang): string {
  const m = /^(nghìn|triệu|tỷ) (.+)$/u.exec(unit.vi);
  const baseUnit = m ? m[2]! : unit.vi;
  let n = value * (m ? SCALES.find((s) => s.vi === m[1])!.f : 1);
  let scale: (typeof SCALES)[number] | null = null;
  for (const s of SCALES) if (Math.abs(n) >= s.f * 10 || (s.f > 1e3 && Math.abs(n) >= s.f)) scale = s;
  if (scale) n /= scale.f;
  const digits = Math.abs(n) >= 100 || Number.isInteger(n) ? 0 : Math.abs(n) >= 10 ? 1 : 2;
  const num = formatNumber(n, lang, digits).replace(/[.,]0+$/, '');
  if (lang === 'vi') return `${num} ${scale ? `${scale.vi} ` : ''}${baseUnit}`;
  const en = unit.en && !m ? unit.en : unitEn(baseUnit);
  return `${num} ${scale ? `${scale.en} ` : ''}${en}`;
}

/** `Tỉnh Lạng Sơn` → `tỉnh Lạng Sơn` / `Lạng Sơn province`. */
export function areaPhrase(name: Bilingual, lang: Lang): string {
  if (lang === 'en') {
    if (name.en) return name.en;
    const m = /^(Tỉnh|Thành phố|Huyện|Thị xã|Xã|Phường|Thị trấn)\s+(.+)$/u.exec(name.vi);
    if (!m) return name.vi;
    const kind: Record<string, string> = {
      Tỉnh: 'province',
      'Thành phố': 'city',
      Huyện: 'district',
      'Thị xã': 'town',
      Xã: 'commune',
      Phường: 'ward',
      'Thị trấn': 'township',
    };
    return `${m[2]} ${kind[m[1]!]}`;
  }
  return lcFirst(name.vi);
}

function money(f: Figure, lang: Lang): string {
  const v = num(f) ?? 0;
  // Below 100 billion a decimal keeps small areas' figures meaningful (45,3 tỷ đồng).
  const digits = Math.abs(v) >= 1e9 && Math.abs(v) < 1e11 ? 1 : 0;
  return formatVnd(v, lang, digits).replace(/[.,]0(?= )/, '');
}

const pct = (v: number, lang: Lang, digits = 1) => formatPercent(Math.abs(v), lang, digits);

function isQuarter(period: string): boolean {
  return /-Q[1-4]$/.test(period);
}

/** `so với năm 2013` / `so với cùng kỳ năm 2013`; `on 2013` / `on the same quarter of 2013`. */
function comparedWith(facts: IndustryFacts, lang: Lang): string {
  const year = facts.comparePeriod.slice(0, 4);
  if (lang === 'vi') return isQuarter(facts.period) ? `so với cùng kỳ năm ${year}` : `so với năm ${year}`;
  return isQuarter(facts.period) ? `on the same quarter of ${year}` : `on ${year}`;
}

/** `, tăng 14,15% so với năm 2013`, `, giảm 3,2%`, `, tương đương cùng kỳ (tăng 0,2%)` — the growth is the number run. */
function growthRuns(p: Para, f: Figure, lang: Lang, digits: number, against: string | null): void {
  const v = num(f);
  if (v === null) return;
  const sign = v >= 0 ? (lang === 'vi' ? 'tăng ' : 'up ') : lang === 'vi' ? 'giảm ' : 'down ';
  if (trendOf(v) === 'flat') {
    if (lang === 'vi') p.t(`, tương đương ${against ? against.replace(/^so với /, '') : 'cùng kỳ'} (${sign}`);
    else p.t(`, level with ${against ? against.replace(/^on /, '') : 'a year earlier'} (${sign}`);
    p.n(pct(v, lang, digits), f).t(')');
    return;
  }
  p.t(`, ${sign}`).n(pct(v, lang, digits), f);
  if (against) p.t(` ${against}`);
}

function opening(facts: IndustryFacts, lang: Lang): string {
  const when = ucFirst(formatPeriod(facts.period, lang));
  const area = areaPhrase(facts.area.name, lang);
  const tr = trendOf(num(facts.goConstYoy));
  if (lang === 'vi') {
    const head = `${when}, sản xuất công nghiệp trên địa bàn ${area}`;
    switch (tr) {
      case 'strong':
        return `${head} đã có bước tiến vững chắc, đạt được nhiều kết quả ấn tượng. `;
      case 'moderate':
        return `${head} tiếp tục tăng trưởng khá và ổn định. `;
      case 'slight':
        return `${head} duy trì được đà tăng trưởng, tuy mức tăng còn thấp. `;
      case 'flat':
        return `${head} cơ bản giữ ổn định so với cùng kỳ. `;
      case 'fall':
        return `${head} gặp nhiều khó khăn, giá trị sản xuất giảm so với cùng kỳ. `;
      default:
        return `${head} đạt được những kết quả sau. `;
    }
  }
  const head = `In ${formatPeriod(facts.period, lang)}, industrial production in ${area}`;
  switch (tr) {
    case 'strong':
      return `${head} took a firm step forward, with impressive results. `;
    case 'moderate':
      return `${head} kept growing at a good, steady pace. `;
    case 'slight':
      return `${head} kept growing, though only slightly. `;
    case 'flat':
      return `${head} held broadly steady on the same period of the previous year. `;
    case 'fall':
      return `${head} met serious difficulties, and output fell on the same period of the previous year. `;
    default:
      return `${head} achieved the following results. `;
  }
}

function headline(p: Para, facts: IndustryFacts, lang: Lang): void {
  p.t(opening(facts, lang));
  if (lang === 'vi') p.t(`Tổng giá trị sản xuất công nghiệp (giá so sánh năm ${facts.baseYear}) đạt `);
  else p.t(`Gross industrial output (at constant ${facts.baseYear} prices) reached `);
  p.n(money(facts.goConst, lang), facts.goConst);
  growthRuns(p, facts.goConstYoy, lang, 2, comparedWith(facts, lang));
  const plan = num(facts.goConstPlan);
  if (plan !== null && facts.goConstPlan) {
    const planText = formatPercent(plan, lang, 1);
    if (isQuarter(facts.period)) {
      p.t(lang === 'vi' ? ', bằng ' : ', ').n(planText, facts.goConstPlan);
      p.t(lang === 'vi' ? ' kế hoạch năm' : ' of the year’s plan');
    } else {
      p.t(lang === 'vi' ? ', đạt ' : ', ').n(planText, facts.goConstPlan);
      if (plan >= 100.5)
        p.t(lang === 'vi' ? ' kế hoạch năm, vượt kế hoạch đề ra' : ' of the plan, ahead of target');
      else if (plan >= 99.5)
        p.t(lang === 'vi' ? ' kế hoạch năm, hoàn thành kế hoạch đề ra' : ' of the plan, on target');
      else p.t(lang === 'vi' ? ' kế hoạch năm, chưa đạt kế hoạch đề ra' : ' of the plan, short of target');
    }
  }
  p.t('.');
}

function sectionsSentence(p: Para, facts: IndustryFacts, lang: Lang): void {
  const sections = [...facts.sections].sort((a, b) => (num(b.goConst) ?? 0) - (num(a.goConst) ?? 0));
  if (sections.length === 0) return;
  const item = (s: SectionFacts, first: boolean) => {
    const name = lcFirst(pick(s.name, lang));
    p.t(lang === 'vi' ? `${name} đạt ` : `${name} reached `);
    p.n(money(s.goConst, lang), s.goConst);
    growthRuns(p, s.yoy, lang, 1, first ? (lang === 'vi' ? 'so với cùng kỳ' : 'on a year earlier') : null);
  };
  if (sections.length === 1) {
    p.t(lang === 'vi' ? ' Toàn bộ giá trị sản xuất thuộc ngành ' : ' All of it came from ');
    p.t(`${lcFirst(pick(sections[0]!.name, lang))}.`);
    return;
  }
  p.t(lang === 'vi' ? ' Xét theo ngành, ' : ' By section, ');
  sections.forEach((s, i) => {
    if (i > 0) p.t('; ');
    item(s, i === 0);
  });
  p.t('.');
}

/** `xi măng sản xuất được 580 nghìn tấn, tăng 11,5%` — the verb varies along the list. */
function productClause(p: Para, prod: ProductFacts, lang: Lang, i: number, withGrowth = true): void {
  const name = lcFirst(pick(prod.name, lang));
  const verbsVi = ['sản xuất được', 'đạt', 'đạt', 'đạt'];
  const verb = i === 0 && !/sản xuất/u.test(name) ? verbsVi[0] : (verbsVi[i % verbsVi.length] ?? 'đạt');
  if (lang === 'vi') p.t(`${name} ${/sản xuất/u.test(name) ? 'đạt' : verb} `);
  else p.t(`${name} output ${i === 0 ? 'reached' : 'came to'} `);
  p.n(quantityText(num(prod.quantity) ?? 0, prod.unit, lang), prod.quantity);
  if (withGrowth) growthRuns(p, prod.yoy, lang, 1, null);
  const plan = num(prod.plan);
  if (plan !== null && prod.plan) {
    p.t(lang === 'vi' ? (plan >= 100 ? ', vượt kế hoạch (đạt ' : ', đạt ') : ', ');
    p.n(formatPercent(plan, lang, 1), prod.plan);
    p.t(lang === 'vi' ? (plan >= 100 ? ' kế hoạch)' : ' kế hoạch') : ' of plan');
  }
}

function productsSentence(p: Para, facts: IndustryFacts, lang: Lang): void {
  const keyed = facts.products.filter((x) => x.key);
  const list = keyed.length ? keyed : facts.products;
  const rising = list.filter((x) => ['strong', 'moderate', 'slight'].includes(trendOf(num(x.yoy))));
  const falling = list.filter((x) => trendOf(num(x.yoy)) === 'fall');
  const flat = list.filter((x) => ['flat', 'unknown'].includes(trendOf(num(x.yoy))));
  const anyStrong = rising.some((x) => trendOf(num(x.yoy)) === 'strong');

  const series = (items: ProductFacts[], withGrowth = true) =>
    items.forEach((x, i) => {
      if (i > 0) p.t('; ');
      productClause(p, x, lang, i, withGrowth);
    });

  if (rising.length > 1) {
    if (lang === 'vi')
      p.t(
        ` Trong đó, nhiều sản phẩm công nghiệp quan trọng có sự tăng trưởng ${anyStrong ? 'mạnh' : 'khá'} như `,
      );
    else p.t(` Several key industrial products grew ${anyStrong ? 'strongly' : 'steadily'}: `);
    series(rising);
    p.t('.');
  } else if (rising.length === 1) {
    p.t(
      lang === 'vi'
        ? ` Trong số các sản phẩm chủ yếu, ${rising.length === list.length ? '' : 'chỉ có '}`
        : ` Among the main products, ${rising.length === list.length ? '' : 'only '}`,
    );
    series(rising);
    p.t('.');
  }
  if (falling.length > 1) {
    p.t(lang === 'vi' ? ' Bên cạnh đó, một số sản phẩm giảm so với cùng kỳ như ' : ' Some products fell: ');
    series(falling);
    p.t('.');
  } else if (falling.length === 1) {
    p.t(lang === 'vi' ? ' Riêng ' : ' On the other hand, ');
    series(falling);
    p.t(lang === 'vi' ? ' so với cùng kỳ.' : ' on a year earlier.');
  }
  if (flat.length) {
    p.t(lang === 'vi' ? ' Sản lượng ' : ' ');
    flat.forEach((x, i) => {
      if (i > 0) p.t(i === flat.length - 1 ? (lang === 'vi' ? ' và ' : ' and ') : ', ');
      const name = lcFirst(pick(x.name, lang));
      p.t(lang === 'vi' ? `${name} (` : `${i === 0 ? ucFirst(name) : name} output (`);
      p.n(quantityText(num(x.quantity) ?? 0, x.unit, lang), x.quantity).t(')');
    });
    const known = flat.some((x) => trendOf(num(x.yoy)) === 'flat');
    if (lang === 'vi') p.t(known ? ' giữ mức tương đương cùng kỳ.' : ' chưa có số liệu cùng kỳ để so sánh.');
    else p.t(known ? ' held level with a year earlier.' : ' has no earlier figure to compare with.');
  }
}

function reasonsFor(facts: IndustryFacts, prod: ProductFacts): ReasonFacts[] {
  return (facts.reasons ?? []).filter((r) => r.productCode === prod.code);
}

function reasonClause(r: ReasonFacts, lang: Lang): string {
  const t = pick(r.text, lang)
    .trim()
    .replace(/[.;]+$/, '');
  return `${r.enterprise} ${lcFirst(t)}`;
}

/** Support outcomes named one by one in the "why" paragraph; any others are counted. */
const SUPPORT_SHOWN = 3;

/** Why: the biggest movers up (with the reasons on record) and down. */
function whyParagraph(facts: IndustryFacts, lang: Lang): Para {
  const p = new Para();
  const tr = trendOf(num(facts.goConstYoy));
  const up = facts.movers.up.filter((x) => (num(x.yoy) ?? 0) >= FLAT);
  const down = facts.movers.down.filter((x) => (num(x.yoy) ?? 0) <= -FLAT);
  const prev = facts.comparePeriod.slice(0, 4);
  const top = up[0];
  if (top) {
    const reasons = reasonsFor(facts, top);
    const name = lcFirst(pick(top.name, lang));
    if (reasons.length && ['strong', 'moderate', 'slight'].includes(tr)) {
      if (lang === 'vi') {
        p.t(
          `Sở dĩ có được sự tăng trưởng ${tr === 'strong' ? 'mạnh ' : ''}so với năm ${prev} là do các doanh nghiệp đã vượt qua được khó khăn, từng bước ổn định và phát triển sản xuất, như ${reasons.map((r) => reasonClause(r, lang)).join('; ')}, nên sản lượng ${name} tăng cao, tăng `,
        );
      } else {
        p.t(
          `This ${tr === 'strong' ? 'strong ' : ''}growth on ${prev} came as enterprises overcame their difficulties and steadied and expanded production: ${reasons.map((r) => reasonClause(r, lang)).join('; ')}, so that ${name} output rose sharply, up `,
        );
      }
      p.n(pct(num(top.yoy)!, lang), top.yoy).t(lang === 'vi' ? ' so với cùng kỳ.' : ' on a year earlier.');
    } else {
      p.t(
        lang === 'vi'
          ? `Sản phẩm có mức tăng cao nhất là ${name}, sản lượng tăng `
          : `The fastest-growing product was ${name}, up `,
      );
      p.n(pct(num(top.yoy)!, lang), top.yoy).t(lang === 'vi' ? ' so với cùng kỳ' : ' on a year earlier');
      const rest = up.slice(1, 3);
      rest.forEach((x, i) => {
        p.t(
          i === 0 ? (lang === 'vi' ? '; tiếp đến là ' : '; followed by ') : lang === 'vi' ? ' và ' : ' and ',
        );
        p.t(`${lcFirst(pick(x.name, lang))} (${lang === 'vi' ? 'tăng' : 'up'} `);
        p.n(pct(num(x.yoy)!, lang), x.yoy).t(')');
      });
      p.t('.');
    }
  }
  const listed = new Set(
    (facts.products.some((x) => x.key) ? facts.products.filter((x) => x.key) : facts.products).map(
      (x) => x.code,
    ),
  );
  const low = down[0];
  if (low && (reasonsFor(facts, low).length > 0 || !listed.has(low.code) || tr === 'fall')) {
    const name = lcFirst(pick(low.name, lang));
    const reasons = reasonsFor(facts, low);
    if (tr === 'fall') {
      p.t(
        lang === 'vi'
          ? `${p.empty ? '' : ' '}Nguyên nhân chủ yếu là sản lượng ${name} giảm `
          : `${p.empty ? '' : ' '}The fall came mainly from ${name}, down `,
      );
    } else {
      p.t(
        lang === 'vi'
          ? `${p.empty ? '' : ' '}Ngược lại, sản lượng ${name} giảm `
          : `${p.empty ? '' : ' '}In contrast, ${name} output fell by `,
      );
    }
    p.n(pct(num(low.yoy)!, lang), low.yoy);
    p.t(lang === 'vi' ? ' so với cùng kỳ' : ' on a year earlier');
    if (reasons.length)
      p.t(
        lang === 'vi'
          ? ` (${reasons.map((r) => reasonClause(r, lang)).join('; ')})`
          : ` (${reasons.map((r) => reasonClause(r, lang)).join('; ')})`,
      );
    p.t('.');
  }
  const support = (facts.reasons ?? []).filter(
    (r) =>
      r.source === 'support' && !(top && r.productCode === top.code) && !(low && r.productCode === low.code),
  );
  if (support.length) {
    // The first few (the source gives the biggest outcomes first); the rest as a count.
    const list = support
      .slice(0, SUPPORT_SHOWN)
      .map((r) => reasonClause(r, lang))
      .join('; ');
    const more = support.length - SUPPORT_SHOWN;
    p.t(
      lang === 'vi'
        ? `${p.empty ? '' : ' '}Công tác hỗ trợ doanh nghiệp cũng góp phần vào kết quả chung: ${list}${more > 0 ? `; cùng ${more} đề án khuyến công khác` : ''}.`
        : `${p.empty ? '' : ' '}Support to enterprises also contributed: ${list}${more > 0 ? `; and ${more} other extension scheme${more === 1 ? '' : 's'}` : ''}.`,
    );
  }
  return p;
}

function notesParagraph(facts: IndustryFacts, lang: Lang): Para {
  const p = new Para();
  const when = formatPeriod(facts.period, lang);
  let text = '';
  if (lang === 'vi') {
    const est = 'có bao gồm số liệu ước tính cho các doanh nghiệp chưa gửi báo cáo';
    if (facts.provisional)
      text = `Số liệu ${when} là số liệu sơ bộ (kỳ báo cáo chưa được phê duyệt)${facts.imputed ? ` và ${est}` : ''}.`;
    else if (facts.imputed) text = `Số liệu ${when} ${est}.`;
  } else {
    const est = 'include estimates for enterprises that have not reported';
    if (facts.provisional)
      text = `Figures for ${when} are provisional (the period is not yet approved)${facts.imputed ? ` and ${est}` : ''}.`;
    else if (facts.imputed) text = `Figures for ${when} ${est}.`;
  }
  if (text) p.t(`${lang === 'vi' ? 'Ghi chú: ' : 'Note: '}${text}`, { italic: true });
  return p;
}

/** The narrative: one to three paragraphs. */
export function writeIndustryNarrative(facts: IndustryFacts, lang: Lang): ReportBlock[] {
  const first = new Para();
  headline(first, facts, lang);
  productsSentence(first, facts, lang);
  sectionsSentence(first, facts, lang);
  const blocks = [first.block()];
  const why = whyParagraph(facts, lang);
  if (!why.empty) blocks.push(why.block());
  const notes = notesParagraph(facts, lang);
  if (!notes.empty) blocks.push(notes.block());
  return blocks;
}

/** The plain text of blocks (paragraphs and headings), one per line. */
export function blocksToText(blocks: ReportBlock[]): string {
  return blocks
    .map((b) => (b.type === 'paragraph' || b.type === 'heading' ? b.runs.map((r) => r.text).join('') : ''))
    .filter(Boolean)
    .join('\n');
}
