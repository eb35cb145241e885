import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';

/** withChromium reads CHROMIUM_PATH when loaded, so each case loads it afresh. */
async function load(chromiumPath: string, tmp: string) {
  vi.resetModules();
  vi.stubEnv('CHROMIUM_PATH', chromiumPath);
  vi.stubEnv('TMPDIR', tmp);
  return import('./chromium');
}

describe('withChromium without a usable Chromium', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-chromium-test-'));
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('a missing browser is one translated error (report.chromium_missing), and no folder is made', async () => {
    const { withChromium } = await load(path.join(tmp, 'missing'), tmp);
    const fn = vi.fn();
    await expect(withChromium(fn)).rejects.toMatchObject({
      code: 'report.chromium_missing',
      details: { path: path.join(tmp, 'missing') },
    });
    expect(fn).not.toHaveBeenCalled();
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('a browser that fails to start leaves no profile folder behind', async () => {
    // An executable that is no browser: the launch itself fails.
    const { withChromium } = await load('/bin/false', tmp);
    await expect(withChromium(async () => 1)).rejects.toThrow();
    expect(fs.readdirSync(tmp)).toEqual([]);
  });
});
