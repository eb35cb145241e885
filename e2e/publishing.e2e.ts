import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, inject, it } from 'vitest';
import { browserPerTest, signIn } from './helpers';

const baseUrl = inject('baseUrl');

/** Publishing journeys (issue #4): dashboard → rows, explorer → saved view + XLSX, 2014 report, open data. */
describe('publishing journeys (issue #4)', () => {
  const browser = browserPerTest();

  it('a leader lands on the dashboard and clicks the year-to-date output down to its report rows', async () => {
    const { page } = browser;
    await signIn(page, baseUrl, 'lanhdao@demo.buoctien.vn');
    await page.getByRole('heading', { level: 1, name: 'Bảng điều hành công nghiệp' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/dashboard');

    await page.goto(`${baseUrl}/dashboard?period=2014-12`);
    const ytd = page.getByRole('button', { name: /Giá trị SXCN lũy kế.*3\.586 tỷ đồng/ });
    await ytd.waitFor();
    expect(await ytd.textContent()).toContain('+14,15% so với cùng kỳ');
    expect(await page.getByTestId('data-as-of').textContent()).toMatch(/^Số liệu tính đến /);
    await page.getByText('Xi măng', { exact: true }).waitFor();
    const cement = page.getByTestId('products').getByRole('row').filter({ hasText: 'Xi măng' }).first();
    expect(await cement.getByRole('cell').allInnerTexts()).toEqual(
      expect.arrayContaining(['580 nghìn tấn', '+11,50%']),
    );

    // a key product: the fastest-growing one, though eighth by value
    const lead = page.getByTestId('products').getByRole('row').filter({ hasText: 'Chì điện phân' });
    expect(await lead.getByRole('cell').allInnerTexts()).toEqual(expect.arrayContaining(['+44,30%']));

    await ytd.click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('heading', { name: /Báo cáo của doanh nghiệp \(\d+ dòng\)/ }).waitFor();
    expect(await drawer.textContent()).toContain('năm 2014');
    const rows = drawer.getByRole('table', { name: /Báo cáo của doanh nghiệp/ }).getByRole('row');
    expect(await rows.count()).toBeGreaterThan(10);
    expect(await drawer.getByRole('cell', { name: /Xi măng Đồng Bành/ }).count()).toBeGreaterThan(0);
  });

  it('a statistician builds an explorer view, saves it, opens it by its link and exports XLSX', async () => {
    const { page } = browser;
    await signIn(page, baseUrl, 'thongke@demo.buoctien.vn');
    await page.goto(`${baseUrl}/explorer`);
    await page.getByRole('heading', { level: 1, name: 'Khai thác số liệu' }).waitFor();
    // default: gross output (constant prices) by section, 2013–2014, yearly
    const pivot = page.getByTestId('pivot');
    await pivot.getByRole('cell', { name: /^C · Công nghiệp chế biến/ }).waitFor();
    // add a second dimension: area
    await page.getByRole('combobox', { name: 'Chiều phân tổ (tối đa 3)' }).click({ force: true });
    await page.getByRole('option', { name: 'Địa bàn' }).click();
    await page.keyboard.press('Escape');
    await pivot.getByRole('cell', { name: 'Huyện Chi Lăng' }).first().waitFor();
    // sort by 2014, largest first
    await page.getByRole('button', { name: 'Sắp xếp theo năm 2014' }).click();
    await page.locator('th[aria-sort="descending"]').waitFor();
    const num = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));
    const firstCells = await pivot.getByRole('row').nth(1).getByRole('cell').allInnerTexts();
    const secondCells = await pivot.getByRole('row').nth(2).getByRole('cell').allInnerTexts();
    expect(num(firstCells[3]!)).toBeGreaterThanOrEqual(num(secondCells[3]!));

    await page.getByRole('button', { name: 'Lưu góc nhìn' }).click();
    await page.getByRole('textbox', { name: 'Tên góc nhìn' }).fill('GTSX theo ngành và huyện');
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu góc nhìn' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu góc nhìn' }).waitFor();
    await page.waitForURL((u) => !!u.searchParams.get('view'));
    const shareUrl = page.url();

    // the link opens the same view
    await page.goto(shareUrl);
    await page.getByText('Góc nhìn “GTSX theo ngành và huyện”').waitFor();
    await expect
      .poll(() => pivot.getByRole('row').nth(1).getByRole('cell').allInnerTexts())
      .toEqual(firstCells);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Xuất XLSX' }).click(),
    ]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bt-xlsx-')), download.suggestedFilename());
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    const values = (ws.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1));
    const headerAt = values.findIndex((r) => r[0] === 'Ngành (VSIC)');
    expect(values[headerAt]).toEqual(['Ngành (VSIC)', 'Địa bàn', 'năm 2013', 'năm 2014']);
    // the first data row is the first row on screen (numbers as numbers, as rounded on screen)
    const row = values[headerAt + 1]!;
    expect(row.slice(0, 2)).toEqual(firstCells.slice(0, 2));
    expect(
      (row[3] as number).toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    ).toBe(firstCells[3]);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });

    // rename the view, then delete it, from the saved-views menu
    await page.getByRole('button', { name: 'Góc nhìn đã lưu' }).click();
    await page.getByRole('menuitem', { name: 'Đổi tên, xoá góc nhìn' }).click();
    const manage = page.getByRole('dialog', { name: 'Đổi tên, xoá góc nhìn' });
    // a row by its view's name (its delete button's label; the text box changes as one types)
    const viewRow = (name: string) =>
      manage
        .getByTestId('view-row')
        .filter({ has: page.getByRole('button', { name: `Xoá góc nhìn “${name}”` }) });
    const before = viewRow('GTSX theo ngành và huyện');
    await before.getByRole('textbox', { name: 'Tên góc nhìn' }).fill('GTSX 2013–2014 theo huyện');
    await before.getByRole('button', { name: 'Đổi tên góc nhìn “GTSX theo ngành và huyện”' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Đã đổi tên góc nhìn thành “GTSX 2013–2014 theo huyện”' })
      .waitFor();
    await page.getByText('Góc nhìn “GTSX 2013–2014 theo huyện”').waitFor();
    const after = viewRow('GTSX 2013–2014 theo huyện');
    await after.getByRole('button', { name: 'Xoá góc nhìn “GTSX 2013–2014 theo huyện”' }).click();
    await after.getByRole('button', { name: 'Xoá', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Đã xoá góc nhìn “GTSX 2013–2014 theo huyện”' })
      .waitFor();
    await page.waitForURL((u) => !u.searchParams.get('view'));
    await page.keyboard.press('Escape');
    // the link no longer opens it
    await page.goto(shareUrl);
    await page.getByTestId('view-error').waitFor();
    expect(await page.getByText('Góc nhìn “GTSX').count()).toBe(0);
  });

  it('the explorer fits a 390 px phone screen, chart switch included', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, baseUrl, 'thongke@demo.buoctien.vn');
    await page.goto(`${baseUrl}/explorer`);
    const chartSwitch = page.locator('[aria-labelledby="chart-type-label"]');
    await chartSwitch.waitFor();
    await page
      .getByTestId('pivot')
      .getByRole('cell', { name: /^C · Công nghiệp chế biến/ })
      .waitFor();
    const box = await chartSwitch.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('the 2014 report is generated, edited by the statistician and issued by the leader', async () => {
    const { page } = browser;
    await signIn(page, baseUrl, 'thongke@demo.buoctien.vn');
    await page.goto(`${baseUrl}/reports`);
    await page.getByRole('heading', { level: 1, name: 'Báo cáo ngành công nghiệp' }).waitFor();
    await page.getByRole('button', { name: 'Tạo dự thảo' }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    const reportUrl = page.url();
    const go = page.getByRole('button', { name: '3.586 tỷ đồng' }).first();
    await go.waitFor();
    const body = await page.locator('.bt-document').textContent();
    expect(body).toContain('tăng 14,15% so với năm 2013');
    expect(body).toContain('580 nghìn tấn');
    expect(body).toMatch(/chì điện phân, sản lượng tăng 44,3%/);

    // a number opens its trace
    await go.click();
    await page
      .getByRole('dialog')
      .getByRole('heading', { name: /Báo cáo của doanh nghiệp/ })
      .waitFor();
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Sửa lời văn' }).click();
    const para = page.getByRole('textbox', { name: 'Đoạn 2' });
    const before = await para.inputValue();
    expect(before).toContain('3.586 tỷ đồng');
    await para.fill(`${before} Kết quả này khẳng định hướng đi đúng của tỉnh.`);
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu dự thảo (phiên bản 2).' }).waitFor();
    expect(await page.locator('.bt-document').textContent()).toContain('khẳng định hướng đi đúng của tỉnh.');
    // the edited paragraph keeps its linked numbers
    expect(await page.getByRole('button', { name: '3.586 tỷ đồng' }).count()).toBeGreaterThan(0);
    // a statistician cannot issue
    expect(await page.getByRole('button', { name: 'Ban hành' }).count()).toBe(0);

    // the leader, in a fresh session
    await browser.context.clearCookies();
    await signIn(page, baseUrl, 'lanhdao@demo.buoctien.vn');
    await page.goto(reportUrl);
    await page.getByRole('button', { name: 'Ban hành' }).click();
    await page.getByRole('textbox', { name: 'Số văn bản' }).fill('125/BC-SCT');
    await page.getByRole('dialog').getByRole('button', { name: 'Ban hành' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã ban hành báo cáo số 125/BC-SCT.' }).waitFor();
    await page.getByText('Số: 125/BC-SCT').waitFor();
    expect(await page.locator('.bt-document').textContent()).toContain('khẳng định hướng đi đúng của tỉnh.');
    expect(await page.getByRole('button', { name: 'Sửa lời văn' }).count()).toBe(0);
    await page.getByText('Phiên bản 3 · Ban hành').waitFor();
    const download = page.getByRole('link', { name: 'Tải về DOCX' });
    expect(await download.getAttribute('href')).toMatch(/\/download\?format=docx$/);
  });

  it('an anonymous visitor opens the open-data page and downloads SDMX-CSV of a published period', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/open`);
    await page.getByRole('heading', { level: 1, name: 'Dữ liệu mở công nghiệp Lạng Sơn' }).waitFor();
    await page.getByRole('button', { name: /Giá trị SXCN lũy kế/ }).waitFor();
    await page.getByRole('combobox', { name: 'Kỳ công bố' }).click();
    await page.getByRole('option', { name: 'năm 2014', exact: true }).click();
    await page.getByRole('heading', { name: 'Tải số liệu kỳ năm 2014' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'SDMX-CSV' }).click(),
    ]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bt-sdmx-')), 'data.csv');
    await download.saveAs(file);
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,INDICATOR,ACTIVITY,PRODUCT,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS',
    );
    const go = lines.find((l) => /,A,20,GO_CONST,_T,_T,2014,/.test(l));
    expect(go).toBeDefined();
    expect(Math.round(Number(go!.split(',')[9]) / 1e9)).toBe(3586);
    // a figure opened by the public shows its definition, not enterprise rows
    await page.getByRole('button', { name: /Giá trị SXCN lũy kế/ }).click();
    await page.getByRole('dialog').getByText('Định nghĩa').waitFor();
    expect(
      await page
        .getByRole('dialog')
        .getByText(/Báo cáo của doanh nghiệp/)
        .count(),
    ).toBe(0);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
