import { describe, expect, it } from 'vitest';
import {
  capAmount,
  capMessageParams,
  checkAgainstCap,
  findCapRule,
  groupDigits,
  percentToBasisPoints,
} from './caps';
import {
  derive,
  minWageOn,
  monthlyIncome,
  type OutcomeFigures,
  plausibilityFlags,
  wageRegionOf,
} from './outcomes';
import { MIN_WAGES, SUPPORT_CAPS, WAGE_REGIONS } from './policy.data';
import { rankApplications } from './ranking';

const rules = SUPPORT_CAPS;
const M = 1_000_000n;

describe('support caps', () => {
  it('2014: JC 26/2014 art. 6 — model 30% / 500 M, machinery 50% / 200 M, replication 100 M', () => {
    const q = { fundingSource: 'national' as const, provinceCode: '20', date: '2014-06-01' };
    const model = findCapRule(rules, { ...q, supportKind: 'demonstration_model' })!.rule;
    expect(model.id).toBe('ttlt26-2014-demo-model');
    expect(model.sourceArticle).toBe('Điều 6 khoản 2 điểm b');
    expect(capAmount(model, 1000n * M)).toBe(300n * M); // 30% of 1 billion
    expect(capAmount(model, 2000n * M)).toBe(500n * M); // 30% = 600 M, capped at 500 M
    const machinery = findCapRule(rules, { ...q, supportKind: 'advanced_machinery' })!.rule;
    expect(capAmount(machinery, 300n * M)).toBe(150n * M);
    expect(capAmount(machinery, 1050n * M)).toBe(200n * M);
    const replication = findCapRule(rules, { ...q, supportKind: 'model_replication' })!.rule;
    expect(capAmount(replication, 10_000n * M)).toBe(100n * M);
  });

  it('2018: Circular 28/2018 — model 1,000 M, machinery 300 M, technology line 1.5 × 300 M', () => {
    const q = { fundingSource: 'national' as const, provinceCode: '20', date: '2019-01-01' };
    expect(
      capAmount(findCapRule(rules, { ...q, supportKind: 'demonstration_model' })!.rule, 10_000n * M),
    ).toBe(1000n * M);
    expect(
      capAmount(findCapRule(rules, { ...q, supportKind: 'advanced_machinery' })!.rule, 10_000n * M),
    ).toBe(300n * M);
    expect(capAmount(findCapRule(rules, { ...q, supportKind: 'technology_line' })!.rule, 10_000n * M)).toBe(
      450n * M,
    );
  });

  it('judges by the application date: before JC 26/2014 took effect there is no rule; no line rule in 2014', () => {
    expect(
      findCapRule(rules, {
        supportKind: 'advanced_machinery',
        fundingSource: 'national',
        provinceCode: '20',
        date: '2014-04-07',
      }),
    ).toBeNull();
    expect(
      findCapRule(rules, {
        supportKind: 'technology_line',
        fundingSource: 'national',
        provinceCode: '20',
        date: '2014-06-01',
      }),
    ).toBeNull();
    expect(
      findCapRule(rules, {
        supportKind: 'advanced_machinery',
        fundingSource: 'national',
        provinceCode: '20',
        date: '2018-05-14',
      })!.rule.id,
    ).toBe('ttlt26-2014-machinery');
    expect(
      findCapRule(rules, {
        supportKind: 'advanced_machinery',
        fundingSource: 'national',
        provinceCode: '20',
        date: '2018-05-15',
      })!.rule.id,
    ).toBe('tt28-2018-machinery');
  });

  it('a local scheme uses the province rule, else falls back to the national one and says so', () => {
    const local = {
      ...rules.find((r) => r.id === 'tt28-2018-demo-model')!,
      id: 'dak-lak-2025-model',
      fundingSource: 'local' as const,
      provinceCode: '66',
      maxAmountVnd: 800n * M,
      effectiveFrom: '2025-01-01',
    };
    const all = [...rules, local];
    const q = { supportKind: 'demonstration_model', fundingSource: 'local' as const, date: '2025-06-01' };
    expect(findCapRule(all, { ...q, provinceCode: '66' })).toEqual({
      rule: local,
      fallbackToNational: false,
    });
    const ls = findCapRule(all, { ...q, provinceCode: '20' })!;
    expect(ls.fallbackToNational).toBe(true);
    expect(ls.rule.id).toBe('tt28-2018-demo-model');
  });

  it('says which limit bites and quotes the rule', () => {
    const model = rules.find((r) => r.id === 'ttlt26-2014-demo-model')!;
    expect(checkAgainstCap(model, 1000n * M, 301n * M)).toEqual({
      ok: false,
      cap: 300n * M,
      limit: 'percent',
    });
    expect(checkAgainstCap(model, 3000n * M, 501n * M)).toEqual({
      ok: false,
      cap: 500n * M,
      limit: 'amount',
    });
    expect(checkAgainstCap(model, 3000n * M, 500n * M)).toEqual({ ok: true, cap: 500n * M });
    expect(capMessageParams(model, 501n * M, 500n * M, '2014-06-01')).toMatchObject({
      document: 'Thông tư liên tịch 26/2014/TTLT-BTC-BCT',
      article: 'Điều 6 khoản 2 điểm b',
      percent: '30',
      maxAmount: '500 000 000',
      amount: '501 000 000',
    });
  });

  it('percent arithmetic is exact', () => {
    expect(percentToBasisPoints('30')).toBe(3000n);
    expect(percentToBasisPoints('12.5')).toBe(1250n);
    expect(percentToBasisPoints('0.05')).toBe(5n);
    expect(capAmount({ maxPercent: '33.33', maxAmountVnd: null }, 1_000_001n)).toBe(333_300n);
    expect(groupDigits(1900000n)).toBe('1 900 000');
  });
});

describe('outcomes and plausibility', () => {
  const base: OutcomeFigures = {
    stage: 'baseline',
    measuredOn: '2014-05-20',
    capacity: '50000',
    capacityUnit: 'm2/năm',
    employees: 20,
    jobsCreated: null,
    avgIncomeVnd: 3_000_000n,
    incomePeriod: 'month',
  };
  const accepted: OutcomeFigures = {
    stage: 'acceptance',
    measuredOn: '2014-12-10',
    capacity: '320000',
    capacityUnit: 'm2/năm',
    employees: 120,
    jobsCreated: 100,
    avgIncomeVnd: 4_000_000n,
    incomePeriod: 'year',
  };
  const fctx = { wages: MIN_WAGES, regions: WAGE_REGIONS, areaChain: ['184', '20'] };

  it('derives the multiplier, jobs and support per job (H&T: 6.4×, 100 jobs, 2 M VND/job)', () => {
    expect(derive([base, accepted], 200n * M)).toEqual({
      capacityMultiplier: 6.4,
      jobsCreated: 100,
      supportPerJobVnd: 2_000_000n,
    });
    expect(derive([base, { ...accepted, jobsCreated: null }], 200n * M).jobsCreated).toBe(100);
  });

  it('Lạng Sơn: city region III, Văn Quan region IV; 2014 minimum wage IV = 1,900,000', () => {
    expect(wageRegionOf(WAGE_REGIONS, ['178', '20'], '2014-06-01')).toBe(3);
    expect(wageRegionOf(WAGE_REGIONS, ['184', '20'], '2014-06-01')).toBe(4);
    expect(minWageOn(MIN_WAGES, 4, '2014-06-01')!.amountVnd).toBe(1_900_000n);
    expect(minWageOn(MIN_WAGES, 3, '2014-06-01')!.amountVnd).toBe(2_100_000n);
    // a later year with no row seeded: the last known figure, named
    expect(minWageOn(MIN_WAGES, 4, '2015-12-01')!.id).toBe('nd182-2014-r4');
    expect(minWageOn(MIN_WAGES, 4, '2013-12-31')).toBeNull();
  });

  it('flags "4 triệu đồng/năm" as below the minimum wage, comparing per month', () => {
    expect(monthlyIncome(4_000_000n, 'year')).toBe(333_333n);
    const flags = plausibilityFlags([base, accepted], fctx);
    expect(flags).toEqual([
      {
        code: 'income_below_min_wage',
        stage: 'acceptance',
        params: {
          income: '4 000 000',
          period: 'year',
          periodVi: 'năm',
          periodEn: 'year',
          monthly: '333 333',
          minWage: '1 900 000',
          region: 'IV',
          document: 'Nghị định 182/2013/NĐ-CP',
          ruleId: 'nd182-2014-r4',
        },
      },
    ]);
    // the same figure per month is fine
    expect(plausibilityFlags([base, { ...accepted, incomePeriod: 'month' }], fctx)).toEqual([]);
  });

  it('flags a multiplier over 20 and jobs above the employee count; keeps figures', () => {
    const wild = { ...accepted, capacity: '1000001', avgIncomeVnd: null, jobsCreated: 130 };
    expect(plausibilityFlags([base, wild], fctx).map((f) => f.code)).toEqual([
      'capacity_multiplier_over_20',
      'jobs_above_employees',
    ]);
    expect(wild.capacity).toBe('1000001');
    expect(plausibilityFlags([base, { ...wild, capacity: '1000000', jobsCreated: 120 }], fctx)).toEqual([]);
  });
});

describe('ranking', () => {
  const criteria = [
    { id: 'c1', code: 'potential', label: 'Tiềm năng', weight: 60, maxScore: 10 },
    { id: 'c2', code: 'jobs', label: 'Việc làm', weight: 40, maxScore: 10 },
  ];
  it('weights the mean of members’ scores and explains the total', () => {
    const scores = [
      { schemeId: 'a', criterionId: 'c1', memberUserId: 'm1', score: 8 },
      { schemeId: 'a', criterionId: 'c1', memberUserId: 'm2', score: 6 },
      { schemeId: 'a', criterionId: 'c2', memberUserId: 'm1', score: 10 },
      { schemeId: 'b', criterionId: 'c1', memberUserId: 'm1', score: 10 },
      { schemeId: 'b', criterionId: 'c2', memberUserId: 'm1', score: 5 },
    ];
    const r = rankApplications(['a', 'b', 'c'], criteria, scores);
    // a: 60 × 0.7 + 40 × 1.0 = 82; b: 60 × 1 + 40 × 0.5 = 80; c: 0
    expect(r.map((x) => [x.schemeId, x.rank, x.total])).toEqual([
      ['a', 1, 82],
      ['b', 2, 80],
      ['c', 3, 0],
    ]);
    expect(r[0]!.criteria).toEqual([
      { code: 'potential', label: 'Tiềm năng', weight: 60, meanScore: 7, maxScore: 10, contribution: 42 },
      { code: 'jobs', label: 'Việc làm', weight: 40, meanScore: 10, maxScore: 10, contribution: 40 },
    ]);
    expect(r[0]!.members).toBe(2);
  });
  it('ties share a rank', () => {
    const s = [
      { schemeId: 'a', criterionId: 'c1', memberUserId: 'm', score: 5 },
      { schemeId: 'b', criterionId: 'c1', memberUserId: 'm', score: 5 },
    ];
    expect(rankApplications(['a', 'b', 'c'], criteria, s).map((x) => x.rank)).toEqual([1, 1, 3]);
  });
});
