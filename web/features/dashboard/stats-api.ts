import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AreaDto } from '../../../contracts/areas';
import type { DashboardDto, DashboardHistoryDto, TableExportInput } from '../../../contracts/dashboard';
import type {
  FigureRef,
  ReportDto,
  ReportSummary,
  SavedViewDto,
  SavedViewInput,
} from '../../../contracts/publishing';
import type { IndicatorResult, ProductDto, TraceResult } from '../../../contracts/statistics';
import { ApiError, getCsrfToken, queryString, request } from '../../lib/api';

/** Client calls of the dashboard, explorer, reports and open-data screens (types only from contracts/). */

type Q = Record<string, string | number | boolean | undefined | null>;
const get = <T>(url: string, q?: Q) => request<T>('GET', url + queryString(q));

export interface ReportVersion {
  version: number;
  editedBy: string | null;
  editedAt: string;
  action: string;
}

export const statsApi = {
  dashboard: (q: { area: string; period?: string }) => get<DashboardDto>('/api/dashboard', q),
  history: (q: { area: string; period: string }) => get<DashboardHistoryDto>('/api/dashboard/history', q),
  indicators: (q: Q) => get<IndicatorResult>('/api/statistics/indicators', q),
  products: () => get<ProductDto[]>('/api/statistics/products'),
  coverage: () =>
    get<{ latestReported: string | null; latestPublishedYear: number | null }>('/api/statistics/coverage'),
  areas: () => get<AreaDto[]>('/api/areas'),
  trace: (ref: FigureRef) =>
    get<TraceResult>('/api/statistics/trace', {
      area: ref.area,
      period: ref.period,
      indicator: ref.indicator,
      activity: ref.activity,
      product: ref.product && ref.product !== '_T' ? ref.product : undefined,
      limit: 500,
    }),
  views: {
    list: () => get<SavedViewDto[]>('/api/views'),
    shared: (key: string) => get<SavedViewDto>(`/api/views/shared/${encodeURIComponent(key)}`),
    create: (body: SavedViewInput) => request<SavedViewDto>('POST', '/api/views', body),
    update: (id: string, body: SavedViewInput) => request<SavedViewDto>('PUT', `/api/views/${id}`, body),
    rename: (id: string, name: string) => request<SavedViewDto>('PATCH', `/api/views/${id}`, { name }),
    remove: (id: string) => request<{ ok: true }>('DELETE', `/api/views/${id}`),
  },
  reports: {
    list: (q?: Q) => get<ReportSummary[]>('/api/reports', q),
    get: (id: string) => get<ReportDto>(`/api/reports/${id}`),
    versions: (id: string) => get<ReportVersion[]>(`/api/reports/${id}/versions`),
    create: (body: { period: string; areaCode: string; lang: 'vi' | 'en' }) =>
      request<ReportDto>('POST', '/api/reports', body),
    update: (id: string, body: { version: number; blocks?: ReportDto['document']['blocks'] }) =>
      request<ReportDto>('PATCH', `/api/reports/${id}`, body),
    issue: (id: string, body: { version: number; number: string; date?: string }) =>
      request<ReportDto>('POST', `/api/reports/${id}/issue`, body),
  },
  public: {
    periods: () => get<{ period: string; publishedAt: string }[]>('/api/public/periods'),
    reports: () => get<ReportSummary[]>('/api/public/reports'),
    report: (id: string) => get<ReportDto>(`/api/public/reports/${id}`),
  },
};

/** Save a Blob under a name, the way a download link does. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The table as shown → XLSX, written by the server (exceljs stays out of the browser). */
export async function downloadXlsx(table: TableExportInput, filename: string): Promise<void> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token = getCsrfToken();
  if (token) headers['x-csrf-token'] = token;
  const res = await fetch('/api/dashboard/xlsx', {
    method: 'POST',
    headers,
    credentials: 'same-origin',
    body: JSON.stringify(table),
  });
  if (!res.ok) throw new ApiError(res.status, res.status >= 500 ? 'internal' : 'request.malformed');
  saveBlob(await res.blob(), filename);
}

/** The table as shown → CSV text (UTF-8 with BOM so that spreadsheet programs read Vietnamese). */
export function downloadCsv(header: string[], rows: (string | number | null)[][], filename: string): void {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const text = [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n');
  saveBlob(new Blob([`\uFEFF${text}\r\n`], { type: 'text/csv;charset=utf-8' }), filename);
}

/** What the figures cover (GET /api/statistics/coverage); the routes that show a year load it first. */
export const coverageQuery = queryOptions({
  queryKey: ['statistics', 'coverage'],
  queryFn: statsApi.coverage,
  staleTime: 5 * 60_000,
});

/**
 * The year a screen opens on: the latest year wholly published, else the year of the latest report, else
 * last year.
 */
export function useDefaultYear(): number {
  const c = useQuery(coverageQuery).data;
  return (
    c?.latestPublishedYear ??
    (c?.latestReported ? Number(c.latestReported.slice(0, 4)) : new Date().getFullYear() - 1)
  );
}
