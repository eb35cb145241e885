import type { z } from 'zod';
import type { ImportResult } from '../../../contracts/common';
import type {
  entryResult,
  IndicatorResult,
  PeriodStatus,
  ProductDto,
  periodDto,
  ReportEntryInput,
  reportGridDto,
  reportingDto,
  reportRowDto,
} from '../../../contracts/statistics';
import { type Paged, queryString, request, uploadFile } from '../../lib/api';

/** Client calls of the statistics screens (types only from contracts/, so no zod in the bundle). */
export type ReportGrid = z.infer<typeof reportGridDto>;
export type EntryResult = z.infer<typeof entryResult>;
export type PeriodDto = z.infer<typeof periodDto>;
export type ReportRow = z.infer<typeof reportRowDto>;
export type Reporting = z.infer<typeof reportingDto>;
export type StatImportResult = ImportResult & { warnings?: number };
export const IMPORT_KINDS = ['reports', 'products', 'weights', 'targets'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

type Q = Record<string, string | number | boolean | undefined | null>;
const get = <T>(url: string, q?: Q) => request<T>('GET', url + queryString(q));

export const statisticsApi = {
  products: () => get<ProductDto[]>('/api/statistics/products'),
  grid: (enterpriseId: string, year: number) =>
    get<ReportGrid>(`/api/statistics/enterprises/${enterpriseId}/reports`, { year }),
  enter: (enterpriseId: string, body: ReportEntryInput) =>
    request<EntryResult>('POST', `/api/statistics/enterprises/${enterpriseId}/reports`, body),
  import:
    (kind: ImportKind, reason?: string) =>
    (file: File, jobId: string, onProgress: (s: number, t: number) => void) =>
      uploadFile<StatImportResult>(
        `/api/statistics/import/${kind}${queryString({ jobId, reason: kind === 'reports' ? reason : undefined })}`,
        file,
        onProgress,
      ),
  queue: (q: { status: 'pending' | 'reviewed'; page: number; pageSize?: number }) =>
    get<Paged<ReportRow>>('/api/statistics/queue', q),
  review: (reportId: string, comment: string) =>
    request<ReportRow>('POST', `/api/statistics/queue/${reportId}/review`, { comment }),
  periods: (year: number) => get<PeriodDto[]>('/api/statistics/periods', { year }),
  transition: (period: string, to: PeriodStatus, reason: string | null) =>
    request<PeriodDto>('POST', `/api/statistics/periods/${period}/transition`, { to, reason }),
  reporting: (period: string, area: string) => get<Reporting>('/api/statistics/reporting', { period, area }),
  indicators: (q: Q) => get<IndicatorResult>('/api/statistics/indicators', q),
};

/** Mirrors the server's TRANSITIONS (statistics.service.ts), only to show the buttons a role may press. */
export const TRANSITIONS: Record<string, readonly string[]> = {
  'open>closed': ['statistician', 'admin'],
  'closed>open': ['statistician', 'admin'],
  'closed>approved': ['leader', 'admin'],
  'approved>published': ['leader', 'admin'],
  'approved>open': ['leader', 'admin'],
  'published>open': ['leader', 'admin'],
};
export const NEEDS_REASON = new Set(['closed>open', 'approved>open', 'published>open']);

export const canEnterReports = (role: string) => ['admin', 'statistician', 'enterprise'].includes(role);
export const isStatistician = (role: string) => role === 'admin' || role === 'statistician';
export const canSeeStatistics = (role: string) => ['admin', 'statistician', 'leader'].includes(role);
