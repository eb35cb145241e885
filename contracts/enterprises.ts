import { z } from 'zod';
import { isoDate, optionalText, quantity, requiredText, text, vnd } from './common';
import { isValidTaxCode } from './tax-code';
import { isIndustrialVsicClass, isVsicFilter } from './vsic';

export const OWNERSHIPS = ['state', 'non_state', 'fdi'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];
/** Size classes of Decree 80/2021 (micro, small, medium) and large beyond them. */
export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const;
export const ENTERPRISE_STATUSES = ['active', 'suspended', 'ceased'] as const;

export const taxCode = z.string().trim().refine(isValidTaxCode, { message: 'issue.tax_code' });
export const vsicClass = z.string().trim().refine(isIndustrialVsicClass, { message: 'issue.vsic' });

export const enterpriseProductDto = z.object({
  id: z.uuid(),
  name: z.string(),
  unit: z.string(),
  capacityPerYear: z.string().nullable(),
  productCode: z.string().nullable(),
});

export const enterpriseProductBody = z.object({
  name: requiredText(200),
  unit: requiredText(30),
  capacityPerYear: quantity.nullable().optional(),
  productCode: z.string().trim().max(30).nullable().optional(),
});

export const enterpriseDto = z.object({
  id: z.uuid(),
  taxCode: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  shortName: z.string().nullable(),
  areaCode: z.string(),
  areaName: z.string().nullable(),
  address: z.string().nullable(),
  vsic: z.string(),
  ownership: z.enum(OWNERSHIPS),
  sizeClass: z.enum(SIZE_CLASSES).nullable(),
  status: z.enum(ENTERPRISE_STATUSES),
  reportsMonthly: z.boolean(),
  foundedOn: z.string().nullable(),
  employees: z.number().int().nullable(),
  charterCapitalVnd: z.string().nullable(),
  representative: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  notes: z.string().nullable(),
  isDemo: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  products: z.array(enterpriseProductDto),
});
export type EnterpriseDto = z.infer<typeof enterpriseDto>;

export const enterpriseSummary = enterpriseDto.omit({ products: true, notes: true }).extend({
  /** Search rank when a query was given. */
  score: z.number().optional(),
});
export type EnterpriseSummary = z.infer<typeof enterpriseSummary>;

const enterpriseFields = {
  taxCode,
  name: requiredText(300),
  nameEn: optionalText(300),
  shortName: optionalText(100),
  areaCode: z.string().trim().min(1, { message: 'issue.required' }).max(20),
  address: optionalText(500),
  vsic: vsicClass,
  ownership: z.enum(OWNERSHIPS),
  sizeClass: z.enum(SIZE_CLASSES).nullable().optional(),
  status: z.enum(ENTERPRISE_STATUSES).optional(),
  reportsMonthly: z.boolean().optional(),
  foundedOn: isoDate.nullable().optional(),
  employees: z.number().int().min(0).max(1_000_000).nullable().optional(),
  charterCapitalVnd: vnd.nullable().optional(),
  representative: optionalText(200),
  phone: z
    .string()
    .trim()
    .max(30)
    .regex(/^[+0-9 ().-]*$/, { message: 'issue.invalid_format' })
    .nullable()
    .optional(),
  email: z
    .email({ message: 'issue.email' })
    .max(254)
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  website: optionalText(300),
  notes: optionalText(4000),
};

export const createEnterpriseBody = z.object({
  ...enterpriseFields,
  products: z.array(enterpriseProductBody).max(100).optional(),
});
export type CreateEnterpriseInput = z.infer<typeof createEnterpriseBody>;

/** A partial update; `version` guards against overwriting someone else's change. */
export const updateEnterpriseBody = z
  .object(enterpriseFields)
  .partial()
  .extend({ version: z.number().int().min(1) });
export type UpdateEnterpriseInput = z.infer<typeof updateEnterpriseBody>;

export const ENTERPRISE_SORTS = ['name', 'taxCode', 'updatedAt', 'employees', 'areaCode'] as const;

export const enterpriseListQuery = z.object({
  q: text(200).optional(),
  area: z.string().max(20).optional(),
  vsic: z.string().refine(isVsicFilter, { message: 'issue.vsic' }).optional(),
  ownership: z.enum(OWNERSHIPS).optional(),
  size: z.enum(SIZE_CLASSES).optional(),
  status: z.enum(ENTERPRISE_STATUSES).optional(),
  sort: z.enum(ENTERPRISE_SORTS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type EnterpriseListQuery = z.infer<typeof enterpriseListQuery>;

/** Columns of enterprises.csv (statistics.md §1); the optional ones extend the registry record. */
export const ENTERPRISE_COLUMNS = {
  required: ['tax_code', 'name', 'area_code', 'vsic', 'ownership', 'reports_monthly'],
  optional: [
    'address',
    'size_class',
    'employees',
    'founded_on',
    'phone',
    'email',
    'representative',
    'name_en',
  ],
} as const;

export const historyEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  /** Field names whose values differ between before and after. */
  changed: z.array(z.string()),
});
export type HistoryEntry = z.infer<typeof historyEntry>;
