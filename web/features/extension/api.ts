import type { z } from 'zod';
import type {
  applyBody,
  CallDto,
  createCallBody,
  createPlanBody,
  createRubricBody,
  createSchemeBody,
  impactDto,
  outcomeBody,
  PlanDto,
  rankingEntry,
  rubricDto,
  rulesDto,
  SchemeDetail,
  SchemeSummary,
  scoreSheetDto,
  TransitionInput,
} from '../../../contracts/extension';
import { ApiError, queryString } from '../../lib/api';
import { useMe } from '../../lib/session';

/** The extension module's client: only types come from contracts (no zod in the bundle). */
export type Impact = z.infer<typeof impactDto>;
export type RankingEntry = z.infer<typeof rankingEntry>;
export type ScoreSheet = z.infer<typeof scoreSheetDto>;
export type ApplyInput = z.input<typeof applyBody>;
export type OutcomeInput = z.input<typeof outcomeBody>;
export type { CallDto, PlanDto, SchemeDetail, SchemeSummary };
export type Rules = z.infer<typeof rulesDto>;
export type Rubric = z.infer<typeof rubricDto>;

let currentCsrf: string | null = null;
const csrf = () => currentCsrf;
/** Pages call this: the session's CSRF token (from /api/auth/me) is sent with every write. */
export function useExtensionSession() {
  const me = useMe();
  currentCsrf = me.csrfToken;
  return me;
}

async function req<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const token = csrf();
  if (method !== 'GET' && token) headers['x-csrf-token'] = token;
  const res = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    try {
      const b = await res.json();
      const { issues, ...params } = b.error.details ?? {};
      throw new ApiError(res.status, b.error.code, issues ?? [], { ...params, requestId: b.error.requestId });
    } catch (e) {
      if (e instanceof ApiError) throw e;
      throw new ApiError(res.status, 'internal');
    }
  }
  return (await res.json()) as T;
}

export const ext = {
  rules: () => req<Rules>('GET', '/api/extension/rules'),
  rubrics: () => req<Rubric[]>('GET', '/api/extension/rubrics'),
  createPlan: (body: z.input<typeof createPlanBody>) => req<PlanDto>('POST', '/api/extension/plans', body),
  createCall: (body: z.input<typeof createCallBody>) => req<CallDto>('POST', '/api/extension/calls', body),
  createRubric: (body: z.input<typeof createRubricBody>) =>
    req<Rubric>('POST', '/api/extension/rubrics', body),
  createScheme: (body: z.input<typeof createSchemeBody>) =>
    req<SchemeDetail>('POST', '/api/extension/schemes', body),
  addMilestone: (id: string, body: { title: string; dueOn: string | null }) =>
    req<SchemeDetail>('POST', `/api/extension/schemes/${id}/milestones`, body),
  milestoneDone: (id: string, milestoneId: string, doneOn: string) =>
    req<SchemeDetail>('POST', `/api/extension/schemes/${id}/milestones/${milestoneId}/done`, { doneOn }),
  enterprises: (q: string) =>
    req<{ items: { id: string; name: string; taxCode: string }[] }>(
      'GET',
      `/api/enterprises${queryString({ q, pageSize: 20 })}`,
    ),
  plans: () => req<PlanDto[]>('GET', '/api/extension/plans'),
  calls: (q: { year?: number } = {}) => req<CallDto[]>('GET', `/api/extension/calls${queryString(q)}`),
  ranking: (callId: string) => req<RankingEntry[]>('GET', `/api/extension/calls/${callId}/ranking`),
  schemes: (q: Record<string, string | number | undefined>) =>
    req<SchemeSummary[]>('GET', `/api/extension/schemes${queryString(q)}`),
  scheme: (id: string) => req<SchemeDetail>('GET', `/api/extension/schemes/${id}`),
  transition: (id: string, body: Partial<TransitionInput> & { action: TransitionInput['action'] }) =>
    req<SchemeDetail>('POST', `/api/extension/schemes/${id}/transitions`, body),
  disburse: (id: string, body: { amountVnd: string; paidOn: string; note?: string | null }) =>
    req<SchemeDetail>('POST', `/api/extension/schemes/${id}/disbursements`, body),
  outcome: (id: string, stage: string, body: OutcomeInput) =>
    req<SchemeDetail>('PUT', `/api/extension/schemes/${id}/outcomes/${stage}`, body),
  scores: (id: string) => req<ScoreSheet>('GET', `/api/extension/schemes/${id}/scores`),
  putScores: (id: string, scores: { criterionId: string; score: string }[]) =>
    req<ScoreSheet>('PUT', `/api/extension/schemes/${id}/scores`, { scores }),
  impact: (year?: number) => req<Impact>('GET', `/api/extension/impact${queryString({ year })}`),
  apply: (enterpriseId: string, body: ApplyInput) =>
    req<SchemeDetail>('POST', `/api/extension/enterprises/${enterpriseId}/applications`, body),
  async upload(id: string, kind: string, file: File) {
    const form = new FormData();
    form.append('file', file);
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = csrf();
    if (token) headers['x-csrf-token'] = token;
    const res = await fetch(`/api/extension/schemes/${id}/documents?kind=${kind}`, {
      method: 'POST',
      headers,
      body: form,
      credentials: 'same-origin',
    });
    if (!res.ok) {
      const b = await res.json().catch(() => null);
      throw new ApiError(
        res.status,
        b?.error?.code ?? 'internal',
        b?.error?.details?.issues ?? [],
        b?.error?.details ?? {},
      );
    }
    return res.json();
  },
};

export const exportUrl = (list: string, format: 'csv' | 'xlsx', year?: number) =>
  `/api/extension/export/${list}${queryString({ format, year })}`;
