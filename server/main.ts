import { demoAccountsText, isEmpty, loadDemo } from '../demo';
import { createApp } from './app';
import { adoptLegacyDocumentFiles } from './modules/extension';
import { type Config, ConfigError, loadConfig } from './platform/config';
import { openDatabase } from './platform/db';
import { errorText } from './platform/errors';
import { sweepOrphanChunks } from './platform/file-store';

/** Composition root: config → database → migrations → (demo on first start) → app → listen. */
export async function serve(overrides: Partial<Config> = {}): Promise<void> {
  const config = { ...loadConfig(), ...overrides };
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  await database.migrate();
  // Uploads a dead process left half-written; documents still in an older version's DATA_DIR/files.
  await sweepOrphanChunks(database.db);
  const legacy = await adoptLegacyDocumentFiles(database.db, config.dataDir);
  if (legacy.moved || legacy.missing) {
    console.log(
      `Tài liệu chuyển vào cơ sở dữ liệu / documents moved into the database: ${legacy.moved}` +
        (legacy.missing ? `; thiếu tệp / files missing: ${legacy.missing}` : ''),
    );
  }
  if (config.DEMO && (await isEmpty(database))) {
    console.log('Đang nạp dữ liệu demo Lạng Sơn / loading the Lạng Sơn demo data…');
    await loadDemo(database, (l) => console.log(l), { dataDir: config.dataDir });
  }
  const app = await createApp(database, config);
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.PORT, host: config.HOST });
  const where = config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite ${config.dataDir}`;
  console.log(`\nBước Tiến: http://localhost:${config.PORT}  (API: /api/docs, dữ liệu / data: ${where})`);
  if (config.DEMO) console.log(demoAccountsText());
}

export function fail(e: unknown): never {
  const msg = e instanceof ConfigError ? e.message : errorText(e);
  console.error(`Lỗi / error: ${msg}`);
  process.exit(1);
}
