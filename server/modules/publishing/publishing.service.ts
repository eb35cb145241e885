import { randomBytes } from 'node:crypto';
import type { SessionUser } from '../../../contracts/auth';
import type { Lang } from '../../../contracts/messages';
import {
  type CreateReportInput,
  type IndustryFacts,
  type OpenDataFormat,
  type ReasonFacts,
  type ReportDocument,
  type ReportDto,
  type ReportFormat,
  type ReportSummary,
  reportDocument,
  type SavedViewDto,
  type SavedViewInput,
  type UpdateReportInput,
} from '../../../contracts/publishing';
import type { Indicator, IndicatorQuery } from '../../../contracts/statistics';
import { type Actor, recordAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { userNames } from '../accounts';
import { findAreas, homeAreaCode, isWithinArea } from '../areas';
import { cachedIndicators, computeIndicators, loadProducts, renderIndicators } from '../statistics';
import { buildReportDocument } from './document';
import { factsFromObservations } from './facts';
import { monthsOf, periodKind } from './periods';
import * as repo from './publishing.repository';
import { CONTENT_TYPES, renderReport } from './render';

/** Who does what with reports (documented in docs and the route table). */
export const REPORT_READERS = [
  'admin',
  'leader',
  'officer',
  'extension_officer',
  'statistician',
  'fund_officer',
] as const;
export const REPORT_EDITORS = ['admin', 'officer', 'statistician'] as const;
export const REPORT_ISSUERS = ['admin', 'leader'] as const;

// ---- facts ----

/** Reasons on record (visit notes, support outcomes) from other modules, wired at the composition root. */
export type ReasonsSource = (db: Db, q: { period: string; areaCode: string }) => Promise<ReasonFacts[]>;
let reasonsSource: ReasonsSource | null = null;
export function setReasonsSource(fn: ReasonsSource | null): void {
  reasonsSource = fn;
}

const FACT_INDICATORS: Indicator[] = [
  'GO_CONST',
  'GO_CONST_YOY',
  'GO_CONST_PLAN',
  'OUTPUT_QTY',
  'OUTPUT_QTY_YOY',
  'OUTPUT_QTY_PLAN',
];

/** The facts of a year or quarter for an area, computed by the statistics module (with its embargo rule). */
export async function loadIndustryFacts(
  db: Db,
  q: { period: string; areaCode: string },
  opts: { baseYear: number; embargo: boolean },
): Promise<IndustryFacts> {
  const [area] = await findAreas(db, [q.areaCode]);
  if (!area) throw new AppError('area.unknown', { code: q.areaCode });
  const months = monthsOf(q.period);
  const ym = (m: number) => `${Math.floor(m / 100)}-${String(m % 100).padStart(2, '0')}`;
  const query: IndicatorQuery = {
    area: q.areaCode,
    from: ym(months[0]!),
    to: ym(months.at(-1)!),
    freq: [periodKind(q.period) === 'quarter' ? 'Q' : 'A'],
    imputation: true,
    indicator: FACT_INDICATORS,
    subAreas: false,
  };
  const result = await computeIndicators(db, query, {
    baseYearDefault: opts.baseYear,
    embargo: opts.embargo,
  });
  const products = await loadProducts(db);
  const facts = factsFromObservations(result.observations, {
    period: q.period,
    area: { code: area.code, nameVi: area.name, nameEn: area.nameEn },
    baseYear: result.baseYear,
    dataAsOf: new Date().toISOString(),
    products: new Map(
      [...products].map(([c, p]) => [c, { nameVi: p.nameVi, nameEn: p.nameEn, unit: p.unit }]),
    ),
    reasons: reasonsSource ? await reasonsSource(db, q) : [],
  });
  if (facts.goConst.value === null || Number(facts.goConst.value) === 0)
    throw new AppError('report.no_data', { period: q.period, area: q.areaCode });
  return facts;
}

// ---- reports ----

async function names(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const list = ids.filter((x): x is string => !!x);
  return list.length ? userNames(db, [...new Set(list)]) : new Map();
}

function summary(r: repo.ReportRow, who: Map<string, string>): ReportSummary {
  return {
    id: r.id,
    period: r.period,
    areaCode: r.areaCode,
    lang: r.lang,
    status: r.status,
    title: r.title,
    number: r.number,
    version: r.version,
    createdBy: r.createdBy ? (who.get(r.createdBy) ?? null) : null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    issuedBy: r.issuedBy ? (who.get(r.issuedBy) ?? null) : null,
    issuedAt: r.issuedAt,
  };
}

async function toDto(db: Db, r: repo.ReportRow): Promise<ReportDto> {
  const who = await names(db, [r.createdBy, r.issuedBy]);
  return { ...summary(r, who), document: reportDocument.parse(r.document) };
}

async function checkScope(db: Db, user: SessionUser | null, areaCode: string): Promise<void> {
  if (user?.areaCode && !(await isWithinArea(db, areaCode, user.areaCode)))
    throw new AppError('area.out_of_scope');
}

/** Generate a draft from the data: the narrative, table and charts, ready to edit. */
export async function generateReport(
  db: Db,
  actor: Actor,
  user: SessionUser | null,
  input: CreateReportInput,
  baseYear: number,
): Promise<ReportDto> {
  await checkScope(db, user, input.areaCode);
  const facts = await loadIndustryFacts(db, input, { baseYear, embargo: false });
  const doc = buildReportDocument(facts, input.lang);
  return db.transaction(async (tx) => {
    const row = await repo.insertReport(tx, {
      period: input.period,
      areaCode: input.areaCode,
      lang: input.lang,
      title: doc.meta.subject,
      document: doc,
      createdBy: actor.userId,
    });
    await repo.insertVersion(tx, {
      reportId: row.id,
      version: 1,
      action: 'generate',
      document: doc,
      editedBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'report.generate',
      entityType: 'report',
      entityId: row.id,
      after: { period: row.period, areaCode: row.areaCode, lang: row.lang },
    });
    return toDto(tx, row);
  });
}

export async function listReports(
  db: Db,
  user: SessionUser,
  q: { period?: string | undefined; areaCode?: string | undefined; status?: 'draft' | 'issued' | undefined },
): Promise<ReportSummary[]> {
  let list = await repo.listReports(db, q);
  if (user.areaCode) {
    const inScope = await Promise.all(list.map((r) => isWithinArea(db, r.areaCode, user.areaCode!)));
    list = list.filter((_, i) => inScope[i]);
  }
  const who = await names(
    db,
    list.flatMap((r) => [r.createdBy, r.issuedBy]),
  );
  return list.map((r) => summary(r, who));
}

export async function getReportDto(db: Db, user: SessionUser | null, id: string): Promise<ReportDto> {
  const r = await repo.getReport(db, id);
  if (!r) throw new AppError('not_found');
  await checkScope(db, user, r.areaCode).catch(() => {
    throw new AppError('not_found');
  });
  return toDto(db, r);
}

/** Save an edit of a draft (text blocks, meta). An issued report is never changed. */
export async function updateReport(
  db: Db,
  actor: Actor,
  user: SessionUser | null,
  id: string,
  input: UpdateReportInput,
): Promise<ReportDto> {
  return db.transaction(async (tx) => {
    const r = await repo.getReport(tx, id, true);
    if (!r) throw new AppError('not_found');
    await checkScope(tx, user, r.areaCode);
    if (r.status === 'issued') throw new AppError('report.issued');
    if (r.version !== input.version) throw new AppError('conflict.stale');
    const before = reportDocument.parse(r.document);
    const doc: ReportDocument = {
      ...before,
      meta: { ...before.meta, ...(input.meta ?? {}) },
      blocks: input.blocks ?? before.blocks,
    };
    const version = r.version + 1;
    const row = await repo.updateReport(
      tx,
      id,
      { document: doc, version, title: doc.meta.subject },
      input.version,
    );
    if (!row) throw new AppError('conflict.stale');
    await repo.insertVersion(tx, {
      reportId: id,
      version,
      action: 'edit',
      document: doc,
      editedBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'report.edit',
      entityType: 'report',
      entityId: id,
      before: { version: r.version },
      after: {
        version,
        changed: [input.meta ? 'meta' : null, input.blocks ? 'blocks' : null].filter(Boolean),
      },
    });
    return toDto(tx, row);
  });
}

/** Issue: give the number and date; from now on the report is read-only (a new draft is a new report). */
export async function issueReport(
  db: Db,
  actor: Actor,
  user: SessionUser | null,
  id: string,
  input: { version: number; number: string; date?: string | undefined },
): Promise<ReportDto> {
  return db.transaction(async (tx) => {
    const r = await repo.getReport(tx, id, true);
    if (!r) throw new AppError('not_found');
    await checkScope(tx, user, r.areaCode);
    if (r.status === 'issued') throw new AppError('report.issued');
    if (r.version !== input.version) throw new AppError('conflict.stale');
    const before = reportDocument.parse(r.document);
    const date = input.date ?? new Date().toISOString().slice(0, 10);
    const doc: ReportDocument = { ...before, meta: { ...before.meta, number: input.number, date } };
    const version = r.version + 1;
    const row = await repo.updateReport(
      tx,
      id,
      {
        document: doc,
        version,
        status: 'issued',
        number: input.number,
        issuedBy: actor.userId,
        issuedAt: new Date().toISOString(),
      },
      input.version,
    );
    if (!row) throw new AppError('conflict.stale');
    await repo.insertVersion(tx, {
      reportId: id,
      version,
      action: 'issue',
      document: doc,
      editedBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'report.issue',
      entityType: 'report',
      entityId: id,
      before: { status: 'draft', version: r.version },
      after: { status: 'issued', version, number: input.number, date },
    });
    return toDto(tx, row);
  });
}

export async function reportVersions(db: Db, user: SessionUser | null, id: string) {
  await getReportDto(db, user, id);
  const list = await repo.listVersions(db, id);
  const who = await names(
    db,
    list.map((v) => v.editedBy),
  );
  return list.map((v) => ({
    version: v.version,
    action: v.action,
    editedBy: v.editedBy ? (who.get(v.editedBy) ?? null) : null,
    editedAt: v.editedAt,
  }));
}

export interface FileOut {
  body: Buffer | string;
  contentType: string;
  filename: string;
}

export async function renderReportFile(
  dto: ReportDto,
  format: ReportFormat,
  baseUrl: string,
): Promise<FileOut> {
  const body = await renderReport(dto.document, format, baseUrl);
  const n = (dto.number ?? 'du-thao').replace(/[^\w-]+/g, '-');
  return {
    body,
    contentType: CONTENT_TYPES[format],
    filename: `bao-cao-cong-nghiep-${dto.period}-${dto.areaCode}-${n}.${format}`,
  };
}

// ---- publication rule ----

/** A year, quarter or month is public when every month in it is published (statistics.md §5). */
export async function isPublished(db: Db, period: string): Promise<boolean> {
  const months = monthsOf(period);
  const pub = await repo.publishedMonths(db, months);
  return months.every((m) => pub.has(m));
}

/** Published periods: months, and the quarters and years all of whose months are published. */
export async function publishedPeriods(db: Db): Promise<{ period: string; publishedAt: string }[]> {
  const months = await repo.allPublishedMonths(db);
  const at = new Map(months.map((m) => [m.ym, m.publishedAt]));
  const out: { period: string; publishedAt: string }[] = [];
  const years = [...new Set(months.map((m) => Math.floor(m.ym / 100)))].sort();
  const latest = (ms: number[]) =>
    ms
      .map((m) => at.get(m)!)
      .sort()
      .at(-1)!;
  for (const y of years) {
    const all = Array.from({ length: 12 }, (_, i) => y * 100 + i + 1);
    if (all.every((m) => at.has(m))) out.push({ period: String(y), publishedAt: latest(all) });
    for (let q = 1; q <= 4; q++) {
      const qm = all.slice((q - 1) * 3, q * 3);
      if (qm.every((m) => at.has(m))) out.push({ period: `${y}-Q${q}`, publishedAt: latest(qm) });
    }
    for (const m of all)
      if (at.has(m))
        out.push({ period: `${y}-${String(m % 100).padStart(2, '0')}`, publishedAt: at.get(m)! });
  }
  return out;
}

export async function publicReports(db: Db): Promise<ReportSummary[]> {
  const list = await repo.listReports(db, { status: 'issued' });
  const ok = await Promise.all(list.map((r) => isPublished(db, r.period)));
  const shown = list.filter((_, i) => ok[i]);
  return shown.map((r) => ({ ...summary(r, new Map()), createdBy: null, issuedBy: null }));
}

export async function publicReport(db: Db, id: string): Promise<ReportDto> {
  const r = await repo.getReport(db, id);
  if (r?.status !== 'issued' || !(await isPublished(db, r.period))) throw new AppError('not_found');
  return { ...(await toDto(db, r)), createdBy: null, issuedBy: null };
}

/** Open data for a published period, in the statistics module's export formats (§6). */
export async function openData(
  db: Db,
  period: string,
  format: OpenDataFormat,
  q: {
    area?: string | undefined;
    indicator?: string | undefined;
    activity?: string | undefined;
    product?: string | undefined;
  },
  baseYear: number,
): Promise<FileOut> {
  if (!(await isPublished(db, period))) throw new AppError('not_found');
  const months = monthsOf(period);
  const ym = (m: number) => `${Math.floor(m / 100)}-${String(m % 100).padStart(2, '0')}`;
  const kind = periodKind(period);
  const query: IndicatorQuery = {
    area: q.area ?? (await homeAreaCode(db)),
    from: ym(months[0]!),
    to: ym(months.at(-1)!),
    freq: [kind === 'quarter' ? 'Q' : kind === 'month' ? 'M' : 'A'],
    imputation: true,
    subAreas: true,
    ...(q.indicator ? { indicator: [q.indicator as Indicator] } : {}),
    ...(q.activity ? { activity: [q.activity] } : {}),
    ...(q.product ? { product: [q.product] } : {}),
  };
  // Kept per data version (a published period changes only when republished); the result is shared.
  const full = await cachedIndicators(db, query, { baseYearDefault: baseYear, embargo: true });
  // Belt and braces: only observations of the asked (published) period leave the building.
  const result = { ...full, observations: full.observations.filter((o) => o.TIME_PERIOD === period) };
  const out = await renderIndicators(result, format);
  return {
    body: out.body,
    contentType: out.contentType,
    filename: `buoctien-${query.area}-${period}${format === 'sdmx-csv' ? '-sdmx' : ''}.${out.ext}`,
  };
}

// ---- saved explorer views ----

function viewDto(v: repo.SavedViewRow, who: Map<string, string>): SavedViewDto {
  return {
    id: v.id,
    shareKey: v.shareKey,
    ownerId: v.ownerId,
    ownerName: who.get(v.ownerId) ?? null,
    name: v.name,
    indicator: v.indicator,
    periodFrom: v.periodFrom,
    periodTo: v.periodTo,
    areaCode: v.areaCode,
    dimensions: v.dimensions as SavedViewDto['dimensions'],
    filters: v.filters as SavedViewDto['filters'],
    sort: v.sort,
    chartType: v.chartType as SavedViewDto['chartType'],
    shared: v.shared,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  };
}

function checkView(input: SavedViewInput): void {
  if (new Set(input.dimensions).size !== input.dimensions.length)
    throw new AppError('validation.failed', {
      issues: [{ path: 'dimensions', code: 'issue.invalid_value' }],
    });
  if (input.periodFrom > input.periodTo)
    throw new AppError('validation.failed', { issues: [{ path: 'periodTo', code: 'issue.date_order' }] });
}

export async function createView(db: Db, actor: Actor, user: SessionUser, input: SavedViewInput) {
  checkView(input);
  return db.transaction(async (tx) => {
    const v = await repo.insertView(tx, {
      ...input,
      sort: input.sort ?? null,
      shareKey: randomBytes(9).toString('base64url'),
      ownerId: user.id,
    });
    await recordAudit(tx, actor, {
      action: 'view.create',
      entityType: 'saved_view',
      entityId: v.id,
      after: input,
    });
    return viewDto(v, new Map([[user.id, user.name]]));
  });
}

export async function listViews(db: Db, user: SessionUser) {
  const list = await repo.listViews(db, user.id);
  return list.map((v) => viewDto(v, new Map([[user.id, user.name]])));
}

/** By share key: the owner's own view, or one its owner shared. */
export async function openView(db: Db, user: SessionUser, key: string) {
  const v = await repo.getViewByKey(db, key);
  if (!v || (v.ownerId !== user.id && !v.shared)) throw new AppError('not_found');
  return viewDto(v, await names(db, [v.ownerId]));
}

export async function updateView(db: Db, actor: Actor, user: SessionUser, id: string, input: SavedViewInput) {
  checkView(input);
  return db.transaction(async (tx) => {
    const v = await repo.getViewById(tx, id);
    if (!v || v.ownerId !== user.id) throw new AppError('not_found');
    const row = await repo.updateView(tx, id, { ...input, sort: input.sort ?? null });
    await recordAudit(tx, actor, {
      action: 'view.update',
      entityType: 'saved_view',
      entityId: id,
      before: v,
      after: input,
    });
    return viewDto(row, new Map([[user.id, user.name]]));
  });
}

export async function renameView(db: Db, actor: Actor, user: SessionUser, id: string, name: string) {
  return db.transaction(async (tx) => {
    const v = await repo.getViewById(tx, id);
    if (!v || v.ownerId !== user.id) throw new AppError('not_found');
    const row = await repo.updateView(tx, id, { name });
    await recordAudit(tx, actor, {
      action: 'view.rename',
      entityType: 'saved_view',
      entityId: id,
      before: { name: v.name },
      after: { name },
    });
    return viewDto(row, new Map([[user.id, user.name]]));
  });
}

export async function deleteView(db: Db, actor: Actor, user: SessionUser, id: string) {
  await db.transaction(async (tx) => {
    const v = await repo.getViewById(tx, id);
    if (!v || v.ownerId !== user.id) throw new AppError('not_found');
    await repo.deleteView(tx, id);
    await recordAudit(tx, actor, {
      action: 'view.delete',
      entityType: 'saved_view',
      entityId: id,
      before: v,
    });
  });
  return { ok: true as const };
}

export type { Lang };
