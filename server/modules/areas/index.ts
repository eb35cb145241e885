/** Areas: administrative units over time (province, district, commune) with their successors. */
export {
  type AreaRow,
  findAreas,
  homeArea,
  isWithinArea,
  listAreas,
  subtreeCodes,
} from './areas.repository';
export { areasRoutes } from './areas.routes';
export { homeAreaCode, importAreas, seedShippedAreas, upsertAreas, withHomeArea } from './areas.service';
export { areas } from './areas.tables';
export { LANG_SON_AREAS, LANG_SON_COMMUNE_ORIGIN, LANG_SON_PROVINCE_CODE } from './lang-son.data';
