import type { EnterpriseListQuery } from '../../../contracts/enterprises';

/** The registry list's state, kept in the URL so that a search can be bookmarked and shared. */
export type EnterpriseSearch = Partial<
  Pick<
    EnterpriseListQuery,
    'q' | 'area' | 'vsic' | 'ownership' | 'size' | 'sort' | 'dir' | 'page' | 'pageSize'
  >
>;

const SORTS = ['name', 'taxCode', 'updatedAt', 'employees', 'areaCode'] as const;
const OWNERSHIPS = ['state', 'non_state', 'fdi'] as const;
const SIZES = ['micro', 'small', 'medium', 'large'] as const;

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : undefined);
const pick = <T extends string>(v: unknown, list: readonly T[]) =>
  list.includes(v as T) ? (v as T) : undefined;
const int = (v: unknown, max: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
};

/** Lenient on purpose: a hand-edited URL drops the bad part instead of failing the page. */
export function parseEnterpriseSearch(s: Record<string, unknown>): EnterpriseSearch {
  const out: EnterpriseSearch = {
    q: str(s.q),
    area: str(s.area),
    vsic: str(s.vsic),
    ownership: pick(s.ownership, OWNERSHIPS),
    size: pick(s.size, SIZES),
    sort: pick(s.sort, SORTS),
    dir: pick(s.dir, ['asc', 'desc'] as const),
    page: int(s.page, 100000),
    pageSize: int(s.pageSize, 200),
  };
  for (const k of Object.keys(out) as (keyof EnterpriseSearch)[]) if (out[k] === undefined) delete out[k];
  return out;
}
