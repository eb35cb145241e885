import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParams, importQuery, importResult, paged } from '../../../contracts/common';
import { isStaff, STAFF_ROLES } from '../../../contracts/roles';
import {
  annualReport,
  annualReportQuery,
  entryResult,
  exportQuery,
  gridQuery,
  indicatorPageQuery,
  indicatorResult,
  periodDto,
  periodListQuery,
  periodParams,
  periodTransitionBody,
  productDto,
  queueQuery,
  reportEntryBody,
  reportGridDto,
  reportIdParams,
  reportingDto,
  reportingQuery,
  reportRowDto,
  reviewBody,
  traceQuery,
  traceResult,
} from '../../../contracts/statistics';
import { readTable } from '../../platform/files';
import { type App, type AppContext, readUpload } from '../../platform/http';
import { runTracked } from '../../platform/jobs';
import { coversArea, requireArea, requireWholeInstallation } from '../../platform/scope';
import { withHomeArea } from '../areas';
import { annualReport as computeAnnualReport } from './annual-report';
import { render } from './export';
import { ymOf } from './period';
import { cachedIndicators, heavyRead, pageHeaders, pageOf, splitPaging } from './public-reads';
import * as service from './statistics.service';

const STATISTICIANS = ['admin', 'statistician'] as const;
const ENTRY = ['admin', 'statistician', 'enterprise'] as const;
const PERIOD_MOVERS = ['admin', 'statistician', 'leader'] as const;
/**
 * The heavy open reads, per address, for callers outside the department (staff are not counted): a person
 * exploring clicks far less than this; a script gets 429 with Retry-After and should page or slow down.
 */
const PUBLIC_HEAVY_LIMIT = {
  max: 30,
  timeWindow: '1 minute',
  allowList: (req: { user: { role: Parameters<typeof isStaff>[0] } | null }) =>
    Boolean(req.user && isStaff(req.user.role)),
} as const;
const HEAVY_READ_DOC = [
  'Outside the department (no login, enterprise, bank): published periods only; 30 requests a minute per',
  'address (429 + Retry-After); at most PUBLIC_MAX_OBSERVATIONS (10 000 by default) observations per answer —',
  'a larger one is refused with 413 `statistics.too_many_observations` unless paged with `limit` (≤ that',
  'maximum) and `offset`; the total is in `page.total` (JSON) and the `x-total-count` header, the next page in',
  'the `link` header (rel="next"). Answers carry an ETag (If-None-Match → 304) and Cache-Control; a full line',
  'of heavy reads answers 429 `server.public_queue_full`.',
].join(' ');
const importResultWithWarnings = importResult.extend({ warnings: z.number().int().optional() });

export function statisticsRoutes(app: App, { database, config }: AppContext): void {
  const db = database.db;
  const imports = {
    products: service.importProducts,
    weights: service.importWeights,
  } as const;

  app.get(
    '/api/statistics/products',
    {
      config: { access: 'public' },
      schema: {
        tags: ['statistics'],
        summary: 'Danh mục sản phẩm / product catalogue',
        response: { 200: z.array(productDto) },
      },
    },
    async () => service.listProductDtos(db),
  );

  for (const kind of ['products', 'weights', 'targets'] as const) {
    app.post(
      `/api/statistics/import/${kind}`,
      {
        config: { access: STATISTICIANS },
        schema: {
          tags: ['statistics'],
          summary: `Nhập ${kind}.csv/.xlsx / import ${kind} (all or nothing)`,
          consumes: ['multipart/form-data'],
          querystring: importQuery,
          response: { 200: importResult },
        },
      },
      async (req) =>
        runTracked(req, req.query.jobId, async (progress) => {
          // The catalogue and the weights hold for the whole installation; targets are per area.
          if (kind !== 'targets') requireWholeInstallation(req.scope);
          const upload = await readUpload(req);
          const table = await readTable(upload.data, upload.filename);
          return kind === 'targets'
            ? service.importTargets(db, req.actor, table, progress, req.scope)
            : imports[kind](db, req.actor, table, progress);
        }),
    );
  }

  app.post(
    '/api/statistics/import/reports',
    {
      config: { access: STATISTICIANS },
      schema: {
        tags: ['statistics'],
        summary:
          'Nhập reports.csv/.xlsx / import monthly reports (all or nothing; a known key is a revision)',
        consumes: ['multipart/form-data'],
        querystring: importQuery.extend({ reason: z.string().trim().max(1000).optional() }),
        response: { 200: importResultWithWarnings },
      },
    },
    async (req) =>
      runTracked(req, req.query.jobId, async (progress) => {
        const upload = await readUpload(req);
        return service.importReports(
          db,
          req.actor,
          req.user,
          await readTable(upload.data, upload.filename),
          progress,
          {
            reason: req.query.reason ?? null,
          },
        );
      }),
  );

  app.get(
    '/api/statistics/enterprises/:id/reports',
    {
      config: { access: ENTRY, enterpriseParam: 'id' },
      schema: {
        tags: ['statistics'],
        params: idParams,
        querystring: gridQuery,
        response: { 200: reportGridDto },
      },
    },
    async (req) => service.reportGrid(db, req.params.id, req.query.year),
  );

  app.post(
    '/api/statistics/enterprises/:id/reports',
    {
      config: { access: ENTRY, enterpriseParam: 'id' },
      schema: {
        tags: ['statistics'],
        summary: 'Nhập báo cáo tháng / enter one month of figures',
        params: idParams,
        body: reportEntryBody,
        response: { 200: entryResult },
      },
    },
    async (req) => service.enterReports(db, req.actor, req.user!, req.params.id, req.body),
  );

  app.get(
    '/api/statistics/queue',
    {
      config: { access: STATISTICIANS },
      schema: { tags: ['statistics'], querystring: queueQuery, response: { 200: paged(reportRowDto) } },
    },
    async (req) => service.validationQueue(db, req.scope, req.query),
  );

  app.post(
    '/api/statistics/queue/:reportId/review',
    {
      config: { access: STATISTICIANS },
      schema: {
        tags: ['statistics'],
        params: reportIdParams,
        body: reviewBody,
        response: { 200: reportRowDto },
      },
    },
    async (req) =>
      service.reviewReport(db, req.actor, req.scope, Number(req.params.reportId), req.body.comment),
  );

  app.get(
    '/api/statistics/coverage',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['statistics'],
        summary: 'Phạm vi số liệu / the latest month reported and the latest year wholly published',
        response: {
          200: z.object({
            latestReported: z.string().nullable(),
            latestPublishedYear: z.number().int().nullable(),
          }),
        },
      },
    },
    async () => service.coverage(db),
  );

  app.get(
    '/api/statistics/periods',
    {
      config: { access: STAFF_ROLES },
      schema: { tags: ['statistics'], querystring: periodListQuery, response: { 200: z.array(periodDto) } },
    },
    async (req) => service.listPeriods(db, req.query.year),
  );

  app.post(
    '/api/statistics/periods/:period/transition',
    {
      config: { access: PERIOD_MOVERS },
      schema: {
        tags: ['statistics'],
        summary: 'Khóa sổ, duyệt, công bố, mở lại kỳ / close, approve, publish, reopen a period',
        params: periodParams,
        body: periodTransitionBody,
        response: { 200: periodDto },
      },
    },
    async (req) => {
      // A period is the installation's month, every district's at once: only a caller whose scope is the
      // whole installation may move it (an area-bound user would close or reopen other areas' months).
      requireWholeInstallation(req.scope);
      return service.transitionPeriod(
        db,
        req.actor,
        req.user!.role,
        ymOf(req.params.period),
        req.body.to,
        req.body.reason ?? null,
      );
    },
  );

  app.get(
    '/api/statistics/reporting',
    {
      config: { access: STAFF_ROLES },
      schema: { tags: ['statistics'], querystring: reportingQuery, response: { 200: reportingDto } },
    },
    async (req) => {
      const { area } = await withHomeArea(db, req.query, req.scope.area);
      return service.reportingStatus(db, req.scope, area, ymOf(req.query.period));
    },
  );

  /**
   * The department sees figures before they are published, but only of the areas in its scope: outside
   * them an area-bound caller sees what the public sees.
   */
  const embargo = (req: FastifyRequest, area: string) =>
    !req.user || !isStaff(req.user.role) || !coversArea(req.scope, area);

  app.get(
    '/api/statistics/indicators',
    {
      config: { access: 'public', rateLimit: PUBLIC_HEAVY_LIMIT },
      schema: {
        tags: ['statistics'],
        summary: 'Chỉ tiêu thống kê / indicators (published periods only outside the department)',
        description: HEAVY_READ_DOC,
        querystring: indicatorPageQuery,
        response: { 200: indicatorResult },
      },
    },
    async (req, reply) => {
      const { q: asked, page } = splitPaging(req.query);
      const q = await withHomeArea(db, asked, req.scope.area);
      const isPublic = embargo(req, q.area);
      return heavyRead(req, reply, { db, config, app, isPublic, key: ['indicators', q, page] }, async () => {
        const result = await cachedIndicators(db, q, {
          baseYearDefault: config.BASE_YEAR,
          embargo: isPublic,
        });
        const out = pageOf(result, page, isPublic ? config.PUBLIC_MAX_OBSERVATIONS : null);
        pageHeaders(reply, req, out);
        return out;
      });
    },
  );

  app.get(
    '/api/statistics/annual-report',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['statistics'],
        summary: 'Báo cáo năm / annual report: every §2 figure by month, area, section and product, with YoY',
        querystring: annualReportQuery,
        response: { 200: annualReport },
      },
    },
    async (req) => {
      const q = await withHomeArea(db, req.query, req.scope.area);
      requireArea(req.scope, q.area);
      return computeAnnualReport(db, q, { baseYearDefault: config.BASE_YEAR });
    },
  );

  app.get(
    '/api/statistics/export',
    {
      config: { access: 'public', rateLimit: PUBLIC_HEAVY_LIMIT },
      schema: {
        tags: ['statistics'],
        summary: 'Xuất dữ liệu mở / open-data export (SDMX-CSV, CSV, JSON, XLSX)',
        description: HEAVY_READ_DOC,
        querystring: exportQuery,
      },
    },
    async (req, reply) => {
      const { q: withFormat, page } = splitPaging(req.query);
      const { format, ...asked } = withFormat;
      const q = await withHomeArea(db, asked, req.scope.area);
      const isPublic = embargo(req, q.area);
      return heavyRead(
        req,
        reply,
        { db, config, app, isPublic, key: ['export', format, q, page] },
        async () => {
          const full = await cachedIndicators(db, q, {
            baseYearDefault: config.BASE_YEAR,
            embargo: isPublic,
          });
          const result = pageOf(full, page, isPublic ? config.PUBLIC_MAX_OBSERVATIONS : null);
          const out = await render(result, format);
          pageHeaders(reply, req, result);
          // The products left out (statistics.md §2–§3) travel in headers too, for the CSV formats that have
          // no place for them (product codes are ASCII).
          return reply
            .header('content-type', out.contentType)
            .header('content-disposition', `attachment; filename="indicators-${q.area}.${out.ext}"`)
            .header('x-base-year', String(result.baseYear))
            .header('x-products-without-price', result.productsWithoutPrice.join(' '))
            .header('x-products-without-base', result.productsWithoutBase.join(' '))
            .send(out.body);
        },
      );
    },
  );

  app.get(
    '/api/statistics/trace',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['statistics'],
        summary: 'Truy nguyên số liệu / the report rows, revisions and imputations behind a figure',
        querystring: traceQuery,
        response: { 200: traceResult },
      },
    },
    async (req) => service.traceFigure(db, req.scope, await withHomeArea(db, req.query, req.scope.area)),
  );
}
