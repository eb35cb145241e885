import { describe, expect, inject, it } from 'vitest';
import { browserPerTest, signIn } from './helpers';

const baseUrl = inject('baseUrl');
const dongBanhId = inject('dongBanhId');

/**
 * Statistics screens (issue #3): a statistician enters and revises a monthly figure and the indicator table
 * follows at once; the enterprise opens its own report form from its company page. January 2016 is used
 * because every demo month of 2013–2015 is published (locked) and 2016 has no report yet.
 */
describe('statistics screens (issue #3)', () => {
  const browser = browserPerTest();

  it('a statistician enters and revises a figure and the indicator table changes live', async () => {
    const { page } = browser;
    await signIn(page, baseUrl, 'thongke@demo.buoctien.vn');
    const table = `${baseUrl}/statistics/indicators?freq=M&period=2016-01&imputation=false`;
    const cementRow = () => page.getByTestId('by-product').getByRole('row').filter({ hasText: 'Xi măng' });

    // Before: nothing is reported for January 2016.
    await page.goto(table);
    await page.getByRole('heading', { level: 1, name: 'Chỉ tiêu công nghiệp' }).waitFor();
    await page.getByText('Chưa có số liệu cho kỳ này.').waitFor();
    // The demo's records are in the registry: every page says its data is illustrative.
    await page.getByText('Dữ liệu minh họa Lạng Sơn 2014 — không phải dữ liệu chính thức.').waitFor();
    // The department is named after the installation's own area (Tỉnh Lạng Sơn).
    await page.getByText('Sở Công Thương Lạng Sơn', { exact: true }).waitFor();

    // The entry grid, reached from the nav, with the enterprise picked by search.
    await page.getByRole('link', { name: 'Nhập báo cáo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Báo cáo sản xuất tháng' }).waitFor();
    await page.getByRole('combobox', { name: 'Doanh nghiệp' }).fill('Đồng Bành');
    await page.getByRole('option', { name: /Xi măng Đồng Bành/ }).click();
    await page.getByLabel('Tháng báo cáo').fill('2016-01');
    const qty = page.getByRole('textbox', { name: 'Sản lượng Xi măng tháng 1/2016' });
    await qty.waitFor();
    // Last year's same month and last month are beside the cell.
    const row = page.locator('tr[data-product="XIMANG"]');
    expect(await row.textContent()).toMatch(/50\.584[\s\S]*61\.151/);
    // Numbers are read in the Vietnamese form and never guessed: 12.5 is refused (it was stored as 125),
    // with how it was read; a value with a fraction of a đồng is refused (1.500.000,50 was 150,000,050).
    await qty.focus();
    await page.keyboard.type('12.5');
    await page.getByText('"12.5" viết theo kiểu tiếng Anh', { exact: false }).waitFor();
    expect(await qty.getAttribute('aria-invalid')).toBe('true');
    const value = page.getByRole('textbox', { name: /Giá trị sản xuất \(đồng\) Xi măng tháng 1\/2016/ });
    await value.fill('1.500.000,50');
    await page.getByText('Số tiền tính bằng đồng, không có phần lẻ.').waitFor();
    await value.fill('');
    await qty.fill('50000');
    // What was typed is shown back in the Vietnamese form before saving.
    await page.getByText('Đọc là 50.000 tấn').waitFor();
    await page.getByRole('button', { name: 'Lưu báo cáo' }).click();
    await page.getByText('Đã lưu: 1 mới, 0 sửa, 0 không đổi.').waitFor();

    await page.goto(table);
    await cementRow().waitFor();
    expect(await cementRow().getByRole('cell').first().textContent()).toMatch(/^50 nghìn tấn/);

    // A revision far from last year raises a soft warning that needs an explanation.
    await page.goto(`${baseUrl}/statistics/entry?enterprise=${dongBanhId}&period=2016-01`);
    await qty.waitFor();
    // After saving, the figure keeps its grouping.
    expect(await qty.inputValue()).toBe('50.000');
    await qty.fill('80000');
    await page.getByText(/Cảnh báo: chênh lệch hơn 50% so với cùng kỳ/).waitFor();
    await page.getByRole('button', { name: 'Lưu báo cáo' }).click();
    await page.getByText('Báo cáo chưa được lưu: kiểm tra các ô có lỗi.').waitFor();
    await page
      .getByRole('textbox', { name: /Giải trình Xi măng tháng 1\/2016/ })
      .fill('Lò nung số 2 hoạt động trở lại');
    await page.getByRole('button', { name: 'Lưu báo cáo' }).click();
    await page.getByText('Đã lưu: 0 mới, 1 sửa, 0 không đổi.').waitFor();

    await page.getByRole('link', { name: 'Chỉ tiêu', exact: true }).click();
    await page.goto(table);
    await expect.poll(() => cementRow().getByRole('cell').first().textContent()).toMatch(/^80 nghìn tấn/);

    // The revised figure with a warning waits in the review queue.
    // The queue lists the oldest months first (the API's order): the new row is on the last page.
    await page.getByRole('link', { name: 'Hàng chờ kiểm tra' }).click();
    const total = page.getByText(/^\d+ báo cáo$/);
    await total.waitFor();
    const pages = Math.ceil(Number((await total.textContent())!.split(' ')[0]) / 25);
    if (pages > 1) await page.getByRole('button', { name: String(pages), exact: true }).click();
    await page
      .getByRole('button', { name: /Chấp nhận báo cáo Xi măng tháng 1\/2016 của .*Đồng Bành/ })
      .waitFor();
  });

  it('an enterprise user opens its own report form from its company page', async () => {
    const { page } = browser;
    await signIn(page, baseUrl, 'dn.dongbanh@demo.buoctien.vn');
    await page.waitForURL((u) => u.pathname === `/enterprises/${dongBanhId}`);
    await page.getByRole('link', { name: 'Báo cáo thống kê tháng' }).click();
    await page.getByRole('heading', { level: 1, name: 'Báo cáo sản xuất tháng' }).waitFor();
    expect(await page.getByTestId('own-enterprise').textContent()).toContain('Xi măng Đồng Bành');
    // No picker: the enterprise reports for its own company only.
    expect(await page.getByRole('combobox', { name: 'Doanh nghiệp' }).count()).toBe(0);
    const qty = page.getByRole('textbox', { name: /^Sản lượng Xi măng tháng \d{1,2}\/\d{4}$/ });
    await qty.waitFor();
    expect(await qty.isEditable()).toBe(true);
    // Only its own nav entry of the statistics section.
    expect(await page.getByRole('link', { name: 'Nhập báo cáo' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Hàng chờ kiểm tra' }).count()).toBe(0);
  });
});
