/** Enterprises: the registry of industrial enterprises, their products and capacity, and their history. */
export {
  type EnterpriseRow,
  findByTaxCodes,
  getEnterpriseRow,
} from './enterprises.repository';
export { enterprisesRoutes } from './enterprises.routes';
export {
  canAccessEnterprise,
  createEnterprise,
  enterpriseHistory,
  getEnterpriseDto,
  importEnterprises,
} from './enterprises.service';
export { enterpriseProducts, enterprises } from './enterprises.tables';
