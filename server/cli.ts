/**
 * The `buoctien` command (bin/buoctien.mjs runs it through tsx). This file reads and checks the line with
 * light modules only, so that `--help` and a usage error (exit 2) answer at once; the commands themselves
 * (server/cli-commands.ts: the database, the modules, the web server) are loaded only for a valid line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Lang, translate } from '../contracts/messages';
import { ROLES, type Role } from '../contracts/roles';
import {
  COMMANDS,
  type CommandLine,
  describeUsage,
  HELP,
  langOf,
  need,
  needArg,
  type Plan,
  parseCommandLine,
  UsageError,
  type Values,
} from './cli-args';
import { CHROMIUM_PATH, chromiumAvailable } from './platform/chromium';
import { AppError, errorText } from './platform/errors';

const YEAR = /^\d{4}$/;

/** A binary format is never written to the terminal: it needs --out (the same rule for every export). */
function binaryNeedsOut(format: string, v: Values, usage: string): void {
  if (format === 'xlsx' && !v.out) throw new UsageError('cli.binary_needs_out', { format }, [], usage);
}

async function plan({ cmd, sub, arg, values: v }: CommandLine): Promise<Plan> {
  const usage = COMMANDS[cmd!]!.usage;
  switch (cmd) {
    case 'serve':
    case 'migrate':
    case 'demo':
      return { cmd };
    case 'user': {
      const email = need(v.email, '--email', usage).trim().toLowerCase();
      if (sub !== 'add') return { cmd, sub: sub as 'set-password' | 'disable', email };
      const role = need(v.role, '--role', usage) as Role;
      if (!ROLES.includes(role))
        throw new UsageError(
          'cli.invalid_value',
          { option: '--role', expected: ROLES.join(' | ') },
          [],
          usage,
        );
      return { cmd, sub, email, name: need(v.name, '--name', usage), role };
    }
    case 'import': {
      const file = needArg(arg, 'FILE', usage);
      if (!fs.existsSync(file)) throw new UsageError('cli.no_such_file', { file });
      return { cmd, sub: sub!, file };
    }
    case 'export': {
      if (sub === 'schemes') {
        const year = Number(need(v.year, '--year', usage));
        if (!Number.isInteger(year) || year < 2000 || year > 2100)
          throw new UsageError('cli.invalid_value', { option: '--year', expected: 'YYYY' }, [], usage);
        const format = v.format ?? 'csv';
        if (format !== 'csv' && format !== 'xlsx' && format !== 'json')
          throw new UsageError('cli.invalid_value', { option: '--format', expected: 'csv | json | xlsx' });
        binaryNeedsOut(format, v, usage);
        return { cmd: 'export-schemes', year, format };
      }
      // zod and the statistics contract, only for this command.
      const [{ exportQuery }, { schemaIssue }] = await Promise.all([
        import('../contracts/statistics'),
        import('./platform/errors'),
      ]);
      // The option a query field comes from (the rest have the field's name).
      const flag = (k: unknown) =>
        ({ baseYear: 'base-year', imputation: 'no-imputation' })[String(k)] ?? String(k);
      const parsed = exportQuery.safeParse({
        // Without --area: the installation's own area, read once the database is open.
        ...(v.area ? { area: v.area } : {}),
        from: need(v.from, '--from', usage),
        to: need(v.to, '--to', usage),
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
          'cli.invalid_options',
          {},
          parsed.error.issues.map((i) => {
            const issue = schemaIssue(`--${flag(i.path[0])}`, i.code, i.message, { ...i });
            return { path: issue.path!, code: issue.code, params: issue.params };
          }),
          usage,
        );
      binaryNeedsOut(parsed.data.format, v, usage);
      return { cmd: 'export-indicators', query: parsed.data };
    }
    case 'period': {
      const period = needArg(arg, 'YYYY-MM', usage);
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period))
        throw new UsageError('cli.invalid_value', { option: 'period', expected: 'YYYY-MM' }, [], usage);
      return { cmd, sub: sub!, ym: Number(period.slice(0, 4)) * 100 + Number(period.slice(5, 7)) };
    }
    case 'report': {
      const year = need(v.year, '--year', usage);
      if (!YEAR.test(year))
        throw new UsageError('cli.invalid_value', { option: '--year', expected: 'YYYY' }, [], usage);
      if (v.quarter && !/^[1-4]$/.test(v.quarter))
        throw new UsageError(
          'cli.invalid_value',
          { option: '--quarter', expected: '1 | 2 | 3 | 4' },
          [],
          usage,
        );
      const format = v.format ?? 'docx';
      if (format !== 'docx' && format !== 'pdf' && format !== 'md')
        throw new UsageError(
          'cli.invalid_value',
          { option: '--format', expected: 'docx | pdf | md' },
          [],
          usage,
        );
      if (v['base-year'] && !YEAR.test(v['base-year']))
        throw new UsageError('cli.invalid_value', { option: '--base-year', expected: 'YYYY' }, [], usage);
      const out = path.resolve(need(v.out, '--out', usage));
      // Said at once, not after the figures are computed: DOCX and PDF print their charts with Chromium.
      if (format !== 'md' && !chromiumAvailable())
        throw new AppError('report.chromium_missing', { path: CHROMIUM_PATH });
      return { cmd, period: v.quarter ? `${year}-Q${v.quarter}` : year, format, out };
    }
    case 'backup':
    case 'restore':
      return { cmd, file: path.resolve(needArg(sub, 'FILE', usage)) };
    default:
      throw new UsageError('cli.unknown_command', { command: cmd, hint: '' });
  }
}

function describe(e: unknown, lang: Lang): string {
  if (e instanceof UsageError) return describeUsage(e, lang);
  if (e instanceof AppError) {
    const head = translate(lang, e.code, e.details as Record<string, unknown>);
    const issues = (e.details.issues ?? []).map(
      (i) =>
        `  ${i.row !== undefined ? `dòng/row ${i.row}` : ''}${i.column ? ` [${i.column}]` : ''}${i.path ? ` ${i.path}` : ''}: ${translate(lang, i.code, i.params ?? {})}`,
    );
    return [head, ...issues].join('\n');
  }
  return errorText(e);
}

async function main(argv: string[], lang: Lang): Promise<void> {
  const line = parseCommandLine(argv, lang);
  if (line.values.help || !line.cmd) {
    process.stdout.write(HELP);
    return;
  }
  const checked = await plan(line);
  const { execute } = await import('./cli-commands');
  await execute(checked, line.values, lang);
}

const argv = process.argv.slice(2);
const lang = langOf(argv);
main(argv, lang).catch((e) => {
  console.error(`${translate(lang, 'cli.error')}: ${describe(e, lang)}`);
  process.exit(e instanceof UsageError ? 2 : 1);
});
