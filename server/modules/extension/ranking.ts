/**
 * Appraisal: each council member scores each criterion of a weighted rubric; an application's total is
 * Σ weight × (mean score ÷ max score) ÷ Σ weights × 100 (0–100). Pure; ties keep the earlier application first.
 */

export interface Criterion {
  id: string;
  code: string;
  label: string;
  weight: number;
  maxScore: number;
}

export interface Score {
  schemeId: string;
  criterionId: string;
  memberUserId: string;
  score: number;
}

export interface CriterionResult {
  code: string;
  label: string;
  weight: number;
  meanScore: number | null;
  maxScore: number;
  /** Points this criterion adds to the total (out of 100 overall). */
  contribution: number;
}

export interface Ranked {
  schemeId: string;
  rank: number;
  total: number;
  members: number;
  criteria: CriterionResult[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function scoreApplication(schemeId: string, criteria: readonly Criterion[], scores: readonly Score[]) {
  const mine = scores.filter((s) => s.schemeId === schemeId);
  const totalWeight = criteria.reduce((a, c) => a + c.weight, 0);
  const results: CriterionResult[] = criteria.map((c) => {
    const xs = mine.filter((s) => s.criterionId === c.id).map((s) => Math.min(s.score, c.maxScore));
    const mean = xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
    const contribution =
      mean === null || totalWeight === 0 ? 0 : ((c.weight * (mean / c.maxScore)) / totalWeight) * 100;
    return {
      code: c.code,
      label: c.label,
      weight: c.weight,
      meanScore: mean === null ? null : round2(mean),
      maxScore: c.maxScore,
      contribution: round2(contribution),
    };
  });
  const total = round2(results.reduce((a, r) => a + r.contribution, 0));
  const members = new Set(mine.map((s) => s.memberUserId)).size;
  return { schemeId, total, members, criteria: results };
}

/** Rank applications by total, highest first; equal totals share a rank (1, 2, 2, 4). */
export function rankApplications(
  schemeIds: readonly string[],
  criteria: readonly Criterion[],
  scores: readonly Score[],
): Ranked[] {
  const scored = schemeIds.map((id, i) => ({ ...scoreApplication(id, criteria, scores), i }));
  scored.sort((a, b) => b.total - a.total || a.i - b.i);
  let rank = 0;
  return scored.map((s, k) => {
    if (k === 0 || s.total !== scored[k - 1]!.total) rank = k + 1;
    const { i: _, ...rest } = s;
    return { ...rest, rank };
  });
}
