import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { CHROMIUM_PATH, chromiumAvailable } from '../../../platform/chromium';
import { AppError } from '../../../platform/errors';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A headless Chromium with a fresh profile, closed and removed afterwards. Pages get no network: every
 * request is aborted, so a report's HTML can never fetch anything (inline SVG and styles only).
 */
export async function withChromium<T>(fn: (ctx: BrowserContext) => Promise<T>): Promise<T> {
  // One clear, translated error instead of Playwright's launch message.
  if (!chromiumAvailable()) throw new AppError('report.chromium_missing', { path: CHROMIUM_PATH });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bt-chromium-'));
  let ctx: BrowserContext | null = null;
  try {
    // Launched inside the try: a failed launch still removes the profile folder.
    ctx = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ARGS,
      deviceScaleFactor: 2,
      viewport: { width: 800, height: 600 },
      offline: true,
    });
    await ctx.route('**/*', (route) => route.abort());
    return await fn(ctx);
  } finally {
    await ctx?.close().catch(() => {});
    await fs.rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

/** SVG images to PNG (2× for print), one page, one screenshot each. */
export async function svgsToPng(
  ctx: BrowserContext,
  svgs: { svg: string; width: number; height: number }[],
): Promise<Buffer[]> {
  const page = await ctx.newPage();
  try {
    const out: Buffer[] = [];
    for (const s of svgs) {
      await page.setViewportSize({ width: s.width, height: s.height });
      await page.setContent(
        `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#fff}</style></head><body>${s.svg}</body></html>`,
      );
      out.push(
        await page.screenshot({ clip: { x: 0, y: 0, width: s.width, height: s.height }, type: 'png' }),
      );
    }
    return out;
  } finally {
    await page.close();
  }
}
