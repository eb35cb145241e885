import { z } from 'zod';
import { quantity, requiredText, text, uuid, vnd } from './common';
import { isVsicFilter } from './vsic';

/** Industrial statistics (statistics.md): products, monthly reports, periods, indicators and export. */

export const BASE_INDICATORS = ['OUTPUT_QTY', 'GO_CONST', 'GO_CUR'] as const;
export const INDICATORS = [
  'OUTPUT_QTY',
  'OUTPUT_QTY_YOY',
  'OUTPUT_QTY_MOM',
  'OUTPUT_QTY_PLAN',
  'GO_CONST',
  'GO_CONST_YOY',
  'GO_CONST_MOM',
  'GO_CONST_PLAN',
  'GO_CUR',
  'GO_CUR_YOY',
  'GO_CUR_MOM',
  'GO_CUR_PLAN',
  'IIP',
  'IIP_YOY',
  'REPORTING_RATE',
] as const;
export type Indicator = (typeof INDICATORS)[number];
export const TARGET_INDICATORS = ['OUTPUT_QTY', 'GO_CONST', 'GO_CUR'] as const;

export const FREQS = ['M', 'Q', 'A', 'YTD'] as const;
export type Freq = (typeof FREQS)[number];
export const OBS_STATUSES = ['A', 'E', 'P', 'M'] as const;
export type ObsStatus = (typeof OBS_STATUSES)[number];

export const PERIOD_STATUSES = ['open', 'closed', 'approved', 'published'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];
export const REPORT_SOURCES = ['web', 'import', 'staff'] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];
export const WARNING_CODES = ['capacity', 'yoy', 'mom', 'zero_after_output'] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/** `YYYY-MM`. */
export const monthText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'issue.period' });
export const productCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{1,30}$/, { message: 'issue.invalid_format' });
export const activityFilter = z
  .string()
  .refine((v) => v === '_T' || isVsicFilter(v), { message: 'issue.vsic' });

/** Columns of the import files (statistics.md §1; `unit` and `comment` are optional extensions). */
export const PRODUCT_COLUMNS = {
  required: ['code', 'name_vi', 'unit', 'vsic', 'base_year', 'base_price_vnd'],
  optional: ['name_en'],
} as const;
export const REPORT_COLUMNS = {
  required: ['tax_code', 'period', 'product_code', 'quantity'],
  optional: ['value_vnd', 'unit', 'comment'],
} as const;
export const WEIGHT_COLUMNS = { required: ['base_year', 'vsic', 'value_added_vnd'], optional: [] } as const;
export const TARGET_COLUMNS = {
  required: ['year', 'indicator', 'area_code', 'value'],
  optional: ['product_code'],
} as const;

export const productDto = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  unit: z.string(),
  vsic: z.string(),
  prices: z.array(z.object({ baseYear: z.number().int(), basePriceVnd: z.string() })),
});
export type ProductDto = z.infer<typeof productDto>;

export const reportRowBody = z.object({
  productCode,
  quantity,
  valueVnd: vnd.nullable().optional(),
  comment: text(1000).nullable().optional(),
});

export const reportEntryBody = z.object({
  period: monthText,
  rows: z.array(reportRowBody).min(1).max(200),
  /** Required for a report into a closed period (statistics.md §5). */
  reason: text(1000).nullable().optional(),
});
export type ReportEntryInput = z.infer<typeof reportEntryBody>;

export const reportRowDto = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  taxCode: z.string(),
  enterpriseName: z.string(),
  period: z.string(),
  productCode: z.string(),
  quantity: z.string(),
  valueVnd: z.string().nullable(),
  source: z.enum(REPORT_SOURCES),
  comment: z.string().nullable(),
  warnings: z.array(z.string()),
  reviewStatus: z.enum(['none', 'pending', 'reviewed']),
  revision: z.number().int(),
  updatedAt: z.string(),
});
export type ReportRowDto = z.infer<typeof reportRowDto>;

export const revisionDto = z.object({
  revision: z.number().int(),
  quantityOld: z.string().nullable(),
  valueOld: z.string().nullable(),
  quantityNew: z.string(),
  valueNew: z.string().nullable(),
  source: z.string(),
  comment: z.string().nullable(),
  actorUserId: z.string().nullable(),
  via: z.string(),
  at: z.string(),
});

export const entryResult = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rows: z.number().int(),
  warnings: z.number().int(),
});

/** The entry grid of one enterprise and year: each owed product × month, with last year's figure. */
export const reportGridDto = z.object({
  enterpriseId: z.string(),
  year: z.number().int(),
  products: z.array(
    z.object({
      productCode: z.string(),
      nameVi: z.string(),
      unit: z.string(),
      months: z.array(
        z.object({
          period: z.string(),
          quantity: z.string().nullable(),
          valueVnd: z.string().nullable(),
          lastYear: z.string().nullable(),
          warnings: z.array(z.string()),
          periodStatus: z.enum(PERIOD_STATUSES),
        }),
      ),
    }),
  ),
});

export const gridQuery = z.object({ year: z.coerce.number().int().min(1990).max(2100) });

export const periodDto = z.object({
  period: z.string(),
  status: z.enum(PERIOD_STATUSES),
  publishedAt: z.string().nullable(),
  history: z.array(
    z.object({
      from: z.string().nullable(),
      to: z.string(),
      reason: z.string().nullable(),
      actorUserId: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
export const periodParams = z.object({ period: monthText });
export const periodTransitionBody = z.object({
  to: z.enum(PERIOD_STATUSES),
  reason: text(1000).nullable().optional(),
});
export const periodListQuery = z.object({ year: z.coerce.number().int().min(1990).max(2100) });

const csvList = <O>(item: z.ZodType<O, string>) =>
  z
    .string()
    .max(2000)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(200));

/**
 * An area code in a query string. Absent: the installation's own area (the top province of the areas
 * loaded, GET /api/areas/home), resolved by the server at request time, never a code written here.
 */
export const areaParam = z
  .string()
  .min(1)
  .max(20)
  .optional()
  .describe("Mã địa bàn; mặc định: địa bàn của hệ thống / area code; default: the installation's own area");

export const indicatorQuery = z.object({
  area: areaParam,
  from: monthText,
  to: monthText,
  freq: csvList(z.enum(FREQS)).default(['A']),
  baseYear: z.coerce.number().int().min(1990).max(2100).optional(),
  imputation: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  indicator: csvList(z.enum(INDICATORS)).optional(),
  activity: csvList(activityFilter).optional(),
  product: csvList(productCode).optional(),
  ownership: z.enum(['state', 'non_state', 'fdi']).optional(),
  enterpriseVsic: z.string().refine(isVsicFilter, { message: 'issue.vsic' }).optional(),
  subAreas: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});
/** A query whose area is known (the server fills in its own area when the request names none). */
export type IndicatorQuery = z.infer<typeof indicatorQuery> & { area: string };

/**
 * Paging over an answer's observations (their order is fixed for one data version). Without signing in an
 * answer holds at most the server's PUBLIC_MAX_OBSERVATIONS (10 000 by default): a larger one is refused with
 * 413 `statistics.too_many_observations` unless `limit` asks for one page of it.
 */
const paging = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000_000)
    .optional()
    .describe('Số quan sát tối đa trả về / at most this many observations (a page; ≤ 10 000 without login)'),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(100_000_000)
    .default(0)
    .describe('Bỏ qua chừng này quan sát đầu / skip this many observations (next page: offset + limit)'),
};
export const indicatorPageQuery = indicatorQuery.extend(paging);

export const exportQuery = indicatorQuery.extend({
  ...paging,
  format: z.enum(['sdmx-csv', 'csv', 'json', 'xlsx']).default('sdmx-csv'),
});

export const observation = z.object({
  FREQ: z.enum(FREQS),
  REF_AREA: z.string(),
  INDICATOR: z.enum(INDICATORS),
  ACTIVITY: z.string(),
  PRODUCT: z.string(),
  TIME_PERIOD: z.string(),
  OBS_VALUE: z.string(),
  UNIT_MEASURE: z.string(),
  OBS_STATUS: z.enum(OBS_STATUSES),
});
export type Observation = z.infer<typeof observation>;

export const indicatorResult = z.object({
  baseYear: z.number().int(),
  imputation: z.boolean(),
  /** Products with no price for the base year (left out of GO_CONST) and with no base quantity (left out of the IIP). */
  productsWithoutPrice: z.array(z.string()),
  productsWithoutBase: z.array(z.string()),
  observations: z.array(observation),
  /** Present when the answer was paged (limit/offset): which slice of how many observations this is. */
  page: z.object({ offset: z.number().int(), limit: z.number().int(), total: z.number().int() }).optional(),
});
export type IndicatorResult = z.infer<typeof indicatorResult>;

export const traceQuery = z.object({
  area: areaParam,
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-YTD-(0[1-9]|1[0-2]))?$/, {
    message: 'issue.period',
  }),
  indicator: z.enum(INDICATORS).default('GO_CONST'),
  activity: activityFilter.default('_T'),
  product: productCode.optional(),
  ownership: z.enum(['state', 'non_state', 'fdi']).optional(),
  enterpriseVsic: z.string().refine(isVsicFilter, { message: 'issue.vsic' }).optional(),
  imputation: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

export const traceResult = z.object({
  months: z.array(z.string()),
  reports: z.array(reportRowDto.extend({ revisions: z.array(revisionDto) })),
  imputations: z.array(
    z.object({
      enterpriseId: z.string(),
      taxCode: z.string(),
      productCode: z.string(),
      period: z.string(),
      basePeriod: z.string(),
      baseQuantity: z.string(),
      ratio: z.string(),
      quantity: z.string(),
      valueVnd: z.string().nullable(),
    }),
  ),
  truncated: z.boolean(),
});
export type TraceResult = z.infer<typeof traceResult>;

export const queueQuery = z.object({
  status: z.enum(['pending', 'reviewed']).default('pending'),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const reviewBody = z.object({ comment: requiredText(1000) });
export const reportIdParams = z.object({ reportId: z.string().regex(/^\d{1,18}$/) });

export const reportingQuery = z.object({
  period: monthText,
  area: areaParam,
});
export const reportingDto = z.object({
  period: z.string(),
  expected: z.number().int(),
  received: z.number().int(),
  rate: z.string().nullable(),
  late: z.array(
    z.object({ enterpriseId: uuid, taxCode: z.string(), name: z.string(), areaCode: z.string() }),
  ),
});

/** The annual report: every §2 figure of a year by month and for the year, by area, section and product, with YoY. */
export const annualReportQuery = z.object({
  area: areaParam,
  year: z.coerce.number().int().min(1990).max(2100),
  baseYear: z.coerce.number().int().min(1990).max(2100).optional(),
  imputation: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  subAreas: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});
export type AnnualReportQuery = z.infer<typeof annualReportQuery> & { area: string };
export const annualReportRow = z.object({
  area: z.string(),
  freq: z.enum(['M', 'A']),
  period: z.string(),
  /** `_T` or a VSIC section letter (product rows: `_T`). */
  activity: z.string(),
  /** `_T` or a product code. */
  product: z.string(),
  outputQty: z.string().nullable(),
  outputQtyYoy: z.string().nullable(),
  goConst: z.string().nullable(),
  goConstYoy: z.string().nullable(),
  goCur: z.string().nullable(),
  goCurYoy: z.string().nullable(),
  /** All-industry rows only. */
  reportingRate: z.string().nullable(),
  /** Missing reports filled by imputation in the figure (OBS_STATUS E when > 0). */
  imputed: z.number().int(),
  provisional: z.boolean(),
});
export type AnnualReportRow = z.infer<typeof annualReportRow>;
export const annualReport = z.object({
  year: z.number().int(),
  baseYear: z.number().int(),
  imputation: z.boolean(),
  rows: z.array(annualReportRow),
});
export type AnnualReport = z.infer<typeof annualReport>;
