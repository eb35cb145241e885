import type { FastifyRequest } from 'fastify';
import {
  dashboardDto,
  dashboardHistoryDto,
  dashboardHistoryQuery,
  dashboardQuery,
  tableExportBody,
} from '../../../contracts/dashboard';
import { isStaff, STAFF_ROLES } from '../../../contracts/roles';
import type { App, AppContext } from '../../platform/http';
import { coversArea } from '../../platform/scope';

import { withHomeArea } from '../areas';
import { dashboard, dashboardHistory, tableToXlsx } from './dashboard';

/** Outside the department the dashboard shows published months only; it is rate-limited like open data. */
const PUBLIC_LIMIT = { max: 120, timeWindow: '1 minute' } as const;

/** Staff see unpublished months of the areas in their scope only; elsewhere they see what the public sees. */
const embargo = (req: FastifyRequest, area: string) =>
  !req.user || !isStaff(req.user.role) || !coversArea(req.scope, area);

export function dashboardRoutes(app: App, { database, config }: AppContext): void {
  const db = database.db;

  app.get(
    '/api/dashboard',
    {
      config: { access: 'public', rateLimit: PUBLIC_LIMIT },
      schema: {
        tags: ['publishing'],
        summary: 'Bảng điều hành: số liệu chính của tháng và lũy kế / dashboard headline figures',
        querystring: dashboardQuery,
        response: { 200: dashboardDto },
      },
    },
    async (req) => {
      const q = await withHomeArea(db, req.query, req.scope.area);
      return dashboard(db, q, { baseYear: config.BASE_YEAR, embargo: embargo(req, q.area) });
    },
  );

  app.get(
    '/api/dashboard/history',
    {
      config: { access: 'public', rateLimit: PUBLIC_LIMIT },
      schema: {
        tags: ['publishing'],
        summary:
          'Giá trị sản xuất qua các năm theo ngành và địa bàn / output by section and area over the years',
        querystring: dashboardHistoryQuery,
        response: { 200: dashboardHistoryDto },
      },
    },
    async (req) => {
      const q = await withHomeArea(db, req.query, req.scope.area);
      return dashboardHistory(db, q, { baseYear: config.BASE_YEAR, embargo: embargo(req, q.area) });
    },
  );

  app.post(
    '/api/dashboard/xlsx',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: ['publishing'],
        summary: 'Xuất bảng đang xem ra XLSX / the table as shown, as XLSX',
        body: tableExportBody,
      },
    },
    async (req, reply) => {
      const name = req.body.title
        .normalize('NFD')
        .replace(/[^\w-]+/g, '-')
        .replace(/-+/g, '-')
        .slice(0, 60);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name || 'bang'}.xlsx"`)
        .header('cache-control', 'no-store')
        .send(await tableToXlsx(req.body));
    },
  );
}
