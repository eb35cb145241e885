import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { storedFiles } from '../../platform/file-store.tables';
import { users } from '../accounts/accounts.tables';
import { enterprises } from '../enterprises/enterprises.tables';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const day = (name: string) => date(name, { mode: 'string' });
const money = (name: string) => bigint(name, { mode: 'bigint' });

/**
 * Policy data (rules as data): every row has its effective period and cites the legal text it comes from.
 * Seeded by extension.seed.ts (idempotent, at first start and in the demo), never constants in the logic.
 */

/** Activity groups of industrial extension (Decree 45/2012 art. 4, as amended by Decree 235/2025). */
export const extActivityGroups = pgTable(
  'ext_activity_groups',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    position: integer('position').notNull().default(0),
    effectiveFrom: day('effective_from').notNull(),
    effectiveTo: day('effective_to'),
    sourceDocument: text('source_document').notNull(),
    sourceArticle: text('source_article').notNull(),
    /** False when the wording or date was not checked against the official text. */
    verified: boolean('verified').notNull().default(false),
    note: text('note'),
  },
  (t) => [
    index('ext_activity_groups_code_idx').on(t.code),
    check(
      'ext_activity_groups_period_check',
      sql`${t.effectiveTo} is null or ${t.effectiveTo} >= ${t.effectiveFrom}`,
    ),
  ],
);

/** Support caps per scheme/establishment: funding source × support kind × province × effective period. */
export const extSupportCaps = pgTable(
  'ext_support_caps',
  {
    id: text('id').primaryKey(),
    supportKind: text('support_kind').notNull(),
    activityGroupCode: text('activity_group_code').notNull(),
    fundingSource: text('funding_source', { enum: ['national', 'local'] }).notNull(),
    /** null = every province (a national rule); a code = that province's own rule. */
    provinceCode: text('province_code'),
    /** Max share of the scheme's total cost, in percent (e.g. 30.00); null = no percentage limit. */
    maxPercent: numeric('max_percent', { precision: 5, scale: 2 }),
    /** Max amount in VND; null = no amount limit. */
    maxAmountVnd: money('max_amount_vnd'),
    effectiveFrom: day('effective_from').notNull(),
    effectiveTo: day('effective_to'),
    sourceDocument: text('source_document').notNull(),
    sourceArticle: text('source_article').notNull(),
    verified: boolean('verified').notNull().default(false),
    note: text('note'),
  },
  (t) => [
    index('ext_support_caps_kind_idx').on(t.supportKind, t.fundingSource),
    check('ext_support_caps_source_check', sql`${t.fundingSource} in ('national', 'local')`),
    check('ext_support_caps_limit_check', sql`${t.maxPercent} is not null or ${t.maxAmountVnd} is not null`),
    check(
      'ext_support_caps_period_check',
      sql`${t.effectiveTo} is null or ${t.effectiveTo} >= ${t.effectiveFrom}`,
    ),
  ],
);

/** Regional minimum wages (VND/month) by region I–IV and period. */
export const extMinWages = pgTable(
  'ext_min_wages',
  {
    id: text('id').primaryKey(),
    region: integer('region').notNull(),
    amountVnd: money('amount_vnd').notNull(),
    effectiveFrom: day('effective_from').notNull(),
    effectiveTo: day('effective_to'),
    sourceDocument: text('source_document').notNull(),
    sourceArticle: text('source_article').notNull(),
    verified: boolean('verified').notNull().default(false),
    note: text('note'),
  },
  (t) => [check('ext_min_wages_region_check', sql`${t.region} between 1 and 4`)],
);

/** Which wage region an area belongs to, by period (area code of the areas module, province-level default). */
export const extWageRegions = pgTable(
  'ext_wage_regions',
  {
    id: text('id').primaryKey(),
    areaCode: text('area_code').notNull(),
    region: integer('region').notNull(),
    effectiveFrom: day('effective_from').notNull(),
    effectiveTo: day('effective_to'),
    sourceDocument: text('source_document').notNull(),
    sourceArticle: text('source_article').notNull(),
    verified: boolean('verified').notNull().default(false),
    note: text('note'),
  },
  (t) => [
    index('ext_wage_regions_area_idx').on(t.areaCode),
    check('ext_wage_regions_region_check', sql`${t.region} between 1 and 4`),
  ],
);

// ---- plans and calls ----

export const extPlans = pgTable(
  'ext_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    status: text('status', { enum: ['draft', 'approved'] })
      .notNull()
      .default('draft'),
    notes: text('notes'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: ts('created_at').notNull().default(sql`now()`),
  },
  (t) => [uniqueIndex('ext_plans_year_uq').on(t.year)],
);

export const extPlanBudgets = pgTable(
  'ext_plan_budgets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => extPlans.id, { onDelete: 'cascade' }),
    fundingSource: text('funding_source', { enum: ['national', 'local'] }).notNull(),
    activityGroupCode: text('activity_group_code').notNull(),
    amountVnd: money('amount_vnd').notNull(),
  },
  (t) => [
    uniqueIndex('ext_plan_budgets_uq').on(t.planId, t.fundingSource, t.activityGroupCode),
    check('ext_plan_budgets_amount_check', sql`${t.amountVnd} >= 0`),
  ],
);

/** A configurable weighted scoring rubric for appraisal. */
export const extRubrics = pgTable('ext_rubrics', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  createdAt: ts('created_at').notNull().default(sql`now()`),
});

export const extRubricCriteria = pgTable(
  'ext_rubric_criteria',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    rubricId: uuid('rubric_id')
      .notNull()
      .references(() => extRubrics.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    label: text('label').notNull(),
    labelEn: text('label_en').notNull(),
    weight: numeric('weight', { precision: 6, scale: 2 }).notNull(),
    maxScore: integer('max_score').notNull().default(10),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    uniqueIndex('ext_rubric_criteria_uq').on(t.rubricId, t.code),
    check('ext_rubric_criteria_weight_check', sql`${t.weight} > 0`),
    check('ext_rubric_criteria_max_check', sql`${t.maxScore} > 0`),
  ],
);

export const extCalls = pgTable(
  'ext_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id').references(() => extPlans.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    fundingSource: text('funding_source', { enum: ['national', 'local'] }).notNull(),
    activityGroupCode: text('activity_group_code').notNull(),
    opensOn: day('opens_on').notNull(),
    closesOn: day('closes_on').notNull(),
    status: text('status', { enum: ['draft', 'open', 'closed'] })
      .notNull()
      .default('draft'),
    rubricId: uuid('rubric_id').references(() => extRubrics.id),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: ts('created_at').notNull().default(sql`now()`),
  },
  (t) => [
    index('ext_calls_year_idx').on(t.year),
    check('ext_calls_dates_check', sql`${t.closesOn} >= ${t.opensOn}`),
  ],
);

// ---- schemes ----

export const extSchemes = pgTable(
  'ext_schemes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    year: integer('year').notNull(),
    planId: uuid('plan_id').references(() => extPlans.id),
    callId: uuid('call_id').references(() => extCalls.id),
    title: text('title').notNull(),
    description: text('description'),
    supportKind: text('support_kind').notNull(),
    activityGroupCode: text('activity_group_code').notNull(),
    fundingSource: text('funding_source', { enum: ['national', 'local'] }).notNull(),
    leadEnterpriseId: uuid('lead_enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    status: text('status').notNull().default('draft'),
    totalCostVnd: money('total_cost_vnd').notNull(),
    supportRequestedVnd: money('support_requested_vnd').notNull(),
    counterpartVnd: money('counterpart_vnd').notNull(),
    /** The date the application was (first) submitted: the caps in force on this date apply. */
    applicationDate: day('application_date'),
    /** Frozen at approval: the amount and the rule (id and its limits) it was judged by. */
    approvedAmountVnd: money('approved_amount_vnd'),
    approvedOn: day('approved_on'),
    capRuleId: text('cap_rule_id'),
    capSnapshot: text('cap_snapshot'),
    settledAmountVnd: money('settled_amount_vnd'),
    womenOwned: boolean('women_owned').notNull().default(false),
    ethnicMinorityOwned: boolean('ethnic_minority_owned').notNull().default(false),
    ruralArea: boolean('rural_area').notNull().default(false),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().default(sql`now()`),
    updatedAt: ts('updated_at').notNull().default(sql`now()`),
  },
  (t) => [
    index('ext_schemes_year_idx').on(t.year),
    index('ext_schemes_lead_idx').on(t.leadEnterpriseId),
    index('ext_schemes_call_idx').on(t.callId),
    check('ext_schemes_source_check', sql`${t.fundingSource} in ('national', 'local')`),
    check(
      'ext_schemes_amounts_check',
      sql`${t.totalCostVnd} > 0 and ${t.supportRequestedVnd} >= 0 and ${t.counterpartVnd} >= 0 and ${t.supportRequestedVnd} <= ${t.totalCostVnd}`,
    ),
    check(
      'ext_schemes_approved_check',
      sql`${t.approvedAmountVnd} is null or (${t.approvedAmountVnd} >= 0 and ${t.approvedAmountVnd} <= ${t.totalCostVnd})`,
    ),
  ],
);

/** The enterprises of a scheme (the lead one and any others). */
export const extSchemeEnterprises = pgTable(
  'ext_scheme_enterprises',
  {
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => extSchemes.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    role: text('role', { enum: ['lead', 'member'] })
      .notNull()
      .default('member'),
  },
  (t) => [uniqueIndex('ext_scheme_enterprises_uq').on(t.schemeId, t.enterpriseId)],
);

/** The timeline: every status change and every money/document event of a scheme. */
export const extSchemeEvents = pgTable(
  'ext_scheme_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => extSchemes.id, { onDelete: 'cascade' }),
    at: ts('at').notNull().default(sql`now()`),
    /** The business date of the event (e.g. the decision date), which may differ from `at`. */
    onDate: day('on_date').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actorUserId: uuid('actor_user_id'),
    note: text('note'),
    amountVnd: money('amount_vnd'),
    documentId: uuid('document_id'),
  },
  (t) => [index('ext_scheme_events_scheme_idx').on(t.schemeId, t.id)],
);

export const extDocuments = pgTable(
  'ext_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => extSchemes.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    /** The bytes, in the database's file store (platform/file-store.ts): every instance serves them. */
    fileId: uuid('file_id').references(() => storedFiles.id),
    /**
     * Before the file store: the path under DATA_DIR/files of one instance. Kept for the rows written then,
     * until `adoptLegacyDocumentFiles` has moved their files into the store (fileId set).
     */
    storagePath: text('storage_path'),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: ts('uploaded_at').notNull().default(sql`now()`),
  },
  (t) => [index('ext_documents_scheme_idx').on(t.schemeId)],
);

export const extMilestones = pgTable(
  'ext_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => extSchemes.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueOn: day('due_on'),
    doneOn: day('done_on'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('ext_milestones_scheme_idx').on(t.schemeId)],
);

export const extDisbursements = pgTable(
  'ext_disbursements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => extSchemes.id, { onDelete: 'cascade' }),
    amountVnd: money('amount_vnd').notNull(),
    paidOn: day('paid_on').notNull(),
    note: text('note'),
    createdAt: ts('created_at').notNull().default(sql`now()`),
  },
  (t) => [
    index('ext_disbursements_scheme_idx').on(t.schemeId),
    check('ext_disbursements_amount_check', sql`${t.amountVnd} > 0`),
  ],
);

/** One council member's score of one criterion for one application. */
export const extScores = pgTable(
  'ext_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => extSchemes.id, { onDelete: 'cascade' }),
    criterionId: uuid('criterion_id')
      .notNull()
      .references(() => extRubricCriteria.id),
    memberUserId: uuid('member_user_id')
      .notNull()
      .references(() => users.id),
    score: numeric('score', { precision: 6, scale: 2 }).notNull(),
    comment: text('comment'),
    updatedAt: ts('updated_at').notNull().default(sql`now()`),
  },
  (t) => [
    uniqueIndex('ext_scores_uq').on(t.schemeId, t.criterionId, t.memberUserId),
    check('ext_scores_score_check', sql`${t.score} >= 0`),
  ],
);

/** Outcome figures: the baseline (frozen at approval), at acceptance and one year after; kept as entered. */
export const extOutcomes = pgTable(
  'ext_outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => extSchemes.id, { onDelete: 'cascade' }),
    stage: text('stage', { enum: ['baseline', 'acceptance', 'one_year'] }).notNull(),
    measuredOn: day('measured_on').notNull(),
    capacity: numeric('capacity', { precision: 24, scale: 6 }),
    capacityUnit: text('capacity_unit'),
    employees: integer('employees'),
    jobsCreated: integer('jobs_created'),
    avgIncomeVnd: money('avg_income_vnd'),
    incomePeriod: text('income_period', { enum: ['month', 'year'] }),
    /** The figure as it was reported, verbatim (e.g. "4 triệu đồng/năm"). */
    incomeAsReported: text('income_as_reported'),
    revenueVnd: money('revenue_vnd'),
    frozen: boolean('frozen').notNull().default(false),
    note: text('note'),
    updatedAt: ts('updated_at').notNull().default(sql`now()`),
  },
  (t) => [
    uniqueIndex('ext_outcomes_uq').on(t.schemeId, t.stage),
    check(
      'ext_outcomes_nonneg_check',
      sql`(${t.employees} is null or ${t.employees} >= 0) and (${t.capacity} is null or ${t.capacity} >= 0)`,
    ),
  ],
);
