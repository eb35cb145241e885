import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  notFound,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { coverageQuery, statsApi } from '../features/dashboard/stats-api';
import { parseEnterpriseSearch } from '../features/enterprises/search';
import { describeDepartment, homeAreaQuery, meQuery } from '../lib/session';
import { NotFoundPage, RouteError } from './status-pages';

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  // Every page, signed in or not, names the installation's own area and opens on it.
  beforeLoad: async ({ context }) =>
    describeDepartment(await context.queryClient.ensureQueryData(homeAreaQuery)),
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (s: Record<string, unknown>): { redirect?: string } =>
    typeof s.redirect === 'string' && s.redirect.startsWith('/') ? { redirect: s.redirect } : {},
  component: lazyRouteComponent(() => import('../features/auth/login-page'), 'LoginPage'),
});

/** Every page below needs a session; without one the user goes to /login and comes back afterwards. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/login', search: { redirect: location.href } });
    return { me };
  },
  component: lazyRouteComponent(() => import('./layout'), 'AppLayout'),
  notFoundComponent: NotFoundPage,
  errorComponent: RouteError,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    const { user } = context.me;
    if (user.role === 'enterprise' && user.enterpriseIds.length === 1) {
      throw redirect({ to: '/enterprises/$id', params: { id: user.enterpriseIds[0]! } });
    }
    if (user.role === 'bank') throw redirect({ to: '/account' });
    if (user.role === 'leader' || user.role === 'officer' || user.role === 'statistician')
      throw redirect({ to: '/dashboard' });
    throw redirect({ to: '/enterprises' });
  },
});

const enterprisesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/enterprises',
  validateSearch: parseEnterpriseSearch,
  component: lazyRouteComponent(() => import('../features/enterprises/list-page'), 'EnterpriseListPage'),
});

const enterpriseNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/enterprises/new',
  component: lazyRouteComponent(() => import('../features/enterprises/form-page'), 'EnterpriseCreatePage'),
});

const enterpriseImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/enterprises/import',
  component: lazyRouteComponent(() => import('../features/enterprises/import-page'), 'EnterpriseImportPage'),
});

const TABS = ['info', 'products', 'history'] as const;
export type EnterpriseTab = (typeof TABS)[number];

const enterpriseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/enterprises/$id',
  validateSearch: (s: Record<string, unknown>): { tab?: EnterpriseTab } =>
    TABS.includes(s.tab as EnterpriseTab) && s.tab !== 'info' ? { tab: s.tab as EnterpriseTab } : {},
  component: lazyRouteComponent(() => import('../features/enterprises/detail-page'), 'EnterpriseDetailPage'),
});

const enterpriseEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/enterprises/$id/edit',
  component: lazyRouteComponent(() => import('../features/enterprises/form-page'), 'EnterpriseEditPage'),
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users',
  beforeLoad: ({ context }) => {
    if (context.me.user.role !== 'admin') throw notFound();
  },
  component: lazyRouteComponent(() => import('../features/users/users-page'), 'UsersPage'),
});

const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account',
  component: lazyRouteComponent(() => import('../features/auth/account-page'), 'AccountPage'),
});

const extensionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/extension',
  beforeLoad: ({ context }) => {
    if (context.me.user.role === 'enterprise') throw redirect({ to: '/extension/portal' });
    if (context.me.user.role === 'bank') throw notFound();
  },
  component: lazyRouteComponent(() => import('../features/extension/schemes-page'), 'SchemesPage'),
});

const extensionPlansRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/extension/plans',
  component: lazyRouteComponent(() => import('../features/extension/plans-page'), 'PlansPage'),
});

const extensionPortalRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/extension/portal',
  component: lazyRouteComponent(() => import('../features/extension/portal-page'), 'PortalPage'),
});

const extensionSchemeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/extension/schemes/$id',
  component: lazyRouteComponent(() => import('../features/extension/scheme-page'), 'SchemePage'),
});

const extensionImpactRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/extension/impact',
  beforeLoad: ({ context }) => {
    if (['enterprise', 'bank'].includes(context.me.user.role)) throw notFound();
  },
  component: lazyRouteComponent(() => import('../features/extension/impact-page'), 'ImpactPage'),
});

// ---- publishing: dashboard, explorer, reports (staff) and open data (public) ----
const STAFF_PAGES = ['admin', 'leader', 'officer', 'extension_officer', 'statistician', 'fund_officer'];
const staffOnly = ({ context }: { context: { me: { user: { role: string } } } }) => {
  if (!STAFF_PAGES.includes(context.me.user.role)) throw notFound();
};
const text = (v: unknown) => (typeof v === 'string' && v.length <= 40 ? v : undefined);

// ---- statistics: report entry (enterprise: its own company), import, review queue, periods, indicators ----
const STAT_STAFF = ['admin', 'statistician'];
const statRoles =
  (roles: string[]) =>
  ({ context }: { context: { me: { user: { role: string } } } }) => {
    if (!roles.includes(context.me.user.role)) throw notFound();
  };
const monthParam = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}$/.test(v) ? v : undefined);

const statEntryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/statistics/entry',
  beforeLoad: statRoles([...STAT_STAFF, 'enterprise']),
  validateSearch: (s: Record<string, unknown>): { enterprise?: string; period?: string } => ({
    enterprise:
      typeof s.enterprise === 'string' && /^[0-9a-f-]{36}$/.test(s.enterprise) ? s.enterprise : undefined,
    period: monthParam(s.period),
  }),
  component: lazyRouteComponent(() => import('../features/statistics/entry-page'), 'ReportEntryPage'),
});

const statImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/statistics/import',
  beforeLoad: statRoles(STAT_STAFF),
  component: lazyRouteComponent(() => import('../features/statistics/import-page'), 'StatisticsImportPage'),
});

const statQueueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/statistics/queue',
  beforeLoad: statRoles(STAT_STAFF),
  component: lazyRouteComponent(() => import('../features/statistics/queue-page'), 'ValidationQueuePage'),
});

const statPeriodsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/statistics/periods',
  beforeLoad: statRoles([...STAT_STAFF, 'leader']),
  validateSearch: (s: Record<string, unknown>): { year?: number } => {
    const y = Number(s.year);
    return Number.isInteger(y) && y >= 1990 && y <= 2100 ? { year: y } : {};
  },
  component: lazyRouteComponent(() => import('../features/statistics/periods-page'), 'PeriodsPage'),
});

const statIndicatorsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/statistics/indicators',
  beforeLoad: statRoles([...STAT_STAFF, 'leader']),
  validateSearch: (
    s: Record<string, unknown>,
  ): { freq?: 'M' | 'Q' | 'A' | 'YTD'; period?: string; area?: string; imputation?: 'false' } => ({
    freq: ['M', 'Q', 'A', 'YTD'].includes(s.freq as string) ? (s.freq as 'M') : undefined,
    period: typeof s.period === 'string' && /^\d{4}(-\d{2}|-Q[1-4])?$/.test(s.period) ? s.period : undefined,
    area: text(s.area),
    imputation: s.imputation === 'false' || s.imputation === false ? 'false' : undefined,
  }),
  component: lazyRouteComponent(() => import('../features/statistics/indicators-page'), 'IndicatorsPage'),
});

const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dashboard',
  beforeLoad: staffOnly,
  validateSearch: (s: Record<string, unknown>): { area?: string; period?: string } => ({
    area: text(s.area),
    period: text(s.period),
  }),
  // Ask for the figures while the page's code is still loading (same query key as the page).
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => {
    const area =
      deps.area ??
      context.me.user.areaCode ??
      context.queryClient.getQueryData(homeAreaQuery.queryKey)?.code ??
      '';
    void context.queryClient.prefetchQuery({
      queryKey: ['dashboard', area, deps.period ?? null],
      queryFn: () => statsApi.dashboard({ area, period: deps.period }),
    });
  },
  component: lazyRouteComponent(() => import('../features/dashboard/dashboard-page'), 'DashboardPage'),
});

const explorerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/explorer',
  beforeLoad: staffOnly,
  validateSearch: (s: Record<string, unknown>): { view?: string; q?: string } => ({
    view: text(s.view),
    q: typeof s.q === 'string' && s.q.length < 2000 ? s.q : undefined,
  }),
  loader: ({ context }) => context.queryClient.ensureQueryData(coverageQuery),
  component: lazyRouteComponent(() => import('../features/explorer/explorer-page'), 'ExplorerPage'),
});

const reportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports',
  beforeLoad: staffOnly,
  loader: ({ context }) => context.queryClient.ensureQueryData(coverageQuery),
  component: lazyRouteComponent(() => import('../features/reports/reports-page'), 'ReportsPage'),
});

const reportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports/$id',
  beforeLoad: staffOnly,
  component: lazyRouteComponent(() => import('../features/reports/report-page'), 'ReportPage'),
});

const openRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/open',
  validateSearch: (s: Record<string, unknown>): { area?: string; period?: string } => ({
    area: text(s.area),
    period: text(s.period),
  }),
  component: lazyRouteComponent(() => import('../features/public/public-page'), 'PublicPage'),
});

const openReportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/open/reports/$id',
  component: lazyRouteComponent(() => import('../features/public/public-page'), 'PublicReportPage'),
});

/** The page a report's number links to (contracts/publishing.ts figureHref). */
const figureRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/figure',
  validateSearch: (s: Record<string, unknown>) => {
    const out: Record<string, string> = {};
    for (const k of ['indicator', 'period', 'area', 'activity', 'product', 'baseYear', 'imputed'])
      if (text(s[k]) !== undefined) out[k] = String(s[k]);
    return out as { indicator?: string; period?: string; area?: string; activity?: string; product?: string };
  },
  component: lazyRouteComponent(() => import('../features/public/public-page'), 'FigurePage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  openRoute,
  openReportRoute,
  figureRoute,
  appRoute.addChildren([
    indexRoute,
    dashboardRoute,
    explorerRoute,
    reportsRoute,
    reportRoute,
    enterprisesRoute,
    enterpriseNewRoute,
    enterpriseImportRoute,
    enterpriseRoute,
    enterpriseEditRoute,
    usersRoute,
    accountRoute,
    extensionRoute,
    extensionPlansRoute,
    extensionPortalRoute,
    extensionSchemeRoute,
    extensionImpactRoute,
    statEntryRoute,
    statImportRoute,
    statQueueRoute,
    statPeriodsRoute,
    statIndicatorsRoute,
  ]),
]);

export function makeRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
    defaultPendingMinMs: 0,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof makeRouter>;
  }
}
