import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaDto } from '../../../contracts/areas';
import { formatDate } from '../../../contracts/format';
import { VSIC_DIVISIONS, VSIC_SECTIONS } from '../../../contracts/vsic-data';
import { useLang } from '../../app/i18n';
import { api } from '../../lib/api';
import type { EnterpriseSearch } from './search';

export const keys = {
  list: (s: EnterpriseSearch) => ['enterprises', 'list', s] as const,
  one: (id: string) => ['enterprises', 'one', id] as const,
  history: (id: string) => ['enterprises', 'history', id] as const,
};

export const areasQuery = queryOptions({
  queryKey: ['areas'],
  queryFn: () => api.areas.list(),
  staleTime: 60 * 60 * 1000,
});

export const enterpriseQuery = (id: string) =>
  queryOptions({ queryKey: keys.one(id), queryFn: () => api.enterprises.get(id) });

export function useAreas() {
  return useQuery(areasQuery).data ?? [];
}

type SelectGroup = { group: string; items: { value: string; label: string }[] };

/** Areas for a select, grouped by level; units that ended show their validity so 2014 and 2025 don't mix up. */
export function useAreaOptions(): SelectGroup[] {
  const areas = useAreas();
  const { t } = useTranslation();
  const lang = useLang();
  return useMemo(() => {
    const name = (a: AreaDto) => (lang === 'en' && a.nameEn ? a.nameEn : a.name);
    const label = (a: AreaDto) =>
      a.validTo ? `${name(a)} (${t('area.until', { date: formatDate(a.validTo, lang) })})` : name(a);
    const groups: SelectGroup[] = [];
    for (const level of ['province', 'district', 'commune'] as const) {
      const items = areas
        .filter((a) => a.level === level)
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((a) => ({ value: a.code, label: label(a) }));
      if (items.length) groups.push({ group: t(`area.level.${level}`), items });
    }
    return groups;
  }, [areas, t, lang]);
}

/** Sections B–E and their divisions, for the VSIC filter. */
export function useVsicOptions(): SelectGroup[] {
  const lang = useLang();
  return useMemo(
    () =>
      VSIC_SECTIONS.map((s) => ({
        group: `${s.code} — ${lang === 'en' ? s.nameEn : sentence(s.nameVi)}`,
        items: [
          { value: s.code, label: `${s.code} — ${lang === 'en' ? s.nameEn : sentence(s.nameVi)}` },
          ...VSIC_DIVISIONS.filter((d) => d.section === s.code).map((d) => ({
            value: d.code,
            label: `${d.code} — ${lang === 'en' ? d.nameEn : d.nameVi}`,
          })),
        ],
      })),
    [lang],
  );
}

/** Sections are printed in capitals in the decision; read them as a sentence. */
function sentence(s: string): string {
  const lower = s.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

export function vsicLabel(code: string, lang: 'vi' | 'en'): string {
  const d = VSIC_DIVISIONS.find((x) => x.code === code.slice(0, 2));
  return d ? `${code} · ${lang === 'en' ? d.nameEn : d.nameVi}` : code;
}
