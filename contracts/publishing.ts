import { z } from 'zod';
import { requiredText, text } from './common';

/**
 * Publishing contracts: the facts a narrative is written from, the structured report document (blocks of
 * text runs whose numbers carry the query that produced them), issued reports, saved explorer views and the
 * open-data downloads.
 */

export const REPORT_LANGS = ['vi', 'en'] as const;
export const REPORT_FORMATS = ['docx', 'pdf', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A period a report covers: a year (`2014`) or a quarter (`2014-Q2`). */
export const reportPeriod = z.string().regex(/^\d{4}(-Q[1-4])?$/, { message: 'issue.invalid_format' });

/** The query behind a number (statistics.md §2): indicator, period, area and the filter. */
export const figureRef = z.object({
  indicator: z.string().min(1).max(40),
  period: z.string().min(4).max(12),
  area: z.string().min(1).max(20),
  /** `_T`, a section letter, a division or a class (the product's VSIC; statistics.md §2). */
  activity: z.string().max(4).optional(),
  /** `_T` or a product code. */
  product: z.string().max(40).optional(),
  baseYear: z.number().int().optional(),
  imputed: z.boolean().optional(),
});
export type FigureRef = z.infer<typeof figureRef>;

/** OBS_STATUS of statistics.md §6: A normal, E contains imputed values, P provisional, M missing. */
export const OBS_STATUSES = ['A', 'E', 'P', 'M'] as const;
export type ObsStatus = (typeof OBS_STATUSES)[number];

/** One number with the query that produced it. `value` is a decimal string (`null` = not available). */
export const figure = z.object({
  value: z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .nullable(),
  ref: figureRef,
  status: z.enum(OBS_STATUSES).optional(),
});
export type Figure = z.infer<typeof figure>;

const bilingual = z.object({ vi: z.string(), en: z.string().optional() });
export type Bilingual = z.infer<typeof bilingual>;

export const productFacts = z.object({
  code: z.string(),
  name: bilingual,
  unit: bilingual,
  quantity: figure,
  yoy: figure,
  /** % of the year's plan (OUTPUT_QTY_PLAN), when a target exists. */
  plan: figure.nullable().optional(),
  /** A key product of the province: listed in the headline sentence when it grew. */
  key: z.boolean().optional(),
});
export type ProductFacts = z.infer<typeof productFacts>;

export const sectionFacts = z.object({
  code: z.string(),
  name: bilingual,
  goConst: figure,
  yoy: figure,
});
export type SectionFacts = z.infer<typeof sectionFacts>;

/** A reason on record from another module (a visit note, a support outcome), tied to a product or enterprise. */
export const reasonFacts = z.object({
  source: z.enum(['visit', 'support']),
  enterprise: z.string(),
  productCode: z.string().optional(),
  text: bilingual,
});
export type ReasonFacts = z.infer<typeof reasonFacts>;

export const industryFacts = z.object({
  /** `2014` or `2014-Q2`. */
  period: reportPeriod,
  /** The same period a year earlier (`2013`, `2013-Q2`). */
  comparePeriod: z.string(),
  area: z.object({ code: z.string(), name: bilingual }),
  baseYear: z.number().int(),
  /** When the figures were computed (ISO timestamp). */
  dataAsOf: z.string(),
  /** The period is not yet approved. */
  provisional: z.boolean(),
  /** Some figure contains imputed values (statistics.md §4). */
  imputed: z.boolean(),
  goConst: figure,
  goConstYoy: figure,
  /** GO_CONST_PLAN: % of the year's target. */
  goConstPlan: figure.nullable().optional(),
  sections: z.array(sectionFacts),
  products: z.array(productFacts),
  /** Products with the largest growth and the largest fall (already chosen, largest first). */
  movers: z.object({ up: z.array(productFacts), down: z.array(productFacts) }),
  reasons: z.array(reasonFacts).optional(),
});
export type IndustryFacts = z.infer<typeof industryFacts>;

// ---------------------------------------------------------------------------------------------------------
// The report document: blocks of runs.

export const textRun = z.object({
  text: z.string().max(5000),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  /** A number run: the query that produced it (rendered as a link). */
  ref: figureRef.optional(),
  status: z.enum(OBS_STATUSES).optional(),
});
export type TextRun = z.infer<typeof textRun>;

export const tableCell = z.object({
  runs: z.array(textRun),
  align: z.enum(['left', 'right', 'center']).optional(),
});
export type TableCell = z.infer<typeof tableCell>;

export const CHART_KINDS = ['sections', 'products-growth'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/** A chart's data; contracts/charts.ts turns it into the ECharts option used on the web and the server. */
export const chartSpec = z.object({
  kind: z.enum(CHART_KINDS),
  title: z.string(),
  categories: z.array(z.string()),
  series: z.array(z.object({ name: z.string(), data: z.array(z.number().nullable()) })),
  unit: z.string(),
});
export type ChartSpec = z.infer<typeof chartSpec>;

export const reportBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), level: z.number().int().min(1).max(3), runs: z.array(textRun) }),
  z.object({ type: z.literal('paragraph'), runs: z.array(textRun).max(400) }),
  z.object({
    type: z.literal('table'),
    caption: z.string(),
    header: z.array(z.string()),
    rows: z.array(z.array(tableCell)),
  }),
  z.object({ type: z.literal('chart'), chart: chartSpec }),
]);
export type ReportBlock = z.infer<typeof reportBlock>;

/** Decree 30/2020/NĐ-CP parts around the body. */
export const reportMeta = z.object({
  /** Issuing agency's parent and the agency: `UBND TỈNH LẠNG SƠN`, `SỞ CÔNG THƯƠNG`. */
  agencyParent: z.string(),
  agency: z.string(),
  /** `Số: 125/BC-SCT`; the number may be empty in a draft (`Số:      /BC-SCT`). */
  number: z.string(),
  place: z.string(),
  /** YYYY-MM-DD; empty in a draft (the date line is left blank to fill in). */
  date: z.string().nullable(),
  title: z.string(),
  subject: z.string(),
  recipients: z.array(z.string()),
  signerTitle: z.string(),
  signerName: z.string(),
});
export type ReportMeta = z.infer<typeof reportMeta>;

export const reportDocument = z.object({
  lang: z.enum(REPORT_LANGS),
  period: reportPeriod,
  areaCode: z.string(),
  provisional: z.boolean(),
  dataAsOf: z.string(),
  meta: reportMeta,
  blocks: z.array(reportBlock).max(200),
});
export type ReportDocument = z.infer<typeof reportDocument>;

/** The link of a number to the figure page (definition + filter for the public, rows for staff). */
export function figureHref(ref: FigureRef, base = ''): string {
  const q = new URLSearchParams();
  q.set('indicator', ref.indicator);
  q.set('period', ref.period);
  q.set('area', ref.area);
  if (ref.activity) q.set('activity', ref.activity);
  if (ref.product) q.set('product', ref.product);
  if (ref.baseYear) q.set('baseYear', String(ref.baseYear));
  if (ref.imputed === false) q.set('imputed', 'false');
  return `${base}/figure?${q.toString()}`;
}

// ---------------------------------------------------------------------------------------------------------
// Issued reports (drafts, edits, issue).

export const REPORT_STATUSES = ['draft', 'issued'] as const;

export const createReportBody = z.object({
  period: reportPeriod,
  areaCode: z.string().min(1).max(20),
  lang: z.enum(REPORT_LANGS).default('vi'),
});
export type CreateReportInput = z.infer<typeof createReportBody>;

export const updateReportBody = z.object({
  /** Optimistic concurrency: the version the edit started from. */
  version: z.number().int().min(1),
  meta: reportMeta.partial().optional(),
  blocks: z.array(reportBlock).max(200).optional(),
});
export type UpdateReportInput = z.infer<typeof updateReportBody>;

export const issueReportBody = z.object({
  version: z.number().int().min(1),
  /** The document number given at issue (`125/BC-SCT`). */
  number: requiredText(40),
  /** Date of issue, YYYY-MM-DD; today when absent. */
  date: z.iso.date({ message: 'issue.date' }).optional(),
});

export const reportSummary = z.object({
  id: z.uuid(),
  period: z.string(),
  areaCode: z.string(),
  lang: z.enum(REPORT_LANGS),
  status: z.enum(REPORT_STATUSES),
  title: z.string(),
  number: z.string().nullable(),
  version: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  issuedBy: z.string().nullable(),
  issuedAt: z.string().nullable(),
});
export type ReportSummary = z.infer<typeof reportSummary>;

export const reportDto = reportSummary.extend({ document: reportDocument });
export type ReportDto = z.infer<typeof reportDto>;

export const reportVersionDto = z.object({
  version: z.number().int(),
  editedBy: z.string().nullable(),
  editedAt: z.string(),
  action: z.string(),
});

export const reportListQuery = z.object({
  period: z.string().max(12).optional(),
  areaCode: z.string().max(20).optional(),
  status: z.enum(REPORT_STATUSES).optional(),
});

export const downloadQuery = z.object({ format: z.enum(REPORT_FORMATS).default('docx') });

// ---------------------------------------------------------------------------------------------------------
// Saved explorer views.

export const EXPLORER_DIMENSIONS = ['area', 'activity', 'ownership', 'product'] as const;
export const CHART_TYPES = ['bar', 'line', 'stacked', 'pie', 'table'] as const;

export const savedViewBody = z.object({
  name: requiredText(120),
  indicator: z.string().min(1).max(40),
  periodFrom: z.string().regex(/^\d{4}(-(Q[1-4]|\d{2}))?$/, { message: 'issue.invalid_format' }),
  periodTo: z.string().regex(/^\d{4}(-(Q[1-4]|\d{2}))?$/, { message: 'issue.invalid_format' }),
  areaCode: z.string().min(1).max(20),
  dimensions: z.array(z.enum(EXPLORER_DIMENSIONS)).max(3, { message: 'issue.too_big' }),
  /** Filters by dimension value (e.g. `{ activity: ['C'] }`), sort and any view state the web keeps. */
  filters: z.record(z.string(), z.array(z.string().max(40)).max(200)).default({}),
  sort: text(80).optional().nullable(),
  chartType: z.enum(CHART_TYPES),
  /** Anyone signed in with the link may open it (read-only). */
  shared: z.boolean().default(false),
});
export type SavedViewInput = z.infer<typeof savedViewBody>;

/** Rename a saved view (its owner only). */
export const renameViewBody = z.object({ name: requiredText(120) });
export type RenameViewInput = z.infer<typeof renameViewBody>;

export const savedViewDto = savedViewBody.extend({
  id: z.uuid(),
  /** The id in a shareable URL: `/explorer?view=<shareKey>`. */
  shareKey: z.string(),
  ownerId: z.uuid(),
  ownerName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sort: z.string().nullable(),
});
export type SavedViewDto = z.infer<typeof savedViewDto>;

// ---------------------------------------------------------------------------------------------------------
// Open data.

export const OPEN_DATA_FORMATS = ['sdmx-csv', 'csv', 'json', 'xlsx'] as const;
export type OpenDataFormat = (typeof OPEN_DATA_FORMATS)[number];

export const publishedPeriodDto = z.object({ period: z.string(), publishedAt: z.string() });

export const openDataQuery = z.object({
  area: z.string().max(20).optional(),
  indicator: z.string().max(40).optional(),
  activity: z.string().max(4).optional(),
  product: z.string().max(40).optional(),
});

export const openDataParams = z.object({
  period: z.string().regex(/^\d{4}(-(Q[1-4]|\d{2}))?$/, { message: 'issue.invalid_format' }),
  format: z.enum(OPEN_DATA_FORMATS),
});
