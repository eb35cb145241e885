/**
 * Support caps: which rule applies to a scheme, and whether an amount is within it. Pure: the rules are
 * passed in (read from ext_support_caps), never written here.
 */

export interface CapRule {
  id: string;
  supportKind: string;
  fundingSource: 'national' | 'local';
  provinceCode: string | null;
  /** Percent of the total cost as a decimal string ("30", "50.00"); null = no percentage limit. */
  maxPercent: string | null;
  maxAmountVnd: bigint | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  sourceDocument: string;
  sourceArticle: string;
}

export interface CapQuery {
  supportKind: string;
  fundingSource: 'national' | 'local';
  provinceCode: string | null;
  /** The application date (YYYY-MM-DD): the rule in force on it applies. */
  date: string;
}

export const inForce = (r: { effectiveFrom: string; effectiveTo: string | null }, date: string) =>
  r.effectiveFrom <= date && (r.effectiveTo === null || date <= r.effectiveTo);

/**
 * The rule in force: the province's own rule for the funding source first, then the general (null-province)
 * rule of that source; a local scheme with no local rule is judged by the national rule of the same kind
 * (JC 26/2014 art. 6 cl. 3: provinces set local caps "based on" the national ones) — and the result says so.
 * Among several candidates the latest effective_from wins.
 */
export function findCapRule(
  rules: readonly CapRule[],
  q: CapQuery,
): { rule: CapRule; fallbackToNational: boolean } | null {
  const candidates = rules.filter((r) => r.supportKind === q.supportKind && inForce(r, q.date));
  const latest = (xs: CapRule[]) =>
    xs.sort((a, b) =>
      a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : 0,
    )[0];
  const bySource = (source: 'national' | 'local') => {
    const own = candidates.filter(
      (r) => r.fundingSource === source && q.provinceCode !== null && r.provinceCode === q.provinceCode,
    );
    const general = candidates.filter((r) => r.fundingSource === source && r.provinceCode === null);
    return latest(own) ?? latest(general) ?? null;
  };
  const direct = bySource(q.fundingSource);
  if (direct) return { rule: direct, fallbackToNational: false };
  if (q.fundingSource === 'local') {
    const national = bySource('national');
    if (national) return { rule: national, fallbackToNational: true };
  }
  return null;
}

/** Percent string → basis points (hundredths of a percent), exactly. */
export function percentToBasisPoints(p: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(p.trim());
  if (!m) throw new Error(`bad percent ${p}`);
  return BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
}

/** The maximum support for a scheme of this total cost under the rule (VND, rounded down). */
export function capAmount(rule: Pick<CapRule, 'maxPercent' | 'maxAmountVnd'>, totalCostVnd: bigint): bigint {
  let cap: bigint | null = rule.maxAmountVnd;
  if (rule.maxPercent !== null) {
    const byPercent = (totalCostVnd * percentToBasisPoints(rule.maxPercent)) / 10000n;
    cap = cap === null || byPercent < cap ? byPercent : cap;
  }
  if (cap === null) throw new Error('a cap rule needs a percentage or an amount');
  return cap;
}

export type CapCheck =
  | { ok: true; cap: bigint }
  | {
      ok: false;
      cap: bigint;
      /** Which limit bites: the percentage of cost or the fixed amount. */
      limit: 'percent' | 'amount';
    };

export function checkAgainstCap(
  rule: Pick<CapRule, 'maxPercent' | 'maxAmountVnd'>,
  totalCostVnd: bigint,
  amountVnd: bigint,
): CapCheck {
  const cap = capAmount(rule, totalCostVnd);
  if (amountVnd <= cap) return { ok: true, cap };
  const byPercent =
    rule.maxPercent === null
      ? null
      : capAmount({ maxPercent: rule.maxPercent, maxAmountVnd: null }, totalCostVnd);
  const limit = byPercent !== null && byPercent === cap ? 'percent' : 'amount';
  return { ok: false, cap, limit };
}

/** Digits grouped by spaces (language-neutral, ISO 31-0): 500000000 → "500 000 000". */
export function groupDigits(v: bigint | string): string {
  const s = String(v);
  const neg = s.startsWith('-');
  const digits = neg ? s.slice(1) : s;
  return (neg ? '-' : '') + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** The parameters an over-cap refusal quotes: document, article, % and amount. */
export function capMessageParams(rule: CapRule, amountVnd: bigint, cap: bigint, date: string) {
  return {
    ruleId: rule.id,
    document: rule.sourceDocument,
    article: rule.sourceArticle,
    percent: rule.maxPercent === null ? '—' : rule.maxPercent.replace(/\.0+$/, ''),
    maxAmount: rule.maxAmountVnd === null ? '—' : groupDigits(rule.maxAmountVnd),
    cap: groupDigits(cap),
    amount: groupDigits(amountVnd),
    date,
    effectiveFrom: rule.effectiveFrom,
  };
}
