import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COMMANDS,
  describeUsage,
  distance,
  HELP,
  nearest,
  OPTIONS,
  parseCommandLine,
  UsageError,
} from './cli-args';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The usage error a command line gives, translated. */
function usageError(argv: string[], lang: 'vi' | 'en' = 'en'): string {
  try {
    parseCommandLine(argv, lang);
  } catch (e) {
    if (e instanceof UsageError) return describeUsage(e, lang);
    throw e;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('buoctien command line (no database, no server)', () => {
  it('an unknown option is named with the nearest valid one, in the chosen language', () => {
    expect(usageError(['user', 'add', '--emial', 'a@b.vn'])).toContain(
      'Unknown option --emial. Did you mean --email?',
    );
    expect(usageError(['user', 'add', '--emial', 'a@b.vn'], 'vi')).toContain(
      'Không có tùy chọn --emial. Có phải ý bạn là --email?',
    );
    expect(usageError(['export', 'indicators', '--form', '2014-01'])).toContain('Did you mean --from?');
    // Far from every option: no guess.
    expect(usageError(['migrate', '--no-such-option'])).toMatch(/^Unknown option --no-such-option\.\n/);
  });

  it('an option of another command is refused for this one, with its usage', () => {
    const m = usageError(['backup', 'x.gz', '--year', '2014']);
    expect(m).toContain('Unknown option --year for "backup".');
    expect(m).toContain('Usage: buoctien backup FILE');
  });

  it('a command alone lists its subcommands instead of asking for an option', () => {
    const m = usageError(['user']);
    expect(m).toContain('"user" needs one of: add | set-password | disable.');
    expect(m).not.toContain('Missing --email');
    expect(usageError(['report'])).toContain('"report" needs one of: industry.');
    expect(usageError(['user', 'ad'])).toContain('needs one of: add | set-password | disable');
  });

  it('an unknown command suggests the nearest', () => {
    expect(usageError(['migrte'])).toContain('Unknown command "migrte". Did you mean migrate?');
    expect(usageError(['frobnicate'])).toBe('Unknown command "frobnicate".\nSee: buoctien --help');
  });

  it('a value-taking option without its value is said, not swallowed', () => {
    expect(usageError(['user', 'add', '--email', '--name', 'X'])).toContain('Option --email needs a value.');
    expect(usageError(['user', 'disable', '--email'])).toContain('Option --email needs a value.');
    expect(usageError(['migrate', '--lang', 'fr'])).toContain('Invalid --lang: expected vi | en.');
    expect(usageError(['export', 'indicators', '--no-imputation=yes'])).toContain(
      'Option --no-imputation takes no value.',
    );
  });

  it('valid lines parse, --option=value included', () => {
    const l = parseCommandLine(['user', 'add', '--email=a@b.vn', '--role', 'officer', '--lang', 'en'], 'en');
    expect(l).toMatchObject({
      cmd: 'user',
      sub: 'add',
      values: { email: 'a@b.vn', role: 'officer', lang: 'en' },
    });
    expect(parseCommandLine(['serve', '--port', '3100'], 'vi').values.port).toBe('3100');
  });

  it('nearest: an option one edit away from a valid one is always found', () => {
    const names = Object.keys(OPTIONS).filter((n) => n.length >= 4);
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.nat(),
        fc.constantFrom('drop', 'swap', 'double'),
        (n, at, how) => {
          const i = at % (n.length - 1);
          const typo =
            how === 'drop'
              ? n.slice(0, i) + n.slice(i + 1)
              : how === 'swap'
                ? n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2)
                : n.slice(0, i) + n[i] + n.slice(i);
          if (typo === n) return;
          const found = nearest(typo, names);
          expect(found).not.toBeNull();
          expect(distance(typo, found!)).toBeLessThanOrEqual(distance(typo, n));
        },
      ),
    );
  });

  it('the help lists every command and option, and marks the defaulted ones optional', () => {
    for (const name of Object.keys(OPTIONS)) if (name !== 'help') expect(HELP).toContain(`--${name}`);
    for (const c of Object.keys(COMMANDS)) expect(HELP).toContain(`  ${c}`);
    expect(HELP).toContain('serve [--port N]');
    // --area defaults to the installation's own area, --format to docx / sdmx-csv / csv.
    expect(HELP).not.toMatch(/ --area CODE(?!])/);
    expect(HELP).not.toMatch(/[^[]--format docx/);
    expect(HELP).toMatch(
      /report industry --year YYYY --out FILE .*\[--area CODE\] .*\[--format docx\|pdf\|md\]/,
    );
  });
});

/**
 * `--help` and usage errors must not load the server: the entry file and what it imports statically
 * (dynamic `import()` is what defers the heavy parts) reach no module, no database, no web framework.
 */
describe('the CLI entry loads only light modules before the line is checked', () => {
  const staticImports = (file: string): string[] => {
    const src = fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const specs = [
      ...src.matchAll(/^(?:import|export)\s+(?!type\b)[^'";]*?\bfrom\s+'([^']+)'/gm),
      ...src.matchAll(/^import\s+'([^']+)'/gm),
    ].map((m) => m[1]!);
    return specs;
  };
  const resolve = (from: string, spec: string): string | null => {
    if (!spec.startsWith('.')) return null;
    const base = path.posix.join(path.posix.dirname(from), spec);
    for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`])
      if (fs.existsSync(path.join(ROOT, c)) && fs.statSync(path.join(ROOT, c)).isFile()) return c;
    throw new Error(`cannot resolve ${spec} from ${from}`);
  };

  it('server/cli.ts reaches no module, database, server or heavy package statically', () => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const todo = ['server/cli.ts'];
    while (todo.length) {
      const f = todo.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      for (const spec of staticImports(f)) {
        const r = resolve(f, spec);
        if (r) todo.push(r);
        else packages.add(spec);
      }
    }
    const files = [...seen];
    expect(
      files.filter((f) => f.startsWith('server/modules/') || /server\/(main|app|cli-commands)\.ts$/.test(f)),
    ).toEqual([]);
    expect(files).not.toContain('server/platform/db.ts');
    expect([...packages].filter((p) => !p.startsWith('node:'))).toEqual([]);
  });
});
