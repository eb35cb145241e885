/**
 * The `buoctien` commands, run once server/cli.ts has checked the line (what it checked arrives as a Plan).
 * Heavy: the database, every module, the web server. Errors: AppError (exit 1) or UsageError (exit 2).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Issue } from '../contracts/errors';
import { type Lang, translate } from '../contracts/messages';
import { demoAccountsText, isEmpty, loadDemo } from '../demo';
import { type Plan, UsageError, type Values } from './cli-args';
import { serve } from './main';
import { createUser, findUserIdByEmail, setPassword, updateUser } from './modules/accounts';
import { homeAreaCode, importAreas, withHomeArea } from './modules/areas';
import { findByTaxCodes, importEnterprises } from './modules/enterprises';
import * as extension from './modules/extension';
import * as publishing from './modules/publishing';
import * as statistics from './modules/statistics';
import { cliActor } from './platform/audit';
import { backupTo, restoreFrom } from './platform/backup';
import { type Config, loadConfig } from './platform/config';
import { type Database, openDatabase } from './platform/db';
import { AppError } from './platform/errors';
import { readTable } from './platform/files';
import type { Progress } from './platform/jobs';

function configFrom(v: Values): Config {
  return loadConfig({
    ...process.env,
    ...(v['data-dir'] ? { DATA_DIR: v['data-dir'] } : {}),
    ...(v['database-url'] ? { DATABASE_URL: v['database-url'] } : {}),
    ...(v.port ? { PORT: v.port } : {}),
  });
}

async function withDatabase<T>(v: Values, fn: (d: Database) => Promise<T>): Promise<T> {
  const config = configFrom(v);
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  try {
    await database.migrate();
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** A progress bar on stderr when it is a terminal, a line every tenth otherwise. */
export function progressBar(label: string): Progress {
  let lastTenth = -1;
  return (phase, done, total) => {
    const pct = total ? Math.floor((done / total) * 100) : 0;
    if (process.stderr.isTTY) {
      const width = 30;
      const fill = Math.round((pct / 100) * width);
      process.stderr.write(
        `\r${label} ${phase.padEnd(10)} [${'#'.repeat(fill)}${' '.repeat(width - fill)}] ${pct}% ${done}/${total}`,
      );
      if (phase === 'done' || phase === 'failed') process.stderr.write('\n');
    } else if (Math.floor(pct / 10) !== lastTenth || phase === 'done') {
      lastTenth = Math.floor(pct / 10);
      process.stderr.write(`${label} ${phase} ${pct}% (${done}/${total})\n`);
    }
  };
}

const STEP_NAMES = {
  open: { vi: 'mở cơ sở dữ liệu', en: 'opening the database' },
  compute: { vi: 'tính chỉ tiêu', en: 'computing the indicators' },
  render: { vi: 'tạo tệp', en: 'writing the file' },
  charts: { vi: 'vẽ biểu đồ và tạo tệp', en: 'drawing the charts and writing the file' },
  done: { vi: 'xong', en: 'done' },
} as const;

/**
 * Steps of long work without a count of their own (computing indicators, rendering a report): one line on
 * stderr per step with the time so far, and on a terminal a ticking clock on that line while it runs.
 */
export function steps(label: string, lang: Lang, total: number) {
  const started = Date.now();
  let n = 0;
  let timer: NodeJS.Timeout | null = null;
  let current = '';
  const secs = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const stopTicking = () => {
    if (timer) clearInterval(timer);
    timer = null;
    if (process.stderr.isTTY && current) process.stderr.write(`\r${current} (${secs()})\n`);
  };
  return {
    step(name: keyof typeof STEP_NAMES) {
      stopTicking();
      n++;
      current = `${label} [${n}/${total}] ${STEP_NAMES[name][lang]}…`;
      if (process.stderr.isTTY) {
        process.stderr.write(current);
        timer = setInterval(() => process.stderr.write(`\r${current} (${secs()})`), 500);
        timer.unref();
      } else process.stderr.write(`${current} (${secs()})\n`);
    },
    done() {
      stopTicking();
      current = '';
      process.stderr.write(`${label} ${STEP_NAMES.done[lang]} (${secs()})\n`);
    },
    stop: stopTicking,
  };
}

export async function execute(plan: Plan, v: Values, lang: Lang): Promise<void> {
  switch (plan.cmd) {
    case 'serve':
      return serve({ ...configFrom(v) });
    case 'migrate':
      return withDatabase(v, async () => console.log('Migrations: OK'));
    case 'demo':
      return withDatabase(v, async (d) => {
        if (!(await isEmpty(d))) throw new UsageError('cli.database_not_empty');
        await loadDemo(d, (l) => console.log(l), { dataDir: configFrom(v).dataDir });
        console.log(demoAccountsText());
      });
    case 'user':
      return withDatabase(v, (d) => userCommand(d, plan, v));
    case 'import': {
      const table = await readTable(fs.readFileSync(plan.file), plan.file);
      return withDatabase(v, async (d) => {
        const bar = progressBar(`import ${plan.sub}`);
        const importers: Record<string, () => Promise<unknown>> = {
          areas: () => importAreas(d.db, cliActor, table, bar),
          enterprises: () => importEnterprises(d.db, cliActor, null, table, bar),
          products: () => statistics.importProducts(d.db, cliActor, table, bar),
          reports: () =>
            statistics.importReports(d.db, cliActor, null, table, bar, { reason: v.reason ?? null }),
          weights: () => statistics.importWeights(d.db, cliActor, table, bar),
          targets: () => statistics.importTargets(d.db, cliActor, table, bar),
        };
        console.log(JSON.stringify(await importers[plan.sub]!()));
      });
    }
    case 'export-indicators':
      return exportIndicators(plan, v, lang);
    case 'export-schemes':
      return withDatabase(v, async (d) => {
        const table = await extension.exportTable(d.db, null, 'schemes', plan.year);
        const out = await extension.renderExport(table, plan.format);
        if (v.out) {
          fs.writeFileSync(v.out, out.data);
          console.error(`${table.rows.length} đề án / schemes → ${v.out}`);
        } else process.stdout.write(out.data);
      });
    case 'period': {
      const to = { close: 'closed', approve: 'approved', publish: 'published', reopen: 'open' } as const;
      return withDatabase(v, async (d) => {
        if (plan.sub === 'show') {
          console.log(JSON.stringify(await statistics.getPeriod(d.db, plan.ym), null, 1));
          return;
        }
        const target = to[plan.sub as keyof typeof to];
        const p = await statistics.transitionPeriod(d.db, cliActor, null, plan.ym, target, v.reason ?? null);
        console.log(`${p.period}: ${p.status}${p.publishedAt ? ` (${p.publishedAt})` : ''}`);
      });
    }
    case 'report':
      return reportIndustry(plan, v, lang);
    case 'backup':
      return withDatabase(v, async (d) => {
        const r = await backupTo(d, plan.file, (t, n) => process.stderr.write(`  ${t}: ${n}\n`));
        console.log(`Đã sao lưu / backed up ${r.rows} rows in ${r.tables} tables → ${plan.file}`);
      });
    case 'restore':
      return withDatabase(v, async (d) => {
        const r = await restoreFrom(d, plan.file, (t, n) => process.stderr.write(`  ${t}: ${n}\n`));
        console.log(`Đã khôi phục / restored ${r.rows} rows in ${r.tables} tables from ${plan.file}`);
      });
  }
}

async function exportIndicators(
  plan: Extract<Plan, { cmd: 'export-indicators' }>,
  v: Values,
  lang: Lang,
): Promise<void> {
  const progress = steps('export indicators', lang, 3);
  progress.step('open');
  try {
    await withDatabase(v, async (d) => {
      const config = configFrom(v);
      progress.step('compute');
      const query = await withHomeArea(d.db, plan.query);
      const result = await statistics.computeIndicators(d.db, query, {
        baseYearDefault: config.BASE_YEAR,
        embargo: false,
      });
      progress.step('render');
      const out = await statistics.renderIndicators(result, query.format);
      progress.done();
      if (v.out) {
        fs.writeFileSync(v.out, out.body);
        console.error(`${result.observations.length} observations → ${v.out}`);
      } else process.stdout.write(out.body);
      // statistics.md §2–§3: the export says which products were left out (the JSON and XLSX carry it too).
      for (const [code, codes] of [
        ['export.products_without_price', result.productsWithoutPrice],
        ['export.products_without_base', result.productsWithoutBase],
      ] as const)
        if (codes.length)
          console.error(
            translate(lang, code, { count: codes.length, year: result.baseYear, codes: codes.join(', ') }),
          );
    });
  } finally {
    progress.stop();
  }
}

async function reportIndustry(plan: Extract<Plan, { cmd: 'report' }>, v: Values, lang: Lang): Promise<void> {
  const progress = steps('report industry', lang, 3);
  progress.step('open');
  try {
    await withDatabase(v, async (d) => {
      const config = configFrom(v);
      progress.step('compute');
      const facts = await publishing.loadIndustryFacts(
        d.db,
        { period: plan.period, areaCode: v.area ?? (await homeAreaCode(d.db)) },
        { baseYear: v['base-year'] ? Number(v['base-year']) : config.BASE_YEAR, embargo: false },
      );
      const doc = publishing.buildReportDocument(facts, v.lang === 'en' ? 'en' : 'vi');
      const baseUrl = v['base-url'] ?? `http://localhost:${config.PORT}`;
      progress.step(plan.format === 'md' ? 'render' : 'charts');
      const body = await publishing.renderReport(doc, plan.format, baseUrl);
      progress.done();
      fs.writeFileSync(plan.out, body);
      console.error(`${plan.period} ${facts.area.code} (${doc.lang}, ${plan.format}) → ${plan.out}`);
    });
  } finally {
    progress.stop();
  }
}

async function userCommand(d: Database, plan: Extract<Plan, { cmd: 'user' }>, v: Values): Promise<void> {
  const { email } = plan;
  switch (plan.sub) {
    case 'add': {
      const password = v.password ?? randomBytes(12).toString('base64url');
      const enterprises = await findByTaxCodes(d.db, v.enterprise ?? []);
      const missing = (v.enterprise ?? []).filter((t) => !enterprises.some((e) => e.taxCode === t));
      if (missing.length)
        throw new UsageError(
          'validation.failed',
          {},
          missing.map((code) => ({
            path: '--enterprise',
            code: 'issue.unknown_enterprise',
            params: { code },
          })),
        );
      const u = await createUser(d.db, cliActor, null, {
        email,
        name: plan.name,
        role: plan.role,
        password,
        areaCode: v.area ?? null,
        enterpriseIds: enterprises.map((e) => e.id),
      }).catch((e) => {
        // The service names its fields; on the command line they are options.
        if (!(e instanceof AppError) || e.code !== 'validation.failed') throw e;
        const option = (p = '') =>
          p === 'areaCode' ? '--area' : p.startsWith('enterpriseIds') ? '--enterprise' : p;
        throw new UsageError(
          'validation.failed',
          {},
          (e.details.issues ?? []).map((i: Issue) => ({ ...i, path: option(i.path) })),
        );
      });
      console.log(
        `Đã tạo / created ${u.email} (${u.role})${v.password ? '' : `, mật khẩu / password: ${password}`}`,
      );
      return;
    }
    case 'set-password': {
      const password = v.password ?? randomBytes(12).toString('base64url');
      await setPassword(d.db, cliActor, null, await findUserIdByEmail(d.db, email), password);
      console.log(`Đã đặt mật khẩu / password set for ${email}${v.password ? '' : `: ${password}`}`);
      return;
    }
    case 'disable':
      await updateUser(d.db, cliActor, null, await findUserIdByEmail(d.db, email), { disabled: true });
      console.log(`Đã vô hiệu hóa / disabled ${email}; its sessions are ended`);
      return;
  }
}
