import type { z } from 'zod';
import type { AreaDto } from '../../contracts/areas';
import type { meResponse, sessionInfo } from '../../contracts/auth';
import type { ImportResult, JobProgress } from '../../contracts/common';
import type {
  CreateEnterpriseInput,
  EnterpriseDto,
  EnterpriseListQuery,
  EnterpriseSummary,
  enterpriseProductBody,
  HistoryEntry,
  UpdateEnterpriseInput,
} from '../../contracts/enterprises';
import type { ErrorBody, Issue } from '../../contracts/errors';
import type { CreateUserInput, UserDto, updateUserBody } from '../../contracts/users';

// Only types come from contracts here, so the client adds no zod to the initial bundle.
type Infer<T extends z.ZodType> = z.infer<T>;
type InferIn<T extends z.ZodType> = z.input<T>;

export type Me = Infer<typeof meResponse>;
export type SessionInfo = Infer<typeof sessionInfo>;
export type ProductInput = InferIn<typeof enterpriseProductBody>;
export type UpdateUserInput = InferIn<typeof updateUserBody>;
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** An error answered by the server (or the network), with the code that the UI translates. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly issues: Issue[] = [],
    readonly params: Record<string, unknown> = {},
    readonly requestId?: string,
  ) {
    super(code);
  }
}

let csrfToken: string | null = null;
/** The session's CSRF token, from /api/auth/login or /api/auth/me; sent as x-csrf-token on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
/** For requests made outside `request` (file downloads by POST). */
export const getCsrfToken = (): string | null => csrfToken;

async function toApiError(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as ErrorBody;
    const { code, details, requestId } = body.error;
    const { issues, ...params } = details ?? {};
    return new ApiError(res.status, code, issues ?? [], { ...params, requestId }, requestId);
  } catch {
    return new ApiError(res.status, res.status >= 500 ? 'internal' : 'request.malformed');
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function queryString(q: Query | undefined): string {
  if (!q) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** How long after the page's start an answer asked for by web/public/early.js may stand for a request. */
const EARLY_MS = 10_000;

/** The answer web/public/early.js already asked for with this same GET, once; else undefined. */
function takeEarly(url: string): Promise<Response> | undefined {
  const early = (globalThis as { __btEarly?: Map<string, Promise<Response>> }).__btEarly;
  const res = early?.get(url);
  if (!res) return undefined;
  early!.delete(url);
  return performance.now() < EARLY_MS ? res : undefined;
}

export async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    const early = method === 'GET' ? takeEarly(url) : undefined;
    res = await (early ??
      fetch(url, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      }));
  } catch {
    throw new ApiError(0, 'network');
  }
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as T;
}

const get = <T>(url: string, q?: Query) => request<T>('GET', url + queryString(q));

/** Upload one file as multipart `file`, reporting the bytes sent (XMLHttpRequest has upload events). */
export function uploadFile<T>(url: string, file: File, onProgress: (sent: number, total: number) => void) {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new ApiError(0, 'network'));
    xhr.onload = () => {
      const res = new Response(xhr.responseText, { status: xhr.status });
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as T);
      else toApiError(res).then(reject, reject);
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

export const api = {
  auth: {
    login: (email: string, password: string) => request<Me>('POST', '/api/auth/login', { email, password }),
    me: () => get<Me>('/api/auth/me'),
    logout: () => request<{ ok: true }>('POST', '/api/auth/logout'),
    changePassword: (currentPassword: string, newPassword: string) =>
      request<{ ok: true }>('POST', '/api/auth/password', { currentPassword, newPassword }),
    sessions: () => get<SessionInfo[]>('/api/auth/sessions'),
    revokeSession: (id: string) => request<{ ok: true }>('DELETE', `/api/auth/sessions/${id}`),
  },
  areas: {
    list: (q?: { on?: string; parent?: string }) => get<AreaDto[]>('/api/areas', q),
    home: () => get<{ area: AreaDto | null }>('/api/areas/home'),
  },
  enterprises: {
    list: (q: Partial<EnterpriseListQuery>) => get<Paged<EnterpriseSummary>>('/api/enterprises', q),
    get: (id: string) => get<EnterpriseDto>(`/api/enterprises/${id}`),
    demoData: () => get<{ present: boolean }>('/api/enterprises/demo-data'),
    history: (id: string) => get<HistoryEntry[]>(`/api/enterprises/${id}/history`),
    create: (body: CreateEnterpriseInput) => request<EnterpriseDto>('POST', '/api/enterprises', body),
    update: (id: string, body: UpdateEnterpriseInput) =>
      request<EnterpriseDto>('PATCH', `/api/enterprises/${id}`, body),
    addProduct: (id: string, body: ProductInput) =>
      request<EnterpriseDto>('POST', `/api/enterprises/${id}/products`, body),
    updateProduct: (id: string, productId: string, body: Partial<ProductInput>) =>
      request<EnterpriseDto>('PATCH', `/api/enterprises/${id}/products/${productId}`, body),
    removeProduct: (id: string, productId: string) =>
      request<EnterpriseDto>('DELETE', `/api/enterprises/${id}/products/${productId}`),
    import: (file: File, jobId: string, onProgress: (sent: number, total: number) => void) =>
      uploadFile<ImportResult>(`/api/enterprises/import${queryString({ jobId })}`, file, onProgress),
  },
  jobs: {
    get: (jobId: string) => get<JobProgress>(`/api/jobs/${jobId}`),
  },
  users: {
    list: (q?: { q?: string; role?: string }) => get<UserDto[]>('/api/users', q),
    get: (id: string) => get<UserDto>(`/api/users/${id}`),
    create: (body: CreateUserInput) => request<UserDto>('POST', '/api/users', body),
    update: (id: string, body: UpdateUserInput) => request<UserDto>('PATCH', `/api/users/${id}`, body),
    setPassword: (id: string, password: string) =>
      request<{ ok: true }>('POST', `/api/users/${id}/password`, { password }),
  },
};
