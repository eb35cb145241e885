/**
 * The `buoctien` command line: options, help, and the checks that need no database. Light on purpose
 * (node:util and the message tables only): `--help` and every usage error answer without loading the
 * server; server/cli.ts loads the commands (server/cli-commands.ts) only once the line is valid.
 */
import { parseArgs } from 'node:util';
import { LANGS, type Lang, translate } from '../contracts/messages';
import { ROLES, type Role } from '../contracts/roles';
import type { IndicatorQuery } from '../contracts/statistics';

export const HELP = `buoctien — Bước Tiến, hệ thống quản lý phát triển công nghiệp / industrial-development platform

Cách dùng / usage: buoctien <command> [options]

Lệnh / commands:
  serve [--port N]              chạy máy chủ web / run the web server (env PORT, default 3000)
  migrate                       áp dụng migration / apply database migrations
  demo                          nạp dữ liệu demo Lạng Sơn vào CSDL trống / load the Lạng Sơn demo into an empty database
  user add --email E --name N --role R [--area CODE] [--enterprise TAX_CODE]... [--password P]
  user set-password --email E [--password P]
  user disable --email E
  import <areas|enterprises|products|reports|weights|targets> FILE [--reason R]
                                nhập CSV/XLSX, tất cả hoặc không / import CSV/XLSX, all or nothing
  export indicators --from YYYY-MM --to YYYY-MM [--area CODE] [--freq M,Q,A,YTD] [--base-year YYYY]
         [--no-imputation] [--indicator ..] [--activity ..] [--product ..]
         [--format sdmx-csv|csv|json|xlsx] [--out FILE]   xuất chỉ tiêu / export indicators (statistics.md §6)
  export schemes --year YYYY [--format csv|json|xlsx] [--out FILE]
                                đề án khuyến công, mỗi đề án một dòng / extension schemes, one row each
  period <show|close|approve|publish|reopen> YYYY-MM [--reason R]   kỳ báo cáo / reporting periods
  report industry --year YYYY --out FILE [--quarter N] [--area CODE] [--lang vi|en] [--format docx|pdf|md]
         [--base-year YYYY] [--base-url URL]   báo cáo sản xuất công nghiệp (NĐ 30/2020) / industry report
  backup FILE                   sao lưu toàn bộ dữ liệu / back up all data (gzip JSON lines)
  restore FILE                  khôi phục từ bản sao lưu / restore a backup (replaces all data)

Mặc định / defaults:
  --area        địa bàn của hệ thống (tỉnh đầu danh mục địa bàn) / the installation's own area (the top province)
  --format      export indicators: sdmx-csv; export schemes: csv; report industry: docx
  --lang        vi
  --format xlsx cần / needs --out FILE; docx và pdf cần Chromium / docx and pdf need Chromium
                (/usr/bin/chromium or CHROMIUM_PATH; apt-get install chromium)

Tùy chọn chung / common options:
  --data-dir DIR                thư mục PGlite / PGlite data directory (env DATA_DIR, default ./data)
  --database-url URL            PostgreSQL thay cho PGlite / a PostgreSQL server (env DATABASE_URL)
  --lang vi|en                  ngôn ngữ thông báo / message language (default vi)
  -h, --help                    trợ giúp / this help

Roles: ${ROLES.join(', ')}
`;

export const OPTIONS = {
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

type OptionName = keyof typeof OPTIONS;
export type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

/** A message code with its values, translated when shown. */
export interface Said {
  code: string;
  params?: Record<string, unknown>;
}

/** A command line the CLI cannot run: exit code 2, translated, with the usage line when there is one. */
export class UsageError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, unknown> = {},
    readonly issues: { path: string; code: string; params?: Record<string, unknown> }[] = [],
    readonly usage: string | null = null,
  ) {
    super(code);
  }
}

/** What to run, checked: every value a command needs that can be checked without the database. */
export type Plan =
  | { cmd: 'serve' | 'migrate' | 'demo' }
  | { cmd: 'user'; sub: 'add'; email: string; name: string; role: Role }
  | { cmd: 'user'; sub: 'set-password' | 'disable'; email: string }
  | { cmd: 'import'; sub: string; file: string }
  | {
      cmd: 'export-indicators';
      /** The area is absent when the line names none (the installation's own, read from the database). */
      query: Omit<IndicatorQuery, 'area'> & { area?: string; format: 'sdmx-csv' | 'csv' | 'json' | 'xlsx' };
    }
  | { cmd: 'export-schemes'; year: number; format: 'csv' | 'xlsx' | 'json' }
  | { cmd: 'period'; sub: string; ym: number }
  | { cmd: 'report'; period: string; format: 'docx' | 'pdf' | 'md'; out: string }
  | { cmd: 'backup' | 'restore'; file: string };

const COMMON: OptionName[] = ['help', 'data-dir', 'database-url', 'lang'];

/** Each command: its subcommands (if any), its usage line and the options it takes besides the common ones. */
export const COMMANDS: Record<string, { subs?: string[]; usage: string; options: OptionName[] }> = {
  serve: { usage: 'serve [--port N]', options: ['port'] },
  migrate: { usage: 'migrate', options: [] },
  demo: { usage: 'demo', options: [] },
  user: {
    subs: ['add', 'set-password', 'disable'],
    usage:
      'user add --email E --name N --role R [--area CODE] [--enterprise TAX_CODE]... [--password P] | user set-password --email E [--password P] | user disable --email E',
    options: ['email', 'name', 'role', 'area', 'enterprise', 'password'],
  },
  import: {
    subs: ['areas', 'enterprises', 'products', 'reports', 'weights', 'targets'],
    usage: 'import <areas|enterprises|products|reports|weights|targets> FILE [--reason R]',
    options: ['reason'],
  },
  export: {
    subs: ['indicators', 'schemes'],
    usage:
      'export indicators --from YYYY-MM --to YYYY-MM [--area CODE] [--freq ..] [--format sdmx-csv|csv|json|xlsx] [--out FILE] | export schemes --year YYYY [--format csv|json|xlsx] [--out FILE]',
    options: [
      'area',
      'from',
      'to',
      'freq',
      'base-year',
      'no-imputation',
      'indicator',
      'activity',
      'product',
      'format',
      'out',
      'year',
    ],
  },
  period: {
    subs: ['show', 'close', 'approve', 'publish', 'reopen'],
    usage: 'period <show|close|approve|publish|reopen> YYYY-MM [--reason R]',
    options: ['reason'],
  },
  report: {
    subs: ['industry'],
    usage:
      'report industry --year YYYY --out FILE [--quarter N] [--area CODE] [--lang vi|en] [--format docx|pdf|md] [--base-year YYYY] [--base-url URL]',
    options: ['year', 'quarter', 'area', 'format', 'out', 'base-year', 'base-url', 'port'],
  },
  backup: { usage: 'backup FILE', options: [] },
  restore: { usage: 'restore FILE', options: [] },
};

/** Edit distance (insert, delete, substitute, swap two neighbours): how far a typo is from a name. */
export function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

/**
 * The nearest of `names` to `typed` when it is near enough to be a typo, else null; a name that `typed`
 * begins (an abbreviation) is taken only when no typo is near.
 */
export function nearest(typed: string, names: readonly string[]): string | null {
  const limit = Math.max(1, Math.min(3, Math.floor(typed.length / 3)));
  let best: string | null = null;
  let bestD = Infinity;
  for (const n of names) {
    let d = distance(typed, n);
    if (d > limit && typed.length >= 2 && n.startsWith(typed)) d = limit + 0.5;
    if (d < bestD) {
      best = n;
      bestD = d;
    }
  }
  return bestD <= limit + 0.5 ? best : null;
}

/** The message language: `--lang en` or `--lang=en` anywhere on the line, else Vietnamese. */
export function langOf(argv: string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang' && argv[i + 1] === 'en') return 'en';
    if (argv[i] === '--lang=en') return 'en';
  }
  return 'vi';
}

const hint = (lang: Lang, suggestion: string | null) =>
  suggestion ? translate(lang, 'cli.did_you_mean', { suggestion }) : '';

export interface CommandLine {
  cmd: string | undefined;
  sub: string | undefined;
  arg: string | undefined;
  values: Values;
}

/**
 * Parses and checks the line: options known to the command and with their values, a known command and
 * subcommand. Throws UsageError (with the nearest valid name when there is one) instead of Node's message.
 */
export function parseCommandLine(argv: string[], lang: Lang): CommandLine {
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const [cmd, sub, arg] = positionals;
  const spec = cmd ? COMMANDS[cmd] : undefined;
  if (values.help === true) return { cmd, sub, arg, values: values as Values };
  if (cmd && !spec)
    throw new UsageError('cli.unknown_command', {
      command: cmd,
      hint: hint(lang, nearest(cmd, Object.keys(COMMANDS))),
    });
  const allowed: OptionName[] = [...COMMON, ...(spec?.options ?? [])];
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const option = `--${t.name}`;
    const known = t.name in OPTIONS ? OPTIONS[t.name as OptionName] : undefined;
    if (!known || !allowed.includes(t.name as OptionName)) {
      const suggestion = nearest(t.name, allowed);
      throw new UsageError(
        'cli.unknown_option',
        {
          option: t.rawName,
          context: known && cmd ? translate(lang, 'cli.for_command', { command: cmd }) : '',
          hint: hint(lang, suggestion && `--${suggestion}`),
        },
        [],
        spec?.usage ?? null,
      );
    }
    if (known.type === 'string') {
      // `--email --name X`: Node would take "--name" as the e-mail address.
      if (t.value === undefined || (!t.inlineValue && t.value.startsWith('-')))
        throw new UsageError('cli.option_value_missing', { option }, [], spec?.usage ?? null);
    } else if (t.inlineValue) throw new UsageError('cli.option_takes_no_value', { option });
  }
  if (typeof values.lang === 'string' && !(LANGS as readonly string[]).includes(values.lang))
    throw new UsageError('cli.invalid_value', { option: '--lang', expected: LANGS.join(' | ') });
  if (spec?.subs && !spec.subs.includes(sub ?? ''))
    throw new UsageError(
      'cli.unknown_subcommand',
      {
        command: cmd,
        choices: spec.subs.join(' | '),
      },
      [],
      spec.usage,
    );
  return { cmd, sub, arg, values: values as Values };
}

/** A required option, or a usage error naming it. */
export function need(value: string | undefined, option: string, usage: string | null = null): string {
  if (!value) throw new UsageError('cli.option_missing', { option }, [], usage);
  return value;
}

/** A required positional argument (FILE, YYYY-MM…), or a usage error naming it. */
export function needArg(value: string | undefined, argument: string, usage: string | null = null): string {
  if (!value) throw new UsageError('cli.argument_missing', { argument }, [], usage);
  return value;
}

/** How a usage error reads: the message, the options at fault, the usage line. */
export function describeUsage(e: UsageError, lang: Lang): string {
  return [
    translate(lang, e.code, e.params),
    ...e.issues.map((i) => `  ${i.path}: ${translate(lang, i.code, i.params ?? {})}`),
    ...(e.usage
      ? // One line per form of the command ("user add … | user disable …").
        e.usage
          .split(' | ')
          .map((u, i) =>
            i === 0 ? translate(lang, 'cli.usage', { usage: `buoctien ${u}` }) : `  buoctien ${u}`,
          )
      : [translate(lang, 'cli.help')]),
  ].join('\n');
}
