import { z } from 'zod';
import { isoDate, optionalText, quantity, requiredText, vnd } from './common';

/** Industrial extension (khuyến công): plans, calls, schemes, appraisal, outcomes. */

export const FUNDING_SOURCES = ['national', 'local'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** Kinds of support that carry a cap; each scheme names one. */
export const SUPPORT_KINDS = [
  'demonstration_model',
  'model_replication',
  'advanced_machinery',
  'technology_line',
  'enterprise_setup',
  'brand_registration',
  'consulting',
  'business_cluster',
  'pollution_treatment',
] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export const SCHEME_STATUSES = [
  'draft',
  'submitted',
  'appraisal',
  'needs_documents',
  'approved',
  'rejected',
  'contracted',
  'in_progress',
  'accepted',
  'settled',
  'cancelled',
] as const;
export type SchemeStatus = (typeof SCHEME_STATUSES)[number];

export const SCHEME_ACTIONS = [
  'submit',
  'start_appraisal',
  'request_documents',
  'resubmit',
  'approve',
  'reject',
  'sign_contract',
  'start_implementation',
  'accept',
  'settle',
  'cancel',
] as const;
export type SchemeAction = (typeof SCHEME_ACTIONS)[number];

export const DOCUMENT_KINDS = [
  'application',
  'business_registration',
  'cost_estimate',
  'appraisal_minutes',
  'approval_decision',
  'contract',
  'disbursement_voucher',
  'acceptance_minutes',
  'settlement_report',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const OUTCOME_STAGES = ['baseline', 'acceptance', 'one_year'] as const;
export type OutcomeStage = (typeof OUTCOME_STAGES)[number];

export const INCOME_PERIODS = ['month', 'year'] as const;

export const FLAG_CODES = [
  'income_below_min_wage',
  'capacity_multiplier_over_20',
  'jobs_above_employees',
  'capacity_unit_mismatch',
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

// ---- DTOs ----

const money = vnd;
const nullableMoney = vnd.nullable();

export const capRuleDto = z.object({
  id: z.string(),
  supportKind: z.string(),
  activityGroupCode: z.string(),
  fundingSource: z.enum(FUNDING_SOURCES),
  provinceCode: z.string().nullable(),
  maxPercent: z.string().nullable(),
  maxAmountVnd: nullableMoney,
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  sourceDocument: z.string(),
  sourceArticle: z.string(),
  verified: z.boolean(),
  note: z.string().nullable(),
});
export type CapRuleDto = z.infer<typeof capRuleDto>;

export const activityGroupDto = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  sourceDocument: z.string(),
  sourceArticle: z.string(),
  verified: z.boolean(),
});

export const minWageDto = z.object({
  id: z.string(),
  region: z.number().int(),
  amountVnd: money,
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  sourceDocument: z.string(),
  sourceArticle: z.string(),
  verified: z.boolean(),
});

export const wageRegionDto = z.object({
  id: z.string(),
  areaCode: z.string(),
  region: z.number().int(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  sourceDocument: z.string(),
  sourceArticle: z.string(),
  verified: z.boolean(),
});

export const rulesDto = z.object({
  activityGroups: z.array(activityGroupDto),
  caps: z.array(capRuleDto),
  minWages: z.array(minWageDto),
  wageRegions: z.array(wageRegionDto),
});

export const capRuleBody = z.object({
  id: z.string().regex(/^[a-z0-9-]{3,60}$/),
  supportKind: z.enum(SUPPORT_KINDS),
  activityGroupCode: requiredText(60),
  fundingSource: z.enum(FUNDING_SOURCES),
  provinceCode: optionalText(10),
  maxPercent: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,2})?$/, { message: 'issue.number' })
    .nullable(),
  maxAmountVnd: nullableMoney,
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable(),
  sourceDocument: requiredText(300),
  sourceArticle: requiredText(300),
  verified: z.boolean().default(false),
  note: optionalText(1000),
});

// plans

export const budgetLine = z.object({
  fundingSource: z.enum(FUNDING_SOURCES),
  activityGroupCode: requiredText(60),
  amountVnd: money,
});

export const budgetLineDto = budgetLine.extend({
  committedVnd: money,
  disbursedVnd: money,
  settledVnd: money,
  schemes: z.number().int(),
});

export const planDto = z.object({
  id: z.uuid(),
  year: z.number().int(),
  title: z.string(),
  status: z.enum(['draft', 'approved']),
  notes: z.string().nullable(),
  isDemo: z.boolean(),
  budgets: z.array(budgetLineDto),
  totals: z.object({
    budgetVnd: money,
    committedVnd: money,
    disbursedVnd: money,
    settledVnd: money,
  }),
});
export type PlanDto = z.infer<typeof planDto>;

export const createPlanBody = z.object({
  year: z.number().int().min(2000).max(2100),
  title: requiredText(300),
  status: z.enum(['draft', 'approved']).default('draft'),
  notes: optionalText(2000),
  budgets: z.array(budgetLine).max(50).default([]),
});

export const putBudgetsBody = z.object({ budgets: z.array(budgetLine).max(50) });

// rubrics and calls

export const criterionDto = z.object({
  id: z.uuid(),
  code: z.string(),
  label: z.string(),
  labelEn: z.string(),
  weight: z.string(),
  maxScore: z.number().int(),
});

export const rubricDto = z.object({ id: z.uuid(), name: z.string(), criteria: z.array(criterionDto) });

export const createRubricBody = z.object({
  name: requiredText(300),
  criteria: z
    .array(
      z.object({
        code: z.string().regex(/^[a-z0-9_]{2,40}$/),
        label: requiredText(300),
        labelEn: requiredText(300),
        weight: z.string().regex(/^\d{1,4}(\.\d{1,2})?$/, { message: 'issue.number' }),
        maxScore: z.number().int().min(1).max(1000).default(10),
      }),
    )
    .min(1)
    .max(30),
});

export const callDto = z.object({
  id: z.uuid(),
  planId: z.uuid().nullable(),
  year: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  fundingSource: z.enum(FUNDING_SOURCES),
  activityGroupCode: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  status: z.enum(['draft', 'open', 'closed']),
  rubricId: z.uuid().nullable(),
  applications: z.number().int(),
  isDemo: z.boolean(),
});
export type CallDto = z.infer<typeof callDto>;

export const createCallBody = z.object({
  planId: z.uuid().nullable().default(null),
  year: z.number().int().min(2000).max(2100),
  title: requiredText(300),
  description: optionalText(4000),
  fundingSource: z.enum(FUNDING_SOURCES),
  activityGroupCode: requiredText(60),
  opensOn: isoDate,
  closesOn: isoDate,
  status: z.enum(['draft', 'open', 'closed']).default('draft'),
  rubricId: z.uuid().nullable().default(null),
});
export const updateCallBody = createCallBody.partial();

export const callListQuery = z.object({
  year: z.coerce.number().int().optional(),
  status: z.enum(['draft', 'open', 'closed']).optional(),
});

// schemes

export const schemeInputBase = z.object({
  title: requiredText(300),
  description: optionalText(4000),
  supportKind: z.enum(SUPPORT_KINDS),
  activityGroupCode: requiredText(60),
  fundingSource: z.enum(FUNDING_SOURCES),
  totalCostVnd: money,
  supportRequestedVnd: money,
  counterpartVnd: money,
  womenOwned: z.boolean().default(false),
  ethnicMinorityOwned: z.boolean().default(false),
  ruralArea: z.boolean().default(false),
});

export const createSchemeBody = schemeInputBase.extend({
  year: z.number().int().min(2000).max(2100),
  callId: z.uuid().nullable().default(null),
  planId: z.uuid().nullable().default(null),
  leadEnterpriseId: z.uuid(),
  memberEnterpriseIds: z.array(z.uuid()).max(20).default([]),
});
export type CreateSchemeInput = z.infer<typeof createSchemeBody>;

/** An enterprise's application to an open call, for its own company. */
export const applyBody = schemeInputBase
  .omit({ fundingSource: true, activityGroupCode: true })
  .extend({ callId: z.uuid() });
export type ApplyInput = z.infer<typeof applyBody>;

export const updateSchemeBody = schemeInputBase.partial().extend({ version: z.number().int() });

export const schemeListQuery = z.object({
  year: z.coerce.number().int().optional(),
  status: z.enum(SCHEME_STATUSES).optional(),
  fundingSource: z.enum(FUNDING_SOURCES).optional(),
  activityGroupCode: z.string().max(60).optional(),
  supportKind: z.enum(SUPPORT_KINDS).optional(),
  callId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  q: z.string().max(200).optional(),
});
export type SchemeListQuery = z.infer<typeof schemeListQuery>;

export const flagDto = z.object({
  code: z.enum(FLAG_CODES),
  stage: z.enum(OUTCOME_STAGES),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type FlagDto = z.infer<typeof flagDto>;

export const schemeSummary = z.object({
  id: z.uuid(),
  code: z.string(),
  year: z.number().int(),
  title: z.string(),
  supportKind: z.string(),
  activityGroupCode: z.string(),
  fundingSource: z.enum(FUNDING_SOURCES),
  status: z.enum(SCHEME_STATUSES),
  leadEnterpriseId: z.uuid(),
  enterpriseName: z.string(),
  callId: z.uuid().nullable(),
  applicationDate: z.string().nullable(),
  totalCostVnd: money,
  supportRequestedVnd: money,
  counterpartVnd: money,
  approvedAmountVnd: nullableMoney,
  disbursedVnd: money,
  settledAmountVnd: nullableMoney,
  isDemo: z.boolean(),
});
export type SchemeSummary = z.infer<typeof schemeSummary>;

export const outcomeBody = z.object({
  measuredOn: isoDate,
  capacity: quantity.nullable().default(null),
  capacityUnit: optionalText(50),
  employees: z.number().int().min(0).nullable().default(null),
  jobsCreated: z.number().int().min(0).nullable().default(null),
  avgIncomeVnd: nullableMoney.default(null),
  incomePeriod: z.enum(INCOME_PERIODS).nullable().default(null),
  incomeAsReported: optionalText(200),
  revenueVnd: nullableMoney.default(null),
  note: optionalText(2000),
});
export type OutcomeInput = z.infer<typeof outcomeBody>;

export const outcomeDto = z.object({
  stage: z.enum(OUTCOME_STAGES),
  measuredOn: z.string(),
  capacity: z.string().nullable(),
  capacityUnit: z.string().nullable(),
  employees: z.number().int().nullable(),
  jobsCreated: z.number().int().nullable(),
  avgIncomeVnd: nullableMoney,
  incomePeriod: z.enum(INCOME_PERIODS).nullable(),
  incomeAsReported: z.string().nullable(),
  revenueVnd: nullableMoney,
  frozen: z.boolean(),
  note: z.string().nullable(),
});
export type OutcomeDto = z.infer<typeof outcomeDto>;

export const derivedDto = z.object({
  capacityMultiplier: z.number().nullable(),
  jobsCreated: z.number().int().nullable(),
  supportPerJobVnd: nullableMoney,
});

export const OUTPUT_REASONS = [
  'no_source',
  'enterprise_no_reports',
  'enterprise_incomplete_year',
  'enterprise_unpriced',
  'enterprise_zero_base',
  'peer_no_reports',
  'peer_incomplete_year',
  'peer_unpriced',
  'peer_zero_base',
  'no_peers',
] as const;
export const outputReason = z.object({
  code: z.enum(OUTPUT_REASONS),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type OutputReason = z.infer<typeof outputReason>;

const outputPoint = z.object({ period: z.string(), value: z.number(), months: z.number().int() });

/**
 * The supported enterprise's gross output at constant prices (statistics module) against its unsupported
 * same-VSIC-class peers: growth from the year before support to the year after (see output-series.ts).
 */
export const outputSeriesDto = z.object({
  /** Whether the growth difference could be computed. */
  available: z.boolean(),
  /** The first reason code when something is missing (all of them in `reasons`). */
  reason: z.enum(OUTPUT_REASONS).nullable(),
  reasons: z.array(outputReason),
  supportYear: z.number().int(),
  beforeYear: z.number().int(),
  afterYear: z.number().int(),
  vsic: z.string(),
  /** Yearly GO at constant prices (VND), the year before, of, and after support; `months` reported. */
  enterprise: z.array(outputPoint),
  /** The mean over the matched peers, same years. */
  peers: z.array(outputPoint),
  peerCount: z.number().int(),
  peersLeftOut: z.number().int(),
  enterpriseGrowthPct: z.number().nullable(),
  peersGrowthPct: z.number().nullable(),
  /** Percentage points. */
  growthDifferencePct: z.number().nullable(),
  /** GO after − GO before × (1 + peer growth), VND at constant prices. */
  extraOutputVnd: z.string().nullable(),
  /** extraOutputVnd / approved support. */
  extraOutputPerSupportVnd: z.number().nullable(),
});
export type OutputSeriesDto = z.infer<typeof outputSeriesDto>;

export const timelineEntry = z.object({
  id: z.string(),
  at: z.string(),
  onDate: z.string(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  amountVnd: nullableMoney,
  documentId: z.uuid().nullable(),
});

export const documentDto = z.object({
  id: z.uuid(),
  kind: z.enum(DOCUMENT_KINDS),
  filename: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});

export const milestoneDto = z.object({
  id: z.uuid(),
  title: z.string(),
  dueOn: z.string().nullable(),
  doneOn: z.string().nullable(),
});

export const disbursementDto = z.object({
  id: z.uuid(),
  amountVnd: money,
  paidOn: z.string(),
  note: z.string().nullable(),
});

export const schemeDetail = schemeSummary.extend({
  description: z.string().nullable(),
  planId: z.uuid().nullable(),
  approvedOn: z.string().nullable(),
  capRuleId: z.string().nullable(),
  capRule: z.record(z.string(), z.unknown()).nullable(),
  womenOwned: z.boolean(),
  ethnicMinorityOwned: z.boolean(),
  ruralArea: z.boolean(),
  version: z.number().int(),
  enterprises: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.enum(['lead', 'member']) })),
  /** What the current user may do next, with what each needs. */
  nextActions: z.array(
    z.object({
      action: z.enum(SCHEME_ACTIONS),
      to: z.enum(SCHEME_STATUSES),
      requiresDocument: z.string().nullable(),
    }),
  ),
  timeline: z.array(timelineEntry),
  documents: z.array(documentDto),
  milestones: z.array(milestoneDto),
  disbursements: z.array(disbursementDto),
  outcomes: z.array(outcomeDto),
  derived: derivedDto,
  flags: z.array(flagDto),
  output: outputSeriesDto,
});
export type SchemeDetail = z.infer<typeof schemeDetail>;

export const transitionBody = z.object({
  action: z.enum(SCHEME_ACTIONS),
  /** The business date (decision, contract, minutes); today when absent. */
  onDate: isoDate.optional(),
  note: optionalText(2000),
  /** approve: the amount approved (defaults to the amount requested). settle: the settled amount. */
  amountVnd: vnd.optional(),
  version: z.number().int().optional(),
});
export type TransitionInput = z.infer<typeof transitionBody>;

export const disbursementBody = z.object({
  amountVnd: vnd,
  paidOn: isoDate,
  note: optionalText(1000),
});

export const milestoneBody = z.object({
  title: requiredText(300),
  dueOn: isoDate.nullable().default(null),
  doneOn: isoDate.nullable().default(null),
});

export const documentQuery = z.object({ kind: z.enum(DOCUMENT_KINDS) });

export const scoreSheetBody = z.object({
  scores: z
    .array(
      z.object({
        criterionId: z.uuid(),
        score: z.string().regex(/^\d{1,4}(\.\d{1,2})?$/, { message: 'issue.number' }),
        comment: optionalText(1000),
      }),
    )
    .min(1)
    .max(30),
});

export const scoreSheetDto = z.object({
  schemeId: z.uuid(),
  rubric: rubricDto,
  mine: z.array(z.object({ criterionId: z.uuid(), score: z.string(), comment: z.string().nullable() })),
  members: z.number().int(),
});

export const rankingEntry = z.object({
  rank: z.number().int(),
  schemeId: z.uuid(),
  code: z.string(),
  title: z.string(),
  enterpriseName: z.string(),
  status: z.enum(SCHEME_STATUSES),
  total: z.number(),
  members: z.number().int(),
  criteria: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      weight: z.number(),
      meanScore: z.number().nullable(),
      maxScore: z.number(),
      contribution: z.number(),
    }),
  ),
});

export const impactDto = z.object({
  year: z.number().int().nullable(),
  schemes: z.number().int(),
  approvedVnd: money,
  disbursedVnd: money,
  settledVnd: money,
  jobsCreated: z.number().int(),
  supportPerJobVnd: nullableMoney,
  flagged: z.number().int(),
  /** Output against peers, summed over the schemes where the comparison is available. */
  output: z.object({
    compared: z.number().int(),
    extraOutputVnd: z.string().nullable(),
    supportVnd: nullableMoney,
    extraOutputPerSupportVnd: z.number().nullable(),
  }),
  rows: z.array(
    z.object({
      schemeId: z.uuid(),
      code: z.string(),
      enterpriseName: z.string(),
      status: z.enum(SCHEME_STATUSES),
      approvedAmountVnd: nullableMoney,
      capacityMultiplier: z.number().nullable(),
      jobsCreated: z.number().int().nullable(),
      supportPerJobVnd: nullableMoney,
      flags: z.array(flagDto),
      vsic: z.string(),
      output: outputSeriesDto,
    }),
  ),
});

export const EXPORT_LISTS = ['plans', 'calls', 'schemes', 'outcomes'] as const;
export const exportQuery = z.object({
  format: z.enum(['csv', 'xlsx', 'json']).default('xlsx'),
  year: z.coerce.number().int().optional(),
});
