import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useHomeArea, useMe } from '../../lib/session';
import { PageHeader, usePageTitle } from '../../ui/page';
import { useAreaOptions } from './areas';
import { DashboardView } from './dashboard-view';

const route = getRouteApi('/_app/dashboard');

/** The staff landing page: this month's figures for the user's area (or the province). */
export function DashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('dash.title'));
  const me = useMe();
  const search = route.useSearch();
  const navigate = useNavigate();
  const { options } = useAreaOptions();
  const home = useHomeArea();
  const area = search.area ?? me.user.areaCode ?? home;
  return (
    <>
      <PageHeader title={t('dash.title')} />
      <DashboardView
        area={area}
        period={search.period}
        areaOptions={options}
        onChange={(next) =>
          void navigate({
            to: '/dashboard',
            search: (s: Record<string, unknown>) => ({
              ...s,
              ...next,
              ...(next.area ? { period: search.period } : {}),
            }),
            replace: true,
          })
        }
      />
    </>
  );
}
