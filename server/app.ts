import { accountsRoutes, resolveSession, scopeOf } from './modules/accounts';
import { areasRoutes } from './modules/areas';
import { canAccessEnterprise, enterprisesRoutes } from './modules/enterprises';
import { completedSupportOutcomes, extensionRoutes, setOutputSeriesSource } from './modules/extension';
import { publishingRoutes, setReasonsSource, supportReasonsSource } from './modules/publishing';
import { dashboardRoutes } from './modules/publishing/dashboard.routes';
import { enterpriseOutputByYear, statisticsRoutes } from './modules/statistics';
import type { Config } from './platform/config';
import type { Database } from './platform/db';
import { healthRoutes } from './platform/health';
import { buildApp, type ModulePlugin } from './platform/http';
import { jobRoutes } from './platform/jobs';

/** Every module's routes, in one list: adding a module means adding it here. */
export const MODULES: ModulePlugin[] = [
  healthRoutes,
  jobRoutes,
  accountsRoutes,
  areasRoutes,
  enterprisesRoutes,
  statisticsRoutes,
  extensionRoutes,
  publishingRoutes,
  dashboardRoutes,
];

export function createApp(
  database: Database,
  config: Config,
  opts: { webDist?: string | null; logger?: boolean } = {},
) {
  const db = database.db;
  // Extension impact: enterprise output at constant prices of the installation's base year (statistics).
  setOutputSeriesSource((d, q) => enterpriseOutputByYear(d, { ...q, baseYear: config.BASE_YEAR }));
  // Year-end report: the outcomes of the extension schemes completed in the period are reasons on record.
  setReasonsSource(supportReasonsSource(completedSupportOutcomes));
  return buildApp({
    database,
    config,
    modules: MODULES,
    guards: {
      resolveSession: (token) => resolveSession(db, token),
      scopeOf: (user) => scopeOf(db, user),
      canAccessEnterprise: (scope, id) => canAccessEnterprise(db, scope, id),
    },
    ...opts,
  });
}
