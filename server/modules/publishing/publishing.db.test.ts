import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDto } from '../../../contracts/publishing';
import { loadDemo } from '../../../demo';
import { createTestContext, type Session, type TestContext } from '../../test/harness';
import { blocksToText } from './narrative';

/**
 * The publishing journey on the Lạng Sơn demo data, through the real statistics module: generate the 2014
 * report, edit, issue, download; the public side (published periods only, embargo) and saved views.
 */
describe('publishing on the demo data', () => {
  let t: TestContext;
  let statistician: Session;
  let leader: Session;
  let officerChiLang: Session;
  let report: ReportDto;

  beforeAll(async () => {
    t = await createTestContext();
    await loadDemo(t.database);
    statistician = await t.loginAs({ role: 'statistician' });
    leader = await t.loginAs({ role: 'leader' });
    officerChiLang = await t.loginAs({ role: 'officer', areaCode: '187' });
  });
  afterAll(() => t?.close());

  it('writes the 2014 industry report from the data, with the seed article’s figures (vi)', async () => {
    const res = await statistician.inject({
      method: 'POST',
      url: '/api/reports',
      payload: { period: '2014', areaCode: '20', lang: 'vi' },
    });
    expect(res.statusCode).toBe(201);
    report = res.json();
    const text = blocksToText(report.document.blocks);
    expect(text).toContain('3.586 tỷ đồng');
    expect(text).toContain('tăng 14,15% so với năm 2013');
    expect(text).toContain('580 nghìn tấn');
    expect(text).toContain('11,5%');
    expect(text).toMatch(/chì điện phân, sản lượng tăng 44,3%/);
    // a reason on record from the extension module: the H&T scheme accepted in November 2014
    expect(text).toContain(
      'Công ty TNHH sản xuất và thương mại H&T được hỗ trợ từ chương trình khuyến công quốc gia, nâng công suất từ 50.000 lên 320.000 m²/năm và tạo việc làm cho 100 lao động',
    );
    expect(report.status).toBe('draft');
    expect(report.version).toBe(1);
    // every number carries its query
    const go = report.document.blocks
      .flatMap((b) => (b.type === 'paragraph' ? b.runs : []))
      .find((r) => r.text === '3.586 tỷ đồng');
    expect(go?.ref).toMatchObject({ indicator: 'GO_CONST', period: '2014', area: '20', activity: '_T' });
  });

  it('writes it in English on request', async () => {
    const res = await statistician.inject({
      method: 'POST',
      url: '/api/reports',
      payload: { period: '2014', areaCode: '20', lang: 'en' },
    });
    expect(res.statusCode).toBe(201);
    const text = blocksToText(res.json().document.blocks);
    expect(text).toContain('VND 3,586 billion, up 14.15% on 2013');
    expect(text).toContain('cement output came to 580 thousand tonnes, up 11.5%');
    expect(text).toContain('electrolytic lead, up 44.3%');
    expect(text).toContain(
      'Công ty TNHH sản xuất và thương mại H&T received national industrial-extension support, raising capacity from 50,000 to 320,000 m²/year and creating 100 jobs',
    );
  });

  it('keeps an area-bound officer to its area, and says when there is no data', async () => {
    const out = await officerChiLang.inject({
      method: 'POST',
      url: '/api/reports',
      payload: { period: '2014', areaCode: '20', lang: 'vi' },
    });
    expect(out.statusCode).toBe(403);
    expect(out.json().error.code).toBe('area.out_of_scope');
    const none = await statistician.inject({
      method: 'POST',
      url: '/api/reports',
      payload: { period: '2009', areaCode: '20', lang: 'vi' },
    });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.code).toBe('report.no_data');
  });

  it('edits a draft with optimistic concurrency', async () => {
    const blocks = report.document.blocks.map((b, i) =>
      i === 1 && b.type === 'paragraph'
        ? { ...b, runs: [...b.runs, { text: ' Đây là câu do cán bộ thêm vào.' }] }
        : b,
    );
    const ok = await statistician.inject({
      method: 'PATCH',
      url: `/api/reports/${report.id}`,
      payload: { version: 1, blocks, meta: { signerName: 'Nguyễn Văn Lãnh' } },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(2);
    expect(blocksToText(ok.json().document.blocks)).toContain('Đây là câu do cán bộ thêm vào.');
    const stale = await statistician.inject({
      method: 'PATCH',
      url: `/api/reports/${report.id}`,
      payload: { version: 1, meta: { signerName: 'X' } },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict.stale');
  });

  it('only a leader issues; the issued version is then immutable and kept with its history', async () => {
    const byStatistician = await statistician.inject({
      method: 'POST',
      url: `/api/reports/${report.id}/issue`,
      payload: { version: 2, number: '125/BC-SCT', date: '2015-01-05' },
    });
    expect(byStatistician.statusCode).toBe(403);
    const issued = await leader.inject({
      method: 'POST',
      url: `/api/reports/${report.id}/issue`,
      payload: { version: 2, number: '125/BC-SCT', date: '2015-01-05' },
    });
    expect(issued.statusCode).toBe(200);
    report = issued.json();
    expect(report.status).toBe('issued');
    expect(report.document.meta.number).toBe('125/BC-SCT');
    expect(report.issuedBy).toBeTruthy();
    const edit = await statistician.inject({
      method: 'PATCH',
      url: `/api/reports/${report.id}`,
      payload: { version: 3, meta: { signerName: 'X' } },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('report.issued');
    const again = await leader.inject({
      method: 'POST',
      url: `/api/reports/${report.id}/issue`,
      payload: { version: 3, number: '126/BC-SCT' },
    });
    expect(again.json().error.code).toBe('report.issued');
    const versions = await statistician.inject({ method: 'GET', url: `/api/reports/${report.id}/versions` });
    expect(versions.json().map((v: { action: string }) => v.action)).toEqual(['issue', 'edit', 'generate']);
    const audit = await t.database.query<{ action: string }>(
      `select action from audit_log where entity_type = 'report' and entity_id = $1 order by at, id`,
      [report.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['report.generate', 'report.edit', 'report.issue']);
  });

  it('downloads the issued report as DOCX with the header block and the figures', async () => {
    const res = await statistician.inject({
      method: 'GET',
      url: `/api/reports/${report.id}/download?format=docx`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    for (const s of [
      'SỞ CÔNG THƯƠNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Số: 125/BC-SCT',
      '3.586 tỷ đồng',
      'Nguyễn Văn Lãnh',
    ])
      expect(xml).toContain(s);
  });

  it('public: issued reports of published periods only, and never an unpublished one', async () => {
    // A 2015 report (December 2015 is not published): issued, but must stay out of the public side.
    const draft2015 = (
      await statistician.inject({
        method: 'POST',
        url: '/api/reports',
        payload: { period: '2015', areaCode: '20', lang: 'vi' },
      })
    ).json();
    const issued2015 = await leader.inject({
      method: 'POST',
      url: `/api/reports/${draft2015.id}/issue`,
      payload: { version: 1, number: '10/BC-SCT' },
    });
    expect(issued2015.statusCode).toBe(200);
    const list = await t.anon.inject({ method: 'GET', url: '/api/public/reports' });
    expect(list.statusCode).toBe(200);
    const ids = list.json().map((r: { id: string }) => r.id);
    expect(ids).toContain(report.id);
    expect(ids).not.toContain(draft2015.id);
    expect(
      (await t.anon.inject({ method: 'GET', url: `/api/public/reports/${draft2015.id}` })).statusCode,
    ).toBe(404);
    expect(
      (await t.anon.inject({ method: 'GET', url: `/api/public/reports/${draft2015.id}/download?format=md` }))
        .statusCode,
    ).toBe(404);
    const md = await t.anon.inject({
      method: 'GET',
      url: `/api/public/reports/${report.id}/download?format=md`,
    });
    expect(md.statusCode).toBe(200);
    expect(md.body).toContain('3.586 tỷ đồng](http');
    // drafts are never public
    const drafts = (await statistician.inject({ method: 'GET', url: '/api/reports?status=draft' })).json();
    for (const d of drafts) expect(ids).not.toContain(d.id);
    // staff routes need a login
    expect((await t.anon.inject({ method: 'GET', url: `/api/reports/${report.id}` })).statusCode).toBe(401);
  });

  it('open data: published periods, SDMX-CSV, CSV, JSON and XLSX; nothing of an unpublished period', async () => {
    const periods = (await t.anon.inject({ method: 'GET', url: '/api/public/periods' })).json() as {
      period: string;
    }[];
    const names = periods.map((p) => p.period);
    expect(names).toEqual(expect.arrayContaining(['2014', '2014-Q4', '2014-12', '2015-11', '2015-Q3']));
    for (const hidden of ['2015', '2015-Q4', '2015-12']) expect(names).not.toContain(hidden);

    const sdmx = await t.anon.inject({ method: 'GET', url: '/api/public/data/2014/sdmx-csv?area=20' });
    expect(sdmx.statusCode).toBe(200);
    const lines = sdmx.body.trim().split('\n');
    expect(lines[0]).toBe(
      'STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,INDICATOR,ACTIVITY,PRODUCT,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS',
    );
    const go = lines.find((l) => l.startsWith('dataflow,VN_IND:INDUSTRY(1.0),I,A,20,GO_CONST,_T,_T,2014,'));
    expect(Math.round(Number(go!.split(',')[9]) / 1e9)).toBe(3586);
    expect(lines.slice(1).every((l) => l.split(',')[8] === '2014')).toBe(true);

    const csv = await t.anon.inject({
      method: 'GET',
      url: '/api/public/data/2014-Q2/csv?indicator=GO_CONST',
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\n')[0]).toBe(
      'FREQ,REF_AREA,INDICATOR,ACTIVITY,PRODUCT,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS',
    );
    const json = await t.anon.inject({
      method: 'GET',
      url: '/api/public/data/2015-11/json?indicator=GO_CONST',
    });
    expect(json.statusCode).toBe(200);
    const obs = json.json().observations as { TIME_PERIOD: string }[];
    expect(obs.length).toBeGreaterThan(0);
    expect(obs.every((o) => o.TIME_PERIOD === '2015-11')).toBe(true);

    const xlsx = await t.anon.inject({
      method: 'GET',
      url: '/api/public/data/2014/xlsx?indicator=GO_CONST&activity=_T',
    });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('observations')!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'FREQ',
      'REF_AREA',
      'INDICATOR',
      'ACTIVITY',
      'PRODUCT',
      'TIME_PERIOD',
      'OBS_VALUE',
      'UNIT_MEASURE',
      'OBS_STATUS',
    ]);
    const row = ws.getRow(2).values as unknown[];
    expect(row.slice(1, 7)).toEqual(['A', '20', 'GO_CONST', '_T', '_T', '2014']);
    expect(Math.round(Number(row[7]) / 1e9)).toBe(3586);

    for (const url of [
      '/api/public/data/2015/sdmx-csv',
      '/api/public/data/2015-Q4/csv',
      '/api/public/data/2015-12/json',
      '/api/public/data/2016/xlsx',
    ]) {
      expect((await t.anon.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
  });

  it('embargo: a period whose publication time has not come is not public', async () => {
    await t.database.exec(
      `update stat_periods set published_at = now() + interval '1 day' where ym = 201511`,
    );
    const names = (
      (await t.anon.inject({ method: 'GET', url: '/api/public/periods' })).json() as { period: string }[]
    ).map((p) => p.period);
    expect(names).not.toContain('2015-11');
    expect(names).toContain('2015-10');
    expect(
      (await t.anon.inject({ method: 'GET', url: '/api/public/data/2015-11/sdmx-csv' })).statusCode,
    ).toBe(404);
    await t.database.exec(`update stat_periods set published_at = now() where ym = 201511`);
  });

  it('open data carries an ETag: revalidating answers 304 without a body; the answer may be kept a minute', async () => {
    const url = '/api/public/data/2014/sdmx-csv?area=20';
    const first = await t.anon.inject({ method: 'GET', url });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+/);
    const etag = String(first.headers.etag);
    const again = await t.anon.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await t.anon.inject({ method: 'GET', url: url.replace('sdmx-csv', 'csv') });
    expect(other.headers.etag).not.toBe(etag);
    const unknown = await t.anon.inject({ method: 'GET', url: '/api/public/data/1999/csv' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers.etag).toBeUndefined();
  });

  it('rate-limits the public API', async () => {
    let last = 0;
    for (let i = 0; i < 125 && last !== 429; i++)
      last = (await t.anon.inject({ method: 'GET', url: '/api/public/reports' })).statusCode;
    expect(last).toBe(429);
  });

  it('saved explorer views: save, list, share by key, owner-only changes', async () => {
    const body = {
      name: 'Xi măng theo huyện',
      indicator: 'OUTPUT_QTY',
      periodFrom: '2013-01',
      periodTo: '2014-12',
      areaCode: '20',
      dimensions: ['area', 'product'],
      filters: { product: ['XIMANG'] },
      chartType: 'bar',
    };
    const created = await statistician.inject({ method: 'POST', url: '/api/views', payload: body });
    expect(created.statusCode).toBe(201);
    const v = created.json();
    expect(v.shared).toBe(false);
    expect(v.shareKey).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect((await statistician.inject({ method: 'GET', url: '/api/views' })).json()).toHaveLength(1);
    expect((await leader.inject({ method: 'GET', url: `/api/views/shared/${v.shareKey}` })).statusCode).toBe(
      404,
    );
    const shared = await statistician.inject({
      method: 'PUT',
      url: `/api/views/${v.id}`,
      payload: { ...body, shared: true },
    });
    expect(shared.statusCode).toBe(200);
    const opened = await leader.inject({ method: 'GET', url: `/api/views/shared/${v.shareKey}` });
    expect(opened.statusCode).toBe(200);
    expect(opened.json().filters).toEqual({ product: ['XIMANG'] });
    expect(
      (await leader.inject({ method: 'PUT', url: `/api/views/${v.id}`, payload: body })).statusCode,
    ).toBe(404);
    const four = await statistician.inject({
      method: 'POST',
      url: '/api/views',
      payload: { ...body, dimensions: ['area', 'product', 'activity', 'ownership'] },
    });
    expect(four.statusCode).toBe(400);
    expect((await t.anon.inject({ method: 'GET', url: `/api/views/shared/${v.shareKey}` })).statusCode).toBe(
      401,
    );
    expect((await leader.inject({ method: 'DELETE', url: `/api/views/${v.id}` })).statusCode).toBe(404);
    expect((await statistician.inject({ method: 'DELETE', url: `/api/views/${v.id}` })).statusCode).toBe(200);
  });

  it('saved explorer views: the owner renames and deletes, audited; nobody else can', async () => {
    const created = await statistician.inject({
      method: 'POST',
      url: '/api/views',
      payload: {
        name: 'Điện theo tháng',
        indicator: 'OUTPUT_QTY',
        periodFrom: '2014-01',
        periodTo: '2014-12',
        areaCode: '20',
        dimensions: ['product'],
        chartType: 'line',
        shared: true,
      },
    });
    expect(created.statusCode).toBe(201);
    const v = created.json();
    const rename = (s: Session, name: unknown) =>
      s.inject({ method: 'PATCH', url: `/api/views/${v.id}`, payload: { name } });
    // someone else (even with the share link) cannot rename it; a blank name is refused
    expect((await rename(leader, 'Của tôi')).statusCode).toBe(404);
    expect(
      (await t.anon.inject({ method: 'PATCH', url: `/api/views/${v.id}`, payload: { name: 'x' } }))
        .statusCode,
    ).toBe(401);
    expect((await rename(statistician, '   ')).statusCode).toBe(400);
    const renamed = await rename(statistician, 'Sản lượng điện 2014');
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      id: v.id,
      name: 'Sản lượng điện 2014',
      shareKey: v.shareKey,
      chartType: 'line',
    });
    const listed = (await statistician.inject({ method: 'GET', url: '/api/views' })).json() as {
      id: string;
      name: string;
    }[];
    expect(listed.find((x) => x.id === v.id)?.name).toBe('Sản lượng điện 2014');
    // deleting: not by someone else; by the owner, after which the share link opens nothing
    expect((await leader.inject({ method: 'DELETE', url: `/api/views/${v.id}` })).statusCode).toBe(404);
    expect((await statistician.inject({ method: 'DELETE', url: `/api/views/${v.id}` })).statusCode).toBe(200);
    expect((await leader.inject({ method: 'GET', url: `/api/views/shared/${v.shareKey}` })).statusCode).toBe(
      404,
    );
    expect((await rename(statistician, 'again')).statusCode).toBe(404);
    const audit = await t.database.query<{ action: string; before: unknown; after: unknown }>(
      'select action, before, after from audit_log where entity_id = $1 order by id',
      [v.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['view.create', 'view.rename', 'view.delete']);
    expect(audit[1]).toMatchObject({
      before: { name: 'Điện theo tháng' },
      after: { name: 'Sản lượng điện 2014' },
    });
  });
});
