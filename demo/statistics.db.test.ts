import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIndicators, coverage } from '../server/modules/statistics';
import { createTestContext, type TestContext } from '../server/test/harness';
import { loadDemo } from '.';

/** The seed article's figures, through the same path as GET /api/statistics/indicators (imputation on). */
describe('Lạng Sơn demo statistics reproduce the article', () => {
  let t: TestContext;
  let obs: {
    INDICATOR: string;
    PRODUCT: string;
    ACTIVITY: string;
    TIME_PERIOD: string;
    OBS_VALUE: string;
    OBS_STATUS: string;
  }[];
  const get = (indicator: string, period: string, product = '_T') =>
    obs.find(
      (o) =>
        o.INDICATOR === indicator && o.TIME_PERIOD === period && o.PRODUCT === product && o.ACTIVITY === '_T',
    );
  beforeAll(async () => {
    t = await createTestContext();
    await loadDemo(t.database);
    const r = await computeIndicators(
      t.db,
      { area: '20', from: '2013-01', to: '2015-12', freq: ['M', 'A'], imputation: true, subAreas: false },
      { baseYearDefault: 2010, embargo: false },
    );
    obs = r.observations;
  });
  afterAll(() => t.close());

  it('2014: GO_CONST 3,586 billion VND, +14.15%', () => {
    expect(Math.round(Number(get('GO_CONST', '2014')!.OBS_VALUE) / 1e9)).toBe(3586);
    expect(Number(get('GO_CONST_YOY', '2014')!.OBS_VALUE).toFixed(2)).toBe('14.15');
  });
  it('2014: cement 580 thousand tonnes, +11.5%; electrolytic lead +44.3%', () => {
    expect(Math.round(Number(get('OUTPUT_QTY', '2014', 'XIMANG')!.OBS_VALUE) / 1000)).toBe(580);
    expect(Number(get('OUTPUT_QTY_YOY', '2014', 'XIMANG')!.OBS_VALUE).toFixed(1)).toBe('11.5');
    expect(Number(get('OUTPUT_QTY_YOY', '2014', 'CHI')!.OBS_VALUE).toFixed(1)).toBe('44.3');
  });
  it('2015: the estimate of domain.md (GO 3,766 billion, cement 640, clinker 570 thousand t, lead 5,000 t)', () => {
    expect(Math.round(Number(get('GO_CONST', '2015')!.OBS_VALUE) / 1e9)).toBe(3766);
    expect(Math.round(Number(get('OUTPUT_QTY', '2015', 'XIMANG')!.OBS_VALUE) / 1000)).toBe(640);
    expect(Math.round(Number(get('OUTPUT_QTY', '2015', 'CLINKER')!.OBS_VALUE) / 1000)).toBe(570);
    expect(Math.round(Number(get('OUTPUT_QTY', '2015', 'CHI')!.OBS_VALUE))).toBe(5000);
    expect(get('GO_CONST', '2015')!.OBS_STATUS).toBe('E');
  });
  it('no month carries the balance: each month of 2014 and 2015 grows within 3 points of its year', () => {
    for (const year of [2014, 2015]) {
      const yoy = Number(get('GO_CONST_YOY', String(year))!.OBS_VALUE);
      for (let m = 1; m <= 12; m++) {
        const month = Number(get('GO_CONST_YOY', `${year}-${String(m).padStart(2, '0')}`)!.OBS_VALUE);
        expect(Math.abs(month - yoy), `${year}-${m}: ${month} against ${yoy}`).toBeLessThan(3);
      }
    }
  });
  it('covers reports to December 2015 and is wholly published to 2014 (the year screens open on)', async () => {
    expect(await coverage(t.db)).toEqual({ latestReported: '2015-12', latestPublishedYear: 2014 });
  });
  it('2014 contains imputed values and is published', () => {
    expect(get('GO_CONST', '2014')!.OBS_STATUS).toBe('E');
  });
});
