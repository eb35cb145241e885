import { z } from 'zod';
import { figure } from './publishing';
import { areaParam, monthText } from './statistics';

/**
 * The dashboard's one call: headline figures of a month and its year-to-date for an area, key products,
 * the monthly trend against last year, output by section and by area over the years, and the movers.
 * Outside the department (anonymous, enterprise, bank) only published months are used (statistics.md §5).
 */

export const dashboardQuery = z.object({
  area: areaParam,
  /** `YYYY-MM`; the latest month with data (published, outside the department) when absent. */
  period: monthText.optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuery> & { area: string };

const bilingual = z.object({ vi: z.string(), en: z.string().nullable() });

export const dashboardProduct = z.object({
  code: z.string(),
  name: bilingual,
  unit: z.string(),
  /** Year-to-date quantity, its growth on the same period and % of the year's plan (null: no target). */
  quantity: figure,
  yoy: figure,
  plan: figure.nullable(),
  /** Year-to-date output value at constant prices (the weight used to rank key products). */
  goConst: figure,
});
export type DashboardProduct = z.infer<typeof dashboardProduct>;

const series = z.object({ code: z.string(), name: bilingual, values: z.array(z.number().nullable()) });

export const dashboardDto = z.object({
  area: z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable() }),
  /** The month shown (`2014-12`) and the months one may choose (newest first). */
  period: z.string(),
  months: z.array(z.object({ period: z.string(), status: z.string() })),
  periodStatus: z.enum(['open', 'closed', 'approved', 'published']),
  /** Some month of the year up to `period` is not yet approved. */
  provisional: z.boolean(),
  /** Some headline figure contains imputed values (OBS_STATUS E). */
  imputed: z.boolean(),
  dataAsOf: z.string(),
  baseYear: z.number().int(),
  headline: z.object({
    goMonth: figure,
    goMonthYoy: figure,
    goYtd: figure,
    goYtdYoy: figure,
    iipMonthYoy: figure,
    iipYtdYoy: figure,
    goYtdPlan: figure,
    reportingRate: figure,
  }),
  products: z.array(dashboardProduct),
  /** GO_CONST per month (1..12) of the year and of the year before; null where no data (or embargoed). */
  trend: z.object({
    year: z.number().int(),
    thisYear: z.array(z.number().nullable()),
    lastYear: z.array(z.number().nullable()),
  }),
  movers: z.object({ up: z.array(dashboardProduct), down: z.array(dashboardProduct) }),
});
export type DashboardDto = z.infer<typeof dashboardDto>;

export const dashboardHistoryQuery = z.object({
  area: areaParam,
  period: monthText,
});

/**
 * GO_CONST over the years (January to the chosen month of each year), by section and by sub-area: each
 * year lists the sub-areas valid then, so a reorganisation (2025) shows as areas ending and starting.
 */
export const dashboardHistoryDto = z.object({
  area: z.string(),
  period: z.string(),
  years: z.array(z.string()),
  sections: z.array(series),
  areas: z.array(series.extend({ validTo: z.string().nullable(), successorCode: z.string().nullable() })),
});
export type DashboardHistoryDto = z.infer<typeof dashboardHistoryDto>;

/** A table exactly as shown on screen, to be written as XLSX by the server. */
export const tableExportBody = z.object({
  title: z.string().trim().min(1).max(200),
  /** Lines above the table (filter, period, data as of). */
  notes: z.array(z.string().max(500)).max(10).default([]),
  header: z.array(z.string().max(200)).min(1).max(200),
  /** Cells as shown; numbers as numbers so that the spreadsheet can compute with them. */
  rows: z.array(z.array(z.union([z.string().max(500), z.number(), z.null()])).max(200)).max(20000),
});
export type TableExportInput = z.infer<typeof tableExportBody>;
