import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemeDetail } from '../../../contracts/extension';
import { createTestContext, type Session, type TestContext } from '../../test/harness';

/** A multipart body with one file in the `file` field. */
function multipart(filename: string, content: Buffer | string) {
  const b = `bt${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

const M = 1_000_000;

describe('extension: a scheme from call to settlement, with its permissions', () => {
  let t: TestContext;
  let officer: Session;
  let leader: Session;
  let owner: Session;
  let stranger: Session;
  let statistician: Session;
  let enterpriseId: string;
  let callId: string;
  let schemeId: string;

  const upload = (s: Session, kind: string, name = `${kind}.pdf`, content = `tài liệu ${kind}`) =>
    s.inject({
      method: 'POST',
      url: `/api/extension/schemes/${schemeId}/documents?kind=${kind}`,
      ...multipart(name, content),
    });
  const step = (s: Session, action: string, extra: Record<string, unknown> = {}) =>
    s.inject({
      method: 'POST',
      url: `/api/extension/schemes/${schemeId}/transitions`,
      payload: { action, ...extra },
    });
  const detail = async (s: Session = officer) =>
    (await s.inject({ method: 'GET', url: `/api/extension/schemes/${schemeId}` })).json() as SchemeDetail;

  beforeAll(async () => {
    t = await createTestContext();
    await t.seedAreas();
    const e = await t.createEnterprise({
      name: 'Công ty TNHH Chiếu tăm Thử nghiệm',
      areaCode: '184',
      vsic: '1629',
      employees: 120,
    });
    enterpriseId = e.id;
    officer = await t.loginAs({ role: 'extension_officer' });
    leader = await t.loginAs({ role: 'leader' });
    owner = await t.loginAs({ role: 'enterprise', enterpriseIds: [e.id] });
    stranger = await t.loginAs({ role: 'enterprise' });
    statistician = await t.loginAs({ role: 'statistician' });
  });
  afterAll(() => t?.close());

  it('seeds the policy rules with their sources at start', async () => {
    const r = await t.anon.inject({ method: 'GET', url: '/api/extension/rules' });
    expect(r.statusCode).toBe(200);
    const rules = r.json();
    const machinery = rules.caps.find((c: { id: string }) => c.id === 'ttlt26-2014-machinery');
    expect(machinery).toMatchObject({
      maxPercent: '50',
      maxAmountVnd: '200000000',
      effectiveFrom: '2014-04-08',
      sourceDocument: 'Thông tư liên tịch 26/2014/TTLT-BTC-BCT',
      sourceArticle: 'Điều 6 khoản 2 điểm c',
    });
    expect(rules.minWages.find((w: { id: string }) => w.id === 'nd182-2014-r4').amountVnd).toBe('1900000');
    expect(rules.activityGroups.length).toBe(11);
  });

  it('plans a year and opens a call that the public and enterprises see', async () => {
    const p = await officer.inject({
      method: 'POST',
      url: '/api/extension/plans',
      payload: {
        year: 2014,
        title: 'Kế hoạch khuyến công 2014',
        status: 'approved',
        budgets: [
          { fundingSource: 'national', activityGroupCode: 'demonstration', amountVnd: String(1200 * M) },
        ],
      },
    });
    expect(p.statusCode).toBe(201);
    expect(
      (
        await leader.inject({
          method: 'POST',
          url: '/api/extension/plans',
          payload: { year: 2015, title: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    const c = await officer.inject({
      method: 'POST',
      url: '/api/extension/calls',
      payload: {
        year: 2014,
        title: 'Đợt xét chọn đề án khuyến công quốc gia 2014',
        fundingSource: 'national',
        activityGroupCode: 'demonstration',
        opensOn: '2014-04-10',
        closesOn: '2014-06-30',
        status: 'open',
      },
    });
    expect(c.statusCode).toBe(201);
    callId = c.json().id;
    const pub = await t.anon.inject({ method: 'GET', url: '/api/extension/calls' });
    expect(pub.json().map((x: { id: string }) => x.id)).toEqual([callId]);
  });

  it('lets an enterprise apply for its own company only', async () => {
    const body = {
      callId,
      title: 'Ứng dụng máy móc tiên tiến sản xuất chiếu tăm',
      supportKind: 'advanced_machinery',
      totalCostVnd: String(1050 * M),
      supportRequestedVnd: String(250 * M),
      counterpartVnd: String(800 * M),
      ruralArea: true,
    };
    const other = await stranger.inject({
      method: 'POST',
      url: `/api/extension/enterprises/${enterpriseId}/applications`,
      payload: body,
    });
    expect(other.statusCode).toBe(404);
    const r = await owner.inject({
      method: 'POST',
      url: `/api/extension/enterprises/${enterpriseId}/applications`,
      payload: body,
    });
    expect(r.statusCode).toBe(201);
    const d = r.json() as SchemeDetail;
    schemeId = d.id;
    expect(d).toMatchObject({
      status: 'draft',
      code: 'KC-2014-001',
      fundingSource: 'national',
      activityGroupCode: 'demonstration',
    });
    expect(d.nextActions.map((a) => a.action)).toEqual(['submit', 'cancel']);
    // another company cannot see it
    expect(
      (await stranger.inject({ method: 'GET', url: `/api/extension/schemes/${schemeId}` })).statusCode,
    ).toBe(404);
    expect((await stranger.inject({ method: 'GET', url: '/api/extension/schemes' })).json()).toEqual([]);
  });

  it('submission needs the application document; the submit date is the application date', async () => {
    const r = await step(owner, 'submit', { onDate: '2014-05-10' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('extension.document_required');
    expect((await upload(stranger, 'application')).statusCode).toBe(404);
    expect((await upload(owner, 'application')).statusCode).toBe(201);
    const base = await owner.inject({
      method: 'PUT',
      url: `/api/extension/schemes/${schemeId}/outcomes/baseline`,
      payload: {
        measuredOn: '2014-05-01',
        capacity: '50000',
        capacityUnit: 'm2/năm',
        employees: 20,
        avgIncomeVnd: '3000000',
        incomePeriod: 'month',
      },
    });
    expect(base.statusCode).toBe(200);
    const ok = await step(owner, 'submit', { onDate: '2014-05-10' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'submitted', applicationDate: '2014-05-10' });
  });

  it('appraisal: only the centre opens it; council members score; the ranking explains the scores', async () => {
    expect((await step(statistician, 'start_appraisal')).statusCode).toBe(403);
    expect((await step(owner, 'start_appraisal')).statusCode).toBe(403);
    expect((await step(officer, 'start_appraisal')).json().status).toBe('appraisal');
    const sheet = (
      await leader.inject({ method: 'GET', url: `/api/extension/schemes/${schemeId}/scores` })
    ).json();
    expect(sheet.rubric.criteria.map((c: { code: string }) => c.code)).toEqual([
      'potential',
      'feasibility',
      'jobs',
      'technology',
      'priority_owner',
      'priority_rural',
    ]);
    const all = (score: string) => ({
      scores: sheet.rubric.criteria.map((c: { id: string }) => ({ criterionId: c.id, score })),
    });
    expect(
      (
        await owner.inject({
          method: 'PUT',
          url: `/api/extension/schemes/${schemeId}/scores`,
          payload: all('10'),
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await leader.inject({
          method: 'PUT',
          url: `/api/extension/schemes/${schemeId}/scores`,
          payload: all('8'),
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await officer.inject({
          method: 'PUT',
          url: `/api/extension/schemes/${schemeId}/scores`,
          payload: all('6'),
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await officer.inject({
          method: 'PUT',
          url: `/api/extension/schemes/${schemeId}/scores`,
          payload: all('11'),
        })
      ).statusCode,
    ).toBe(400);
    const ranking = (
      await officer.inject({ method: 'GET', url: `/api/extension/calls/${callId}/ranking` })
    ).json();
    expect(ranking).toHaveLength(1);
    // mean 7 of 10 on every criterion → 70 points
    expect(ranking[0]).toMatchObject({ rank: 1, total: 70, members: 2 });
    expect(ranking[0].criteria[0]).toMatchObject({
      code: 'potential',
      weight: 25,
      meanScore: 7,
      contribution: 17.5,
    });
  });

  it('approval: leader only, needs the decision, refused above the 2014 cap with the rule quoted', async () => {
    expect((await step(leader, 'approve')).json().error.code).toBe('extension.document_required');
    expect((await upload(officer, 'approval_decision')).statusCode).toBe(201);
    expect((await step(officer, 'approve')).statusCode).toBe(403);
    const over = await leader.inject({
      method: 'POST',
      url: `/api/extension/schemes/${schemeId}/transitions`,
      payload: { action: 'approve', amountVnd: String(250 * M), onDate: '2014-06-20' },
    });
    expect(over.statusCode).toBe(422);
    const err = over.json().error;
    expect(err.code).toBe('extension.cap_exceeded');
    expect(err.message).toContain('Thông tư liên tịch 26/2014/TTLT-BTC-BCT');
    expect(err.message).toContain('Điều 6 khoản 2 điểm c');
    expect(err.message).toContain('50%');
    expect(err.message).toContain('200 000 000');
    expect(err.details).toMatchObject({
      ruleId: 'ttlt26-2014-machinery',
      cap: '200 000 000',
      limit: 'amount',
    });
    const en = await leader.inject({
      method: 'POST',
      url: `/api/extension/schemes/${schemeId}/transitions`,
      payload: { action: 'approve', amountVnd: String(250 * M) },
      headers: { cookie: 'bt_lang=en' },
    });
    expect(en.json().error.message).toContain('exceeds the cap of VND 200 000 000');
    const ok = await step(leader, 'approve', { amountVnd: String(200 * M), onDate: '2014-06-20' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'approved',
      approvedAmountVnd: String(200 * M),
      capRuleId: 'ttlt26-2014-machinery',
      approvedOn: '2014-06-20',
    });
  });

  it('freezes the baseline and keeps the approved amount when the rules change later', async () => {
    const r = await officer.inject({
      method: 'PUT',
      url: `/api/extension/schemes/${schemeId}/outcomes/baseline`,
      payload: { measuredOn: '2014-05-01', capacity: '1', capacityUnit: 'm2/năm' },
    });
    expect(r.statusCode).toBe(409);
    await t.database.exec(
      "update ext_support_caps set max_amount_vnd = 100000000 where id = 'ttlt26-2014-machinery'",
    );
    const d = await detail();
    expect(d.approvedAmountVnd).toBe(String(200 * M));
    expect(d.capRule).toMatchObject({
      id: 'ttlt26-2014-machinery',
      maxAmountVnd: '200000000',
      capVnd: '200000000',
    });
    expect(d.outcomes.find((o) => o.stage === 'baseline')).toMatchObject({ frozen: true, capacity: '50000' });
  });

  it('contract, implementation and disbursements never above the approved amount', async () => {
    const early = await officer.inject({
      method: 'POST',
      url: `/api/extension/schemes/${schemeId}/disbursements`,
      payload: { amountVnd: String(10 * M), paidOn: '2014-07-01' },
    });
    expect(early.json().error.code).toBe('extension.not_disbursable');
    expect((await step(officer, 'sign_contract')).json().error.code).toBe('extension.document_required');
    await upload(officer, 'contract');
    expect((await step(officer, 'sign_contract', { onDate: '2014-07-01' })).json().status).toBe('contracted');
    expect((await step(officer, 'start_implementation', { onDate: '2014-07-05' })).json().status).toBe(
      'in_progress',
    );
    const pay = (amount: number) =>
      officer.inject({
        method: 'POST',
        url: `/api/extension/schemes/${schemeId}/disbursements`,
        payload: { amountVnd: String(amount), paidOn: '2014-08-01' },
      });
    expect((await pay(150 * M)).statusCode).toBe(200);
    const over = await pay(60 * M);
    expect(over.statusCode).toBe(422);
    expect(over.json().error.message).toContain('50 000 000');
    expect((await pay(50 * M)).json().disbursedVnd).toBe(String(200 * M));
    const m = await officer.inject({
      method: 'POST',
      url: `/api/extension/schemes/${schemeId}/milestones`,
      payload: { title: 'Lắp đặt máy dệt chiếu', dueOn: '2014-09-30' },
    });
    expect(m.json().milestones).toHaveLength(1);
  });

  it('acceptance needs its minutes; settlement needs acceptance; results are flagged, kept as entered', async () => {
    expect((await step(officer, 'settle')).json().error.code).toBe('extension.invalid_transition');
    expect((await step(officer, 'accept')).json().error.code).toBe('extension.document_required');
    await upload(officer, 'acceptance_minutes');
    expect((await step(officer, 'accept', { onDate: '2014-12-10' })).json().status).toBe('accepted');
    const res = await officer.inject({
      method: 'PUT',
      url: `/api/extension/schemes/${schemeId}/outcomes/acceptance`,
      payload: {
        measuredOn: '2014-12-10',
        capacity: '320000',
        capacityUnit: 'm2/năm',
        employees: 120,
        jobsCreated: 100,
        avgIncomeVnd: '4000000',
        incomePeriod: 'year',
        incomeAsReported: '4 triệu đồng/năm',
      },
    });
    expect(res.statusCode).toBe(200);
    const d = res.json() as SchemeDetail;
    expect(d.derived).toEqual({ capacityMultiplier: 6.4, jobsCreated: 100, supportPerJobVnd: '2000000' });
    expect(d.flags.map((f) => f.code)).toEqual(['income_below_min_wage']);
    expect(d.outcomes.find((o) => o.stage === 'acceptance')).toMatchObject({
      avgIncomeVnd: '4000000',
      incomeAsReported: '4 triệu đồng/năm',
    });
    expect(d.output.available).toBe(false);
    expect((await step(officer, 'settle', { amountVnd: String(200 * M) })).json().error.code).toBe(
      'extension.document_required',
    );
    await upload(officer, 'settlement_report');
    const over = await step(officer, 'settle', { amountVnd: String(201 * M) });
    expect(over.json().error.code).toBe('extension.settlement_above_approved');
    const s = await step(officer, 'settle', { amountVnd: String(200 * M), onDate: '2015-01-20' });
    expect(s.json()).toMatchObject({ status: 'settled', settledAmountVnd: String(200 * M) });
  });

  it('shows the whole timeline, the plan money and the documents intact', async () => {
    const d = await detail(owner);
    const transitions = d.timeline.filter((e) => e.toStatus).map((e) => e.toStatus);
    expect(transitions).toEqual([
      'draft',
      'submitted',
      'appraisal',
      'approved',
      'contracted',
      'in_progress',
      'accepted',
      'settled',
    ]);
    expect(d.timeline.filter((e) => e.action === 'disbursed').map((e) => e.amountVnd)).toEqual([
      String(150 * M),
      String(50 * M),
    ]);
    expect(d.documents.map((x) => x.kind).sort()).toEqual(
      ['acceptance_minutes', 'application', 'approval_decision', 'contract', 'settlement_report'].sort(),
    );
    const doc = d.documents.find((x) => x.kind === 'application')!;
    const dl = await owner.inject({
      method: 'GET',
      url: `/api/extension/schemes/${schemeId}/documents/${doc.id}`,
    });
    expect(dl.statusCode).toBe(200);
    expect(createHash('sha256').update(dl.rawPayload).digest('hex')).toBe(doc.sha256);
    const plans = (await officer.inject({ method: 'GET', url: '/api/extension/plans' })).json();
    expect(plans[0].totals).toEqual({
      budgetVnd: String(1200 * M),
      committedVnd: String(200 * M),
      disbursedVnd: String(200 * M),
      settledVnd: String(200 * M),
    });
    const [audit] = await t.database.query<{ n: number }>(
      `select count(*)::int as n from audit_log where entity_type = 'ext_scheme' and entity_id = '${schemeId}'`,
    );
    expect(Number(audit!.n)).toBeGreaterThanOrEqual(20);
  });

  it('exports the schemes as CSV and XLSX with flags', async () => {
    const csv = await officer.inject({
      method: 'GET',
      url: '/api/extension/export/schemes?format=csv&year=2014',
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const text = csv.body.replace(/^\uFEFF/, '');
    const [head, row] = text.split('\r\n');
    expect(head).toContain('code,year,title,enterprise');
    expect(row).toContain('KC-2014-001');
    expect(row).toContain('settled');
    expect(row).toContain('thấp hơn lương tối thiểu vùng IV');
    const xlsx = await officer.inject({ method: 'GET', url: '/api/extension/export/outcomes?format=xlsx' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await owner.inject({ method: 'GET', url: '/api/extension/export/schemes' })).statusCode).toBe(
      403,
    );
  });

  it('an enterprise can withdraw its own draft, not cancel an approved scheme', async () => {
    const body = {
      callId,
      title: 'Đề án thứ hai',
      supportKind: 'demonstration_model',
      totalCostVnd: String(100 * M),
      supportRequestedVnd: String(30 * M),
      counterpartVnd: String(70 * M),
    };
    const r = await owner.inject({
      method: 'POST',
      url: `/api/extension/enterprises/${enterpriseId}/applications`,
      payload: body,
    });
    const id = r.json().id;
    const cancel = (s: Session, note?: string) =>
      s.inject({
        method: 'POST',
        url: `/api/extension/schemes/${id}/transitions`,
        payload: { action: 'cancel', ...(note ? { note } : {}) },
      });
    expect((await cancel(owner)).json().error.code).toBe('extension.note_required');
    expect((await cancel(owner, 'Rút hồ sơ')).json().status).toBe('cancelled');
    expect((await step(owner, 'cancel', { note: 'x' })).statusCode).toBe(409);
  });

  it('asks for more documents, takes the resubmission, and a leader can reject with a reason', async () => {
    const r = await officer.inject({
      method: 'POST',
      url: '/api/extension/schemes',
      payload: {
        year: 2014,
        leadEnterpriseId: enterpriseId,
        title: 'Đề án bị trả lại',
        supportKind: 'model_replication',
        activityGroupCode: 'demonstration',
        fundingSource: 'local',
        totalCostVnd: String(400 * M),
        supportRequestedVnd: String(150 * M),
        counterpartVnd: String(250 * M),
      },
    });
    expect(r.statusCode).toBe(201);
    const id = r.json().id;
    const go = (s: Session, action: string, extra: Record<string, unknown> = {}) =>
      s.inject({
        method: 'POST',
        url: `/api/extension/schemes/${id}/transitions`,
        payload: { action, ...extra },
      });
    await officer.inject({
      method: 'POST',
      url: `/api/extension/schemes/${id}/documents?kind=application`,
      ...multipart('don.pdf', 'đơn'),
    });
    expect((await go(owner, 'submit', { onDate: '2014-09-01' })).json().status).toBe('submitted');
    expect((await go(owner, 'request_documents', { note: 'x' })).statusCode).toBe(403);
    expect((await go(officer, 'request_documents')).json().error.code).toBe('extension.note_required');
    expect((await go(officer, 'request_documents', { note: 'Thiếu dự toán chi tiết' })).json().status).toBe(
      'needs_documents',
    );
    // the applicant edits while asked for documents, with the version it read
    const cur = (await owner.inject({ method: 'GET', url: `/api/extension/schemes/${id}` })).json();
    const edit = await owner.inject({
      method: 'PATCH',
      url: `/api/extension/schemes/${id}`,
      payload: { version: cur.version, supportRequestedVnd: String(90 * M), counterpartVnd: String(310 * M) },
    });
    expect(edit.statusCode).toBe(200);
    const stale = await owner.inject({
      method: 'PATCH',
      url: `/api/extension/schemes/${id}`,
      payload: { version: cur.version, title: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    expect((await go(owner, 'resubmit')).json()).toMatchObject({
      status: 'submitted',
      applicationDate: '2014-09-01',
    });
    expect((await go(officer, 'start_appraisal')).json().status).toBe('appraisal');
    // approval needs a baseline first, then the local scheme is judged by the national rule (no local rule)
    await officer.inject({
      method: 'POST',
      url: `/api/extension/schemes/${id}/documents?kind=approval_decision`,
      ...multipart('qd.pdf', 'qđ'),
    });
    expect((await go(leader, 'approve')).json().error.code).toBe('extension.baseline_required');
    await officer.inject({
      method: 'PUT',
      url: `/api/extension/schemes/${id}/outcomes/baseline`,
      payload: { measuredOn: '2014-08-01', employees: 10 },
    });
    const over = await go(leader, 'approve', { amountVnd: String(90 * M) });
    expect(over.statusCode).toBe(200);
    expect(over.json().capRule).toMatchObject({ id: 'ttlt26-2014-replication', fallbackToNational: true });
    // a second one is rejected
    const r2 = await officer.inject({
      method: 'POST',
      url: '/api/extension/schemes',
      payload: {
        year: 2014,
        leadEnterpriseId: enterpriseId,
        title: 'Đề án bị từ chối',
        supportKind: 'technology_line',
        activityGroupCode: 'demonstration',
        fundingSource: 'national',
        totalCostVnd: String(400 * M),
        supportRequestedVnd: String(100 * M),
        counterpartVnd: String(300 * M),
      },
    });
    const id2 = r2.json().id;
    const go2 = (s: Session, action: string, extra: Record<string, unknown> = {}) =>
      s.inject({
        method: 'POST',
        url: `/api/extension/schemes/${id2}/transitions`,
        payload: { action, ...extra },
      });
    await officer.inject({
      method: 'POST',
      url: `/api/extension/schemes/${id2}/documents?kind=application`,
      ...multipart('don2.pdf', 'đơn 2'),
    });
    await go2(officer, 'submit', { onDate: '2014-09-02' });
    await go2(officer, 'start_appraisal');
    await officer.inject({
      method: 'PUT',
      url: `/api/extension/schemes/${id2}/outcomes/baseline`,
      payload: { measuredOn: '2014-08-01', employees: 10 },
    });
    await officer.inject({
      method: 'POST',
      url: `/api/extension/schemes/${id2}/documents?kind=approval_decision`,
      ...multipart('qd2.pdf', 'qđ 2'),
    });
    // no technology-line rule was in force in 2014
    const none = await go2(leader, 'approve');
    expect(none.json().error.code).toBe('extension.no_cap_rule');
    expect(none.json().error.message).toContain('2014-09-02');
    expect((await go2(leader, 'reject')).json().error.code).toBe('extension.note_required');
    expect((await go2(officer, 'reject', { note: 'x' })).statusCode).toBe(403);
    const rej = await go2(leader, 'reject', { note: 'Không có quy định hỗ trợ dây chuyền năm 2014' });
    expect(rej.json().status).toBe('rejected');
    expect((await go2(leader, 'approve')).json().error.code).toBe('extension.invalid_transition');
  });
});
