import fs from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { SessionUser } from '../../../contracts/auth';
import type {
  ApplyInput,
  budgetLine,
  CallDto,
  CreateSchemeInput,
  capRuleBody,
  createCallBody,
  createPlanBody,
  createRubricBody,
  DocumentKind,
  disbursementBody,
  FlagDto,
  milestoneBody,
  OutcomeStage,
  PlanDto,
  SchemeDetail,
  SchemeListQuery,
  SchemeStatus,
  SchemeSummary,
  scoreSheetBody,
  TransitionInput,
  updateCallBody,
  updateSchemeBody,
} from '../../../contracts/extension';
import type { Role } from '../../../contracts/roles';
import { isStaff } from '../../../contracts/roles';
import { type Actor, recordAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import {
  commitFile,
  discardChunks,
  FileTooLarge,
  getStoredFile,
  type PendingFile,
  readFile as readStoredFile,
  writeFile,
} from '../../platform/file-store';
import { scopeOf, userNames } from '../accounts';
import { canAccessEnterprise, getEnterpriseRow } from '../enterprises';
import { type CapRule, capMessageParams, checkAgainstCap, findCapRule, groupDigits } from './caps';
import * as repo from './extension.repository';
import {
  extCalls,
  extDisbursements,
  extMilestones,
  extOutcomes,
  extPlanBudgets,
  extPlans,
  extRubricCriteria,
  extRubrics,
  extScores,
  extSupportCaps,
} from './extension.tables';
import { derive, type OutcomeFigures, plausibilityFlags } from './outcomes';
import { outputComparisons } from './output-series';
import { rankApplications } from './ranking';
import { availableActions, checkDisbursement, decide, EDITABLE, type Refusal } from './scheme-lifecycle';

const today = () => new Date().toISOString().slice(0, 10);
const str = (v: bigint | null) => (v === null ? null : String(v));
const trimDecimal = (s: string | null) => (s === null ? null : s.includes('.') ? s.replace(/\.?0+$/, '') : s);

/** Who may score applications in an appraisal council. */
export const COUNCIL_ROLES: readonly Role[] = ['admin', 'leader', 'officer', 'extension_officer'];

// ---- rules ----

export async function listRules(db: Db) {
  const [activityGroups, caps, minWages, wageRegions] = await Promise.all([
    repo.listActivityGroups(db),
    repo.listCapRules(db),
    repo.listMinWages(db),
    repo.listWageRegions(db),
  ]);
  return {
    activityGroups: activityGroups.map(({ note: _, position: __, ...g }) => g),
    caps: caps.map((c) => ({
      ...c,
      maxAmountVnd: str(c.maxAmountVnd),
      maxPercent: trimDecimal(c.maxPercent),
    })),
    minWages: minWages.map(({ note: _, ...w }) => ({ ...w, amountVnd: String(w.amountVnd) })),
    wageRegions: wageRegions.map(({ note: _, ...w }) => w),
  };
}

/** Add a cap rule (e.g. a province's People's Council resolution). Existing rules are never edited here. */
export async function addCapRule(db: Db, actor: Actor, input: z.infer<typeof capRuleBody>) {
  if (await repo.getCapRule(db, input.id)) throw new AppError('conflict.duplicate', { id: input.id });
  await checkActivityGroup(db, input.activityGroupCode);
  const row = {
    ...input,
    maxAmountVnd: input.maxAmountVnd === null ? null : BigInt(input.maxAmountVnd),
  };
  if (row.maxPercent === null && row.maxAmountVnd === null)
    throw new AppError('validation.failed', { issues: [{ path: 'maxAmountVnd', code: 'issue.required' }] });
  await db.transaction(async (tx) => {
    await tx.insert(extSupportCaps).values(row);
    await recordAudit(tx, actor, {
      action: 'extension.cap_rule_added',
      entityType: 'ext_support_cap',
      entityId: input.id,
      after: { ...input },
    });
  });
  return (await listRules(db)).caps.find((c) => c.id === input.id)!;
}

async function checkActivityGroup(db: Db, code: string) {
  const groups = await repo.listActivityGroups(db);
  if (!groups.some((g) => g.code === code))
    throw new AppError('extension.unknown_activity_group', {
      code,
      issues: [
        {
          path: 'activityGroupCode',
          code: 'issue.enum',
          params: { options: groups.map((g) => g.code).join(', ') },
        },
      ],
    });
}

const toCapRule = (r: Awaited<ReturnType<typeof repo.listCapRules>>[number]): CapRule => ({
  id: r.id,
  supportKind: r.supportKind,
  fundingSource: r.fundingSource,
  provinceCode: r.provinceCode,
  maxPercent: r.maxPercent,
  maxAmountVnd: r.maxAmountVnd,
  effectiveFrom: r.effectiveFrom,
  effectiveTo: r.effectiveTo,
  sourceDocument: r.sourceDocument,
  sourceArticle: r.sourceArticle,
});

// ---- plans ----

export async function planDto(db: Db, plan: typeof extPlans.$inferSelect): Promise<PlanDto> {
  const budgets = await repo.listBudgets(db, plan.id);
  const money = await repo.yearMoney(db, plan.year);
  const key = (s: string, g: string) => `${s}|${g}`;
  const lines = new Map<string, PlanDto['budgets'][number]>();
  for (const b of budgets)
    lines.set(key(b.fundingSource, b.activityGroupCode), {
      fundingSource: b.fundingSource,
      activityGroupCode: b.activityGroupCode,
      amountVnd: String(b.amountVnd),
      committedVnd: '0',
      disbursedVnd: '0',
      settledVnd: '0',
      schemes: 0,
    });
  for (const m of money) {
    const k = key(m.fundingSource, m.activityGroupCode);
    const line = lines.get(k) ?? {
      fundingSource: m.fundingSource,
      activityGroupCode: m.activityGroupCode,
      amountVnd: '0',
      committedVnd: '0',
      disbursedVnd: '0',
      settledVnd: '0',
      schemes: 0,
    };
    lines.set(k, {
      ...line,
      committedVnd: m.committedVnd,
      disbursedVnd: m.disbursedVnd,
      settledVnd: m.settledVnd,
      schemes: m.schemes,
    });
  }
  const all = [...lines.values()];
  const sum = (f: 'amountVnd' | 'committedVnd' | 'disbursedVnd' | 'settledVnd') =>
    String(all.reduce((a, l) => a + BigInt(l[f]), 0n));
  return {
    id: plan.id,
    year: plan.year,
    title: plan.title,
    status: plan.status,
    notes: plan.notes,
    isDemo: plan.isDemo,
    budgets: all,
    totals: {
      budgetVnd: sum('amountVnd'),
      committedVnd: sum('committedVnd'),
      disbursedVnd: sum('disbursedVnd'),
      settledVnd: sum('settledVnd'),
    },
  };
}

export async function listPlans(db: Db): Promise<PlanDto[]> {
  return Promise.all((await repo.listPlans(db)).map((p) => planDto(db, p)));
}

export async function getPlan(db: Db, id: string): Promise<PlanDto> {
  const p = await repo.getPlan(db, id);
  if (!p) throw new AppError('not_found');
  return planDto(db, p);
}

export async function createPlan(
  db: Db,
  actor: Actor,
  input: z.input<typeof createPlanBody> & { isDemo?: boolean },
): Promise<PlanDto> {
  if (await repo.getPlanByYear(db, input.year))
    throw new AppError('conflict.duplicate', { year: input.year });
  for (const b of input.budgets ?? []) await checkActivityGroup(db, b.activityGroupCode);
  const id = await db.transaction(async (tx) => {
    const [p] = await tx
      .insert(extPlans)
      .values({
        year: input.year,
        title: input.title,
        status: input.status ?? 'draft',
        notes: input.notes ?? null,
        isDemo: input.isDemo ?? false,
      })
      .returning();
    await writeBudgets(tx, p!.id, input.budgets ?? []);
    await recordAudit(tx, actor, {
      action: 'extension.plan_created',
      entityType: 'ext_plan',
      entityId: p!.id,
      after: input,
    });
    return p!.id;
  });
  return getPlan(db, id);
}

async function writeBudgets(tx: Db, planId: string, budgets: z.infer<typeof budgetLine>[]) {
  await tx.delete(extPlanBudgets).where(eq(extPlanBudgets.planId, planId));
  if (budgets.length)
    await tx.insert(extPlanBudgets).values(
      budgets.map((b) => ({
        planId,
        fundingSource: b.fundingSource,
        activityGroupCode: b.activityGroupCode,
        amountVnd: BigInt(b.amountVnd),
      })),
    );
}

export async function putBudgets(db: Db, actor: Actor, id: string, budgets: z.infer<typeof budgetLine>[]) {
  const before = await getPlan(db, id);
  for (const b of budgets) await checkActivityGroup(db, b.activityGroupCode);
  await db.transaction(async (tx) => {
    await writeBudgets(tx, id, budgets);
    await recordAudit(tx, actor, {
      action: 'extension.plan_budgets_set',
      entityType: 'ext_plan',
      entityId: id,
      before: before.budgets.map(({ fundingSource, activityGroupCode, amountVnd }) => ({
        fundingSource,
        activityGroupCode,
        amountVnd,
      })),
      after: budgets,
    });
  });
  return getPlan(db, id);
}

// ---- rubrics and calls ----

export async function listRubrics(db: Db) {
  const rs = await repo.listRubrics(db);
  return Promise.all(rs.map(async (r) => rubricDto((await repo.getRubric(db, r.id))!)));
}

function rubricDto(r: NonNullable<Awaited<ReturnType<typeof repo.getRubric>>>) {
  return {
    id: r.id,
    name: r.name,
    criteria: r.criteria.map((c) => ({
      id: c.id,
      code: c.code,
      label: c.label,
      labelEn: c.labelEn,
      weight: trimDecimal(c.weight)!,
      maxScore: c.maxScore,
    })),
  };
}

export async function createRubric(db: Db, actor: Actor, input: z.infer<typeof createRubricBody>) {
  const codes = input.criteria.map((c) => c.code);
  if (new Set(codes).size !== codes.length)
    throw new AppError('conflict.duplicate', { field: 'criteria.code' });
  const id = await db.transaction(async (tx) => {
    const [r] = await tx.insert(extRubrics).values({ name: input.name }).returning();
    await tx
      .insert(extRubricCriteria)
      .values(input.criteria.map((c, i) => ({ ...c, rubricId: r!.id, position: i })));
    await recordAudit(tx, actor, {
      action: 'extension.rubric_created',
      entityType: 'ext_rubric',
      entityId: r!.id,
      after: input,
    });
    return r!.id;
  });
  return rubricDto((await repo.getRubric(db, id))!);
}

async function defaultRubricId(db: Db): Promise<string | null> {
  return (await repo.listRubrics(db))[0]?.id ?? null;
}

const callDto = (c: repo.CallRow, applications: number): CallDto => ({
  id: c.id,
  planId: c.planId,
  year: c.year,
  title: c.title,
  description: c.description,
  fundingSource: c.fundingSource,
  activityGroupCode: c.activityGroupCode,
  opensOn: c.opensOn,
  closesOn: c.closesOn,
  status: c.status,
  rubricId: c.rubricId,
  applications,
  isDemo: c.isDemo,
});

/** Calls: staff see all; enterprises and the public only open ones. */
export async function listCalls(
  db: Db,
  user: SessionUser | null,
  q: { year?: number | undefined; status?: string | undefined },
) {
  const staff = user !== null && isStaff(user.role);
  const rows = await repo.listCalls(db, { year: q.year, status: staff ? q.status : 'open' });
  return rows.map((r) => callDto(r.call, staff ? Number(r.applications) : 0));
}

export async function getCall(db: Db, user: SessionUser | null, id: string): Promise<CallDto> {
  const c = await repo.getCall(db, id);
  if (!c || ((user === null || !isStaff(user.role)) && c.status !== 'open')) throw new AppError('not_found');
  return (await listCalls(db, user, { year: c.year })).find((x) => x.id === id) ?? callDto(c, 0);
}

export async function createCall(
  db: Db,
  actor: Actor,
  input: z.input<typeof createCallBody> & { isDemo?: boolean },
) {
  await checkActivityGroup(db, input.activityGroupCode);
  if (input.closesOn < input.opensOn)
    throw new AppError('validation.failed', { issues: [{ path: 'closesOn', code: 'issue.date_order' }] });
  const id = await db.transaction(async (tx) => {
    const [c] = await tx
      .insert(extCalls)
      .values({
        planId: input.planId ?? null,
        year: input.year,
        title: input.title,
        description: input.description ?? null,
        fundingSource: input.fundingSource,
        activityGroupCode: input.activityGroupCode,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        status: input.status ?? 'draft',
        rubricId: input.rubricId ?? (await defaultRubricId(tx)),
        isDemo: input.isDemo ?? false,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'extension.call_created',
      entityType: 'ext_call',
      entityId: c!.id,
      after: input,
    });
    return c!.id;
  });
  return callDto((await repo.getCall(db, id))!, 0);
}

export async function updateCall(db: Db, actor: Actor, id: string, input: z.infer<typeof updateCallBody>) {
  const before = await repo.getCall(db, id);
  if (!before) throw new AppError('not_found');
  if (input.activityGroupCode) await checkActivityGroup(db, input.activityGroupCode);
  const after = {
    ...before,
    ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
  };
  if (after.closesOn < after.opensOn)
    throw new AppError('validation.failed', { issues: [{ path: 'closesOn', code: 'issue.date_order' }] });
  await db.transaction(async (tx) => {
    const { id: _, createdAt: __, ...patch } = after;
    await tx.update(extCalls).set(patch).where(eq(extCalls.id, id));
    await recordAudit(tx, actor, {
      action: 'extension.call_updated',
      entityType: 'ext_call',
      entityId: id,
      before,
      after,
    });
  });
  return getCall(db, null, id).catch(async () => callDto((await repo.getCall(db, id))!, 0));
}

// ---- schemes ----

const schemeVisibility = (db: Db, user: SessionUser) => scopeOf(db, user);

/** The scheme, if this user may see it (an enterprise its own; area-bound staff those in their area). */
async function visibleScheme(db: Db, user: SessionUser | null, id: string) {
  const s = await repo.getScheme(db, id);
  if (!s) throw new AppError('not_found');
  if (user) {
    if (!isStaff(user.role)) {
      const own = (await repo.schemeEnterprises(db, id)).some((e) => user.enterpriseIds.includes(e.id));
      if (!own) throw new AppError('not_found');
    } else if (!(await canAccessEnterprise(db, await scopeOf(db, user), s.scheme.leadEnterpriseId)))
      throw new AppError('not_found');
  }
  return s;
}

const isOwn = (user: SessionUser | null, s: repo.SchemeRow) =>
  !!user && user.role === 'enterprise' && user.enterpriseIds.includes(s.leadEnterpriseId);

function summaryDto(r: NonNullable<Awaited<ReturnType<typeof repo.getScheme>>>): SchemeSummary {
  const s = r.scheme;
  return {
    id: s.id,
    code: s.code,
    year: s.year,
    title: s.title,
    supportKind: s.supportKind,
    activityGroupCode: s.activityGroupCode,
    fundingSource: s.fundingSource,
    status: s.status as SchemeStatus,
    leadEnterpriseId: s.leadEnterpriseId,
    enterpriseName: r.enterpriseName,
    callId: s.callId,
    applicationDate: s.applicationDate,
    totalCostVnd: String(s.totalCostVnd),
    supportRequestedVnd: String(s.supportRequestedVnd),
    counterpartVnd: String(s.counterpartVnd),
    approvedAmountVnd: str(s.approvedAmountVnd),
    disbursedVnd: r.disbursedVnd,
    settledAmountVnd: str(s.settledAmountVnd),
    isDemo: s.isDemo,
  };
}

export async function listSchemes(db: Db, user: SessionUser, q: SchemeListQuery): Promise<SchemeSummary[]> {
  return (await repo.listSchemes(db, q, await schemeVisibility(db, user))).map(summaryDto);
}

function checkAmounts(total: bigint, requested: bigint, counterpart: bigint) {
  const issues = [];
  if (total <= 0n) issues.push({ path: 'totalCostVnd', code: 'issue.too_small', params: { minimum: 1 } });
  if (requested < 0n)
    issues.push({ path: 'supportRequestedVnd', code: 'issue.too_small', params: { minimum: 0 } });
  if (counterpart < 0n)
    issues.push({ path: 'counterpartVnd', code: 'issue.too_small', params: { minimum: 0 } });
  if (requested > total)
    issues.push({ path: 'supportRequestedVnd', code: 'issue.too_big', params: { maximum: String(total) } });
  if (issues.length) throw new AppError('validation.failed', { issues });
}

export async function createScheme(
  db: Db,
  actor: Actor,
  user: SessionUser | null,
  input: z.input<typeof import('../../../contracts/extension').createSchemeBody> & { isDemo?: boolean },
): Promise<SchemeDetail> {
  await checkActivityGroup(db, input.activityGroupCode);
  const scope = await scopeOf(db, user);
  const lead = await getEnterpriseRow(db, input.leadEnterpriseId);
  if (!lead || !(await canAccessEnterprise(db, scope, lead.id)))
    throw new AppError('validation.failed', {
      issues: [{ path: 'leadEnterpriseId', code: 'issue.invalid' }],
    });
  // A member outside the caller's scope is as unknown as one that does not exist.
  for (const m of input.memberEnterpriseIds ?? [])
    if (!(await getEnterpriseRow(db, m)) || !(await canAccessEnterprise(db, scope, m)))
      throw new AppError('validation.failed', {
        issues: [{ path: 'memberEnterpriseIds', code: 'issue.invalid' }],
      });
  const total = BigInt(input.totalCostVnd);
  const requested = BigInt(input.supportRequestedVnd);
  const counterpart = BigInt(input.counterpartVnd);
  checkAmounts(total, requested, counterpart);
  if (input.callId && !(await repo.getCall(db, input.callId)))
    throw new AppError('validation.failed', { issues: [{ path: 'callId', code: 'issue.invalid' }] });
  const id = await db.transaction(async (tx) => {
    const code = await repo.nextSchemeCode(tx, input.year);
    const plan = input.planId ? null : await repo.getPlanByYear(tx, input.year);
    const s = await repo.insertScheme(tx, {
      code,
      year: input.year,
      planId: input.planId ?? plan?.id ?? null,
      callId: input.callId ?? null,
      title: input.title,
      description: input.description ?? null,
      supportKind: input.supportKind,
      activityGroupCode: input.activityGroupCode,
      fundingSource: input.fundingSource,
      leadEnterpriseId: lead.id,
      totalCostVnd: total,
      supportRequestedVnd: requested,
      counterpartVnd: counterpart,
      womenOwned: input.womenOwned ?? false,
      ethnicMinorityOwned: input.ethnicMinorityOwned ?? false,
      ruralArea: input.ruralArea ?? false,
      isDemo: input.isDemo ?? false,
      createdBy: actor.userId,
    });
    await repo.addSchemeEnterprise(tx, s.id, lead.id, 'lead');
    for (const m of input.memberEnterpriseIds ?? [])
      if (m !== lead.id) await repo.addSchemeEnterprise(tx, s.id, m, 'member');
    await repo.addEvent(tx, {
      schemeId: s.id,
      onDate: today(),
      action: 'created',
      toStatus: 'draft',
      actorUserId: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'extension.scheme_created',
      entityType: 'ext_scheme',
      entityId: s.id,
      after: jsonSafe(s),
    });
    return s.id;
  });
  return getSchemeDetail(db, user, id);
}

/** An enterprise applies to an open call, for its own company (the route checks enterpriseParam). */
export async function applyToCall(
  db: Db,
  actor: Actor,
  user: SessionUser,
  enterpriseId: string,
  input: ApplyInput,
): Promise<SchemeDetail> {
  const call = await repo.getCall(db, input.callId);
  if (!call) throw new AppError('not_found');
  if (call.status !== 'open') throw new AppError('extension.call_not_open');
  return createScheme(db, actor, user, {
    ...input,
    year: call.year,
    callId: call.id,
    planId: call.planId,
    fundingSource: call.fundingSource,
    activityGroupCode: call.activityGroupCode,
    leadEnterpriseId: enterpriseId,
    memberEnterpriseIds: [],
  });
}

const jsonSafe = (o: object) =>
  JSON.parse(JSON.stringify(o, (_, v) => (typeof v === 'bigint' ? String(v) : v))) as Record<string, unknown>;

export async function updateScheme(
  db: Db,
  actor: Actor,
  user: SessionUser,
  id: string,
  input: z.infer<typeof updateSchemeBody>,
): Promise<SchemeDetail> {
  const cur = await visibleScheme(db, user, id);
  const s = cur.scheme;
  if (user.role === 'enterprise' && !isOwn(user, s)) throw new AppError('auth.forbidden');
  if (!EDITABLE.includes(s.status as SchemeStatus)) throw new AppError('extension.not_editable');
  if (s.version !== input.version) throw new AppError('conflict.stale');
  if (input.activityGroupCode) await checkActivityGroup(db, input.activityGroupCode);
  const total = input.totalCostVnd !== undefined ? BigInt(input.totalCostVnd) : s.totalCostVnd;
  const requested =
    input.supportRequestedVnd !== undefined ? BigInt(input.supportRequestedVnd) : s.supportRequestedVnd;
  const counterpart = input.counterpartVnd !== undefined ? BigInt(input.counterpartVnd) : s.counterpartVnd;
  checkAmounts(total, requested, counterpart);
  const { version: _, totalCostVnd: __, supportRequestedVnd: ___, counterpartVnd: ____, ...rest } = input;
  const patch = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  await db.transaction(async (tx) => {
    const applied = await repo.updateScheme(
      tx,
      id,
      { ...patch, totalCostVnd: total, supportRequestedVnd: requested, counterpartVnd: counterpart },
      input.version,
    );
    if (!applied) throw new AppError('conflict.stale');
    await repo.addEvent(tx, { schemeId: id, onDate: today(), action: 'edited', actorUserId: actor.userId });
    await recordAudit(tx, actor, {
      action: 'extension.scheme_updated',
      entityType: 'ext_scheme',
      entityId: id,
      before: jsonSafe(s),
      after: jsonSafe((await repo.lockScheme(tx, id))!),
    });
  });
  return getSchemeDetail(db, user, id);
}

function refusalError(r: Refusal, extra: Record<string, unknown> = {}): AppError {
  switch (r.code) {
    case 'invalid_transition':
      return new AppError('extension.invalid_transition', { from: r.from, action: r.action });
    case 'forbidden':
      return new AppError('auth.forbidden');
    case 'document_required':
      return new AppError('extension.document_required', { kind: r.kind });
    case 'note_required':
      return new AppError('extension.note_required', { issues: [{ path: 'note', code: 'issue.required' }] });
    case 'baseline_required':
      return new AppError('extension.baseline_required');
    case 'no_cap_rule':
      return new AppError('extension.no_cap_rule', extra);
    case 'cap_exceeded':
      return new AppError('extension.cap_exceeded', extra);
    case 'above_requested':
      return new AppError('extension.above_requested', {
        amount: groupDigits(r.amountVnd),
        requested: groupDigits(r.requestedVnd),
      });
    case 'settlement_above_approved':
      return new AppError('extension.settlement_above_approved', {
        amount: groupDigits(r.amountVnd),
        approved: groupDigits(r.approvedVnd),
      });
    case 'settlement_above_disbursed':
      return new AppError('extension.settlement_above_disbursed', {
        amount: groupDigits(r.amountVnd),
        disbursed: groupDigits(r.disbursedVnd),
      });
  }
}

/** Take one step of the lifecycle: decided by the pure machine, applied, audited and put on the timeline. */
export async function transition(
  db: Db,
  actor: Actor,
  user: { role: Role; enterpriseIds: string[]; areaCode: string | null } & Partial<SessionUser>,
  id: string,
  input: TransitionInput,
): Promise<void> {
  const onDate = input.onDate ?? today();
  await db.transaction(async (tx) => {
    const s = await repo.lockScheme(tx, id);
    if (!s) throw new AppError('not_found');
    if (input.version !== undefined && input.version !== s.version) throw new AppError('conflict.stale');
    const from = s.status as SchemeStatus;
    const docs = new Set((await repo.listDocuments(tx, id)).map((d) => d.kind));
    const ownEnterprise = user.role === 'enterprise' && user.enterpriseIds.includes(s.leadEnterpriseId);
    const ctx: Parameters<typeof decide>[2] = {
      role: user.role,
      ownEnterprise,
      documentKinds: docs,
      note: input.note ?? null,
    };
    let capRule: CapRule | null = null;
    let capExtra: Record<string, unknown> = {};
    const disbursed = (await repo.listDisbursements(tx, id)).reduce((a, d) => a + d.amountVnd, 0n);
    if (input.action === 'approve') {
      const amount = input.amountVnd !== undefined ? BigInt(input.amountVnd) : s.supportRequestedVnd;
      const appDate = s.applicationDate ?? onDate;
      const lead = await getEnterpriseRow(tx, s.leadEnterpriseId);
      const chain = await repo.areaChain(tx, lead!.areaCode);
      const province = chain[chain.length - 1] ?? null;
      const found = findCapRule((await repo.listCapRules(tx)).map(toCapRule), {
        supportKind: s.supportKind,
        fundingSource: s.fundingSource,
        provinceCode: province,
        date: appDate,
      });
      capRule = found?.rule ?? null;
      const check = capRule ? checkAgainstCap(capRule, s.totalCostVnd, amount) : null;
      ctx.approval = {
        amountVnd: amount,
        capVnd: check ? check.cap : null,
        requestedVnd: s.supportRequestedVnd,
      };
      ctx.hasBaseline = (await repo.listOutcomes(tx, [id])).some((o) => o.stage === 'baseline');
      capExtra = capRule
        ? {
            ...capMessageParams(capRule, amount, check!.cap, appDate),
            limit: check!.ok ? null : check!.limit,
            fallbackToNational: found!.fallbackToNational,
          }
        : { supportKind: s.supportKind, fundingSource: s.fundingSource, date: appDate };
    }
    if (input.action === 'settle') {
      ctx.settlement = {
        amountVnd: input.amountVnd !== undefined ? BigInt(input.amountVnd) : disbursed,
        approvedVnd: s.approvedAmountVnd ?? 0n,
        disbursedVnd: disbursed,
      };
    }
    const r = decide(from, input.action, ctx);
    if (!r.ok) throw refusalError(r.refusal, capExtra);

    const patch: Partial<repo.SchemeInsert> = { status: r.to };
    let amountVnd: bigint | null = null;
    if (input.action === 'submit' && !s.applicationDate) patch.applicationDate = onDate;
    if (input.action === 'approve') {
      amountVnd = ctx.approval!.amountVnd;
      patch.approvedAmountVnd = amountVnd;
      patch.approvedOn = onDate;
      patch.capRuleId = capRule!.id;
      patch.capSnapshot = JSON.stringify({
        ...jsonSafe(capRule!),
        capVnd: String(ctx.approval!.capVnd),
        fallbackToNational: capExtra.fallbackToNational,
      });
      await tx
        .update(extOutcomes)
        .set({ frozen: true })
        .where(and(eq(extOutcomes.schemeId, id), eq(extOutcomes.stage, 'baseline')));
    }
    if (input.action === 'settle') {
      amountVnd = ctx.settlement!.amountVnd;
      patch.settledAmountVnd = amountVnd;
    }
    await repo.updateScheme(tx, id, patch, s.version);
    await repo.addEvent(tx, {
      schemeId: id,
      onDate,
      action: input.action,
      fromStatus: from,
      toStatus: r.to,
      actorUserId: actor.userId,
      note: input.note ?? null,
      amountVnd,
    });
    await recordAudit(tx, actor, {
      action: `extension.scheme_${input.action}`,
      entityType: 'ext_scheme',
      entityId: id,
      before: { status: from },
      after: jsonSafe({ status: r.to, ...patch, note: input.note ?? null }),
    });
  });
}

// ---- documents ----

/** Limits on uploaded documents (settings DOCUMENT_MAX_MB, DOCUMENT_QUOTA_MB, DOCUMENT_QUOTA_FILES). */
export interface DocumentLimits {
  maxFileBytes: number;
  /** Per enterprise (the scheme's lead enterprise): all its schemes' documents together. */
  quotaBytes: number;
  quotaFiles: number;
}

const MB = 1024 * 1024;

export function documentLimits(config: {
  DOCUMENT_MAX_MB: number;
  DOCUMENT_QUOTA_MB: number;
  DOCUMENT_QUOTA_FILES: number;
}): DocumentLimits {
  return {
    maxFileBytes: config.DOCUMENT_MAX_MB * MB,
    quotaBytes: config.DOCUMENT_QUOTA_MB * MB,
    quotaFiles: config.DOCUMENT_QUOTA_FILES,
  };
}

const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

function quotaError(limits: DocumentLimits, used: { bytes: number; files: number }, kind: 'bytes' | 'files') {
  return kind === 'files'
    ? new AppError('extension.document_quota_files', { limit: limits.quotaFiles })
    : new AppError('extension.document_quota_bytes', {
        limitMb: mb(limits.quotaBytes),
        usedMb: mb(used.bytes),
        leftMb: mb(Math.max(0, limits.quotaBytes - used.bytes)),
      });
}

/**
 * Store an uploaded document. The bytes go to the database's file store as they arrive (never the whole
 * file in memory); the document row, its stored file, the timeline event and the audit record appear
 * together in one transaction, once every byte is in and the quota is checked under a per-enterprise lock.
 * A refused or failed upload leaves nothing behind.
 */
export async function uploadDocument(
  db: Db,
  limits: DocumentLimits,
  actor: Actor,
  user: SessionUser | null,
  id: string,
  kind: DocumentKind,
  file: {
    filename: string;
    data: Buffer | AsyncIterable<Buffer>;
    mimeType?: string;
    /** True once an upstream limit cut the stream short (multipart's fileSize). */
    isTruncated?: () => boolean;
  },
) {
  const cur = user ? await visibleScheme(db, user, id) : await repo.getScheme(db, id);
  if (!cur) throw new AppError('not_found');
  if (user?.role === 'enterprise' && !isOwn(user, cur.scheme)) throw new AppError('auth.forbidden');
  const enterpriseId = cur.scheme.leadEnterpriseId;
  // Early refusals, before a byte is stored; the transaction below checks again, under the lock.
  const used = await repo.documentUsage(db, enterpriseId);
  if (used.files >= limits.quotaFiles) throw quotaError(limits, used, 'files');
  const room = limits.quotaBytes - used.bytes;
  if (room <= 0) throw quotaError(limits, used, 'bytes');
  const maxBytes = Math.min(limits.maxFileBytes, room);
  let pending: PendingFile;
  try {
    pending = await writeFile(db, file.data, {
      maxBytes,
      ...(file.isTruncated ? { isTruncated: file.isTruncated } : {}),
    });
  } catch (e) {
    if (!(e instanceof FileTooLarge)) throw e;
    if (maxBytes === limits.maxFileBytes) {
      throw new AppError('extension.document_too_large', { limitMb: mb(limits.maxFileBytes) });
    }
    throw quotaError(limits, used, 'bytes');
  }
  if (pending.sizeBytes === 0) {
    await discardChunks(db, pending.id);
    throw new AppError('import.invalid_file', { reason: 'empty file' });
  }
  const filename = path.basename(file.filename).normalize('NFC').slice(0, 255) || 'file';
  try {
    return await db.transaction(async (tx) => {
      await repo.lockDocumentQuota(tx, enterpriseId);
      const now = await repo.documentUsage(tx, enterpriseId);
      if (now.files + 1 > limits.quotaFiles) throw quotaError(limits, now, 'files');
      if (now.bytes + pending.sizeBytes > limits.quotaBytes) throw quotaError(limits, now, 'bytes');
      const stored = await commitFile(tx, pending);
      const d = await repo.insertDocument(tx, {
        schemeId: id,
        kind,
        filename,
        mimeType: file.mimeType ?? guessMime(filename),
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        fileId: stored.id,
        uploadedBy: actor.userId,
      });
      await repo.addEvent(tx, {
        schemeId: id,
        onDate: today(),
        action: 'document_uploaded',
        actorUserId: actor.userId,
        documentId: d.id,
        note: `${kind}: ${filename}`,
      });
      await recordAudit(tx, actor, {
        action: 'extension.document_uploaded',
        entityType: 'ext_scheme',
        entityId: id,
        after: { kind, filename, sha256: stored.sha256, size: d.sizeBytes, fileId: stored.id },
      });
      return documentDto(d);
    });
  } catch (e) {
    await discardChunks(db, pending.id);
    throw e;
  }
}

/**
 * Documents uploaded before the file store kept their bytes under DATA_DIR/files of one instance: move
 * those still there into the store (idempotent; run at start). Returns how many were moved and how many
 * files were missing (those documents stay unreadable, as they were on every other instance).
 */
export async function adoptLegacyDocumentFiles(
  db: Db,
  dataDir: string,
): Promise<{ moved: number; missing: number }> {
  let moved = 0;
  let missing = 0;
  for (const d of await repo.documentsWithoutStoredFile(db)) {
    const abs = path.join(dataDir, LEGACY_FILES_SUBDIR, d.storagePath ?? '');
    if (!d.storagePath || !fs.existsSync(abs)) {
      missing++;
      continue;
    }
    const pending = await writeFile(db, fs.createReadStream(abs), { maxBytes: Number.MAX_SAFE_INTEGER });
    try {
      await db.transaction(async (tx) => {
        const stored = await commitFile(tx, pending);
        await repo.setDocumentFile(tx, d.id, stored.id);
      });
    } catch (e) {
      await discardChunks(db, pending.id);
      throw e;
    }
    moved++;
  }
  return { moved, missing };
}

const LEGACY_FILES_SUBDIR = 'files';

function guessMime(name: string): string {
  const ext = path.extname(name).toLowerCase();
  return (
    {
      '.pdf': 'application/pdf',
      '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      '.jpg': 'image/jpeg',
      '.jpeg': 'image/jpeg',
      '.png': 'image/png',
      '.txt': 'text/plain; charset=utf-8',
    }[ext] ?? 'application/octet-stream'
  );
}

const documentDto = (d: Awaited<ReturnType<typeof repo.listDocuments>>[number]) => ({
  id: d.id,
  kind: d.kind as DocumentKind,
  filename: d.filename,
  mimeType: d.mimeType,
  sizeBytes: d.sizeBytes,
  sha256: d.sha256,
  uploadedAt: d.uploadedAt,
});

/** A document's bytes, streamed from the file store: any instance serves it. */
export async function readDocument(db: Db, user: SessionUser, id: string, docId: string) {
  await visibleScheme(db, user, id);
  const d = await repo.getDocument(db, id, docId);
  const stored = d?.fileId ? await getStoredFile(db, d.fileId) : null;
  if (!d || !stored) throw new AppError('not_found');
  return {
    filename: d.filename,
    mimeType: d.mimeType,
    sizeBytes: stored.sizeBytes,
    stream: readStoredFile(db, stored),
  };
}

// ---- milestones, disbursements ----

export async function addMilestone(
  db: Db,
  actor: Actor,
  user: SessionUser,
  id: string,
  input: z.infer<typeof milestoneBody>,
) {
  await visibleScheme(db, user, id);
  await db.transaction(async (tx) => {
    const n = (await repo.listMilestones(tx, id)).length;
    const [m] = await tx
      .insert(extMilestones)
      .values({ schemeId: id, ...input, position: n })
      .returning();
    await repo.addEvent(tx, {
      schemeId: id,
      onDate: input.doneOn ?? input.dueOn ?? today(),
      action: 'milestone_added',
      actorUserId: actor.userId,
      note: input.title,
    });
    await recordAudit(tx, actor, {
      action: 'extension.milestone_added',
      entityType: 'ext_scheme',
      entityId: id,
      after: { ...input, id: m!.id },
    });
  });
}

export async function completeMilestone(
  db: Db,
  actor: Actor,
  user: SessionUser,
  id: string,
  milestoneId: string,
  doneOn: string,
) {
  await visibleScheme(db, user, id);
  await db.transaction(async (tx) => {
    const [m] = await tx
      .update(extMilestones)
      .set({ doneOn })
      .where(and(eq(extMilestones.schemeId, id), eq(extMilestones.id, milestoneId)))
      .returning();
    if (!m) throw new AppError('not_found');
    await repo.addEvent(tx, {
      schemeId: id,
      onDate: doneOn,
      action: 'milestone_done',
      actorUserId: actor.userId,
      note: m.title,
    });
    await recordAudit(tx, actor, {
      action: 'extension.milestone_done',
      entityType: 'ext_scheme',
      entityId: id,
      after: { id: m.id, doneOn },
    });
  });
}

export async function addDisbursement(
  db: Db,
  actor: Actor,
  user: SessionUser | null,
  id: string,
  input: z.infer<typeof disbursementBody>,
) {
  if (user) await visibleScheme(db, user, id);
  await db.transaction(async (tx) => {
    const s = await repo.lockScheme(tx, id);
    if (!s) throw new AppError('not_found');
    const already = (await repo.listDisbursements(tx, id)).reduce((a, d) => a + d.amountVnd, 0n);
    const amount = BigInt(input.amountVnd);
    const c = checkDisbursement(s.status as SchemeStatus, s.approvedAmountVnd, already, amount);
    if (!c.ok)
      throw new AppError(
        c.code === 'not_disbursable'
          ? 'extension.not_disbursable'
          : 'extension.disbursement_exceeds_approved',
        {
          remaining: groupDigits(c.remainingVnd),
        },
      );
    await tx
      .insert(extDisbursements)
      .values({ schemeId: id, amountVnd: amount, paidOn: input.paidOn, note: input.note ?? null });
    await repo.addEvent(tx, {
      schemeId: id,
      onDate: input.paidOn,
      action: 'disbursed',
      actorUserId: actor.userId,
      amountVnd: amount,
      note: input.note ?? null,
    });
    await recordAudit(tx, actor, {
      action: 'extension.disbursed',
      entityType: 'ext_scheme',
      entityId: id,
      after: { ...input },
    });
  });
}

// ---- outcomes ----

export async function putOutcome(
  db: Db,
  actor: Actor,
  user: SessionUser | null,
  id: string,
  stage: OutcomeStage,
  input: z.input<typeof import('../../../contracts/extension').outcomeBody>,
) {
  const cur = user ? await visibleScheme(db, user, id) : await repo.getScheme(db, id);
  if (!cur) throw new AppError('not_found');
  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(extOutcomes)
      .where(and(eq(extOutcomes.schemeId, id), eq(extOutcomes.stage, stage)));
    if (existing?.frozen) throw new AppError('extension.baseline_frozen');
    const status = cur.scheme.status as SchemeStatus;
    if (stage === 'baseline' && !['draft', 'submitted', 'appraisal', 'needs_documents'].includes(status))
      throw new AppError('extension.baseline_frozen');
    if (stage !== 'baseline' && !['in_progress', 'accepted', 'settled'].includes(status))
      throw new AppError('extension.invalid_transition', { from: status, action: `outcome:${stage}` });
    const v = {
      schemeId: id,
      stage,
      measuredOn: input.measuredOn,
      capacity: input.capacity ?? null,
      capacityUnit: input.capacityUnit ?? null,
      employees: input.employees ?? null,
      jobsCreated: input.jobsCreated ?? null,
      avgIncomeVnd: input.avgIncomeVnd == null ? null : BigInt(input.avgIncomeVnd),
      incomePeriod: input.incomePeriod ?? null,
      incomeAsReported: input.incomeAsReported ?? null,
      revenueVnd: input.revenueVnd == null ? null : BigInt(input.revenueVnd),
      note: input.note ?? null,
      updatedAt: sql`now()` as unknown as string,
    };
    await tx
      .insert(extOutcomes)
      .values(v)
      .onConflictDoUpdate({ target: [extOutcomes.schemeId, extOutcomes.stage], set: v });
    await repo.addEvent(tx, {
      schemeId: id,
      onDate: input.measuredOn,
      action: `outcome_${stage}`,
      actorUserId: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: `extension.outcome_${stage}`,
      entityType: 'ext_scheme',
      entityId: id,
      before: existing ? jsonSafe(existing) : null,
      after: jsonSafe({ ...v, updatedAt: undefined }),
    });
  });
}

const figures = (o: repo.OutcomeRow): OutcomeFigures => ({
  stage: o.stage,
  measuredOn: o.measuredOn,
  capacity: o.capacity,
  capacityUnit: o.capacityUnit,
  employees: o.employees,
  jobsCreated: o.jobsCreated,
  avgIncomeVnd: o.avgIncomeVnd,
  incomePeriod: o.incomePeriod,
});

const STAGE_ORDER: Record<OutcomeStage, number> = { baseline: 0, acceptance: 1, one_year: 2 };

/** Derived figures and flags of many schemes at once (for lists, the impact page and exports). */
export async function outcomesOf(
  db: Db,
  schemes: { id: string; approvedAmountVnd: bigint | null; areaCode: string }[],
) {
  const [rows, wages, regions] = await Promise.all([
    repo.listOutcomes(
      db,
      schemes.map((s) => s.id),
    ),
    repo.listMinWages(db),
    repo.listWageRegions(db),
  ]);
  const chains = new Map<string, string[]>();
  const out = new Map<
    string,
    { outcomes: repo.OutcomeRow[]; derived: ReturnType<typeof derive>; flags: FlagDto[] }
  >();
  for (const s of schemes) {
    if (!chains.has(s.areaCode)) chains.set(s.areaCode, await repo.areaChain(db, s.areaCode));
    const mine = rows
      .filter((o) => o.schemeId === s.id)
      .sort((a, b) => STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage]);
    const figs = mine.map(figures);
    out.set(s.id, {
      outcomes: mine,
      derived: derive(figs, s.approvedAmountVnd),
      flags: plausibilityFlags(figs, { wages, regions, areaChain: chains.get(s.areaCode)! }),
    });
  }
  return out;
}

const outcomeDto = (o: repo.OutcomeRow) => ({
  stage: o.stage,
  measuredOn: o.measuredOn,
  capacity: trimDecimal(o.capacity),
  capacityUnit: o.capacityUnit,
  employees: o.employees,
  jobsCreated: o.jobsCreated,
  avgIncomeVnd: str(o.avgIncomeVnd),
  incomePeriod: o.incomePeriod,
  incomeAsReported: o.incomeAsReported,
  revenueVnd: str(o.revenueVnd),
  frozen: o.frozen,
  note: o.note,
});

export async function getSchemeDetail(db: Db, user: SessionUser | null, id: string): Promise<SchemeDetail> {
  const r = await visibleScheme(db, user, id);
  const s = r.scheme;
  const [enterprises, events, documents, milestones, disbursements] = await Promise.all([
    repo.schemeEnterprises(db, id),
    repo.listEvents(db, id),
    repo.listDocuments(db, id),
    repo.listMilestones(db, id),
    repo.listDisbursements(db, id),
  ]);
  const o = (
    await outcomesOf(db, [{ id, approvedAmountVnd: s.approvedAmountVnd, areaCode: r.enterpriseArea }])
  ).get(id)!;
  const names = await userNames(db, [
    ...new Set(events.map((e) => e.actorUserId).filter((x): x is string => !!x)),
  ]);
  const output = await outputFor(db, s, r.enterpriseVsic);
  return {
    ...summaryDto(r),
    description: s.description,
    planId: s.planId,
    approvedOn: s.approvedOn,
    capRuleId: s.capRuleId,
    capRule: s.capSnapshot ? (JSON.parse(s.capSnapshot) as Record<string, unknown>) : null,
    womenOwned: s.womenOwned,
    ethnicMinorityOwned: s.ethnicMinorityOwned,
    ruralArea: s.ruralArea,
    version: s.version,
    enterprises,
    nextActions: user
      ? availableActions(s.status as SchemeStatus, user.role, isOwn(user, s)).map((t) => ({
          action: t.action,
          to: t.to,
          requiresDocument: t.requiresDocument,
        }))
      : [],
    timeline: events.map((e) => ({
      id: String(e.id),
      at: e.at,
      onDate: e.onDate,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorName: e.actorUserId ? (names.get(e.actorUserId) ?? null) : null,
      note: e.note,
      amountVnd: str(e.amountVnd),
      documentId: e.documentId,
    })),
    documents: documents.map(documentDto),
    milestones: milestones.map((m) => ({ id: m.id, title: m.title, dueOn: m.dueOn, doneOn: m.doneOn })),
    disbursements: disbursements.map((d) => ({
      id: d.id,
      amountVnd: String(d.amountVnd),
      paidOn: d.paidOn,
      note: d.note,
    })),
    outcomes: o.outcomes.map(outcomeDto),
    derived: {
      capacityMultiplier: o.derived.capacityMultiplier,
      jobsCreated: o.derived.jobsCreated,
      supportPerJobVnd: str(o.derived.supportPerJobVnd),
    },
    flags: o.flags,
    output,
  };
}

async function outputFor(db: Db, s: repo.SchemeRow, vsic: string) {
  const m = await outputComparisons(db, [
    {
      id: s.id,
      leadEnterpriseId: s.leadEnterpriseId,
      vsic,
      year: s.year,
      approvedAmountVnd: s.approvedAmountVnd,
    },
  ]);
  return m.get(s.id)!;
}

// ---- appraisal ----

async function rubricForScheme(db: Db, s: repo.SchemeRow) {
  const call = s.callId ? await repo.getCall(db, s.callId) : null;
  const rid = call?.rubricId ?? (await defaultRubricId(db));
  const rubric = rid ? await repo.getRubric(db, rid) : null;
  if (!rubric) throw new AppError('not_found');
  return rubric;
}

export async function getScoreSheet(db: Db, user: SessionUser, id: string) {
  const r = await visibleScheme(db, user, id);
  const rubric = await rubricForScheme(db, r.scheme);
  const scores = await repo.listScores(db, [id]);
  return {
    schemeId: id,
    rubric: rubricDto(rubric),
    mine: scores
      .filter((x) => x.memberUserId === user.id)
      .map((x) => ({ criterionId: x.criterionId, score: trimDecimal(x.score)!, comment: x.comment })),
    members: new Set(scores.map((x) => x.memberUserId)).size,
  };
}

/** A council member fills in (or changes) their own scores while the application is under appraisal. */
export async function putScores(
  db: Db,
  actor: Actor,
  user: SessionUser,
  id: string,
  input: z.infer<typeof scoreSheetBody>,
) {
  const r = await visibleScheme(db, user, id);
  if (!['submitted', 'appraisal'].includes(r.scheme.status))
    throw new AppError('extension.invalid_transition', { from: r.scheme.status, action: 'score' });
  const rubric = await rubricForScheme(db, r.scheme);
  const byId = new Map(rubric.criteria.map((c) => [c.id, c]));
  const issues = input.scores.flatMap((s, i) => {
    const c = byId.get(s.criterionId);
    if (!c) return [{ path: `scores.${i}.criterionId`, code: 'issue.invalid' }];
    if (Number(s.score) > c.maxScore)
      return [{ path: `scores.${i}.score`, code: 'issue.too_big', params: { maximum: c.maxScore } }];
    return [];
  });
  if (issues.length) throw new AppError('validation.failed', { issues });
  await db.transaction(async (tx) => {
    for (const s of input.scores) {
      const v = {
        schemeId: id,
        criterionId: s.criterionId,
        memberUserId: user.id,
        score: s.score,
        comment: s.comment ?? null,
      };
      await tx
        .insert(extScores)
        .values(v)
        .onConflictDoUpdate({
          target: [extScores.schemeId, extScores.criterionId, extScores.memberUserId],
          set: { score: v.score, comment: v.comment, updatedAt: sql`now()` as unknown as string },
        });
    }
    await recordAudit(tx, actor, {
      action: 'extension.scored',
      entityType: 'ext_scheme',
      entityId: id,
      after: input,
    });
  });
  return getScoreSheet(db, user, id);
}

export async function callRanking(db: Db, user: SessionUser, callId: string) {
  const call = await repo.getCall(db, callId);
  if (!call) throw new AppError('not_found');
  const rubric = call.rubricId
    ? await repo.getRubric(db, call.rubricId)
    : await repo.getRubric(db, (await defaultRubricId(db))!);
  if (!rubric) throw new AppError('not_found');
  const apps = (await repo.listSchemes(db, { callId }, await schemeVisibility(db, user))).filter(
    (a) => !['draft', 'cancelled'].includes(a.scheme.status),
  );
  const scores = await repo.listScores(
    db,
    apps.map((a) => a.scheme.id),
  );
  const criteria = rubric.criteria.map((c) => ({
    id: c.id,
    code: c.code,
    label: c.label,
    weight: Number(c.weight),
    maxScore: c.maxScore,
  }));
  const ranked = rankApplications(
    apps.map((a) => a.scheme.id),
    criteria,
    scores.map((s) => ({
      schemeId: s.schemeId,
      criterionId: s.criterionId,
      memberUserId: s.memberUserId,
      score: Number(s.score),
    })),
  );
  const byId = new Map(apps.map((a) => [a.scheme.id, a]));
  return ranked.map((x) => {
    const a = byId.get(x.schemeId)!;
    return {
      rank: x.rank,
      schemeId: x.schemeId,
      code: a.scheme.code,
      title: a.scheme.title,
      enterpriseName: a.enterpriseName,
      status: a.scheme.status as SchemeStatus,
      total: x.total,
      members: x.members,
      criteria: x.criteria,
    };
  });
}

// ---- impact ----

export async function impact(db: Db, user: SessionUser, year: number | null) {
  const rows = await repo.listSchemes(db, year ? { year } : {}, await schemeVisibility(db, user));
  const active = rows.filter(
    (r) => r.scheme.approvedAmountVnd !== null && !['cancelled', 'rejected'].includes(r.scheme.status),
  );
  const outs = await outcomesOf(
    db,
    active.map((r) => ({
      id: r.scheme.id,
      approvedAmountVnd: r.scheme.approvedAmountVnd,
      areaCode: r.enterpriseArea,
    })),
  );
  const outputs = await outputComparisons(
    db,
    active.map((r) => ({
      id: r.scheme.id,
      leadEnterpriseId: r.scheme.leadEnterpriseId,
      vsic: r.enterpriseVsic,
      year: r.scheme.year,
      approvedAmountVnd: r.scheme.approvedAmountVnd,
    })),
  );
  let approved = 0n;
  let disbursed = 0n;
  let settled = 0n;
  let jobs = 0;
  let flagged = 0;
  // Output per VND of support: over the schemes whose comparison is available only.
  let extra = 0;
  let extraSupport = 0n;
  let compared = 0;
  const list = active.map((r) => {
    const o = outs.get(r.scheme.id)!;
    const output = outputs.get(r.scheme.id)!;
    if (output.extraOutputVnd !== null && r.scheme.approvedAmountVnd) {
      extra += Number(output.extraOutputVnd);
      extraSupport += r.scheme.approvedAmountVnd;
      compared++;
    }
    approved += r.scheme.approvedAmountVnd ?? 0n;
    disbursed += BigInt(r.disbursedVnd);
    settled += r.scheme.settledAmountVnd ?? 0n;
    jobs += o.derived.jobsCreated ?? 0;
    if (o.flags.length) flagged++;
    return {
      schemeId: r.scheme.id,
      code: r.scheme.code,
      enterpriseName: r.enterpriseName,
      status: r.scheme.status as SchemeStatus,
      approvedAmountVnd: str(r.scheme.approvedAmountVnd),
      capacityMultiplier: o.derived.capacityMultiplier,
      jobsCreated: o.derived.jobsCreated,
      supportPerJobVnd: str(o.derived.supportPerJobVnd),
      flags: o.flags,
      vsic: r.enterpriseVsic,
      output,
    };
  });
  return {
    year,
    schemes: list.length,
    approvedVnd: String(approved),
    disbursedVnd: String(disbursed),
    settledVnd: String(settled),
    jobsCreated: jobs,
    supportPerJobVnd: jobs > 0 ? String(approved / BigInt(jobs)) : null,
    flagged,
    output: {
      compared,
      extraOutputVnd: compared ? String(Math.round(extra)) : null,
      supportVnd: compared ? String(extraSupport) : null,
      extraOutputPerSupportVnd: compared ? Math.round((extra / Number(extraSupport)) * 100) / 100 : null,
    },
    rows: list,
  };
}

export type { CreateSchemeInput };
