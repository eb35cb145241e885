import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Lang, translate } from '../contracts/messages';
import { ROLES, type Role } from '../contracts/roles';
import { exportQuery } from '../contracts/statistics';
import { demoAccountsText, isEmpty, loadDemo } from '../demo';
import { serve } from './main';
import { createUser, findUserIdByEmail, setPassword, updateUser } from './modules/accounts';
import { homeAreaCode, importAreas } from './modules/areas';
import { findByTaxCodes, importEnterprises } from './modules/enterprises';
import * as extension from './modules/extension';
import * as publishing from './modules/publishing';
import * as statistics from './modules/statistics';
import { cliActor } from './platform/audit';
import { backupTo, restoreFrom } from './platform/backup';
import { type Config, loadConfig } from './platform/config';
import { type Database, errorText, openDatabase } from './platform/db';
import { AppError, type Issue, schemaIssue } from './platform/errors';
import { readTable } from './platform/files';
import type { Progress } from './platform/jobs';

const HELP = `buoctien — Bước Tiến, hệ thống quản lý phát triển công nghiệp / industrial-development platform

Cách dùng / usage: buoctien <command> [options]

Lệnh / commands:
  serve                         chạy máy chủ web / run the web server (PORT, default 3000)
  migrate                       áp dụng migration / apply database migrations
  demo                          nạp dữ liệu demo Lạng Sơn vào CSDL trống / load the Lạng Sơn demo into an empty database
  user add --email E --name N --role R [--area CODE] [--enterprise TAX_CODE]... [--password P]
  user set-password --email E [--password P]
  user disable --email E
  import <areas|enterprises|products|reports|weights|targets> FILE [--reason R]
                                nhập CSV/XLSX, tất cả hoặc không / import CSV/XLSX, all or nothing
  export indicators --area CODE --from YYYY-MM --to YYYY-MM [--freq M,Q,A,YTD] [--base-year YYYY]
         [--no-imputation] [--indicator ..] [--activity ..] [--product ..]
         [--format sdmx-csv|csv|json|xlsx] [--out FILE]   xuất chỉ tiêu / export indicators (statistics.md §6)
  export schemes --year YYYY --format csv|xlsx|json [--out FILE]
                                đề án khuyến công, mỗi đề án một dòng / extension schemes, one row each
  period <show|close|approve|publish|reopen> YYYY-MM [--reason R]   kỳ báo cáo / reporting periods
  report industry --year YYYY [--quarter N] --area CODE --lang vi|en --format docx|pdf|md --out FILE
         [--base-year YYYY] [--base-url URL]   báo cáo sản xuất công nghiệp (NĐ 30/2020) / industry report
  backup FILE                   sao lưu toàn bộ dữ liệu / back up all data (gzip JSON lines)
  restore FILE                  khôi phục từ bản sao lưu / restore a backup (replaces all data)

Tùy chọn chung / common options:
  --data-dir DIR                thư mục PGlite / PGlite data directory (env DATA_DIR, default ./data)
  --database-url URL            PostgreSQL thay cho PGlite / a PostgreSQL server (env DATABASE_URL)
  --lang vi|en                  ngôn ngữ thông báo / message language (default vi)
  -h, --help                    trợ giúp / this help

Roles: ${ROLES.join(', ')}
`;

const options = {
  help: { type: 'boolean', short: 'h' },
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
  lang: { type: 'string' },
  email: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  area: { type: 'string' },
  enterprise: { type: 'string', multiple: true },
  password: { type: 'string' },
  port: { type: 'string' },
  reason: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  freq: { type: 'string' },
  'base-year': { type: 'string' },
  'no-imputation': { type: 'boolean' },
  indicator: { type: 'string' },
  activity: { type: 'string' },
  product: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  year: { type: 'string' },
  quarter: { type: 'string' },
  'base-url': { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

/** Stands for the installation's own area in a query parsed before the database is open. */
const HOME = '_home';

/** A command line the CLI cannot run (exit code 2); `issues` name the options at fault, translated when shown. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

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

function need(v: string | undefined, flag: string): string {
  if (!v) throw new UsageError(`thiếu / missing --${flag}`);
  return v;
}

async function run(argv: string[]): Promise<void> {
  const { values: v, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  const [cmd, sub, arg] = positionals;
  if (v.help || !cmd) {
    process.stdout.write(HELP);
    return;
  }
  switch (cmd) {
    case 'serve':
      return serve({ ...configFrom(v) });
    case 'migrate':
      return withDatabase(v, async () => console.log('Migrations: OK'));
    case 'demo':
      return withDatabase(v, async (d) => {
        if (!(await isEmpty(d))) throw new UsageError('CSDL đã có dữ liệu / the database is not empty');
        await loadDemo(d, (l) => console.log(l), { dataDir: configFrom(v).dataDir });
        console.log(demoAccountsText());
      });
    case 'user':
      return withDatabase(v, (d) => userCommand(d, sub, v));
    case 'import': {
      const file = need(arg, 'FILE');
      if (!fs.existsSync(file)) throw new UsageError(`không có tệp / no such file: ${file}`);
      const table = await readTable(fs.readFileSync(file), file);
      return withDatabase(v, async (d) => {
        const bar = progressBar(`import ${sub}`);
        const result =
          sub === 'areas'
            ? await importAreas(d.db, cliActor, table, bar)
            : sub === 'enterprises'
              ? await importEnterprises(d.db, cliActor, null, table, bar)
              : sub === 'products'
                ? await statistics.importProducts(d.db, cliActor, table, bar)
                : sub === 'reports'
                  ? await statistics.importReports(d.db, cliActor, null, table, bar, {
                      reason: v.reason ?? null,
                    })
                  : sub === 'weights'
                    ? await statistics.importWeights(d.db, cliActor, table, bar)
                    : sub === 'targets'
                      ? await statistics.importTargets(d.db, cliActor, table, bar)
                      : (() => {
                          throw new UsageError(
                            `import: areas | enterprises | products | reports | weights | targets`,
                          );
                        })();
        console.log(JSON.stringify(result));
      });
    }
    case 'export': {
      if (sub === 'schemes') return exportSchemes(v);
      if (sub !== 'indicators')
        throw new UsageError('export indicators --area CODE --from YYYY-MM --to YYYY-MM');
      // The option a query field comes from (the rest have the field's name).
      const flag = (k: unknown) =>
        ({ baseYear: 'base-year', imputation: 'no-imputation' })[String(k)] ?? String(k);
      const parsed = exportQuery.safeParse({
        // Without --area: the installation's own area, read once the database is open.
        area: v.area ?? HOME,
        from: need(v.from, 'from'),
        to: need(v.to, 'to'),
        freq: v.freq ?? 'M,Q,A,YTD',
        ...(v['base-year'] ? { baseYear: v['base-year'] } : {}),
        imputation: v['no-imputation'] ? 'false' : 'true',
        ...(v.indicator ? { indicator: v.indicator } : {}),
        ...(v.activity ? { activity: v.activity } : {}),
        ...(v.product ? { product: v.product } : {}),
        format: v.format ?? 'sdmx-csv',
      });
      if (!parsed.success)
        throw new UsageError(
          'export indicators',
          parsed.error.issues.map((i) => schemaIssue(`--${flag(i.path[0])}`, i.code, i.message, { ...i })),
        );
      return withDatabase(v, async (d) => {
        const config = configFrom(v);
        const query = { ...parsed.data, area: v.area ?? (await homeAreaCode(d.db)) };
        const result = await statistics.computeIndicators(d.db, query, {
          baseYearDefault: config.BASE_YEAR,
          embargo: false,
        });
        const out = await statistics.renderIndicators(result, parsed.data.format);
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
    }
    case 'period': {
      const period = need(arg, 'YYYY-MM');
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new UsageError('period: YYYY-MM');
      const ym = Number(period.slice(0, 4)) * 100 + Number(period.slice(5, 7));
      const to = { close: 'closed', approve: 'approved', publish: 'published', reopen: 'open' } as const;
      return withDatabase(v, async (d) => {
        if (sub === 'show') {
          console.log(JSON.stringify(await statistics.getPeriod(d.db, ym), null, 1));
          return;
        }
        const target = to[sub as keyof typeof to];
        if (!target) throw new UsageError('period show | close | approve | publish | reopen YYYY-MM');
        const p = await statistics.transitionPeriod(d.db, cliActor, null, ym, target, v.reason ?? null);
        console.log(`${p.period}: ${p.status}${p.publishedAt ? ` (${p.publishedAt})` : ''}`);
      });
    }
    case 'report': {
      const usage =
        'report industry --year YYYY [--quarter N] --area CODE --lang vi|en --format docx|pdf|md --out FILE';
      if (sub !== 'industry') throw new UsageError(usage);
      const year = need(v.year, 'year');
      if (!/^\d{4}$/.test(year)) throw new UsageError(`--year: YYYY (${usage})`);
      if (v.quarter && !/^[1-4]$/.test(v.quarter)) throw new UsageError('--quarter: 1 | 2 | 3 | 4');
      const format = v.format ?? 'docx';
      if (format !== 'docx' && format !== 'pdf' && format !== 'md')
        throw new UsageError('--format: docx | pdf | md');
      if (v['base-year'] && !/^\d{4}$/.test(v['base-year'])) throw new UsageError('--base-year: YYYY');
      const out = path.resolve(need(v.out, 'out'));
      const period = v.quarter ? `${year}-Q${v.quarter}` : year;
      return withDatabase(v, async (d) => {
        const config = configFrom(v);
        const facts = await publishing.loadIndustryFacts(
          d.db,
          { period, areaCode: v.area ?? (await homeAreaCode(d.db)) },
          { baseYear: v['base-year'] ? Number(v['base-year']) : config.BASE_YEAR, embargo: false },
        );
        const doc = publishing.buildReportDocument(facts, v.lang === 'en' ? 'en' : 'vi');
        const baseUrl = v['base-url'] ?? `http://localhost:${config.PORT}`;
        fs.writeFileSync(out, await publishing.renderReport(doc, format, baseUrl));
        console.error(`${period} ${facts.area.code} (${doc.lang}, ${format}) → ${out}`);
      });
    }
    case 'backup': {
      const file = path.resolve(need(sub, 'FILE'));
      return withDatabase(v, async (d) => {
        const r = await backupTo(d, file, (t, n) => process.stderr.write(`  ${t}: ${n}\n`));
        console.log(`Đã sao lưu / backed up ${r.rows} rows in ${r.tables} tables → ${file}`);
      });
    }
    case 'restore': {
      const file = path.resolve(need(sub, 'FILE'));
      return withDatabase(v, async (d) => {
        const r = await restoreFrom(d, file, (t, n) => process.stderr.write(`  ${t}: ${n}\n`));
        console.log(`Đã khôi phục / restored ${r.rows} rows in ${r.tables} tables from ${file}`);
      });
    }
    default:
      throw new UsageError(`lệnh không có / unknown command: ${cmd} (buoctien --help)`);
  }
}

async function userCommand(d: Database, sub: string | undefined, v: Values): Promise<void> {
  const email = need(v.email, 'email').trim().toLowerCase();
  switch (sub) {
    case 'add': {
      const role = need(v.role, 'role') as Role;
      if (!ROLES.includes(role)) throw new UsageError(`--role: ${ROLES.join(' | ')}`);
      const password = v.password ?? randomBytes(12).toString('base64url');
      const enterprises = await findByTaxCodes(d.db, v.enterprise ?? []);
      const missing = (v.enterprise ?? []).filter((t) => !enterprises.some((e) => e.taxCode === t));
      if (missing.length)
        throw new UsageError(`không có doanh nghiệp / no enterprise with tax code ${missing.join(', ')}`);
      const u = await createUser(d.db, cliActor, null, {
        email,
        name: need(v.name, 'name'),
        role,
        password,
        areaCode: v.area ?? null,
        enterpriseIds: enterprises.map((e) => e.id),
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
    default:
      throw new UsageError('user add | set-password | disable');
  }
}

/** `export schemes`: one row per industrial-extension scheme (enterprise, type, source, status, amounts,
 * baseline, results, plausibility flags). */
async function exportSchemes(v: Values): Promise<void> {
  const year = Number(need(v.year, 'year'));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError('--year YYYY');
  const format = v.format ?? 'csv';
  if (format !== 'csv' && format !== 'xlsx' && format !== 'json')
    throw new UsageError('--format csv|xlsx|json');
  if (format === 'xlsx' && !v.out) throw new UsageError('--format xlsx cần / needs --out FILE');
  return withDatabase(v, async (d) => {
    const table = await extension.exportTable(d.db, null, 'schemes', year);
    const out = await extension.renderExport(table, format);
    if (v.out) {
      fs.writeFileSync(v.out, out.data);
      console.error(`${table.rows.length} đề án / schemes → ${v.out}`);
    } else process.stdout.write(out.data);
  });
}

function describe(e: unknown, lang: Lang): string {
  if (e instanceof AppError) {
    const head = translate(lang, e.code, e.details as Record<string, unknown>);
    const issues = (e.details.issues ?? []).map(
      (i) =>
        `  ${i.row !== undefined ? `dòng/row ${i.row}` : ''}${i.column ? ` [${i.column}]` : ''}${i.path ? ` ${i.path}` : ''}: ${translate(lang, i.code, i.params ?? {})}`,
    );
    return [head, ...issues].join('\n');
  }
  if (e instanceof UsageError && e.issues.length)
    return [
      e.message,
      ...e.issues.map((i) => `  ${i.path}: ${translate(lang, i.code, i.params ?? {})}`),
    ].join('\n');
  return errorText(e);
}

const argv = process.argv.slice(2);
const lang: Lang = argv.includes('en') && argv[argv.indexOf('--lang') + 1] === 'en' ? 'en' : 'vi';
run(argv).catch((e) => {
  console.error(`Lỗi / error: ${describe(e, lang)}`);
  process.exit(e instanceof UsageError ? 2 : 1);
});
