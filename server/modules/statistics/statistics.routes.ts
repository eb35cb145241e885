import { z } from 'zod';
import { idParams, importQuery, importResult, paged } from '../../../contracts/common';
import { isStaff, STAFF_ROLES } from '../../../contracts/roles';
import {
  annualReport,
  annualReportQuery,
  entryResult,
  exportQuery,
  gridQuery,
  indicatorQuery,
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
import { withHomeArea } from '../areas';
import { annualReport as computeAnnualReport } from './annual-report';
import { render } from './export';
import { ymOf } from './period';
import * as service from './statistics.service';

const STATISTICIANS = ['admin', 'statistician'] as const;
const ENTRY = ['admin', 'statistician', 'enterprise'] as const;
const PERIOD_MOVERS = ['admin', 'statistician', 'leader'] as const;
const importResultWithWarnings = importResult.extend({ warnings: z.number().int().optional() });

export function statisticsRoutes(app: App, { database, config }: AppContext): void {
  const db = database.db;
  const imports = {
    products: service.importProducts,
    weights: service.importWeights,
    targets: service.importTargets,
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
        runTracked(req.query.jobId, req.user!.id, async (progress) => {
          const upload = await readUpload(req);
          return imports[kind](db, req.actor, await readTable(upload.data, upload.filename), progress);
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
      runTracked(req.query.jobId, req.user!.id, async (progress) => {
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
    async (req) => service.validationQueue(db, req.query),
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
    async (req) => service.reviewReport(db, req.actor, Number(req.params.reportId), req.body.comment),
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
    async (req) =>
      service.transitionPeriod(
        db,
        req.actor,
        req.user!.role,
        ymOf(req.params.period),
        req.body.to,
        req.body.reason ?? null,
      ),
  );

  app.get(
    '/api/statistics/reporting',
    {
      config: { access: STAFF_ROLES },
      schema: { tags: ['statistics'], querystring: reportingQuery, response: { 200: reportingDto } },
    },
    async (req) =>
      service.reportingStatus(db, (await withHomeArea(db, req.query)).area, ymOf(req.query.period)),
  );

  const embargo = (req: { user: { role: Parameters<typeof isStaff>[0] } | null }) =>
    !req.user || !isStaff(req.user.role);

  app.get(
    '/api/statistics/indicators',
    {
      config: { access: 'public' },
      schema: {
        tags: ['statistics'],
        summary: 'Chỉ tiêu thống kê / indicators (published periods only outside the department)',
        querystring: indicatorQuery,
        response: { 200: indicatorResult },
      },
    },
    async (req) =>
      service.computeIndicators(db, await withHomeArea(db, req.query), {
        baseYearDefault: config.BASE_YEAR,
        embargo: embargo(req),
      }),
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
    async (req) =>
      computeAnnualReport(db, await withHomeArea(db, req.query), { baseYearDefault: config.BASE_YEAR }),
  );

  app.get(
    '/api/statistics/export',
    {
      config: { access: 'public' },
      schema: {
        tags: ['statistics'],
        summary: 'Xuất dữ liệu mở / open-data export (SDMX-CSV, CSV, JSON, XLSX)',
        querystring: exportQuery,
      },
    },
    async (req, reply) => {
      const query = await withHomeArea(db, req.query);
      const result = await service.computeIndicators(db, query, {
        baseYearDefault: config.BASE_YEAR,
        embargo: embargo(req),
      });
      const out = await render(result, req.query.format);
      // The products left out (statistics.md §2–§3) travel in headers too, for the CSV formats that have no
      // place for them (product codes are ASCII).
      return reply
        .header('content-type', out.contentType)
        .header('content-disposition', `attachment; filename="indicators-${query.area}.${out.ext}"`)
        .header('x-base-year', String(result.baseYear))
        .header('x-products-without-price', result.productsWithoutPrice.join(' '))
        .header('x-products-without-base', result.productsWithoutBase.join(' '))
        .send(out.body);
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
    async (req) => service.traceFigure(db, await withHomeArea(db, req.query)),
  );
}
