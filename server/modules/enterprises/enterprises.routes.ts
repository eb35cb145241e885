import { z } from 'zod';
import { idParams, importQuery, importResult, paged } from '../../../contracts/common';
import {
  createEnterpriseBody,
  enterpriseDto,
  enterpriseListQuery,
  enterpriseProductBody,
  enterpriseSummary,
  historyEntry,
  updateEnterpriseBody,
} from '../../../contracts/enterprises';
import { STAFF_ROLES } from '../../../contracts/roles';
import { readTable } from '../../platform/files';
import { type App, type AppContext, readUpload } from '../../platform/http';
import { runTracked } from '../../platform/jobs';
import * as service from './enterprises.service';

const READERS = [...STAFF_ROLES, 'enterprise'] as const;
const EDITORS = ['admin', 'officer', 'statistician'] as const;
const productParams = z.object({ id: z.uuid(), productId: z.uuid() });

export function enterprisesRoutes(app: App, { database }: AppContext): void {
  const db = database.db;

  app.get(
    '/api/enterprises',
    {
      config: { access: READERS },
      schema: {
        tags: ['enterprises'],
        summary: 'Danh bạ doanh nghiệp / enterprise registry (search, filters, paging)',
        querystring: enterpriseListQuery,
        response: { 200: paged(enterpriseSummary) },
      },
    },
    async (req) => service.listEnterpriseSummaries(db, req.scope, req.query),
  );

  app.get(
    '/api/enterprises/demo-data',
    {
      // Public: the sign-in page gives the demo accounts only where the demo is loaded.
      config: { access: 'public' },
      schema: {
        tags: ['enterprises'],
        summary:
          'Có dữ liệu minh họa không / whether the registry holds demo records (the app says so on every page)',
        response: { 200: z.object({ present: z.boolean() }) },
      },
    },
    async () => ({ present: await service.hasDemoData(db) }),
  );

  app.get(
    '/api/enterprises/:id',
    {
      config: { access: READERS, enterpriseParam: 'id' },
      schema: { tags: ['enterprises'], params: idParams, response: { 200: enterpriseDto } },
    },
    async (req) => service.getEnterpriseDto(db, req.params.id),
  );

  app.get(
    '/api/enterprises/:id/history',
    {
      config: { access: READERS, enterpriseParam: 'id' },
      schema: { tags: ['enterprises'], params: idParams, response: { 200: z.array(historyEntry) } },
    },
    async (req) => service.enterpriseHistory(db, req.params.id),
  );

  app.post(
    '/api/enterprises',
    {
      config: { access: EDITORS },
      schema: { tags: ['enterprises'], body: createEnterpriseBody, response: { 201: enterpriseDto } },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createEnterprise(db, req.actor, req.user, req.body)),
  );

  app.patch(
    '/api/enterprises/:id',
    {
      config: { access: [...EDITORS, 'enterprise'], enterpriseParam: 'id' },
      schema: {
        tags: ['enterprises'],
        params: idParams,
        body: updateEnterpriseBody,
        response: { 200: enterpriseDto },
      },
    },
    async (req) => service.updateEnterprise(db, req.actor, req.user, req.params.id, req.body),
  );

  app.post(
    '/api/enterprises/:id/products',
    {
      config: { access: [...EDITORS, 'enterprise'], enterpriseParam: 'id' },
      schema: {
        tags: ['enterprises'],
        params: idParams,
        body: enterpriseProductBody,
        response: { 200: enterpriseDto },
      },
    },
    async (req) => service.changeProduct(db, req.actor, req.params.id, { op: 'add', product: req.body }),
  );

  app.patch(
    '/api/enterprises/:id/products/:productId',
    {
      config: { access: [...EDITORS, 'enterprise'], enterpriseParam: 'id' },
      schema: {
        tags: ['enterprises'],
        params: productParams,
        body: enterpriseProductBody.partial(),
        response: { 200: enterpriseDto },
      },
    },
    async (req) =>
      service.changeProduct(db, req.actor, req.params.id, {
        op: 'update',
        productId: req.params.productId,
        product: req.body,
      }),
  );

  app.delete(
    '/api/enterprises/:id/products/:productId',
    {
      config: { access: [...EDITORS, 'enterprise'], enterpriseParam: 'id' },
      schema: { tags: ['enterprises'], params: productParams, response: { 200: enterpriseDto } },
    },
    async (req) =>
      service.changeProduct(db, req.actor, req.params.id, { op: 'remove', productId: req.params.productId }),
  );

  app.post(
    '/api/enterprises/import',
    {
      config: { access: EDITORS },
      schema: {
        tags: ['enterprises'],
        summary: 'Nhập enterprises.csv/.xlsx / import enterprises (all or nothing)',
        consumes: ['multipart/form-data'],
        querystring: importQuery,
        response: { 200: importResult },
      },
    },
    async (req) =>
      runTracked(req, req.query.jobId, async (progress) => {
        const upload = await readUpload(req);
        return service.importEnterprises(
          db,
          req.actor,
          req.user,
          await readTable(upload.data, upload.filename),
          progress,
        );
      }),
  );
}
