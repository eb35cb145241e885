import fs from 'node:fs';

/**
 * Where DOCX and PDF reports find their browser: Debian's Chromium (`apt-get install chromium`), never a
 * browser download; CHROMIUM_PATH points elsewhere. Light on purpose: the CLI checks it before it loads
 * anything heavy or opens the database.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** True when the browser is there and may be run. */
export function chromiumAvailable(file: string = CHROMIUM_PATH): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
