import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, expect } from 'vitest';
import { type Browser, openBrowser } from './browser';

export const DEMO_PASSWORD = 'BuocTien-2014';

/** Fails a journey on any uncaught page error or console error, the way a user would notice a broken page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // A refused request (403/404) is logged by the browser itself; the page's handling of it is what we test.
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text()))
      errors.push(`console: ${m.text()}`);
  });
  return errors;
}

export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await expect.poll(() => page.getByRole('button', { name: /Tài khoản của/ }).count()).toBe(1);
}

/**
 * A fresh browser for each test of the calling suite, closed after it; the test fails on any page or console
 * error. Read `page` and `context` inside a test: they are the current test's.
 */
export function browserPerTest(): { readonly page: Page; readonly context: BrowserContext } {
  let current: Browser | undefined;
  let errors: string[] = [];
  beforeEach(async () => {
    current = await openBrowser();
    errors = watchErrors(current.page);
  });
  afterEach(async () => {
    await current?.close();
    expect(errors).toEqual([]);
  });
  return {
    get page() {
      return current!.page;
    },
    get context() {
      return current!.context;
    },
  };
}
