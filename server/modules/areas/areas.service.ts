import { z } from 'zod';
import { AREA_COLUMNS, type AreaDto } from '../../../contracts/areas';
import type { ImportResult } from '../../../contracts/common';
import type { Issue } from '../../../contracts/errors';
import { type Actor, changedFields, recordAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import {
  cells,
  checkColumns,
  duplicateKeys,
  rejectRows,
  type Table,
  validateRows,
} from '../../platform/files';
import type { Progress } from '../../platform/jobs';
import { coversArea, FULL_SCOPE, isWholeInstallation, type Scope } from '../../platform/scope';
import * as repo from './areas.repository';
import { LANG_SON_AREAS } from './lang-son.data';

const LEVEL_ORDER = { province: 0, district: 1, commune: 2 } as const;

export function toAreaDto(a: repo.AreaRow): AreaDto {
  return { ...a };
}

const rowSchema = z
  .object({
    code: cells.required(20).regex(/^[0-9A-Za-z_.-]+$/, { message: 'issue.invalid_format' }),
    name: cells.required(200),
    name_en: cells.optional(200),
    level: cells.oneOf(['province', 'district', 'commune'] as const),
    parent_code: cells.optional(20),
    valid_from: cells.date(),
    valid_to: cells.optionalDate(),
    successor_code: cells.optional(20),
  })
  .refine((r) => !r.valid_to || r.valid_to >= r.valid_from, {
    message: 'issue.date_order',
    path: ['valid_to'],
  });

type AreaInput = Omit<repo.AreaRow, never>;

/**
 * Import areas.csv: all or nothing; parents and successors must exist in the file or already. An area-bound
 * caller changes only its area's subtree: no row may change an area outside it, hang an area under one
 * outside it (or move one in), or name a successor outside it.
 */
export async function importAreas(
  db: Db,
  actor: Actor,
  table: Table,
  progress: Progress = () => {},
  scope: Scope = FULL_SCOPE,
) {
  progress('validating', 0, table.rows.length);
  const colIssues = checkColumns(table, AREA_COLUMNS);
  if (colIssues.length) rejectRows(colIssues);
  const { valid, issues } = validateRows(table, rowSchema, (d, t) => progress('validating', d, t));
  issues.push(...duplicateKeys(valid, (v) => v.code, 'code'));
  const inFile = new Set(valid.map((r) => r.value.code));
  const refs = valid
    .flatMap((r) => [r.value.parent_code, r.value.successor_code])
    .filter((c): c is string => !!c);
  const known = new Set([...inFile, ...(await repo.findAreas(db, [...new Set(refs)])).map((a) => a.code)]);
  const existing = new Set((await repo.findAreas(db, [...inFile])).map((a) => a.code));
  // Within the scope: an area of its subtree, or one this file adds (each added row is checked in turn).
  const mine = (code: string) => coversArea(scope, code) || (inFile.has(code) && !existing.has(code));
  for (const r of valid) {
    const { parent_code, successor_code, level } = r.value;
    if (parent_code && !known.has(parent_code)) {
      issues.push({
        row: r.line,
        column: 'parent_code',
        code: 'issue.unknown_parent',
        params: { code: parent_code },
      });
    }
    if (!parent_code && level !== 'province') {
      issues.push({ row: r.line, column: 'parent_code', code: 'issue.required' });
    }
    if (successor_code && !known.has(successor_code)) {
      issues.push({
        row: r.line,
        column: 'successor_code',
        code: 'issue.unknown_area',
        params: { code: successor_code },
      });
    }
    if (isWholeInstallation(scope)) continue;
    if (!mine(r.value.code)) issues.push({ row: r.line, column: 'code', code: 'issue.out_of_scope' });
    else if (!parent_code || !mine(parent_code))
      issues.push({ row: r.line, column: 'parent_code', code: 'issue.out_of_scope' });
    if (successor_code && !mine(successor_code))
      issues.push({ row: r.line, column: 'successor_code', code: 'issue.out_of_scope' });
  }
  if (issues.length) rejectRows(issues.sort(byRow));
  const rows: AreaInput[] = valid.map(({ value: v }) => ({
    code: v.code,
    name: v.name,
    nameEn: v.name_en,
    level: v.level,
    parentCode: v.parent_code,
    validFrom: v.valid_from,
    validTo: v.valid_to,
    successorCode: v.successor_code,
  }));
  return upsertAreas(db, actor, rows, progress);
}

const byRow = (a: Issue, b: Issue) => (a.row ?? 0) - (b.row ?? 0);

/** Write areas in one transaction, parents first, successors last; audit what changed. */
export async function upsertAreas(
  db: Db,
  actor: Actor,
  rows: AreaInput[],
  progress: Progress = () => {},
): Promise<ImportResult> {
  const result: ImportResult = { inserted: 0, updated: 0, unchanged: 0, rows: rows.length };
  const sorted = [...rows].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  await db.transaction(async (tx) => {
    const existing = new Map(
      (
        await repo.findAreas(
          tx,
          rows.map((r) => r.code),
        )
      ).map((a) => [a.code, a]),
    );
    let done = 0;
    for (const pass of ['units', 'successors'] as const) {
      for (const r of sorted) {
        const before = existing.get(r.code);
        if (pass === 'units') {
          await repo.upsertArea(tx, { ...r, successorCode: before?.successorCode ?? null });
          continue;
        }
        if (r.successorCode) await repo.upsertArea(tx, r);
        const changed = changedFields(before, r);
        if (!before) result.inserted++;
        else if (changed.length) result.updated++;
        else result.unchanged++;
        if (!before || changed.length) {
          await recordAudit(tx, actor, {
            action: before ? 'area.updated' : 'area.created',
            entityType: 'area',
            entityId: r.code,
            before: before ?? null,
            after: r,
          });
        }
        if (++done % 500 === 0) progress('writing', done, rows.length);
      }
    }
  });
  progress('done', rows.length, rows.length);
  return result;
}

/** The units shipped with the product (Lạng Sơn 2014 and 2025; see lang-son.data.ts for sources). */
export async function seedShippedAreas(db: Db, actor: Actor): Promise<ImportResult> {
  return upsertAreas(
    db,
    actor,
    LANG_SON_AREAS.map((a) => ({
      code: a.code,
      name: a.name,
      nameEn: a.nameEn ?? null,
      level: a.level,
      parentCode: a.parentCode,
      validFrom: a.validFrom,
      validTo: a.validTo,
      successorCode: a.successorCode ?? null,
    })),
  );
}

/** The code of the installation's own area (see `homeArea`); an error that says so when no area is loaded. */
export async function homeAreaCode(db: Db): Promise<string> {
  const home = await repo.homeArea(db);
  if (!home) throw new AppError('area.none');
  return home.code;
}

/**
 * A query with its area: the one it names, else the caller's own (an area-bound user opens on its area), else
 * the installation's own, read at request time.
 */
export async function withHomeArea<T extends { area?: string | undefined }>(
  db: Db,
  q: T,
  ownArea: string | null = null,
): Promise<T & { area: string }> {
  return { ...q, area: q.area ?? ownArea ?? (await homeAreaCode(db)) };
}
