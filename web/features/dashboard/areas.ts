import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { AreaDto } from '../../../contracts/areas';
import { formatDate } from '../../../contracts/format';
import { useLang } from '../../app/i18n';
import { statsApi } from './stats-api';

/** The province and its districts (also those abolished in 2025, marked with their end date). */
export function useAreaOptions(): { options: { value: string; label: string }[]; areas: AreaDto[] } {
  const lang = useLang();
  const q = useQuery({ queryKey: ['areas-all'], queryFn: statsApi.areas, staleTime: 30 * 60_000 });
  return useMemo(() => {
    const areas = q.data ?? [];
    const list = areas.filter((a) => a.level !== 'commune');
    const options = list
      .sort((a, b) =>
        a.level === 'province' ? -1 : b.level === 'province' ? 1 : a.code.localeCompare(b.code),
      )
      .map((a) => {
        const name = lang === 'en' ? (a.nameEn ?? a.name) : a.name;
        return { value: a.code, label: a.validTo ? `${name} (→ ${formatDate(a.validTo, lang)})` : name };
      });
    return { options, areas };
  }, [q.data, lang]);
}
