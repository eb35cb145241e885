import { queryOptions, useQuery } from '@tanstack/react-query';
import { departmentPlace } from '../../contracts/format';
import type { Role } from '../../contracts/roles';
import { ApiError, api, type Me, setCsrfToken } from './api';

/** The signed-in user, or null. A 401 is an answer ("nobody"), not an error. */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async (): Promise<Me | null> => {
    try {
      const me = await api.auth.me();
      setCsrfToken(me.csrfToken);
      return me;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw e;
    }
  },
  staleTime: 5 * 60 * 1000,
});

/** The installation's own area (GET /api/areas/home), the default area of every figure; loaded by the routes. */
export const homeAreaQuery = queryOptions({
  queryKey: ['areas', 'home'],
  queryFn: async () => (await api.areas.home()).area,
  staleTime: Number.POSITIVE_INFINITY,
});

/** Whether the registry holds the demo's records: the app then says its data is illustrative. */
export const demoDataQuery = queryOptions({
  queryKey: ['enterprises', 'demo-data'],
  queryFn: api.enterprises.demoData,
  staleTime: Number.POSITIVE_INFINITY,
});

/** The page's description names the department of the installation's own area (index.html names none). */
export function describeDepartment(area: { name: string; nameEn: string | null } | null | undefined): void {
  if (!area) return;
  document
    .querySelector('meta[name="description"]')
    ?.setAttribute('content', `Bước Tiến — Sở Công Thương ${departmentPlace(area, 'vi')}`);
}

/** Its code ('' before any area is loaded). */
export function useHomeArea(): string {
  return useQuery(homeAreaQuery).data?.code ?? '';
}

/**
 * Its name as the department's is written ("Tỉnh Lạng Sơn" → "Lạng Sơn": "Sở Công Thương Lạng Sơn"), the
 * `place` of every string that names the department.
 */
export function useHomePlace(lang: 'vi' | 'en'): string {
  const area = useQuery(homeAreaQuery).data;
  return area ? departmentPlace(area, lang) : '';
}

export function useMe(): Me {
  const { data } = useQuery(meQuery);
  // The app layout's beforeLoad guarantees a session for every page below it.
  return data!;
}

const EDITORS: readonly Role[] = ['admin', 'officer', 'statistician'];

/** Mirrors the server's route access, only to hide buttons that would be refused; the server decides. */
export const can = {
  createEnterprise: (role: Role) => EDITORS.includes(role),
  editEnterprise: (role: Role) => EDITORS.includes(role) || role === 'enterprise',
  importEnterprises: (role: Role) => EDITORS.includes(role),
  readEnterprises: (role: Role) => role !== 'bank',
  manageUsers: (role: Role) => role === 'admin',
};
