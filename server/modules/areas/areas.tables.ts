import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, date, index, pgTable, text } from 'drizzle-orm/pg-core';

/** Administrative units over time: a unit ends (valid_to) and its territory passes to a successor. */
export const areas = pgTable(
  'areas',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    level: text('level', { enum: ['province', 'district', 'commune'] }).notNull(),
    parentCode: text('parent_code').references((): AnyPgColumn => areas.code),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    successorCode: text('successor_code').references((): AnyPgColumn => areas.code),
  },
  (t) => [
    index('areas_parent_idx').on(t.parentCode),
    check('areas_level_check', sql`${t.level} in ('province', 'district', 'commune')`),
    check('areas_valid_check', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);
