/** Industrial extension (khuyến công): plans, calls, schemes and their lifecycle, appraisal, outcomes, exports. */
export { exportTable, render as renderExport } from './extension.exports';
export { extensionRoutes } from './extension.routes';
export { seedExtensionPolicy } from './extension.seed';
export {
  addDisbursement,
  addMilestone,
  adoptLegacyDocumentFiles,
  applyToCall,
  createCall,
  createPlan,
  createScheme,
  documentLimits,
  getSchemeDetail,
  getScoreSheet,
  impact,
  putOutcome,
  putScores,
  readDocument,
  transition,
  uploadDocument,
} from './extension.service';
export { type EnterpriseYear, type OutputSeriesSource, setOutputSeriesSource } from './output-series';
export { completedSupportOutcomes, type SupportOutcome } from './support-outcomes';
