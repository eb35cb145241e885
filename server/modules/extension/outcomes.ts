/**
 * Outcome figures of a scheme: what is derived from them, and which look implausible. Pure.
 * Figures are kept as entered; a flag names the reason, it never corrects the value.
 */
import type { FlagDto, OutcomeStage } from '../../../contracts/extension';
import { groupDigits, inForce } from './caps';

export interface OutcomeFigures {
  stage: OutcomeStage;
  measuredOn: string;
  capacity: string | null;
  capacityUnit: string | null;
  employees: number | null;
  jobsCreated: number | null;
  avgIncomeVnd: bigint | null;
  incomePeriod: 'month' | 'year' | null;
}

export interface MinWageRow {
  id: string;
  region: number;
  amountVnd: bigint;
  effectiveFrom: string;
  effectiveTo: string | null;
  sourceDocument: string;
  sourceArticle: string;
}

export interface WageRegionRow {
  areaCode: string;
  region: number;
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** Above this the capacity multiplier is flagged as implausible. */
export const MAX_PLAUSIBLE_MULTIPLIER = 20;

/**
 * The wage region of an area on a date: the first of `areaChain` (the area, then its parents up to the
 * province) that has a region row in force.
 */
export function wageRegionOf(regions: readonly WageRegionRow[], areaChain: readonly string[], date: string) {
  for (const code of areaChain) {
    const r = regions.find((x) => x.areaCode === code && inForce(x, date));
    if (r) return r.region;
  }
  return null;
}

/**
 * The regional minimum wage on a date: the row in force, or else the latest row that started before the date
 * (a year not seeded yet is judged by the last known figure, and the flag names which one).
 */
export function minWageOn(wages: readonly MinWageRow[], region: number, date: string): MinWageRow | null {
  const rows = wages.filter((w) => w.region === region && w.effectiveFrom <= date);
  const current = rows.filter((w) => inForce(w, date));
  const pool = current.length ? current : rows;
  return pool.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0] ?? null;
}

/** Monthly equivalent of an income (VND, rounded down): a yearly figure over 12. */
export function monthlyIncome(amountVnd: bigint, period: 'month' | 'year'): bigint {
  return period === 'year' ? amountVnd / 12n : amountVnd;
}

export interface Derived {
  capacityMultiplier: number | null;
  jobsCreated: number | null;
  supportPerJobVnd: bigint | null;
}

/** The latest result (one year after, else acceptance). */
export function latestResult(outcomes: readonly OutcomeFigures[]): OutcomeFigures | null {
  return (
    outcomes.find((o) => o.stage === 'one_year') ?? outcomes.find((o) => o.stage === 'acceptance') ?? null
  );
}

export function derive(outcomes: readonly OutcomeFigures[], supportVnd: bigint | null): Derived {
  const baseline = outcomes.find((o) => o.stage === 'baseline') ?? null;
  const result = latestResult(outcomes);
  let capacityMultiplier: number | null = null;
  if (
    baseline?.capacity &&
    result?.capacity &&
    Number(baseline.capacity) > 0 &&
    sameUnit(baseline.capacityUnit, result.capacityUnit)
  ) {
    capacityMultiplier = Math.round((Number(result.capacity) / Number(baseline.capacity)) * 10000) / 10000;
  }
  let jobsCreated: number | null = result?.jobsCreated ?? null;
  if (jobsCreated === null && result?.employees != null && baseline?.employees != null)
    jobsCreated = Math.max(0, result.employees - baseline.employees);
  const supportPerJobVnd =
    supportVnd !== null && jobsCreated !== null && jobsCreated > 0 ? supportVnd / BigInt(jobsCreated) : null;
  return { capacityMultiplier, jobsCreated, supportPerJobVnd };
}

const sameUnit = (a: string | null, b: string | null) =>
  (a ?? '').normalize('NFC').trim().toLowerCase() === (b ?? '').normalize('NFC').trim().toLowerCase();

export interface FlagContext {
  wages: readonly MinWageRow[];
  regions: readonly WageRegionRow[];
  /** The enterprise's area, then its parents up to the province. */
  areaChain: readonly string[];
}

/** Plausibility flags on every stage's figures. */
export function plausibilityFlags(outcomes: readonly OutcomeFigures[], ctx: FlagContext): FlagDto[] {
  const flags: FlagDto[] = [];
  const baseline = outcomes.find((o) => o.stage === 'baseline') ?? null;
  for (const o of outcomes) {
    if (o.avgIncomeVnd !== null && o.incomePeriod) {
      const region = wageRegionOf(ctx.regions, ctx.areaChain, o.measuredOn);
      const wage = region === null ? null : minWageOn(ctx.wages, region, o.measuredOn);
      const monthly = monthlyIncome(o.avgIncomeVnd, o.incomePeriod);
      if (wage && monthly < wage.amountVnd) {
        flags.push({
          code: 'income_below_min_wage',
          stage: o.stage,
          params: {
            income: groupDigits(o.avgIncomeVnd),
            period: o.incomePeriod,
            periodVi: o.incomePeriod === 'year' ? 'năm' : 'tháng',
            periodEn: o.incomePeriod,
            monthly: groupDigits(monthly),
            minWage: groupDigits(wage.amountVnd),
            region: ['I', 'II', 'III', 'IV'][wage.region - 1] ?? String(wage.region),
            document: wage.sourceDocument,
            ruleId: wage.id,
          },
        });
      }
    }
    if (o.stage !== 'baseline' && baseline?.capacity && o.capacity && Number(baseline.capacity) > 0) {
      if (!sameUnit(baseline.capacityUnit, o.capacityUnit)) {
        flags.push({
          code: 'capacity_unit_mismatch',
          stage: o.stage,
          params: { baselineUnit: baseline.capacityUnit ?? '', unit: o.capacityUnit ?? '' },
        });
      } else {
        const m = Number(o.capacity) / Number(baseline.capacity);
        if (m > MAX_PLAUSIBLE_MULTIPLIER)
          flags.push({
            code: 'capacity_multiplier_over_20',
            stage: o.stage,
            params: { multiplier: Math.round(m * 100) / 100, max: MAX_PLAUSIBLE_MULTIPLIER },
          });
      }
    }
    if (o.jobsCreated !== null && o.employees !== null && o.jobsCreated > o.employees) {
      flags.push({
        code: 'jobs_above_employees',
        stage: o.stage,
        params: { jobs: o.jobsCreated, employees: o.employees },
      });
    }
  }
  return flags;
}
