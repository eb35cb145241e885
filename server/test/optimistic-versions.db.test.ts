/**
 * Optimistic concurrency on every versioned record: many edits sent at once, all naming the same version.
 * Exactly one may win; every other must be 409 conflict.stale, and the record's version moves by one. The
 * version is checked by the UPDATE itself (its WHERE), so this holds on PostgreSQL's parallel connections as
 * well as on PGlite's interleaved requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Response, type Session, type TestContext } from './harness';

const N = 30;

let t: TestContext;
let officer: Session;
let extensionOfficer: Session;
let statistician: Session;
let leader: Session;

beforeAll(async () => {
  t = await createTestContext();
  await t.seedAreas();
  officer = await t.loginAs({ role: 'officer' });
  extensionOfficer = await t.loginAs({ role: 'extension_officer' });
  statistician = await t.loginAs({ role: 'statistician' });
  leader = await t.loginAs({ role: 'leader' });
});
afterAll(() => t?.close());

/** How many succeeded, how many were refused with one of `refusals` (409), and anything else, shown. */
function tally(responses: Response[], refusals = ['conflict.stale']) {
  const refused = (r: Response) => r.statusCode === 409 && refusals.includes(r.json().error.code);
  return {
    ok: responses.filter((r) => r.statusCode === 200).length,
    stale: responses.filter(refused).length,
    others: responses
      .filter((r) => r.statusCode !== 200 && !refused(r))
      .map((r) => `${r.statusCode} ${r.body.slice(0, 200)}`),
  };
}

describe(`concurrent edits from one version: exactly one wins (${process.env.BT_TEST_DB ?? 'pglite'})`, () => {
  it('enterprises: PATCH /api/enterprises/:id', async () => {
    const e = await t.createEnterprise({ name: 'Công ty Đồng Thời' });
    const res = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        officer.inject({
          method: 'PATCH',
          url: `/api/enterprises/${e.id}`,
          payload: { version: e.version, notes: `Ghi chú ${i}` },
        }),
      ),
    );
    expect(tally(res)).toEqual({ ok: 1, stale: N - 1, others: [] });
    const [row] = await t.database.query<{ version: number; notes: string }>(
      'select version, notes from enterprises where id = $1',
      [e.id],
    );
    expect(row!.version).toBe(e.version + 1);
    // The winner's text is the one stored, and the history holds exactly one edit.
    const winner = res.findIndex((r) => r.statusCode === 200);
    expect(row!.notes).toBe(`Ghi chú ${winner}`);
    const [audit] = await t.database.query<{ n: number }>(
      `select count(*)::int as n from audit_log where entity_id = $1 and action = 'enterprise.updated'`,
      [e.id],
    );
    expect(Number(audit!.n)).toBe(1);
  });

  it('extension schemes: PATCH /api/extension/schemes/:id', async () => {
    const e = await t.createEnterprise({ name: 'Công ty Khuyến Công Đồng Thời', areaCode: '184' });
    const created = await extensionOfficer.inject({
      method: 'POST',
      url: '/api/extension/schemes',
      payload: {
        year: 2014,
        leadEnterpriseId: e.id,
        title: 'Đề án sửa đồng thời',
        supportKind: 'model_replication',
        activityGroupCode: 'demonstration',
        fundingSource: 'local',
        totalCostVnd: '400000000',
        supportRequestedVnd: '150000000',
        counterpartVnd: '250000000',
      },
    });
    expect(created.statusCode).toBe(201);
    const s = created.json() as { id: string; version: number };
    const res = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        extensionOfficer.inject({
          method: 'PATCH',
          url: `/api/extension/schemes/${s.id}`,
          payload: { version: s.version, title: `Đề án sửa lần ${i}` },
        }),
      ),
    );
    expect(tally(res)).toEqual({ ok: 1, stale: N - 1, others: [] });
    const [row] = await t.database.query<{ version: number }>(
      'select version from ext_schemes where id = $1',
      [s.id],
    );
    expect(row!.version).toBe(s.version + 1);
    const [events] = await t.database.query<{ n: number }>(
      `select count(*)::int as n from ext_scheme_events where scheme_id = $1 and action = 'edited'`,
      [s.id],
    );
    expect(Number(events!.n)).toBe(1);
  });

  async function draftReport(): Promise<string> {
    const doc = {
      lang: 'vi',
      period: '2014',
      areaCode: '20',
      provisional: false,
      dataAsOf: '2015-01-15',
      meta: {
        agencyParent: 'UBND TỈNH LẠNG SƠN',
        agency: 'SỞ CÔNG THƯƠNG',
        number: '',
        place: 'Lạng Sơn',
        date: null,
        title: 'BÁO CÁO',
        subject: 'Tình hình sản xuất công nghiệp năm 2014',
        recipients: [],
        signerTitle: 'GIÁM ĐỐC',
        signerName: '',
      },
      blocks: [],
    };
    const [r] = await t.database.query<{ id: string }>(
      `insert into publishing_reports (period, area_code, lang, title, document)
       values ('2014', '20', 'vi', 'Báo cáo đồng thời', $1::jsonb) returning id`,
      [JSON.stringify(doc)],
    );
    return r!.id;
  }

  it('year-end reports: PATCH /api/reports/:id and POST /api/reports/:id/issue', async () => {
    const id = await draftReport();
    const edits = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        statistician.inject({
          method: 'PATCH',
          url: `/api/reports/${id}`,
          payload: { version: 1, meta: { subject: `Chủ đề ${i}` } },
        }),
      ),
    );
    expect(tally(edits)).toEqual({ ok: 1, stale: N - 1, others: [] });
    const issues = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        leader.inject({
          method: 'POST',
          url: `/api/reports/${id}/issue`,
          payload: { version: 2, number: `${i + 1}/BC-SCT` },
        }),
      ),
    );
    // The losers find either a newer version or, once the winner committed, an issued report.
    expect(tally(issues, ['conflict.stale', 'report.issued'])).toEqual({ ok: 1, stale: 9, others: [] });
    const versions = await t.database.query<{ version: number }>(
      'select version from publishing_report_versions where report_id = $1 order by version',
      [id],
    );
    expect(versions.map((v) => v.version)).toEqual([2, 3]);
  });
});
