import { z } from 'zod';
import { idParams, isoDate } from '../../../contracts/common';
import {
  applyBody,
  callDto,
  callListQuery,
  capRuleBody,
  capRuleDto,
  createCallBody,
  createPlanBody,
  createRubricBody,
  createSchemeBody,
  disbursementBody,
  documentDto,
  documentQuery,
  EXPORT_LISTS,
  exportQuery,
  impactDto,
  milestoneBody,
  OUTCOME_STAGES,
  outcomeBody,
  planDto,
  putBudgetsBody,
  rankingEntry,
  rubricDto,
  rulesDto,
  schemeDetail,
  schemeListQuery,
  schemeSummary,
  scoreSheetBody,
  scoreSheetDto,
  transitionBody,
  updateCallBody,
  updateSchemeBody,
} from '../../../contracts/extension';
import { STAFF_ROLES } from '../../../contracts/roles';
import { AppError } from '../../platform/errors';
import { type App, type AppContext, openUpload } from '../../platform/http';
import { exportTable, render } from './extension.exports';
import { seedExtensionPolicy } from './extension.seed';
import * as service from './extension.service';

const TAGS = ['extension'];
/** Extension staff who run schemes end to end. */
const OFFICE = ['admin', 'extension_officer'] as const;
/** Who may see the programme: staff, and enterprises (their own schemes only). */
const READERS = [...STAFF_ROLES, 'enterprise'] as const;
const COUNCIL = ['admin', 'leader', 'officer', 'extension_officer'] as const;
/** Who may record lifecycle steps (the state machine then checks the role per step). */
const ACTORS = ['admin', 'leader', 'extension_officer', 'enterprise'] as const;

const schemeParams = z.object({ id: z.uuid() });
const docParams = z.object({ id: z.uuid(), docId: z.uuid() });
const milestoneParams = z.object({ id: z.uuid(), milestoneId: z.uuid() });
const stageParams = z.object({ id: z.uuid(), stage: z.enum(OUTCOME_STAGES) });
const exportParams = z.object({ list: z.enum(EXPORT_LISTS) });

export async function extensionRoutes(app: App, { database, config }: AppContext): Promise<void> {
  const db = database.db;
  const limits = service.documentLimits(config);
  // Rules as data: the shipped policy rows are written (idempotently) at every start.
  await seedExtensionPolicy(db);

  // ---- rules ----
  app.get(
    '/api/extension/rules',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary:
          'Quy định: nhóm hoạt động, mức hỗ trợ tối đa, lương tối thiểu vùng / policy rules with sources',
        response: { 200: rulesDto },
      },
    },
    async () => service.listRules(db),
  );

  app.post(
    '/api/extension/rules/caps',
    {
      config: { access: ['admin'] },
      schema: {
        tags: TAGS,
        summary: 'Thêm quy định mức hỗ trợ / add a cap rule',
        body: capRuleBody,
        response: { 201: capRuleDto },
      },
    },
    async (req, reply) => reply.status(201).send(await service.addCapRule(db, req.actor, req.body)),
  );

  // ---- plans ----
  app.get(
    '/api/extension/plans',
    { config: { access: STAFF_ROLES }, schema: { tags: TAGS, response: { 200: z.array(planDto) } } },
    async () => service.listPlans(db),
  );
  app.get(
    '/api/extension/plans/:id',
    { config: { access: STAFF_ROLES }, schema: { tags: TAGS, params: idParams, response: { 200: planDto } } },
    async (req) => service.getPlan(db, req.params.id),
  );
  app.post(
    '/api/extension/plans',
    { config: { access: OFFICE }, schema: { tags: TAGS, body: createPlanBody, response: { 201: planDto } } },
    async (req, reply) => reply.status(201).send(await service.createPlan(db, req.actor, req.body)),
  );
  app.put(
    '/api/extension/plans/:id/budgets',
    {
      config: { access: OFFICE },
      schema: { tags: TAGS, params: idParams, body: putBudgetsBody, response: { 200: planDto } },
    },
    async (req) => service.putBudgets(db, req.actor, req.params.id, req.body.budgets),
  );

  // ---- rubrics ----
  app.get(
    '/api/extension/rubrics',
    { config: { access: STAFF_ROLES }, schema: { tags: TAGS, response: { 200: z.array(rubricDto) } } },
    async () => service.listRubrics(db),
  );
  app.post(
    '/api/extension/rubrics',
    {
      config: { access: OFFICE },
      schema: { tags: TAGS, body: createRubricBody, response: { 201: rubricDto } },
    },
    async (req, reply) => reply.status(201).send(await service.createRubric(db, req.actor, req.body)),
  );

  // ---- calls ----
  app.get(
    '/api/extension/calls',
    {
      config: { access: 'public' },
      schema: {
        tags: TAGS,
        summary:
          'Đợt xét chọn (công chúng, doanh nghiệp: chỉ đợt đang mở) / calls (the public: open ones only)',
        querystring: callListQuery,
        response: { 200: z.array(callDto) },
      },
    },
    async (req) => service.listCalls(db, req.user, req.query),
  );
  app.get(
    '/api/extension/calls/:id',
    { config: { access: 'public' }, schema: { tags: TAGS, params: idParams, response: { 200: callDto } } },
    async (req) => service.getCall(db, req.user, req.params.id),
  );
  app.post(
    '/api/extension/calls',
    { config: { access: OFFICE }, schema: { tags: TAGS, body: createCallBody, response: { 201: callDto } } },
    async (req, reply) => reply.status(201).send(await service.createCall(db, req.actor, req.body)),
  );
  app.patch(
    '/api/extension/calls/:id',
    {
      config: { access: OFFICE },
      schema: { tags: TAGS, params: idParams, body: updateCallBody, response: { 200: callDto } },
    },
    async (req) => service.updateCall(db, req.actor, req.params.id, req.body),
  );
  app.get(
    '/api/extension/calls/:id/ranking',
    {
      config: { access: COUNCIL },
      schema: {
        tags: TAGS,
        summary: 'Xếp hạng hồ sơ theo điểm thẩm định / ranking of applications, explained by scores',
        params: idParams,
        response: { 200: z.array(rankingEntry) },
      },
    },
    async (req) => service.callRanking(db, req.user!, req.params.id),
  );

  // ---- applications (the enterprise portal) ----
  app.post(
    '/api/extension/enterprises/:id/applications',
    {
      config: { access: ['enterprise', ...OFFICE], enterpriseParam: 'id' },
      schema: {
        tags: TAGS,
        summary:
          'Doanh nghiệp nộp hồ sơ vào đợt đang mở / an enterprise applies to an open call (its own company)',
        params: idParams,
        body: applyBody,
        response: { 201: schemeDetail },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.applyToCall(db, req.actor, req.user!, req.params.id, req.body)),
  );

  // ---- schemes ----
  app.get(
    '/api/extension/schemes',
    {
      config: { access: READERS },
      schema: { tags: TAGS, querystring: schemeListQuery, response: { 200: z.array(schemeSummary) } },
    },
    async (req) => service.listSchemes(db, req.user!, req.query),
  );
  app.post(
    '/api/extension/schemes',
    {
      config: { access: OFFICE },
      schema: { tags: TAGS, body: createSchemeBody, response: { 201: schemeDetail } },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createScheme(db, req.actor, req.user, req.body)),
  );
  app.get(
    '/api/extension/schemes/:id',
    {
      config: { access: READERS },
      schema: { tags: TAGS, params: schemeParams, response: { 200: schemeDetail } },
    },
    async (req) => service.getSchemeDetail(db, req.user, req.params.id),
  );
  app.patch(
    '/api/extension/schemes/:id',
    {
      config: { access: [...OFFICE, 'enterprise'] },
      schema: { tags: TAGS, params: schemeParams, body: updateSchemeBody, response: { 200: schemeDetail } },
    },
    async (req) => service.updateScheme(db, req.actor, req.user!, req.params.id, req.body),
  );
  app.post(
    '/api/extension/schemes/:id/transitions',
    {
      config: { access: ACTORS },
      schema: {
        tags: TAGS,
        summary: 'Chuyển bước đề án (nộp, thẩm định, phê duyệt, …) / take a lifecycle step',
        params: schemeParams,
        body: transitionBody,
        response: { 200: schemeDetail },
      },
    },
    async (req) => {
      // Seeing the scheme is checked first: another company's scheme is "not found", not "forbidden".
      await service.getSchemeDetail(db, req.user, req.params.id);
      await service.transition(db, req.actor, req.user!, req.params.id, req.body);
      return service.getSchemeDetail(db, req.user, req.params.id);
    },
  );

  app.post(
    '/api/extension/schemes/:id/documents',
    {
      config: { access: [...OFFICE, 'leader', 'enterprise'] },
      schema: {
        tags: TAGS,
        summary: 'Tải lên tài liệu (quyết định, hợp đồng, biên bản nghiệm thu…) / upload a document',
        consumes: ['multipart/form-data'],
        params: schemeParams,
        querystring: documentQuery,
        response: { 201: documentDto },
      },
    },
    async (req, reply) => {
      const upload = await openUpload(req, limits.maxFileBytes);
      return reply
        .status(201)
        .send(
          await service.uploadDocument(
            db,
            limits,
            req.actor,
            req.user,
            req.params.id,
            req.query.kind,
            upload,
          ),
        );
    },
  );
  app.get(
    '/api/extension/schemes/:id/documents/:docId',
    { config: { access: READERS }, schema: { tags: TAGS, params: docParams } },
    async (req, reply) => {
      const d = await service.readDocument(db, req.user!, req.params.id, req.params.docId);
      return reply
        .header('content-type', d.mimeType)
        .header('content-length', d.sizeBytes)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(d.filename)}`)
        .send(d.stream);
    },
  );

  app.post(
    '/api/extension/schemes/:id/milestones',
    {
      config: { access: OFFICE },
      schema: { tags: TAGS, params: schemeParams, body: milestoneBody, response: { 200: schemeDetail } },
    },
    async (req) => {
      await service.addMilestone(db, req.actor, req.user!, req.params.id, req.body);
      return service.getSchemeDetail(db, req.user, req.params.id);
    },
  );
  app.post(
    '/api/extension/schemes/:id/milestones/:milestoneId/done',
    {
      config: { access: OFFICE },
      schema: {
        tags: TAGS,
        params: milestoneParams,
        body: z.object({ doneOn: isoDate }),
        response: { 200: schemeDetail },
      },
    },
    async (req) => {
      await service.completeMilestone(
        db,
        req.actor,
        req.user!,
        req.params.id,
        req.params.milestoneId,
        req.body.doneOn,
      );
      return service.getSchemeDetail(db, req.user, req.params.id);
    },
  );
  app.post(
    '/api/extension/schemes/:id/disbursements',
    {
      config: { access: OFFICE },
      schema: { tags: TAGS, params: schemeParams, body: disbursementBody, response: { 200: schemeDetail } },
    },
    async (req) => {
      await service.addDisbursement(db, req.actor, req.user, req.params.id, req.body);
      return service.getSchemeDetail(db, req.user, req.params.id);
    },
  );
  app.put(
    '/api/extension/schemes/:id/outcomes/:stage',
    {
      config: { access: [...OFFICE, 'enterprise'] },
      schema: {
        tags: TAGS,
        summary: 'Số liệu ban đầu / khi nghiệm thu / sau một năm / outcome figures, kept as entered',
        params: stageParams,
        body: outcomeBody,
        response: { 200: schemeDetail },
      },
    },
    async (req) => {
      const cur = await service.getSchemeDetail(db, req.user, req.params.id);
      // The enterprise may enter its own baseline while applying; results are recorded by the centre.
      if (req.user!.role === 'enterprise' && req.params.stage !== 'baseline')
        throw new AppError('auth.forbidden');
      if (req.user!.role === 'enterprise' && !req.user!.enterpriseIds.includes(cur.leadEnterpriseId))
        throw new AppError('auth.forbidden');
      await service.putOutcome(db, req.actor, req.user, req.params.id, req.params.stage, req.body);
      return service.getSchemeDetail(db, req.user, req.params.id);
    },
  );

  // ---- appraisal ----
  app.get(
    '/api/extension/schemes/:id/scores',
    {
      config: { access: COUNCIL },
      schema: { tags: TAGS, params: schemeParams, response: { 200: scoreSheetDto } },
    },
    async (req) => service.getScoreSheet(db, req.user!, req.params.id),
  );
  app.put(
    '/api/extension/schemes/:id/scores',
    {
      config: { access: COUNCIL },
      schema: { tags: TAGS, params: schemeParams, body: scoreSheetBody, response: { 200: scoreSheetDto } },
    },
    async (req) => service.putScores(db, req.actor, req.user!, req.params.id, req.body),
  );

  // ---- impact and exports ----
  app.get(
    '/api/extension/impact',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: TAGS,
        summary: 'Hiệu quả chương trình: việc làm, hỗ trợ/việc làm, cảnh báo / programme impact',
        querystring: z.object({ year: z.coerce.number().int().optional() }),
        response: { 200: impactDto },
      },
    },
    async (req) => service.impact(db, req.user!, req.query.year ?? null),
  );
  app.get(
    '/api/extension/export/:list',
    {
      config: { access: STAFF_ROLES },
      schema: {
        tags: TAGS,
        summary: 'Xuất danh sách (CSV/XLSX/JSON) / export a list',
        params: exportParams,
        querystring: exportQuery,
      },
    },
    async (req, reply) => {
      const t = await exportTable(db, req.user, req.params.list, req.query.year);
      const out = await render(t, req.query.format);
      const name = `khuyen-cong-${t.name}${req.query.year ? `-${req.query.year}` : ''}.${out.ext}`;
      return reply
        .header('content-type', out.mime)
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(out.data);
    },
  );
}
