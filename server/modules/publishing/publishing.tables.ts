import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables';
import { areas } from '../areas/areas.tables';

/**
 * Reports (báo cáo): a draft that staff edit, then issue. An issued report never changes again: the
 * service refuses every write to it, and a trigger-free CHECK keeps the issue fields consistent. Every
 * saved state is a row of publishing_report_versions (who, when, what), so nothing is lost.
 */
export const publishingReports = pgTable(
  'publishing_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    period: text('period').notNull(),
    areaCode: text('area_code')
      .notNull()
      .references(() => areas.code),
    lang: text('lang', { enum: ['vi', 'en'] }).notNull(),
    status: text('status', { enum: ['draft', 'issued'] })
      .notNull()
      .default('draft'),
    title: text('title').notNull(),
    number: text('number'),
    /** The ReportDocument (contracts/publishing.ts) as it stands. */
    document: jsonb('document').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
    issuedBy: uuid('issued_by').references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    index('publishing_reports_period_idx').on(t.period, t.areaCode),
    check('publishing_reports_period_check', sql`${t.period} ~ '^[0-9]{4}(-Q[1-4])?$'`),
    check('publishing_reports_status_check', sql`${t.status} in ('draft', 'issued')`),
    check(
      'publishing_reports_issued_check',
      sql`(${t.status} = 'issued') = (${t.issuedAt} is not null and ${t.number} is not null)`,
    ),
  ],
);

export const publishingReportVersions = pgTable(
  'publishing_report_versions',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => publishingReports.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    action: text('action', { enum: ['generate', 'edit', 'issue'] }).notNull(),
    document: jsonb('document').notNull(),
    editedBy: uuid('edited_by').references(() => users.id),
    editedAt: timestamp('edited_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.version] })],
);

/** Saved explorer views: a named query and chart, owned by a user, shareable by its key. */
export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shareKey: text('share_key').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    indicator: text('indicator').notNull(),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    areaCode: text('area_code').notNull(),
    dimensions: jsonb('dimensions').notNull(),
    filters: jsonb('filters').notNull(),
    sort: text('sort'),
    chartType: text('chart_type').notNull(),
    shared: boolean('shared').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  },
  (t) => [
    uniqueIndex('saved_views_share_key_idx').on(t.shareKey),
    index('saved_views_owner_idx').on(t.ownerId),
    check('saved_views_dimensions_check', sql`jsonb_array_length(${t.dimensions}) <= 3`),
  ],
);
