import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openBrowser } from './browser';
import { signIn, watchErrors } from './helpers';

/**
 * The extension screens at a laptop (1366×768) and a phone (390×844) width, with no page or console error
 * and no horizontal scroll of the page itself. With BT_SCREENSHOTS=1 the PNGs go to docs/screenshots/
 * (extension-*.png); otherwise to a temp dir.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KEEP = process.env.BT_SCREENSHOTS === '1';
const OUT = KEEP
  ? path.join(ROOT, 'docs/screenshots')
  : fs.mkdtempSync(path.join(os.tmpdir(), 'bt-ext-shots-'));
// The temp dir goes when the file is done (pass or fail); docs/screenshots/ stays.
afterAll(() => {
  if (!KEEP) fs.rmSync(OUT, { recursive: true, force: true });
});
const baseUrl = inject('baseUrl');

const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

async function shot(page: Page, name: string, viewport: string, fullPage = false): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  // The page body never scrolls sideways (wide tables scroll inside their own container).
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} ${viewport} scrolls sideways`).toBeLessThanOrEqual(1);
  await page.screenshot({ path: path.join(OUT, `extension-${name}-${viewport}.png`), fullPage });
}

describe('extension screens at laptop and phone widths', () => {
  for (const vp of VIEWPORTS) {
    it(`officer and enterprise screens, ${vp.name}`, async () => {
      const b = await openBrowser({ width: vp.width, height: vp.height });
      const errors = watchErrors(b.page);
      const { page } = b;
      try {
        await signIn(page, baseUrl, 'khuyencong@demo.buoctien.vn');
        await page.goto(`${baseUrl}/extension`);
        await page.getByRole('heading', { level: 1, name: 'Đề án khuyến công' }).waitFor();
        await page.getByRole('link', { name: /^KC-/ }).first().waitFor();
        await shot(page, 'schemes', vp.name);

        await page.goto(`${baseUrl}/extension/impact`);
        await page.getByRole('heading', { level: 1, name: 'Hiệu quả chương trình khuyến công' }).waitFor();
        await page.getByRole('row', { name: /H&T/ }).waitFor();
        await shot(page, 'impact', vp.name, true);

        await page.goto(`${baseUrl}/extension`);
        await page.getByRole('row', { name: /H&T/ }).getByRole('link').first().click();
        await page.getByRole('heading', { level: 1, name: /chiếu tăm/ }).waitFor();
        await shot(page, 'scheme', vp.name);
        const output = page.getByRole('table', { name: 'Sản lượng so với doanh nghiệp cùng ngành' });
        await output.scrollIntoViewIfNeeded();
        await page.evaluate(() => window.scrollBy(0, -120));
        await shot(page, 'scheme-output', vp.name);

        await page.goto(`${baseUrl}/extension/plans`);
        await page.getByRole('heading', { level: 1, name: 'Kế hoạch và đợt xét chọn' }).waitFor();
        await page.getByRole('region', { name: 'Lập kế hoạch năm' }).waitFor();
        await shot(page, 'plans', vp.name);
        await page.getByRole('region', { name: 'Mở đợt xét chọn' }).scrollIntoViewIfNeeded();
        await shot(page, 'plans-forms', vp.name);
      } finally {
        await b.close();
      }
      expect(errors).toEqual([]);

      const e = await openBrowser({ width: vp.width, height: vp.height });
      const eErrors = watchErrors(e.page);
      try {
        await signIn(e.page, baseUrl, 'dn.ht@demo.buoctien.vn');
        await e.page.goto(`${baseUrl}/extension/portal`);
        await e.page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ khuyến công' }).waitFor();
        await shot(e.page, 'portal', vp.name);
      } finally {
        await e.close();
      }
      expect(eErrors).toEqual([]);
    });
  }
});
