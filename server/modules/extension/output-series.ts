/**
 * IMPACT ON OUTPUT: the supported enterprise's gross output (constant prices, from the statistics module)
 * set against the same VSIC class's unsupported enterprises — a simple difference in growth.
 *
 * The source is a seam: this module does not import the statistics module; the composition root
 * (server/app.ts) plugs in the statistics module's `enterpriseOutputByYear` with the installation's base
 * year. Without a source (e.g. a tool that builds the service without the app) the comparison says so.
 *
 * Decisions (the issue says only "growth difference"):
 * - Support year = the year of the acceptance (nghiệm thu: the machinery is in place), or the scheme's year
 *   before acceptance. Growth is measured from the year before the support year to the year after it
 *   (2014 support → 2013 → 2015); the support year itself is shown but not used.
 * - Only complete years count: an enterprise's year is used when it reported all 12 months (reported
 *   figures, latest revision, no imputation) and every product it reported has a base price.
 * - Peers: enterprises whose main activity as reported (`ent_vsic` on the report rows) is the supported
 *   enterprise's VSIC class, that were never in a scheme approved for support (any year, whatever became of
 *   the scheme later), and that have both years complete. Peer growth = Σ after / Σ before − 1 over that
 *   matched group (= the growth of their mean). The peers left out (incomplete years) are counted.
 * - Difference = enterprise growth − peer growth, in percentage points. "Extra output" = GO_after −
 *   GO_before × (1 + peer growth): what the enterprise produced above its peers' trend, in VND at constant
 *   prices; divided by the approved support it gives output per VND of public money. It is an indicative
 *   comparison, not a causal estimate (no matching on size or area).
 * - Every missing figure carries a reason code with parameters; nothing is shown as 0 or guessed.
 */
import { sql } from 'drizzle-orm';
import type { OutputReason, OutputSeriesDto } from '../../../contracts/extension';
import type { Db } from '../../platform/db';

/** One enterprise-year of gross output at constant prices, as the statistics module answers it. */
export interface EnterpriseYear {
  enterpriseId: string;
  year: number;
  goConstVnd: string;
  months: number;
  unpricedRows: number;
}

export type OutputSeriesSource = (
  db: Db,
  q: {
    enterpriseIds?: string[];
    entVsic?: string;
    excludeEnterpriseIds?: string[];
    fromYear: number;
    toYear: number;
  },
) => Promise<EnterpriseYear[]>;

let source: OutputSeriesSource | null = null;

export function setOutputSeriesSource(fn: OutputSeriesSource | null): void {
  source = fn;
}

export interface SchemeForOutput {
  id: string;
  leadEnterpriseId: string;
  vsic: string;
  year: number;
  approvedAmountVnd: bigint | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function usable(
  y: EnterpriseYear | undefined,
  who: 'enterprise' | 'peer',
  year: number,
): OutputReason | null {
  if (!y || y.months === 0) return { code: `${who}_no_reports`, params: { year } };
  if (y.months < 12) return { code: `${who}_incomplete_year`, params: { year, months: y.months } };
  if (y.unpricedRows > 0) return { code: `${who}_unpriced`, params: { year, rows: y.unpricedRows } };
  return null;
}

/** Pure: the comparison of one scheme from the enterprise's years and its peers' years. */
export function compareOutput(input: {
  supportYear: number;
  enterpriseId: string;
  vsic: string;
  years: EnterpriseYear[];
  peers: EnterpriseYear[];
  approvedAmountVnd: bigint | null;
}): OutputSeriesDto {
  const { supportYear, enterpriseId, vsic } = input;
  const before = supportYear - 1;
  const after = supportYear + 1;
  const span = [before, supportYear, after];
  const reasons: OutputReason[] = [];
  const mine = new Map(input.years.filter((y) => y.enterpriseId === enterpriseId).map((y) => [y.year, y]));
  const enterprise = span
    .filter((y) => mine.has(y))
    .map((y) => ({ period: String(y), value: Number(mine.get(y)!.goConstVnd), months: mine.get(y)!.months }));

  let eGrowth: number | null = null;
  const eb = usable(mine.get(before), 'enterprise', before);
  const ea = usable(mine.get(after), 'enterprise', after);
  if (eb) reasons.push(eb);
  if (ea) reasons.push(ea);
  const eBefore = Number(mine.get(before)?.goConstVnd ?? 0);
  const eAfter = Number(mine.get(after)?.goConstVnd ?? 0);
  if (!eb && !ea) {
    if (eBefore > 0) eGrowth = (eAfter / eBefore - 1) * 100;
    else reasons.push({ code: 'enterprise_zero_base', params: { year: before } });
  }

  // Peers: matched group with both years complete.
  const byPeer = new Map<string, Map<number, EnterpriseYear>>();
  for (const p of input.peers) {
    if (p.enterpriseId === enterpriseId) continue;
    if (!byPeer.has(p.enterpriseId)) byPeer.set(p.enterpriseId, new Map());
    byPeer.get(p.enterpriseId)!.set(p.year, p);
  }
  const matched = [...byPeer.values()].filter(
    (m) => !usable(m.get(before), 'peer', before) && !usable(m.get(after), 'peer', after),
  );
  const peers = span
    .map((y) => {
      const ys = matched.map((m) => m.get(y)).filter((x): x is EnterpriseYear => !!x);
      return ys.length
        ? {
            period: String(y),
            value: round2(ys.reduce((s, x) => s + Number(x.goConstVnd), 0) / ys.length),
            months: Math.min(...ys.map((x) => x.months)),
          }
        : null;
    })
    .filter((x): x is { period: string; value: number; months: number } => !!x);
  let pGrowth: number | null = null;
  if (matched.length === 0) {
    reasons.push({ code: 'no_peers', params: { vsic, candidates: byPeer.size, before, after } });
  } else {
    const pb = matched.reduce((s, m) => s + Number(m.get(before)!.goConstVnd), 0);
    const pa = matched.reduce((s, m) => s + Number(m.get(after)!.goConstVnd), 0);
    if (pb > 0) pGrowth = (pa / pb - 1) * 100;
    else reasons.push({ code: 'peer_zero_base', params: { year: before } });
  }

  const diff = eGrowth !== null && pGrowth !== null ? round2(eGrowth - pGrowth) : null;
  let extra: number | null = null;
  let perVnd: number | null = null;
  if (eGrowth !== null && pGrowth !== null) {
    extra = Math.round(eAfter - eBefore * (1 + pGrowth / 100));
    if (input.approvedAmountVnd && input.approvedAmountVnd > 0n)
      perVnd = round2(extra / Number(input.approvedAmountVnd));
  }
  return {
    available: diff !== null,
    reason: reasons[0]?.code ?? null,
    reasons,
    supportYear,
    beforeYear: before,
    afterYear: after,
    vsic,
    enterprise,
    peers,
    peerCount: matched.length,
    peersLeftOut: byPeer.size - matched.length,
    enterpriseGrowthPct: eGrowth === null ? null : round2(eGrowth),
    peersGrowthPct: pGrowth === null ? null : round2(pGrowth),
    growthDifferencePct: diff,
    extraOutputVnd: extra === null ? null : String(extra),
    extraOutputPerSupportVnd: perVnd,
  };
}

const unavailable = (s: SchemeForOutput, supportYear: number, reason: OutputReason): OutputSeriesDto => ({
  available: false,
  reason: reason.code,
  reasons: [reason],
  supportYear,
  beforeYear: supportYear - 1,
  afterYear: supportYear + 1,
  vsic: s.vsic,
  enterprise: [],
  peers: [],
  peerCount: 0,
  peersLeftOut: 0,
  enterpriseGrowthPct: null,
  peersGrowthPct: null,
  growthDifferencePct: null,
  extraOutputVnd: null,
  extraOutputPerSupportVnd: null,
});

/** The comparison for many schemes at once (scheme page, programme page, exports). */
export async function outputComparisons(
  db: Db,
  schemes: SchemeForOutput[],
): Promise<Map<string, OutputSeriesDto>> {
  const out = new Map<string, OutputSeriesDto>();
  if (!schemes.length) return out;
  const ids = schemes.map((s) => s.id);
  const accepted = (
    (await db.execute(sql`
      select scheme_id::text as id, min(on_date)::text as on_date from ext_scheme_events
      where action = 'accept' and scheme_id = any(${sql.param(ids)}::uuid[]) group by scheme_id`)) as unknown as {
      rows: { id: string; on_date: string }[];
    }
  ).rows;
  const acceptYear = new Map(accepted.map((r) => [r.id, Number(r.on_date.slice(0, 4))]));
  const supportYear = (s: SchemeForOutput) => acceptYear.get(s.id) ?? s.year;
  if (!source) {
    for (const s of schemes) out.set(s.id, unavailable(s, supportYear(s), { code: 'no_source', params: {} }));
    return out;
  }
  const supported = (
    (await db.execute(sql`
      select distinct e.id::text as id from ext_schemes s
        cross join lateral (select s.lead_enterprise_id as id
          union select se.enterprise_id from ext_scheme_enterprises se where se.scheme_id = s.id) e
      where s.approved_on is not null`)) as unknown as { rows: { id: string }[] }
  ).rows.map((r) => r.id);
  const years = schemes.map(supportYear);
  const fromYear = Math.min(...years) - 1;
  const toYear = Math.max(...years) + 1;
  const own = await source(db, {
    enterpriseIds: [...new Set(schemes.map((s) => s.leadEnterpriseId))],
    fromYear,
    toYear,
  });
  const peersByVsic = new Map<string, EnterpriseYear[]>();
  for (const vsic of new Set(schemes.map((s) => s.vsic))) {
    peersByVsic.set(
      vsic,
      await source(db, { entVsic: vsic, excludeEnterpriseIds: supported, fromYear, toYear }),
    );
  }
  for (const s of schemes) {
    out.set(
      s.id,
      compareOutput({
        supportYear: supportYear(s),
        enterpriseId: s.leadEnterpriseId,
        vsic: s.vsic,
        years: own.filter((y) => y.enterpriseId === s.leadEnterpriseId),
        peers: peersByVsic.get(s.vsic) ?? [],
        approvedAmountVnd: s.approvedAmountVnd,
      }),
    );
  }
  return out;
}
