import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParams, okResponse } from '../../../contracts/common';
import {
  createReportBody,
  downloadQuery,
  issueReportBody,
  openDataParams,
  openDataQuery,
  publishedPeriodDto,
  renameViewBody,
  reportDto,
  reportListQuery,
  reportSummary,
  reportVersionDto,
  savedViewBody,
  savedViewDto,
  updateReportBody,
} from '../../../contracts/publishing';
import { STAFF_ROLES } from '../../../contracts/roles';
import type { App, AppContext } from '../../platform/http';
import { heavyRead } from '../statistics';
import * as service from './publishing.service';

/**
 * Who may do what (decided here, enforced by config.access and the service):
 *  - read reports and drafts: every staff role (area-bound staff: their area's reports only);
 *  - generate and edit drafts: admin, officer, statistician (within their area);
 *  - issue (number + date, then read-only for good): leader, admin — the department's director signs;
 *  - saved explorer views: any staff; only the owner changes or deletes; a shared view opens by its key
 *    for any staff member;
 *  - the public (no login): published periods only, rate-limited.
 */

/** Public routes: generous for tables, tighter for documents that start a browser to render. */
const PUBLIC_LIMIT = { max: 120, timeWindow: '1 minute' } as const;
const PUBLIC_DOC_LIMIT = { max: 12, timeWindow: '1 minute' } as const;

const baseUrl = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

function sendFile(reply: FastifyReply, f: service.FileOut) {
  return reply
    .header('content-type', f.contentType)
    .header('content-disposition', `attachment; filename="${f.filename}"`)
    .header('cache-control', 'no-store')
    .send(f.body);
}

export function publishingRoutes(app: App, { database, config }: AppContext): void {
  const db = database.db;

  // ---- reports (staff) ----
  app.post(
    '/api/reports',
    {
      config: { access: service.REPORT_EDITORS },
      schema: {
        tags: ['publishing'],
        summary: 'Tạo dự thảo báo cáo từ số liệu / generate a draft report from the data',
        body: createReportBody,
        response: { 201: reportDto },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await service.generateReport(db, req.actor, req.user, req.body, config.BASE_YEAR)),
  );

  app.get(
    '/api/reports',
    {
      config: { access: service.REPORT_READERS },
      schema: {
        tags: ['publishing'],
        querystring: reportListQuery,
        response: { 200: z.array(reportSummary) },
      },
    },
    async (req) => service.listReports(db, req.user!, req.query),
  );

  app.get(
    '/api/reports/:id',
    {
      config: { access: service.REPORT_READERS },
      schema: { tags: ['publishing'], params: idParams, response: { 200: reportDto } },
    },
    async (req) => service.getReportDto(db, req.user, req.params.id),
  );

  app.patch(
    '/api/reports/:id',
    {
      config: { access: service.REPORT_EDITORS },
      schema: {
        tags: ['publishing'],
        summary: 'Sửa dự thảo / edit a draft (blocks, meta)',
        params: idParams,
        body: updateReportBody,
        response: { 200: reportDto },
      },
    },
    async (req) => service.updateReport(db, req.actor, req.user, req.params.id, req.body),
  );

  app.post(
    '/api/reports/:id/issue',
    {
      config: { access: service.REPORT_ISSUERS },
      schema: {
        tags: ['publishing'],
        summary: 'Ban hành báo cáo / issue the report (then read-only)',
        params: idParams,
        body: issueReportBody,
        response: { 200: reportDto },
      },
    },
    async (req) => service.issueReport(db, req.actor, req.user, req.params.id, req.body),
  );

  app.get(
    '/api/reports/:id/versions',
    {
      config: { access: service.REPORT_READERS },
      schema: { tags: ['publishing'], params: idParams, response: { 200: z.array(reportVersionDto) } },
    },
    async (req) => service.reportVersions(db, req.user, req.params.id),
  );

  app.get(
    '/api/reports/:id/download',
    {
      config: { access: service.REPORT_READERS },
      schema: { tags: ['publishing'], params: idParams, querystring: downloadQuery },
    },
    async (req, reply) => {
      const dto = await service.getReportDto(db, req.user, req.params.id);
      return sendFile(reply, await service.renderReportFile(dto, req.query.format, baseUrl(req)));
    },
  );

  // ---- saved explorer views (staff) ----
  app.get(
    '/api/views',
    {
      config: { access: STAFF_ROLES },
      schema: { tags: ['publishing'], response: { 200: z.array(savedViewDto) } },
    },
    async (req) => service.listViews(db, req.user!),
  );

  app.post(
    '/api/views',
    {
      config: { access: STAFF_ROLES },
      schema: { tags: ['publishing'], body: savedViewBody, response: { 201: savedViewDto } },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createView(db, req.actor, req.user!, req.body)),
  );

  app.get(
    '/api/views/shared/:key',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['publishing'],
        summary: 'Mở góc nhìn được chia sẻ / open a view by its share key',
        params: z.object({ key: z.string().regex(/^[A-Za-z0-9_-]{8,32}$/) }),
        response: { 200: savedViewDto },
      },
    },
    async (req) => service.openView(db, req.user!, req.params.key),
  );

  app.put(
    '/api/views/:id',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['publishing'],
        params: idParams,
        body: savedViewBody,
        response: { 200: savedViewDto },
      },
    },
    async (req) => service.updateView(db, req.actor, req.user!, req.params.id, req.body),
  );

  app.patch(
    '/api/views/:id',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['publishing'],
        summary: 'Đổi tên góc nhìn (chỉ người tạo) / rename a saved view (its owner only)',
        params: idParams,
        body: renameViewBody,
        response: { 200: savedViewDto },
      },
    },
    async (req) => service.renameView(db, req.actor, req.user!, req.params.id, req.body.name),
  );

  app.delete(
    '/api/views/:id',
    {
      config: { access: STAFF_ROLES },
      schema: { tags: ['publishing'], params: idParams, response: { 200: okResponse } },
    },
    async (req) => service.deleteView(db, req.actor, req.user!, req.params.id),
  );

  // ---- open data (no login, published periods only, rate-limited) ----
  app.get(
    '/api/public/periods',
    {
      config: { access: 'public', rateLimit: PUBLIC_LIMIT },
      schema: {
        tags: ['open data'],
        summary: 'Các kỳ đã công bố / published periods',
        response: { 200: z.array(publishedPeriodDto) },
      },
    },
    async () => service.publishedPeriods(db),
  );

  app.get(
    '/api/public/data/:period/:format',
    {
      config: { access: 'public', rateLimit: PUBLIC_LIMIT },
      schema: {
        tags: ['open data'],
        summary: 'Số liệu kỳ đã công bố: SDMX-CSV, CSV, JSON, XLSX / a published period’s figures',
        params: openDataParams,
        querystring: openDataQuery,
      },
    },
    // The same for everyone: ETag/304 and Cache-Control, in line behind the instance's heavy-read gate.
    async (req, reply) =>
      heavyRead(
        req,
        reply,
        { db, config, app, isPublic: true, key: ['open-data', req.params, req.query] },
        async () => {
          const f = await service.openData(
            db,
            req.params.period,
            req.params.format,
            req.query,
            config.BASE_YEAR,
          );
          return reply
            .header('content-type', f.contentType)
            .header('content-disposition', `attachment; filename="${f.filename}"`)
            .send(f.body);
        },
      ),
  );

  app.get(
    '/api/public/reports',
    {
      config: { access: 'public', rateLimit: PUBLIC_LIMIT },
      schema: { tags: ['open data'], response: { 200: z.array(reportSummary) } },
    },
    async () => service.publicReports(db),
  );

  app.get(
    '/api/public/reports/:id',
    {
      config: { access: 'public', rateLimit: PUBLIC_LIMIT },
      schema: { tags: ['open data'], params: idParams, response: { 200: reportDto } },
    },
    async (req) => service.publicReport(db, req.params.id),
  );

  app.get(
    '/api/public/reports/:id/download',
    {
      config: { access: 'public', rateLimit: PUBLIC_DOC_LIMIT },
      schema: { tags: ['open data'], params: idParams, querystring: downloadQuery },
    },
    async (req, reply) => {
      const dto = await service.publicReport(db, req.params.id);
      return sendFile(reply, await service.renderReportFile(dto, req.query.format, baseUrl(req)));
    },
  );
}
