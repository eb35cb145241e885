import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { areas } from '../areas/areas.tables';

export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taxCode: text('tax_code').notNull().unique(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    shortName: text('short_name'),
    areaCode: text('area_code')
      .notNull()
      .references(() => areas.code),
    address: text('address'),
    vsic: text('vsic').notNull(),
    ownership: text('ownership', { enum: ['state', 'non_state', 'fdi'] }).notNull(),
    sizeClass: text('size_class', { enum: ['micro', 'small', 'medium', 'large'] }),
    status: text('status', { enum: ['active', 'suspended', 'ceased'] })
      .notNull()
      .default('active'),
    reportsMonthly: boolean('reports_monthly').notNull().default(false),
    foundedOn: date('founded_on', { mode: 'string' }),
    employees: integer('employees'),
    charterCapitalVnd: bigint('charter_capital_vnd', { mode: 'bigint' }),
    representative: text('representative'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    notes: text('notes'),
    /** Demo records are shown as such in the app. */
    isDemo: boolean('is_demo').notNull().default(false),
    /** Optimistic concurrency: an edit names the version it started from. */
    version: integer('version').notNull().default(1),
    /** Accent- and case-free text for trigram search ("dong banh" finds "Đồng Bành"). */
    searchText: text('search_text').generatedAlwaysAs(
      sql`lower(f_unaccent(coalesce(name, '') || ' ' || coalesce(short_name, '') || ' ' || coalesce(name_en, '') || ' ' || tax_code))`,
    ),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  },
  (t) => [
    index('enterprises_area_idx').on(t.areaCode),
    index('enterprises_vsic_idx').on(t.vsic),
    index('enterprises_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check('enterprises_vsic_check', sql`${t.vsic} ~ '^[0-9]{4}$'`),
    check('enterprises_tax_code_check', sql`${t.taxCode} ~ '^[0-9]{10}(-[0-9]{3})?$'`),
    check('enterprises_ownership_check', sql`${t.ownership} in ('state', 'non_state', 'fdi')`),
    check('enterprises_employees_check', sql`${t.employees} is null or ${t.employees} >= 0`),
  ],
);

/** What an enterprise makes, with its declared yearly capacity (used by plausibility checks). */
export const enterpriseProducts = pgTable(
  'enterprise_products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    capacityPerYear: numeric('capacity_per_year', { precision: 24, scale: 6 }),
    /** The statistics catalogue's product code, when the product is one it tracks. */
    productCode: text('product_code'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('enterprise_products_ent_idx').on(t.enterpriseId),
    check(
      'enterprise_products_capacity_check',
      sql`${t.capacityPerYear} is null or ${t.capacityPerYear} >= 0`,
    ),
  ],
);
