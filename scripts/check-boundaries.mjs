#!/usr/bin/env node
/**
 * The module-boundary rule (part of `npm run lint`). Fails, listing file:line, when:
 *  1. a file in server/modules/A imports from server/modules/B other than B/index.ts or B/*.tables.ts;
 *  2. anything outside module B imports B's *.repository.ts;
 *  3. server/platform imports server/modules;
 *  4. contracts/ imports anything outside contracts/ except npm packages;
 *  5. web/ imports server/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCAN = ['contracts', 'server', 'web', 'demo', 'e2e', 'bench', 'scripts'];
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.mjs', '.js', '.jsx'];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'migrations', '.git']);

const stripExt = (p) => p.replace(/\.(d\.)?(ts|tsx|mts|mjs|js|jsx)$/, '');

/**
 * Import specifiers of a source text with their 1-based line numbers: static imports and re-exports
 * (also multi-line), side-effect imports and dynamic import() with a literal.
 */
export function extractImports(source) {
  // Blank out comments (keeping line breaks) so that an example in a comment is not an import.
  const text = source
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/^(\s*)\/\/.*$/gm, (_m, ws) => ws);
  const found = [];
  const patterns = [
    /(?:^|[\s;}])(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*(['"])([^'"\n]+)\1/g,
    /(?:^|[\s;}])import\s*(['"])([^'"\n]+)\1/g,
    /\bimport\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g,
  ];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      const at = m.index + m[0].lastIndexOf(m[2]);
      found.push({ spec: m[2], line: text.slice(0, at).split('\n').length });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

/** The repository-relative path (posix) an import points at, or null for an npm package / node builtin. */
export function resolveSpecifier(fromFile, spec) {
  if (!spec.startsWith('.') && !spec.startsWith('/')) return null;
  const base = path.posix.dirname(fromFile.split(path.sep).join('/'));
  return path.posix.normalize(spec.startsWith('/') ? spec.slice(1) : path.posix.join(base, spec));
}

/** Where a repository path lies: its area and, inside server/modules, its module and file. */
function place(rel) {
  const m = /^server\/modules\/([^/]+)(?:\/(.*))?$/.exec(rel);
  if (m) return { area: 'module', module: m[1], file: m[2] ?? '' };
  const top = rel.split('/')[0];
  if (rel.startsWith('server/platform/') || rel === 'server/platform') return { area: 'platform' };
  return { area: top === 'server' ? 'server' : top };
}

/** The violation of one import, as a message, or null when it is allowed. */
export function checkImport(fromFile, spec) {
  const from = place(fromFile.split(path.sep).join('/'));
  const target = resolveSpecifier(fromFile, spec);
  if (from.area === 'contracts') {
    if (target === null) return null;
    if (!target.startsWith('contracts/'))
      return `contracts/ may import only contracts/ and npm packages: '${spec}'`;
    return null;
  }
  if (target === null) return null;
  const to = place(target);
  if (from.area === 'web' && (to.area === 'server' || to.area === 'platform' || to.area === 'module')) {
    return `web/ must not import server/: '${spec}' (share code through contracts/)`;
  }
  if (from.area === 'platform' && to.area === 'module') {
    return `server/platform must not import server/modules: '${spec}'`;
  }
  if (to.area === 'module') {
    const sameModule = from.area === 'module' && from.module === to.module;
    if (sameModule) return null;
    const file = stripExt(to.file);
    if (/(^|\/)[^/]*\.repository$/.test(file)) {
      return `only module ${to.module} may import its repository: '${spec}' (use ${to.module}/index.ts)`;
    }
    if (from.area === 'module') {
      const isPublic =
        file === '' || file === 'index' || (/^[^/]+\.tables$/.test(file) && !file.includes('/'));
      if (!isPublic) {
        return `module ${from.module} may import from module ${to.module} only index.ts or *.tables.ts: '${spec}'`;
      }
    }
  }
  return null;
}

/** Violations of one file's source: `{ line, message }`. */
export function checkSource(fromFile, source) {
  const out = [];
  for (const { spec, line } of extractImports(source)) {
    const message = checkImport(fromFile, spec);
    if (message) out.push({ line, message });
  }
  return out;
}

function* walk(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (EXTENSIONS.some((e) => entry.name.endsWith(e))) yield full;
  }
}

export function checkTree(root = ROOT) {
  const problems = [];
  let files = 0;
  for (const top of SCAN) {
    for (const full of walk(path.join(root, top))) {
      files++;
      const rel = path.relative(root, full).split(path.sep).join('/');
      for (const v of checkSource(rel, fs.readFileSync(full, 'utf8'))) problems.push({ file: rel, ...v });
    }
  }
  return { files, problems };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { files, problems } = checkTree();
  if (problems.length) {
    for (const p of problems) console.error(`${p.file}:${p.line}: ${p.message}`);
    console.error(`\nmodule boundaries: ${problems.length} violation(s) in ${files} files`);
    process.exit(1);
  }
  console.log(`module boundaries: OK (${files} files)`);
}
