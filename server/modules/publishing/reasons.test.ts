import { describe, expect, it } from 'vitest';
import { periodDates, type SupportOutcomeFacts, supportReasons } from './reasons';

const ht: SupportOutcomeFacts = {
  fundingSource: 'national',
  enterpriseName: 'Công ty TNHH H&T',
  productCode: 'CHIEUTAM',
  title: 'Hỗ trợ máy móc sản xuất chiếu tăm',
  capacityBefore: '50000.000000',
  capacityAfter: '320000.000000',
  capacityUnit: 'm2/năm',
  jobsCreated: 100,
};

describe('reasons from support outcomes', () => {
  it('says what a completed scheme achieved, in Vietnamese and English', () => {
    const [r] = supportReasons([ht]);
    expect(r).toEqual({
      source: 'support',
      enterprise: 'Công ty TNHH H&T',
      productCode: 'CHIEUTAM',
      text: {
        vi: 'được hỗ trợ từ chương trình khuyến công quốc gia, nâng công suất từ 50.000 lên 320.000 m²/năm và tạo việc làm cho 100 lao động',
        en: 'received national industrial-extension support, raising capacity from 50,000 to 320,000 m²/year and creating 100 jobs',
      },
    });
  });

  it('puts units in English, or gives them as entered', () => {
    const en = (capacityUnit: string) => supportReasons([{ ...ht, capacityUnit }])[0]?.text.en;
    expect(en('nghìn sản phẩm/năm')).toContain('from 50,000 to 320,000 thousand items/year and');
    expect(en('tấn/năm')).toContain('to 320,000 tonnes/year and');
    expect(en('bộ/năm')).toContain('to 320,000 (bộ/năm) and');
  });

  it('leaves out what is not known, and names the scheme when nothing is', () => {
    const [jobsOnly] = supportReasons([
      { ...ht, fundingSource: 'local', capacityBefore: null, jobsCreated: 1, productCode: null },
    ]);
    expect(jobsOnly?.productCode).toBeUndefined();
    expect(jobsOnly?.text.vi).toBe(
      'được hỗ trợ từ chương trình khuyến công địa phương, tạo việc làm cho 1 lao động',
    );
    expect(jobsOnly?.text.en).toBe('received provincial industrial-extension support, creating 1 job');
    const [bare] = supportReasons([{ ...ht, capacityAfter: '50000', jobsCreated: null }]);
    expect(bare?.text.vi).toBe(
      'được hỗ trợ từ chương trình khuyến công quốc gia (đề án “Hỗ trợ máy móc sản xuất chiếu tăm”)',
    );
  });

  it('gives the first and last day of a year or quarter', () => {
    expect(periodDates('2014')).toEqual({ from: '2014-01-01', to: '2014-12-31' });
    expect(periodDates('2016-Q1')).toEqual({ from: '2016-01-01', to: '2016-03-31' });
  });
});
