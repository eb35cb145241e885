import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it, onTestFailed } from 'vitest';
import { type Browser, openBrowser } from './browser';
import { signIn, watchErrors } from './helpers';

/**
 * Industrial extension, issue #5's browser journey, on the demo's open 2015 local call: H&T applies, uploads
 * its application form and submits; the extension officer opens the appraisal and records the baseline; a
 * council member (canbo@) scores; the leader uploads the decision and approves; the officer records the
 * contract, the acceptance and its outcomes; the derived impact and the output comparison show, on the
 * scheme and on the programme page. Business dates are in 2015 (the demo's statistics run to 2015).
 */
const baseUrl = inject('baseUrl');

describe('extension journey (issue #5)', () => {
  const browsers: Browser[] = [];
  const errors: string[][] = [];
  let schemeUrl = '';

  async function as(email: string): Promise<Page> {
    const b = await openBrowser();
    browsers.push(b);
    errors.push(watchErrors(b.page));
    if (process.env.BT_E2E_DEBUG)
      onTestFailed(async () => {
        await b.page.screenshot({ path: `/tmp/ext-fail-${email.split('@')[0]}.png`, fullPage: true });
      });
    await signIn(b.page, baseUrl, email);
    return b.page;
  }
  afterEach(async () => {
    for (const b of browsers.splice(0)) await b.close();
    for (const e of errors.splice(0)) expect(e).toEqual([]);
  });

  const region = (page: Page, name: string) => page.getByRole('region', { name });
  async function choose(page: Page, scope: Locator | Page, label: string, option: string | RegExp) {
    // A required field's name ends with " *" (Mantine).
    await scope.getByRole('combobox', { name: new RegExp(`^${label}( \\*)?$`) }).click();
    await page.getByRole('option', { name: option }).click();
  }
  async function upload(page: Page, kind: string, filename: string) {
    const docs = region(page, 'Tài liệu');
    await choose(page, docs, 'Loại tài liệu', kind);
    // The file picker's own input (what a user's file dialog fills).
    await docs.locator('input[type=file]').setInputFiles({
      name: filename,
      mimeType: 'application/pdf',
      buffer: Buffer.from(`%PDF-1.4 ${filename}`),
    });
    await docs.getByRole('button', { name: 'Tải lên' }).click();
    await docs.getByRole('link', { name: filename }).waitFor();
  }
  async function act(page: Page, button: string | RegExp, fields: { date?: string; amount?: string } = {}) {
    const next = region(page, 'Bước tiếp theo');
    if (fields.date) await next.getByRole('textbox', { name: 'Ngày' }).fill(fields.date);
    if (fields.amount) await next.getByRole('textbox', { name: 'Số tiền (đồng)' }).fill(fields.amount);
    try {
      await next.getByRole('button', { name: button }).click();
    } catch (e) {
      if (process.env.BT_E2E_DEBUG) await page.screenshot({ path: '/tmp/ext-fail.png', fullPage: true });
      throw e;
    }
  }
  const status = (page: Page, text: string) =>
    page.getByRole('main').getByText(text, { exact: true }).first().waitFor();

  it('an enterprise applies to an open call, uploads its application and submits', async () => {
    const page = await as('dn.ht@demo.buoctien.vn');
    await page.goto(`${baseUrl}/extension/portal`);
    await page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ khuyến công' }).waitFor();
    const apply = region(page, 'Nộp hồ sơ');
    await choose(page, apply, 'Đợt xét chọn đang mở', 'Xét chọn đề án khuyến công địa phương năm 2015');
    await apply.getByRole('textbox', { name: 'Tên đề án' }).fill('Dây chuyền ép chiếu tăm tự động');
    await apply.getByRole('textbox', { name: 'Tổng kinh phí' }).fill('400.000.000');
    await apply.getByRole('textbox', { name: 'Đề nghị hỗ trợ' }).fill('150.000.000');
    await apply.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.waitForURL(/\/extension\/schemes\/[0-9a-f-]{36}$/);
    schemeUrl = page.url();
    await status(page, 'Nháp');

    await upload(page, 'Đơn đề nghị', 'don-de-nghi.pdf');
    await act(page, 'Nộp hồ sơ (Đơn đề nghị)', { date: '2015-02-10' });
    await status(page, 'Đã nộp');
    if (process.env.BT_E2E_DEBUG) await page.screenshot({ path: '/tmp/ext-submitted.png', fullPage: true });
    // The enterprise has no council sheet and cannot approve.
    expect(await page.getByRole('region', { name: 'Phiếu chấm điểm thẩm định' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Phê duyệt/ }).count()).toBe(0);
  });

  it('the officer opens the appraisal and records the baseline; a council member scores', async () => {
    const officer = await as('khuyencong@demo.buoctien.vn');
    await officer.goto(schemeUrl);
    await act(officer, 'Đưa ra thẩm định');
    await status(officer, 'Đang thẩm định');
    const outcomes = region(officer, 'Kết quả');
    await outcomes.getByRole('textbox', { name: 'Ngày' }).fill('2015-03-01');
    await outcomes.getByRole('textbox', { name: 'Công suất' }).fill('50000');
    await outcomes.getByRole('textbox', { name: /Đơn vị/ }).fill('m2/năm');
    await outcomes.getByRole('textbox', { name: 'Lao động' }).fill('30');
    await outcomes.getByRole('button', { name: 'Lưu số liệu' }).click();
    await outcomes.getByRole('cell', { name: /Ban đầu/ }).waitFor();

    const council = await as('canbo@demo.buoctien.vn');
    await council.goto(schemeUrl);
    const sheet = region(council, 'Phiếu chấm điểm thẩm định');
    await sheet.waitFor();
    const inputs = sheet.getByRole('textbox');
    const n = await inputs.count();
    expect(n).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < n; i++) await inputs.nth(i).fill('8');
    await sheet.getByRole('button', { name: 'Lưu điểm' }).click();
    await sheet.getByRole('status').filter({ hasText: 'Đã lưu điểm' }).waitFor();
    expect(await sheet.getByText('Thành viên đã chấm: 1').count()).toBe(1);
  });

  it('the leader uploads the decision and approves within the cap', async () => {
    const page = await as('lanhdao@demo.buoctien.vn');
    await page.goto(schemeUrl);
    await upload(page, 'Quyết định phê duyệt', 'quyet-dinh.pdf');
    await act(page, 'Phê duyệt (Quyết định phê duyệt)', { date: '2015-04-15', amount: '150.000.000' });
    await status(page, 'Đã phê duyệt');
    await page.getByText(/Quy định áp dụng:/).waitFor();
  });

  it('the officer records contract, acceptance and outcomes, and the impact shows', async () => {
    const page = await as('khuyencong@demo.buoctien.vn');
    await page.goto(schemeUrl);
    await upload(page, 'Hợp đồng', 'hop-dong.pdf');
    await act(page, 'Ký hợp đồng (Hợp đồng)', { date: '2015-05-05' });
    await status(page, 'Đã ký hợp đồng');
    await act(page, 'Bắt đầu thực hiện', { date: '2015-05-10' });
    await status(page, 'Đang thực hiện');
    await upload(page, 'Biên bản nghiệm thu', 'bien-ban-nghiem-thu.pdf');
    await act(page, 'Nghiệm thu (Biên bản nghiệm thu)', { date: '2015-11-20' });
    await status(page, 'Đã nghiệm thu');

    const outcomes = region(page, 'Kết quả');
    await choose(page, outcomes, 'Giai đoạn', 'Khi nghiệm thu');
    await outcomes.getByRole('textbox', { name: 'Ngày' }).fill('2015-11-20');
    await outcomes.getByRole('textbox', { name: 'Công suất' }).fill('150000');
    await outcomes.getByRole('textbox', { name: /Đơn vị/ }).fill('m2/năm');
    await outcomes.getByRole('textbox', { name: 'Lao động' }).fill('50');
    await outcomes.getByRole('textbox', { name: 'Việc làm tạo ra' }).fill('20');
    await outcomes.getByRole('textbox', { name: 'Thu nhập bình quân' }).fill('3500000');
    await outcomes.getByRole('button', { name: 'Lưu số liệu' }).click();
    await outcomes.getByRole('cell', { name: /Khi nghiệm thu/ }).waitFor();

    // Derived: 150,000 / 50,000 = ×3; 20 jobs; 150,000,000 / 20 = 7,500,000 per job.
    expect(await outcomes.getByText('Hệ số tăng công suất: 3').count()).toBe(1);
    expect(await outcomes.getByText('Việc làm tạo ra: 20').count()).toBe(1);
    expect(await outcomes.getByText(/Hỗ trợ \/ việc làm: 7\.500\.000/).count()).toBe(1);
    // Output against peers: supported in 2015 → 2014 vs 2016; the demo's statistics stop in 2015.
    const output = outcomes.getByRole('table', { name: 'Sản lượng so với doanh nghiệp cùng ngành' });
    await output.waitFor();
    // H&T's 2014 output at 2010 prices: 180,000 m² × 60,000 VND.
    const y2014 = output
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: '2014', exact: true }) });
    expect(await y2014.textContent()).toContain('10,80 tỷ đồng');
    await outcomes.getByText('Doanh nghiệp không có báo cáo sản lượng năm 2016.').waitFor();

    // The programme page lists it with its jobs and capacity multiplier.
    await page.goto(`${baseUrl}/extension/impact`);
    await page.getByRole('heading', { level: 1, name: 'Hiệu quả chương trình khuyến công' }).waitFor();
    await choose(page, page, 'Năm', '2015');
    const row = page.getByRole('row', { name: /Dây chuyền|H&T/ });
    await row.first().waitFor();
    expect(await row.first().textContent()).toContain('×3');
    // 2014 (the demo's six schemes): four comparisons available, H&T's explained.
    await choose(page, page, 'Năm', '2014');
    await page.getByRole('row', { name: /Lộc Bình/ }).waitFor();
    await page
      .getByText(/Không có doanh nghiệp chưa được hỗ trợ cùng ngành VSIC 1629/)
      .first()
      .waitFor();
  });
});
