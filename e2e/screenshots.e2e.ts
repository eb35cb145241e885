import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser } from './browser';
import { DEMO_PASSWORD, signIn, watchErrors } from './helpers';

/**
 * Every main screen at a laptop (1366×768) and a phone (390×844) width, with no page or console error.
 * With BT_SCREENSHOTS=1 the PNGs go to docs/screenshots/ (the README shows them); otherwise to a temp dir,
 * so that `npm test` still walks every screen at both widths without touching the tree.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KEEP = process.env.BT_SCREENSHOTS === '1';
const OUT = KEEP ? path.join(ROOT, 'docs/screenshots') : fs.mkdtempSync(path.join(os.tmpdir(), 'bt-shots-'));
// The temp dir goes when the file is done (pass or fail); docs/screenshots/ stays.
afterAll(() => {
  if (!KEEP) fs.rmSync(OUT, { recursive: true, force: true });
});
const baseUrl = inject('baseUrl');
const htId = inject('htId');

const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** H&T gets a real edit and a product first, so that its history has something to show. */
async function editHt(): Promise<void> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'canbo@demo.buoctien.vn', password: DEMO_PASSWORD }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = {
    'content-type': 'application/json',
    cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]!,
    'x-csrf-token': csrfToken,
  };
  const current = (await (await fetch(`${baseUrl}/api/enterprises/${htId}`, { headers })).json()) as {
    version: number;
    products: unknown[];
  };
  if (current.version > 1) return;
  const patch = await fetch(`${baseUrl}/api/enterprises/${htId}`, {
    method: 'PATCH',
    headers,
    body: JSON.stringify({
      version: current.version,
      employees: 126,
      representative: 'Hoàng Văn Tuấn',
      phone: '0205 3870 112',
    }),
  });
  expect(patch.status).toBe(200);
  const product = await fetch(`${baseUrl}/api/enterprises/${htId}/products`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      name: 'Ván ghép thanh',
      unit: 'm³',
      capacityPerYear: '4500',
      productCode: 'VANGHEP',
    }),
  });
  expect(product.status).toBe(200);
}

async function shot(page: Page, name: string, viewport: string): Promise<void> {
  // Let transitions and lazy chunks settle so that the picture is what a user sees.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUT, `${name}-${viewport}.png`) });
}

describe('screens at laptop and phone widths', () => {
  beforeAll(editHt);

  for (const vp of VIEWPORTS) {
    it(`officer screens, ${vp.name} ${vp.width}×${vp.height}`, async () => {
      const b = await openBrowser({ width: vp.width, height: vp.height });
      const errors = watchErrors(b.page);
      const { page } = b;
      try {
        await page.goto(`${baseUrl}/login`);
        await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
        await shot(page, 'login', vp.name);

        await signIn(page, baseUrl, 'canbo@demo.buoctien.vn');
        await page.getByRole('heading', { level: 1, name: 'Bảng điều hành công nghiệp' }).waitFor();
        await page.goto(`${baseUrl}/enterprises`);
        await page.getByRole('heading', { level: 1, name: 'Danh bạ doanh nghiệp' }).waitFor();
        await page
          .getByRole('link', { name: /Công ty/ })
          .first()
          .waitFor();
        await shot(page, 'list', vp.name);

        if (vp.name === 'phone') {
          await page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
          await page
            .getByRole('navigation', { name: 'Điều hướng chính' })
            .getByRole('link')
            .first()
            .waitFor();
          await shot(page, 'nav', vp.name);
          await page.getByRole('button', { name: 'Đóng menu điều hướng' }).click();
        }

        await page.goto(`${baseUrl}/enterprises/${htId}`);
        await page.getByRole('heading', { level: 1, name: /H&T/ }).waitFor();
        await shot(page, 'detail', vp.name);

        await page.getByRole('tab', { name: 'Lịch sử thay đổi' }).click();
        await page.getByRole('listitem').filter({ hasText: 'Cập nhật thông tin' }).first().waitFor();
        await page.getByRole('tabpanel').scrollIntoViewIfNeeded();
        await page.getByRole('tab', { name: 'Lịch sử thay đổi' }).evaluate((el) => el.scrollIntoView());
        await shot(page, 'history', vp.name);

        await page.goto(`${baseUrl}/enterprises/${htId}/edit`);
        await page.getByRole('textbox', { name: 'Số lao động' }).waitFor();
        // A bad tax code and a blank name show the field-level messages in Vietnamese.
        await page.getByRole('textbox', { name: 'Mã số thuế' }).fill('4977768684');
        await page.getByRole('textbox', { name: 'Tên doanh nghiệp' }).fill('');
        await page.getByRole('button', { name: 'Lưu' }).click();
        await page.getByText('Mã số thuế không hợp lệ', { exact: false }).waitFor();
        await page.getByRole('textbox', { name: 'Mã số thuế' }).scrollIntoViewIfNeeded();
        await page.evaluate(() => window.scrollTo(0, 0));
        await shot(page, 'edit', vp.name);

        await page.goto(`${baseUrl}/enterprises/import`);
        await page.getByRole('heading', { level: 1, name: 'Nhập doanh nghiệp từ tệp' }).waitFor();
        await page
          .locator('input[type="file"]')
          .setInputFiles(path.join(ROOT, 'e2e/fixtures/enterprises-with-errors.csv'));
        await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
        await page.getByRole('heading', { name: /Danh sách lỗi/ }).waitFor();
        expect(await page.getByRole('alert').first().textContent()).toContain('không có dòng nào được nhập');
        await page.getByRole('heading', { name: /Danh sách lỗi/ }).scrollIntoViewIfNeeded();
        await shot(page, 'import-errors', vp.name);

        await page.goto(`${baseUrl}/account`);
        await page.getByRole('heading', { name: 'Phiên đăng nhập' }).waitFor();
        await shot(page, 'account', vp.name);
      } finally {
        await b.close();
      }
      expect(errors).toEqual([]);
    });

    it(`admin screens, ${vp.name}`, async () => {
      const b = await openBrowser({ width: vp.width, height: vp.height });
      const errors = watchErrors(b.page);
      const { page } = b;
      try {
        await signIn(page, baseUrl, 'admin@demo.buoctien.vn');
        await page.getByRole('link', { name: 'Quản trị người dùng' }).first().waitFor({ state: 'attached' });
        await page.goto(`${baseUrl}/users`);
        await page.getByRole('heading', { level: 1, name: 'Quản trị người dùng' }).waitFor();
        await page.getByText('canbo@demo.buoctien.vn').waitFor();
        await shot(page, 'users', vp.name);
        await page.getByRole('button', { name: 'Thêm người dùng' }).click();
        await page.getByRole('dialog', { name: 'Thêm người dùng' }).waitFor();
        await page.getByRole('button', { name: 'Tạo mới' }).click();
        await page.getByRole('dialog').getByText('Bắt buộc nhập.').first().waitFor();
        await shot(page, 'users-create', vp.name);
      } finally {
        await b.close();
      }
      expect(errors).toEqual([]);
    });
  }
});
