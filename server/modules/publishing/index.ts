/**
 * Publishing: the year-end report written from the data (narrative, DOCX/PDF/Markdown in the Decree
 * 30/2020 format), issued reports, saved explorer views and the public open-data routes.
 */
export { buildReportDocument } from './document';
export { factsFromObservations } from './facts';
export { blocksToText, writeIndustryNarrative } from './narrative';
export { publishingRoutes } from './publishing.routes';
export {
  generateReport,
  isPublished,
  issueReport,
  loadIndustryFacts,
  type ReasonsSource,
  renderReportFile,
  setReasonsSource,
} from './publishing.service';
export { publishingReports, publishingReportVersions, savedViews } from './publishing.tables';
export { type SupportOutcomeFacts, supportReasons, supportReasonsSource } from './reasons';
export { CONTENT_TYPES, renderReport } from './render';
