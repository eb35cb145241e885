import { describe, expect, inject, it } from 'vitest';
import { browserPerTest, signIn } from './helpers';

const baseUrl = inject('baseUrl');

describe('browser journeys (issue #2)', () => {
  const browser = browserPerTest();

  it('an officer finds Đồng Bành by "dong banh", edits it and sees the change in its history', async () => {
    const { page } = browser;
    await signIn(page, baseUrl, 'canbo@demo.buoctien.vn');
    // Staff land on the dashboard; the registry is one click away in the navigation.
    await page.getByRole('heading', { level: 1, name: 'Bảng điều hành công nghiệp' }).waitFor();
    await page.getByRole('link', { name: 'Danh bạ doanh nghiệp' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Danh bạ doanh nghiệp' }).waitFor();

    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('dong banh');
    await page.waitForURL((u) => u.searchParams.get('q') === 'dong banh');
    const link = page.getByRole('link', { name: 'Công ty Cổ phần Xi măng Đồng Bành' });
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Công ty Cổ phần Xi măng Đồng Bành' }).waitFor();
    expect(await page.getByText('Dữ liệu demo').first().isVisible()).toBe(true);

    await page.getByRole('link', { name: 'Sửa thông tin' }).click();
    const employees = page.getByRole('textbox', { name: 'Số lao động' });
    await employees.waitFor();
    expect(await employees.inputValue()).toBe('520');
    await employees.fill('535');
    await page.getByRole('textbox', { name: 'Điện thoại' }).fill('0205 3845 678');
    await page.getByRole('button', { name: 'Lưu' }).click();

    await page.getByRole('heading', { level: 1, name: 'Công ty Cổ phần Xi măng Đồng Bành' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor();
    expect(await page.getByRole('definition').filter({ hasText: /^535$/ }).count()).toBe(1);

    await page.getByRole('tab', { name: 'Lịch sử thay đổi' }).click();
    const update = page.getByRole('listitem').filter({ hasText: 'Cập nhật thông tin' });
    await update.first().waitFor();
    expect(await update.first().getByText('Trần Thị Thu').isVisible()).toBe(true);
    const employeesRow = update.first().getByRole('row').filter({ hasText: 'Số lao động' });
    expect(await employeesRow.getByRole('cell').allInnerTexts()).toEqual(['Số lao động', '520', '535']);
    const phoneRow = update.first().getByRole('row').filter({ hasText: 'Điện thoại' });
    expect(await phoneRow.getByRole('cell').allInnerTexts()).toEqual(['Điện thoại', '–', '0205 3845 678']);
  });

  it("an enterprise user opens its own company but not another company's page", async () => {
    const { page } = browser;
    await signIn(page, baseUrl, 'dn.ht@demo.buoctien.vn');
    // A one-company account lands on its company.
    await page.getByRole('heading', { level: 1, name: 'Công ty TNHH sản xuất và thương mại H&T' }).waitFor();
    expect(page.url()).toBe(`${baseUrl}/enterprises/${inject('htId')}`);

    await page.goto(`${baseUrl}/enterprises/${inject('dongBanhId')}`);
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Không tìm thấy doanh nghiệp này');
    const body = await page.locator('body').textContent();
    expect(body).not.toContain('Đồng Bành');
    expect(body).not.toContain('Chi Lăng');

    // Its registry shows only itself.
    await page.getByRole('link', { name: 'Danh bạ doanh nghiệp' }).first().click();
    await page.getByRole('link', { name: 'Công ty TNHH sản xuất và thương mại H&T' }).waitFor();
    expect(await page.getByText('1 kết quả').count()).toBe(1);
    expect(await page.getByRole('link', { name: /Đồng Bành/ }).count()).toBe(0);
  });

  it('signs in with the keyboard only (Tab and Enter), and the skip link reaches the main content', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return '';
        return el.getAttribute('name') ?? el.textContent?.trim() ?? '';
      });
    // Tab through the page until the email field has focus; nothing but the keyboard from here on.
    for (let i = 0; i < 10 && (await focused()) !== 'email'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('email');
    await page.keyboard.type('canbo@demo.buoctien.vn');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('password');
    await page.keyboard.type('BuocTien-2014');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Đăng nhập');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Bảng điều hành công nghiệp' }).waitFor();

    // First Tab on a page lands on the skip link, which is visible when focused and moves focus to <main>.
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Bỏ qua, đến nội dung chính');
    expect(await page.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' }).isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });
});
