import { z } from 'zod';

export const AREA_LEVELS = ['province', 'district', 'commune'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

export const areaDto = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  level: z.enum(AREA_LEVELS),
  parentCode: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  successorCode: z.string().nullable(),
});
export type AreaDto = z.infer<typeof areaDto>;

export const areaListQuery = z.object({
  /** Only the units valid on this date (YYYY-MM-DD); all units when absent. */
  on: z.iso.date().optional(),
  parent: z.string().max(20).optional(),
});

/** Columns of areas.csv (statistics.md §1). */
export const AREA_COLUMNS = {
  required: ['code', 'name', 'level', 'parent_code', 'valid_from', 'valid_to'],
  optional: ['successor_code', 'name_en'],
} as const;
