import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { areas } from '../areas/areas.tables';

/**
 * Industrial statistics (statistics.md). Months are integers `yyyymm` (201403): the same month a year
 * earlier is `ym - 100`. The live aggregates (stat_agg*) are maintained in the transaction of every write;
 * see statistics.repository.ts and docs/statistics-engine.md.
 */

const ymCheck = (name: string, col: unknown) =>
  check(name, sql`${col} % 100 between 1 and 12 and ${col} between 190001 and 210012`);
const qty = (name: string) => numeric(name, { precision: 30, scale: 6 });

export const statProducts = pgTable(
  'stat_products',
  {
    code: text('code').primaryKey(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en'),
    unit: text('unit').notNull(),
    vsic: text('vsic').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  },
  (t) => [
    check('stat_products_code_check', sql`${t.code} ~ '^[A-Za-z0-9_.-]{1,30}$'`),
    check('stat_products_vsic_check', sql`${t.vsic} ~ '^[0-9]{4}$'`),
  ],
);

export const statProductPrices = pgTable(
  'stat_product_prices',
  {
    productCode: text('product_code')
      .notNull()
      .references(() => statProducts.code, { onDelete: 'cascade' }),
    baseYear: integer('base_year').notNull(),
    basePriceVnd: numeric('base_price_vnd', { precision: 24, scale: 6 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.productCode, t.baseYear] }),
    check('stat_product_prices_price_check', sql`${t.basePriceVnd} >= 0`),
    check('stat_product_prices_year_check', sql`${t.baseYear} between 1900 and 2100`),
  ],
);

/**
 * The current figure of each enterprise × month × product. The enterprise's area, ownership, VSIC and
 * panel flag are copied at write time: a figure stays where it was reported when the registry changes.
 * Its references (enterprise, product, area) are guarded from the parent side by triggers (migration
 * 0006: an enterprise, product or area with reports cannot be deleted or recoded) instead of by foreign
 * keys, whose per-row checks and key-share locks were two thirds of the time of a bulk import; every write
 * validates them first. The same for the revisions (deleting a report deletes its revisions).
 */
export const statReports = pgTable(
  'stat_reports',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    enterpriseId: uuid('enterprise_id').notNull(),
    ym: integer('ym').notNull(),
    productCode: text('product_code').notNull(),
    quantity: qty('quantity').notNull(),
    valueVnd: numeric('value_vnd', { precision: 24, scale: 0 }),
    areaCode: text('area_code').notNull(),
    ownership: text('ownership').notNull(),
    entVsic: text('ent_vsic').notNull(),
    inPanel: boolean('in_panel').notNull(),
    source: text('source').notNull(),
    comment: text('comment'),
    warnings: jsonb('warnings').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    reviewStatus: text('review_status').notNull().default('none'),
    revision: integer('revision').notNull().default(1),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  },
  (t) => [
    unique('stat_reports_key').on(t.enterpriseId, t.ym, t.productCode),
    index('stat_reports_ym_idx').on(t.ym, t.productCode),
    index('stat_reports_review_idx').on(t.reviewStatus).where(sql`${t.reviewStatus} = 'pending'`),
    ymCheck('stat_reports_ym_check', t.ym),
    check('stat_reports_quantity_check', sql`${t.quantity} >= 0`),
    check('stat_reports_value_check', sql`${t.valueVnd} is null or ${t.valueVnd} >= 0`),
    check('stat_reports_source_check', sql`${t.source} in ('web', 'import', 'staff')`),
    check('stat_reports_review_check', sql`${t.reviewStatus} in ('none', 'pending', 'reviewed')`),
    check('stat_reports_ownership_check', sql`${t.ownership} in ('state', 'non_state', 'fdi')`),
  ],
);

/** Every write of a report figure: the first one (old = null) and each revision, with who and when. */
export const statReportRevisions = pgTable(
  'stat_report_revisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reportId: bigint('report_id', { mode: 'number' }).notNull(),
    revision: integer('revision').notNull(),
    quantityOld: qty('quantity_old'),
    valueOld: numeric('value_old', { precision: 24, scale: 0 }),
    quantityNew: qty('quantity_new').notNull(),
    valueNew: numeric('value_new', { precision: 24, scale: 0 }),
    source: text('source').notNull(),
    comment: text('comment'),
    actorUserId: uuid('actor_user_id'),
    via: text('via').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  },
  (t) => [unique('stat_report_revisions_key').on(t.reportId, t.revision)],
);

export const statPeriods = pgTable(
  'stat_periods',
  {
    ym: integer('ym').primaryKey(),
    status: text('status').notNull().default('open'),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  },
  (t) => [
    ymCheck('stat_periods_ym_check', t.ym),
    check('stat_periods_status_check', sql`${t.status} in ('open', 'closed', 'approved', 'published')`),
    check('stat_periods_published_check', sql`(${t.status} = 'published') = (${t.publishedAt} is not null)`),
  ],
);

export const statPeriodEvents = pgTable(
  'stat_period_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ym: integer('ym')
      .notNull()
      .references(() => statPeriods.ym),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    actorUserId: uuid('actor_user_id'),
    via: text('via').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  },
  (t) => [index('stat_period_events_ym_idx').on(t.ym)],
);

export const statWeights = pgTable(
  'stat_weights',
  {
    baseYear: integer('base_year').notNull(),
    vsic: text('vsic').notNull(),
    valueAddedVnd: numeric('value_added_vnd', { precision: 24, scale: 0 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.baseYear, t.vsic] }),
    check('stat_weights_vsic_check', sql`${t.vsic} ~ '^[0-9]{4}$'`),
    check('stat_weights_value_check', sql`${t.valueAddedVnd} >= 0`),
  ],
);

export const statTargets = pgTable(
  'stat_targets',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    year: integer('year').notNull(),
    indicator: text('indicator').notNull(),
    areaCode: text('area_code')
      .notNull()
      .references(() => areas.code),
    productCode: text('product_code').references(() => statProducts.code),
    value: numeric('value', { precision: 30, scale: 6 }).notNull(),
  },
  (t) => [
    uniqueIndex('stat_targets_key').on(t.year, t.indicator, t.areaCode, sql`coalesce(${t.productCode}, '')`),
    check('stat_targets_indicator_check', sql`${t.indicator} in ('OUTPUT_QTY', 'GO_CONST', 'GO_CUR')`),
    check('stat_targets_value_check', sql`${t.value} >= 0`),
  ],
);

/** Measures kept per aggregate cell: reported sums and the m−12 sums of missing panel reports (§4). */
const measures = () => ({
  qty: qty('qty').notNull().default('0'),
  value: numeric('value', { precision: 30, scale: 0 }).notNull().default('0'),
  valueN: integer('value_n').notNull().default(0),
  n: integer('n').notNull().default(0),
  missQty: qty('miss_qty').notNull().default('0'),
  missValue: numeric('miss_value', { precision: 30, scale: 0 }).notNull().default('0'),
  missValueN: integer('miss_value_n').notNull().default(0),
  missN: integer('miss_n').notNull().default(0),
});

/** Month × area × ownership × enterprise VSIC × product: for filtered reads. */
export const statAgg = pgTable(
  'stat_agg',
  {
    ym: integer('ym').notNull(),
    areaCode: text('area_code').notNull(),
    ownership: text('ownership').notNull(),
    entVsic: text('ent_vsic').notNull(),
    productCode: text('product_code').notNull(),
    ...measures(),
  },
  (t) => [primaryKey({ columns: [t.ym, t.areaCode, t.ownership, t.entVsic, t.productCode] })],
);

/** Month × area × product: the roll-up most reads use (no ownership or enterprise-VSIC filter). */
export const statAggAp = pgTable(
  'stat_agg_ap',
  {
    ym: integer('ym').notNull(),
    areaCode: text('area_code').notNull(),
    productCode: text('product_code').notNull(),
    ...measures(),
  },
  (t) => [
    primaryKey({ columns: [t.ym, t.areaCode, t.productCode] }),
    // The latest month with a report (imputation stops there): an index-only max over reported cells.
    index('stat_agg_ap_reported_ym_idx').on(t.ym).where(sql`n > 0`),
  ],
);

/** Province-wide r of §4 per product and month: Σq(m) and Σq(m−12) over enterprises reporting both. */
export const statAggRatio = pgTable(
  'stat_agg_ratio',
  {
    ym: integer('ym').notNull(),
    productCode: text('product_code').notNull(),
    num: qty('num').notNull().default('0'),
    den: qty('den').notNull().default('0'),
    pairs: integer('pairs').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.ym, t.productCode] })],
);

/** Enterprises with at least one row in the month (REPORTING_RATE's numerator). */
export const statAggReceived = pgTable(
  'stat_agg_received',
  {
    ym: integer('ym').notNull(),
    areaCode: text('area_code').notNull(),
    ownership: text('ownership').notNull(),
    entVsic: text('ent_vsic').notNull(),
    inPanel: boolean('in_panel').notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.ym, t.areaCode, t.ownership, t.entVsic, t.inPanel] })],
);

/**
 * A counter per table the figures are computed from, bumped in the writing transaction by a statement
 * trigger (migration 0005): the sum of `v` changes with every committed write to any input, so a result
 * computed at version V is the current result as long as the sum is still V (statistics.service memo).
 * Not part of backups (comment `buoctien:no-backup`): a restore bumps it through the same triggers.
 * `changed_at` is the time of the last write (migration 0007).
 */
export const statInputVersions = pgTable('stat_input_versions', {
  tbl: text('tbl').primaryKey(),
  v: bigint('v', { mode: 'number' }).notNull().default(0),
  /** When the table last changed (the figures' "data as of"). */
  changedAt: timestamp('changed_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});
