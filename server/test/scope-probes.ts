/**
 * For the area-scope test (server/platform/routes.scope.db.test.ts): how to ask each route about data OUTSIDE
 * the caller's area. Every route of `app.routeTable` must have an entry — the test fails for a route that has
 * none — so a new route is walked the moment it is registered, and its author says here what it exposes.
 *
 *  - `requests`: requests that name outside data (an outside enterprise, scheme, report, user, area…); the
 *    test sends each as every area-bound role allowed on the route and expects a refusal (403/404/400) or an
 *    answer with none of the outside data in it, and no write outside the area;
 *  - `control`: an unbound caller of the same role DOES get outside data from the first request (proves the
 *    probe aims at something);
 *  - `publicFigures`: a public route whose figures the department sees before publication: outside its area
 *    an area-bound caller gets exactly what an anonymous caller gets;
 *  - `none`: the route holds no data of any area (the caller's own session, views, jobs; reference lists;
 *    published documents); it is still sent once with default params and checked for outside data;
 *  - `send: false`: not sent (it would end the test's own sessions).
 */
export interface World {
  /** Enterprise in the caller's district, and one outside it. */
  inside: { id: string; taxCode: string; productId: string };
  outside: { id: string; taxCode: string; name: string; productId: string };
  outsideUser: { id: string; email: string };
  outsideScheme: { id: string; title: string; code: string; docId: string; milestoneId: string };
  outsideReportId: string;
  outsidePublication: string;
  callId: string;
  criterionId: string;
  insideArea: string;
  outsideArea: string;
  province: string;
}

export interface ProbeRequest {
  params?: Record<string, string>;
  query?: Record<string, string | undefined>;
  payload?: unknown;
  /** A multipart upload in the `file` field. */
  file?: { name: string; content: string };
}

export interface Probe {
  none?: string;
  send?: false;
  requests?: (w: World) => ProbeRequest[];
  control?: true;
  publicFigures?: true;
}

const csv = (rows: Record<string, string>[]) => {
  const cols = Object.keys(rows[0]!);
  return [cols.join(','), ...rows.map((r) => cols.map((c) => r[c] ?? '').join(','))].join('\n');
};
const file = (name: string, rows: Record<string, string>[]) => ({ file: { name, content: csv(rows) } });

const enterpriseRow = (taxCode: string, area: string, name: string) => ({
  tax_code: taxCode,
  name,
  area_code: area,
  vsic: '2394',
  ownership: 'non_state',
  reports_monthly: 'true',
});

const scheme = (w: World) => ({ id: w.outsideScheme.id });
const outsideEnterprise = (w: World) => ({ id: w.outside.id });
const product = { name: 'Gạch chiếm', unit: 'viên' };
const schemeBody = (lead: string, members: string[] = []) => ({
  year: 2014,
  title: 'Đề án thử phạm vi',
  supportKind: 'advanced_machinery',
  activityGroupCode: 'demonstration',
  fundingSource: 'national',
  totalCostVnd: '100000000',
  supportRequestedVnd: '10000000',
  counterpartVnd: '90000000',
  callId: null,
  leadEnterpriseId: lead,
  memberEnterpriseIds: members,
});
const month = { from: '2014-01', to: '2014-01' };

export const PROBES: Record<string, Probe> = {
  'GET /api/jobs/:jobId': { none: "the caller's own jobs" },
  'GET /api/health': { none: 'liveness: no data' },
  'GET /api/ready': { none: 'readiness: no data' },
  'POST /api/auth/login': { none: 'sign-in', send: false },
  'POST /api/auth/logout': { none: "the caller's own session", send: false },
  'GET /api/auth/me': { none: 'the caller' },
  'POST /api/auth/password': { none: "the caller's own password", send: false },
  'GET /api/auth/sessions': { none: "the caller's own sessions" },
  'DELETE /api/auth/sessions/:id': { none: "the caller's own sessions", send: false },

  'GET /api/users': { requests: () => [{}], control: true },
  'GET /api/users/:id': { requests: (w) => [{ params: { id: w.outsideUser.id } }], control: true },
  'POST /api/users': {
    requests: (w) => [
      {
        payload: {
          email: 'moi.ngoai@example.vn',
          name: 'Ngoài',
          role: 'officer',
          password: 'Ngoai-Passw0rd-1',
          areaCode: w.outsideArea,
        },
      },
    ],
  },
  'PATCH /api/users/:id': {
    requests: (w) => [{ params: { id: w.outsideUser.id }, payload: { name: 'Chiếm' } }],
  },
  'POST /api/users/:id/password': {
    requests: (w) => [{ params: { id: w.outsideUser.id }, payload: { password: 'Hijack-Passw0rd-1' } }],
  },

  'GET /api/areas/home': { none: 'reference list' },
  'GET /api/areas': { none: 'reference list' },
  'POST /api/areas/import': {
    requests: (w) => [
      file('areas.csv', [
        {
          code: w.outsideArea,
          name: 'Đổi tên ngoài',
          name_en: '',
          level: 'district',
          parent_code: w.province,
          valid_from: '2000-01-01',
          valid_to: '',
          successor_code: '',
        },
      ]),
      // Moving another district under one's own area would widen one's scope.
      file('areas.csv', [
        {
          code: w.outsideArea,
          name: 'Chuyển vào',
          name_en: '',
          level: 'district',
          parent_code: w.insideArea,
          valid_from: '2000-01-01',
          valid_to: '',
          successor_code: '',
        },
      ]),
    ],
  },

  'GET /api/enterprises': {
    requests: (w) => [{}, { query: { area: w.outsideArea } }, { query: { q: w.outside.taxCode } }],
    control: true,
  },
  'GET /api/enterprises/demo-data': { none: 'a yes/no' },
  'GET /api/enterprises/:id': { requests: (w) => [{ params: outsideEnterprise(w) }], control: true },
  'GET /api/enterprises/:id/history': {
    requests: (w) => [{ params: outsideEnterprise(w) }],
    control: true,
  },
  'POST /api/enterprises': {
    requests: (w) => [
      {
        payload: {
          taxCode: '0100109106',
          name: 'Mới ngoài',
          areaCode: w.outsideArea,
          vsic: '2394',
          ownership: 'non_state',
        },
      },
    ],
  },
  'PATCH /api/enterprises/:id': {
    requests: (w) => [{ params: outsideEnterprise(w), payload: { version: 1, name: 'Chiếm' } }],
  },
  'POST /api/enterprises/:id/products': {
    requests: (w) => [{ params: outsideEnterprise(w), payload: product }],
  },
  'PATCH /api/enterprises/:id/products/:productId': {
    requests: (w) => [
      { params: { id: w.outside.id, productId: w.outside.productId }, payload: { name: 'Chiếm' } },
    ],
  },
  'DELETE /api/enterprises/:id/products/:productId': {
    requests: (w) => [{ params: { id: w.outside.id, productId: w.outside.productId } }],
  },
  'POST /api/enterprises/import': {
    requests: (w) => [
      // The take-over: an outside enterprise's tax code, renamed and moved into the caller's district.
      file('e.csv', [enterpriseRow(w.outside.taxCode, w.insideArea, 'Chiếm qua nhập')]),
      file('e.csv', [enterpriseRow(w.outside.taxCode, w.outsideArea, 'Đổi tên qua nhập')]),
      file('e.csv', [enterpriseRow('0100109106', w.outsideArea, 'Mới ngoài')]),
    ],
  },

  'GET /api/statistics/products': { none: 'reference list' },
  'POST /api/statistics/import/products': {
    requests: () => [
      file('p.csv', [
        {
          code: 'A',
          name_vi: 'Xi măng đổi',
          unit: 'tấn',
          vsic: '2394',
          base_year: '2013',
          base_price_vnd: '999',
        },
      ]),
    ],
  },
  'POST /api/statistics/import/weights': {
    requests: () => [file('w.csv', [{ base_year: '2013', vsic: '2394', value_added_vnd: '123456' }])],
  },
  'POST /api/statistics/import/targets': {
    requests: (w) => [
      file('t.csv', [{ year: '2014', indicator: 'GO_CONST', area_code: w.outsideArea, value: '5' }]),
    ],
  },
  'POST /api/statistics/import/reports': {
    requests: (w) => [
      file('r.csv', [{ tax_code: w.outside.taxCode, period: '2014-02', product_code: 'A', quantity: '5' }]),
    ],
  },
  'GET /api/statistics/enterprises/:id/reports': {
    requests: (w) => [{ params: outsideEnterprise(w), query: { year: '2014' } }],
    control: true,
  },
  'POST /api/statistics/enterprises/:id/reports': {
    requests: (w) => [
      {
        params: outsideEnterprise(w),
        payload: { period: '2014-02', rows: [{ productCode: 'A', quantity: '5' }] },
      },
    ],
  },
  'GET /api/statistics/queue': { requests: () => [{ query: { status: 'pending' } }], control: true },
  'POST /api/statistics/queue/:reportId/review': {
    requests: (w) => [{ params: { reportId: w.outsideReportId }, payload: { comment: 'Đã xem' } }],
  },
  'GET /api/statistics/coverage': { none: 'two installation-wide dates, no figures' },
  'GET /api/statistics/periods': { none: 'the installation-wide calendar of periods' },
  'POST /api/statistics/periods/:period/transition': {
    // Periods are province-wide: closing one closes every district's month.
    requests: () => [{ params: { period: '2014-01' }, payload: { to: 'closed' } }],
  },
  'GET /api/statistics/reporting': {
    requests: (w) => [
      { query: { area: w.outsideArea, period: '2014-02' } },
      { query: { period: '2014-02' } },
    ],
    control: true,
  },
  'GET /api/statistics/indicators': {
    requests: (w) => [{ query: { area: w.outsideArea, ...month, freq: 'M' } }],
    publicFigures: true,
  },
  'GET /api/statistics/annual-report': {
    requests: (w) => [{ query: { area: w.outsideArea, year: '2014' } }],
    control: true,
  },
  'GET /api/statistics/export': {
    requests: (w) => [{ query: { area: w.outsideArea, ...month, freq: 'M', format: 'json' } }],
    publicFigures: true,
  },
  'GET /api/statistics/trace': {
    requests: (w) => [
      { query: { area: w.outsideArea, period: '2014-01', indicator: 'OUTPUT_QTY', product: 'A' } },
      { query: { period: '2014-01', indicator: 'OUTPUT_QTY', product: 'A' } },
    ],
    control: true,
  },

  'GET /api/extension/rules': { none: 'the policy rules' },
  'POST /api/extension/rules/caps': { none: 'national and provincial policy, not data of an area' },
  'GET /api/extension/plans': { none: "the centre's yearly plans" },
  'GET /api/extension/plans/:id': { none: "the centre's yearly plans" },
  'POST /api/extension/plans': { none: "the centre's yearly plans" },
  'PUT /api/extension/plans/:id/budgets': { none: "the centre's yearly plans" },
  'GET /api/extension/rubrics': { none: 'appraisal rubrics' },
  'POST /api/extension/rubrics': { none: 'appraisal rubrics' },
  'GET /api/extension/calls': { none: 'calls for applications (public)' },
  'GET /api/extension/calls/:id': { requests: (w) => [{ params: { id: w.callId } }] },
  'POST /api/extension/calls': { none: 'calls for applications' },
  'PATCH /api/extension/calls/:id': { none: 'calls for applications' },
  'GET /api/extension/calls/:id/ranking': {
    requests: (w) => [{ params: { id: w.callId } }],
    control: true,
  },
  'POST /api/extension/enterprises/:id/applications': {
    requests: (w) => [
      {
        params: outsideEnterprise(w),
        payload: {
          callId: w.callId,
          title: 'Hồ sơ chiếm',
          supportKind: 'advanced_machinery',
          totalCostVnd: '100000000',
          supportRequestedVnd: '10000000',
          counterpartVnd: '90000000',
        },
      },
    ],
  },
  'GET /api/extension/schemes': {
    requests: (w) => [{}, { query: { enterpriseId: w.outside.id } }, { query: { callId: w.callId } }],
    control: true,
  },
  'POST /api/extension/schemes': {
    requests: (w) => [
      { payload: schemeBody(w.outside.id) },
      { payload: schemeBody(w.inside.id, [w.outside.id]) },
    ],
  },
  'GET /api/extension/schemes/:id': { requests: (w) => [{ params: scheme(w) }], control: true },
  'PATCH /api/extension/schemes/:id': {
    requests: (w) => [{ params: scheme(w), payload: { version: 1, title: 'Chiếm' } }],
  },
  'POST /api/extension/schemes/:id/transitions': {
    requests: (w) => [{ params: scheme(w), payload: { action: 'start_appraisal' } }],
  },
  'POST /api/extension/schemes/:id/documents': {
    requests: (w) => [
      { params: scheme(w), query: { kind: 'application' }, file: { name: 'x.pdf', content: 'x' } },
    ],
  },
  'GET /api/extension/schemes/:id/documents/:docId': {
    requests: (w) => [{ params: { id: w.outsideScheme.id, docId: w.outsideScheme.docId } }],
    control: true,
  },
  'POST /api/extension/schemes/:id/milestones': {
    requests: (w) => [{ params: scheme(w), payload: { title: 'Mốc chiếm' } }],
  },
  'POST /api/extension/schemes/:id/milestones/:milestoneId/done': {
    requests: (w) => [
      {
        params: { id: w.outsideScheme.id, milestoneId: w.outsideScheme.milestoneId },
        payload: { doneOn: '2014-06-01' },
      },
    ],
  },
  'POST /api/extension/schemes/:id/disbursements': {
    requests: (w) => [{ params: scheme(w), payload: { amountVnd: '1000', paidOn: '2014-06-01' } }],
  },
  'PUT /api/extension/schemes/:id/outcomes/:stage': {
    requests: (w) => [
      { params: { id: w.outsideScheme.id, stage: 'baseline' }, payload: { measuredOn: '2014-05-01' } },
    ],
  },
  'GET /api/extension/schemes/:id/scores': { requests: (w) => [{ params: scheme(w) }], control: true },
  'PUT /api/extension/schemes/:id/scores': {
    requests: (w) => [
      { params: scheme(w), payload: { scores: [{ criterionId: w.criterionId, score: '5' }] } },
    ],
  },
  'GET /api/extension/impact': { requests: () => [{ query: { year: '2014' } }] },
  'GET /api/extension/export/:list': {
    requests: () => ['schemes', 'outcomes'].map((list) => ({ params: { list }, query: { format: 'json' } })),
    control: true,
  },

  'POST /api/reports': {
    requests: (w) => [{ payload: { period: '2014-Q1', areaCode: w.outsideArea } }],
  },
  'GET /api/reports': { requests: () => [{}], control: true },
  'GET /api/reports/:id': { requests: (w) => [{ params: { id: w.outsidePublication } }], control: true },
  'PATCH /api/reports/:id': {
    requests: (w) => [{ params: { id: w.outsidePublication }, payload: { version: 1, blocks: [] } }],
  },
  'POST /api/reports/:id/issue': {
    requests: (w) => [{ params: { id: w.outsidePublication }, payload: { version: 1, number: '1/BC' } }],
  },
  'GET /api/reports/:id/versions': { requests: (w) => [{ params: { id: w.outsidePublication } }] },
  'GET /api/reports/:id/download': {
    requests: (w) => [{ params: { id: w.outsidePublication }, query: { format: 'md' } }],
  },
  'GET /api/views': { none: "the caller's own saved views" },
  'POST /api/views': { none: "the caller's own saved views (a query, no figures)" },
  'GET /api/views/shared/:key': { none: 'a saved query, no figures' },
  'PUT /api/views/:id': { none: "the caller's own saved views" },
  'PATCH /api/views/:id': { none: "the caller's own saved views" },
  'DELETE /api/views/:id': { none: "the caller's own saved views" },
  'GET /api/public/periods': { none: 'published periods' },
  'GET /api/public/data/:period/:format': { none: 'published figures' },
  'GET /api/public/reports': { none: 'issued reports' },
  'GET /api/public/reports/:id': { none: 'issued reports' },
  'GET /api/public/reports/:id/download': { none: 'issued reports' },
  'GET /api/dashboard': {
    requests: (w) => [{ query: { area: w.outsideArea, period: '2014-01' } }],
    publicFigures: true,
  },
  'GET /api/dashboard/history': {
    requests: (w) => [{ query: { area: w.outsideArea, period: '2014-01' } }],
    publicFigures: true,
  },
  'POST /api/dashboard/xlsx': { none: 'renders the table the caller sends' },
};
