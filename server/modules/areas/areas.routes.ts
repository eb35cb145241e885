import { z } from 'zod';
import { areaDto, areaListQuery } from '../../../contracts/areas';
import { importQuery, importResult } from '../../../contracts/common';
import { readTable } from '../../platform/files';
import { type App, type AppContext, readUpload } from '../../platform/http';
import { runTracked } from '../../platform/jobs';
import * as repo from './areas.repository';
import { importAreas, toAreaDto } from './areas.service';

export function areasRoutes(app: App, { database }: AppContext): void {
  const db = database.db;

  app.get(
    '/api/areas/home',
    {
      config: { access: 'public' },
      schema: {
        tags: ['areas'],
        summary: "Địa bàn của hệ thống (tỉnh) / the installation's own area, the default of every figure",
        response: { 200: z.object({ area: areaDto.nullable() }) },
      },
    },
    async () => {
      const home = await repo.homeArea(db);
      return { area: home ? toAreaDto(home) : null };
    },
  );

  app.get(
    '/api/areas',
    {
      config: { access: 'public' },
      schema: {
        tags: ['areas'],
        summary: 'Địa bàn hành chính theo thời gian / administrative units over time',
        querystring: areaListQuery,
        response: { 200: z.array(areaDto) },
      },
    },
    async (req) => (await repo.listAreas(db, req.query)).map(toAreaDto),
  );

  app.post(
    '/api/areas/import',
    {
      config: { access: ['admin', 'statistician'] },
      schema: {
        tags: ['areas'],
        summary: 'Nhập areas.csv / import areas.csv (all or nothing)',
        consumes: ['multipart/form-data'],
        querystring: importQuery,
        response: { 200: importResult },
      },
    },
    async (req) =>
      runTracked(req, req.query.jobId, async (progress) => {
        const upload = await readUpload(req);
        const table = await readTable(upload.data, upload.filename);
        return importAreas(db, req.actor, table, progress, req.scope);
      }),
  );
}
