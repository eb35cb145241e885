import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IndustryFacts } from '../../../contracts/publishing';
import { fig, langSon2014, product } from './fixtures';
import { areaPhrase, blocksToText, quantityText, trendOf, writeIndustryNarrative } from './narrative';

const vi = (f: IndustryFacts) => blocksToText(writeIndustryNarrative(f, 'vi'));
const en = (f: IndustryFacts) => blocksToText(writeIndustryNarrative(f, 'en'));

function withGrowth(yoy: string | null): IndustryFacts {
  const f = langSon2014();
  f.goConstYoy = { ...f.goConstYoy, value: yoy };
  return f;
}

describe('the Lạng Sơn 2014 narrative (seed article figures)', () => {
  it('says the four phrases of the article in Vietnamese', () => {
    const text = vi(langSon2014());
    expect(text).toContain('3.586 tỷ đồng');
    expect(text).toContain('tăng 14,15% so với năm 2013');
    expect(text).toContain('580 nghìn tấn');
    expect(text).toContain('11,5%');
    expect(text).toMatch(/chì điện phân[^.]*tăng 44,3%/);
    expect(text).toContain('nhiều kết quả ấn tượng');
    expect(text).toContain('xi măng sản xuất được 580 nghìn tấn, tăng 11,5%');
  });

  it('says them in English', () => {
    const text = en(langSon2014());
    expect(text).toContain('VND 3,586 billion, up 14.15% on 2013');
    expect(text).toContain('cement output reached 580 thousand tonnes, up 11.5%');
    expect(text).toMatch(/electrolytic lead[^.]*up 44.3%/);
    expect(text).not.toMatch(/[ăâđêôơư]{2}/); // no Vietnamese sentence left in English text
  });

  it('links every number to the query that produced it', () => {
    const blocks = writeIndustryNarrative(langSon2014(), 'vi');
    const runs = blocks.flatMap((b) => (b.type === 'paragraph' ? b.runs : []));
    const go = runs.find((r) => r.text === '3.586 tỷ đồng');
    expect(go?.ref).toEqual({
      indicator: 'GO_CONST',
      period: '2014',
      area: '20',
      activity: '_T',
      product: '_T',
    });
    expect(runs.find((r) => r.text === '14,15%')?.ref?.indicator).toBe('GO_CONST_YOY');
    expect(runs.find((r) => r.text === '580 nghìn tấn')?.ref).toMatchObject({
      indicator: 'OUTPUT_QTY',
      product: 'XM',
    });
    // no digit outside a number run, except the years and the base year in the fixed wording
    for (const r of runs.filter((x) => !x.ref)) {
      expect(r.text.replace(/\b(19|20)\d\d\b/g, '')).not.toMatch(/\d/);
    }
  });

  it('is deterministic', () => {
    expect(vi(langSon2014())).toBe(vi(langSon2014()));
  });
});

describe('wording varies with the data', () => {
  it('strong, moderate, slight growth, flat, fall, unknown — each has its own opening (vi and en)', () => {
    expect(vi(withGrowth('14.15'))).toContain('đã có bước tiến vững chắc');
    expect(en(withGrowth('14.15'))).toContain('took a firm step forward');
    expect(vi(withGrowth('6.2'))).toContain('tiếp tục tăng trưởng khá và ổn định');
    expect(vi(withGrowth('6.2'))).toContain('tăng 6,20% so với năm 2013');
    expect(en(withGrowth('6.2'))).toContain('kept growing at a good, steady pace');
    expect(vi(withGrowth('1.4'))).toContain('tuy mức tăng còn thấp');
    expect(en(withGrowth('1.4'))).toContain('though only slightly');
    expect(vi(withGrowth('0.2'))).toContain('cơ bản giữ ổn định');
    expect(vi(withGrowth('0.2'))).toContain('3.586 tỷ đồng, tương đương năm 2013 (tăng 0,20%)');
    expect(en(withGrowth('-0.3'))).toContain('level with 2013 (down 0.30%)');
    expect(vi(withGrowth('-7.5'))).toContain('gặp nhiều khó khăn');
    expect(vi(withGrowth('-7.5'))).toContain('3.586 tỷ đồng, giảm 7,50% so với năm 2013');
    expect(en(withGrowth('-7.5'))).toContain('VND 3,586 billion, down 7.50% on 2013');
    expect(vi(withGrowth(null))).toContain('đạt 3.586 tỷ đồng.');
    expect(vi(withGrowth(null))).not.toContain('so với năm 2013.');
  });

  it('above, on and below plan; a quarter is a share of the year plan', () => {
    const plan = (v: string, period = '2014') => {
      const f = langSon2014();
      f.period = period;
      f.comparePeriod = period.replace('2014', '2013');
      f.goConstPlan = fig(v, { indicator: 'GO_CONST_PLAN', period });
      return f;
    };
    expect(vi(plan('104.2'))).toContain('đạt 104,2% kế hoạch năm, vượt kế hoạch đề ra');
    expect(en(plan('104.2'))).toContain('104.2% of the plan, ahead of target');
    expect(vi(plan('100.1'))).toContain('hoàn thành kế hoạch đề ra');
    expect(vi(plan('93.7'))).toContain('đạt 93,7% kế hoạch năm, chưa đạt kế hoạch đề ra');
    expect(en(plan('93.7'))).toContain('short of target');
    const q = vi(plan('26.1', '2014-Q2'));
    expect(q).toContain('Quý II/2014, sản xuất công nghiệp');
    expect(q).toContain('so với cùng kỳ năm 2013, bằng 26,1% kế hoạch năm');
    expect(en(plan('26.1', '2014-Q2'))).toContain('In Q2 2014,');
  });

  it('one growing product vs several; strong vs moderate', () => {
    const f = langSon2014();
    f.products = [product('XM', 'Xi măng', 'Cement', 'tấn', '580000', '11.5')];
    expect(vi(f)).toContain(
      'Trong số các sản phẩm chủ yếu, xi măng sản xuất được 580 nghìn tấn, tăng 11,5%.',
    );
    expect(en(f)).toContain('Among the main products, cement output reached');
    f.products.push(product('THAN', 'Than sạch', 'Clean coal', 'tấn', '420000', '-6.2'));
    expect(vi(f)).toContain('chỉ có xi măng');
    const moderate = langSon2014();
    moderate.products = [
      product('XM', 'Xi măng', 'Cement', 'tấn', '580000', '4.5'),
      product('CLK', 'Clinker', 'Clinker', 'tấn', '640000', '3.2'),
    ];
    expect(vi(moderate)).toContain('có sự tăng trưởng khá như xi măng');
    expect(en(moderate)).toContain('grew steadily');
    expect(vi(langSon2014())).toContain('có sự tăng trưởng mạnh như xi măng');
  });

  it('one falling product vs several, flat and unknown products', () => {
    const f = langSon2014();
    f.products = [
      product('XM', 'Xi măng', 'Cement', 'tấn', '580000', '-11.5'),
      product('CLK', 'Clinker', 'Clinker', 'tấn', '640000', '-2.5'),
      product('GACH', 'Gạch nung', 'Fired bricks', 'triệu viên', '120', '0.1'),
    ];
    expect(vi(f)).toContain(
      'Bên cạnh đó, một số sản phẩm giảm so với cùng kỳ như xi măng sản xuất được 580 nghìn tấn, giảm 11,5%; clinker đạt 640 nghìn tấn, giảm 2,5%.',
    );
    expect(vi(f)).toContain('Sản lượng gạch nung (120 triệu viên) giữ mức tương đương cùng kỳ.');
    expect(en(f)).toContain('Some products fell:');
    expect(en(f)).toContain('Fired bricks output (120 million bricks) held level with a year earlier.');
    f.products = [product('GACH', 'Gạch nung', 'Fired bricks', 'triệu viên', '120', null)];
    expect(vi(f)).toContain('chưa có số liệu cùng kỳ để so sánh');
  });

  it('gives the reasons on record for the biggest mover, and names the biggest fall when output fell', () => {
    const f = langSon2014();
    f.reasons = [
      {
        source: 'visit',
        enterprise: 'Công ty Cổ phần Kim loại màu Bắc Bộ',
        productCode: 'CHI',
        text: { vi: 'Đã cải tiến dây chuyền sản xuất.', en: 'Improved its production line.' },
      },
      {
        source: 'support',
        enterprise: 'Công ty TNHH H&T',
        text: { vi: 'được hỗ trợ máy móc sản xuất chiếu tăm', en: 'received machinery for bamboo mats' },
      },
    ];
    const t = vi(f);
    expect(t).toContain(
      'Sở dĩ có được sự tăng trưởng mạnh so với năm 2013 là do các doanh nghiệp đã vượt qua được khó khăn',
    );
    expect(t).toContain(
      'như Công ty Cổ phần Kim loại màu Bắc Bộ đã cải tiến dây chuyền sản xuất, nên sản lượng chì điện phân tăng cao, tăng 44,3% so với cùng kỳ.',
    );
    expect(t).toContain(
      'Công tác hỗ trợ doanh nghiệp cũng góp phần vào kết quả chung: Công ty TNHH H&T được hỗ trợ',
    );
    expect(en(f)).toContain(
      'Công ty Cổ phần Kim loại màu Bắc Bộ improved its production line, so that electrolytic lead output rose sharply, up 44.3%',
    );
    // without reasons: the ranking instead
    expect(vi(langSon2014())).toContain(
      'Sản phẩm có mức tăng cao nhất là chì điện phân, sản lượng tăng 44,3% so với cùng kỳ; tiếp đến là xi măng (tăng 11,5%) và clinker (tăng 9,8%).',
    );
    const fall = withGrowth('-7.5');
    expect(vi(fall)).toContain('Nguyên nhân chủ yếu là sản lượng than sạch giảm 6,2% so với cùng kỳ.');
    expect(en(fall)).toContain('The fall came mainly from clean coal, down 6.2%');
  });

  it('names the first three support outcomes and counts the others', () => {
    const f = langSon2014();
    f.reasons = ['A', 'B', 'C', 'D', 'E'].map((k) => ({
      source: 'support' as const,
      enterprise: `Công ty ${k}`,
      text: { vi: `được hỗ trợ ${k}`, en: `received support ${k}` },
    }));
    expect(vi(f)).toContain(
      'Công tác hỗ trợ doanh nghiệp cũng góp phần vào kết quả chung: Công ty A được hỗ trợ A; Công ty B được hỗ trợ B; Công ty C được hỗ trợ C; cùng 2 đề án khuyến công khác.',
    );
    expect(en(f)).toContain(
      'Support to enterprises also contributed: Công ty A received support A; Công ty B received support B; Công ty C received support C; and 2 other extension schemes.',
    );
  });

  it('marks provisional and imputed figures', () => {
    const f = langSon2014();
    expect(vi(f)).not.toContain('Ghi chú');
    f.provisional = true;
    expect(vi(f)).toContain('Ghi chú: Số liệu năm 2014 là số liệu sơ bộ (kỳ báo cáo chưa được phê duyệt).');
    f.imputed = true;
    expect(vi(f)).toContain(
      '(kỳ báo cáo chưa được phê duyệt) và có bao gồm số liệu ước tính cho các doanh nghiệp chưa gửi báo cáo.',
    );
    expect(en(f)).toContain(
      'Note: Figures for 2014 are provisional (the period is not yet approved) and include estimates',
    );
    f.provisional = false;
    expect(vi(f)).toContain(
      'Ghi chú: Số liệu năm 2014 có bao gồm số liệu ước tính cho các doanh nghiệp chưa gửi báo cáo.',
    );
    expect(en(f)).toContain(
      'Note: Figures for 2014 include estimates for enterprises that have not reported.',
    );
    const note = writeIndustryNarrative(f, 'vi').at(-1);
    expect(note?.type === 'paragraph' && note.runs[0]?.italic).toBe(true);
  });

  it('scales quantities for the reader, whatever scale the catalogue unit has', () => {
    expect(quantityText(580000, { vi: 'tấn' }, 'vi')).toBe('580 nghìn tấn');
    expect(quantityText(9600, { vi: 'tấn' }, 'vi')).toBe('9.600 tấn');
    expect(quantityText(7000, { vi: 'nghìn chiếc' }, 'vi')).toBe('7 triệu chiếc');
    expect(quantityText(7000, { vi: 'nghìn chiếc' }, 'en')).toBe('7 million units');
    expect(quantityText(860.83, { vi: 'triệu kWh' }, 'vi')).toBe('861 triệu kWh');
    expect(quantityText(42.64, { vi: 'triệu kWh' }, 'vi')).toBe('42,6 triệu kWh');
    expect(quantityText(580000, { vi: 'tấn' }, 'en')).toBe('580 thousand tonnes');
    expect(quantityText(13000, { vi: 'm3' }, 'en')).toBe('13 thousand m³');
  });

  it('names areas in both languages', () => {
    expect(areaPhrase({ vi: 'Tỉnh Lạng Sơn' }, 'vi')).toBe('tỉnh Lạng Sơn');
    expect(areaPhrase({ vi: 'Tỉnh Lạng Sơn' }, 'en')).toBe('Lạng Sơn province');
    expect(areaPhrase({ vi: 'Huyện Chi Lăng' }, 'en')).toBe('Chi Lăng district');
  });

  it('trend thresholds', () => {
    expect([15, 10, 9.99, 3, 2.9, 0.49, -0.49, -0.5, null].map(trendOf)).toEqual([
      'strong',
      'strong',
      'moderate',
      'moderate',
      'slight',
      'flat',
      'flat',
      'fall',
      'unknown',
    ]);
  });

  it('never writes NaN, undefined or a double space, whatever the growth (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -99, max: 500, noNaN: true }),
        fc.double({ min: -99, max: 500, noNaN: true }),
        fc.constantFrom<'vi' | 'en'>('vi', 'en'),
        (g, p, lang) => {
          const f = langSon2014();
          f.goConstYoy.value = g.toFixed(4);
          f.products[0]!.yoy.value = p.toFixed(4);
          const t = blocksToText(writeIndustryNarrative(f, lang));
          return !/NaN|undefined|null|Infinity| {2}|\.\./.test(t);
        },
      ),
      { numRuns: 200 },
    );
  });
});
