/** Statistics: products, monthly reports with revisions, live aggregates, indicators, periods and export. */

export { annualReport } from './annual-report';
export { render as renderIndicators } from './export';
export { enterpriseOutputByYear, enterpriseOutputSeries } from './output-series';
export { cachedIndicators, heavyRead } from './public-reads';
export {
  inputsChangedAt,
  inputVersion as statisticsVersion,
  rebuildAggregates,
} from './statistics.repository';
export { statisticsRoutes } from './statistics.routes';
export {
  computeIndicators,
  coverage,
  enterReports,
  getPeriod,
  importProducts,
  importReports,
  importTargets,
  importWeights,
  loadProducts,
  reportingStatus,
  traceFigure,
  transitionPeriod,
} from './statistics.service';
export * from './statistics.tables';
