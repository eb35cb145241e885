import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { subtreeCodes } from '../areas';

/**
 * What a completed scheme achieved, for other modules' texts (the year-end report's reasons on record):
 * schemes accepted or settled whose acceptance was measured within [from, to], of lead enterprises in the
 * area (and the areas under it). Figures as entered at the baseline and at acceptance, never recomputed.
 */
export interface SupportOutcome {
  schemeCode: string;
  title: string;
  fundingSource: 'national' | 'local';
  enterpriseName: string;
  /** The lead enterprise's product in the statistics catalogue, when it has exactly one such product. */
  productCode: string | null;
  acceptedOn: string;
  capacityBefore: string | null;
  capacityAfter: string | null;
  capacityUnit: string | null;
  /** Jobs created as reported at acceptance (else the rise in employees), null when neither is known. */
  jobsCreated: number | null;
  approvedAmountVnd: string | null;
}

export async function completedSupportOutcomes(
  db: Db,
  q: { from: string; to: string; areaCode: string },
): Promise<SupportOutcome[]> {
  const codes = await subtreeCodes(db, q.areaCode);
  if (!codes.length) return [];
  const res = await db.execute(sql`
    select s.code as scheme_code, s.title, s.funding_source, e.name as enterprise_name,
      a.measured_on::text as accepted_on, b.capacity::text as capacity_before, a.capacity::text as capacity_after,
      coalesce(a.capacity_unit, b.capacity_unit) as capacity_unit,
      coalesce(a.jobs_created, case when a.employees is not null and b.employees is not null
        and a.employees > b.employees then a.employees - b.employees end) as jobs_created,
      s.approved_amount_vnd::text as approved_amount_vnd,
      (select case when count(distinct p.product_code) = 1 then min(p.product_code) end
         from enterprise_products p where p.enterprise_id = e.id and p.product_code is not null) as product_code
    from ext_schemes s
    join enterprises e on e.id = s.lead_enterprise_id
    join ext_outcomes a on a.scheme_id = s.id and a.stage = 'acceptance'
    left join ext_outcomes b on b.scheme_id = s.id and b.stage = 'baseline'
    where s.status in ('accepted', 'settled')
      and a.measured_on between ${q.from}::date and ${q.to}::date
      and e.area_code = any(${sql.param(codes)}::text[])
    order by coalesce(a.jobs_created, 0) desc, s.approved_amount_vnd desc nulls last, s.code`);
  const rows = (
    res as unknown as {
      rows: {
        scheme_code: string;
        title: string;
        funding_source: 'national' | 'local';
        enterprise_name: string;
        accepted_on: string;
        capacity_before: string | null;
        capacity_after: string | null;
        capacity_unit: string | null;
        jobs_created: number | null;
        approved_amount_vnd: string | null;
        product_code: string | null;
      }[];
    }
  ).rows;
  return rows.map((r) => ({
    schemeCode: r.scheme_code,
    title: r.title,
    fundingSource: r.funding_source,
    enterpriseName: r.enterprise_name,
    productCode: r.product_code,
    acceptedOn: r.accepted_on,
    capacityBefore: r.capacity_before,
    capacityAfter: r.capacity_after,
    capacityUnit: r.capacity_unit,
    jobsCreated: r.jobs_created === null ? null : Number(r.jobs_created),
    approvedAmountVnd: r.approved_amount_vnd,
  }));
}
