import { describe, expect, it } from 'vitest';
import { checkImport, checkSource, checkTree, extractImports } from './check-boundaries.mjs';

describe('extractImports', () => {
  it('finds static, multi-line, type, side-effect, re-export and dynamic imports with their lines', () => {
    const src = [
      "import { a } from './a';", // 1
      'import {', // 2
      '  b,', // 3
      "} from '../b';", // 4
      "import type { C } from './c';", // 5
      "import './side';", // 6
      "export { d } from './d';", // 7
      "const e = await import('./e');", // 8
      "// import { x } from './commented';", // 9
      "/* import { y } from './block'; */", // 10
      "import z from 'zod';", // 11
    ].join('\n');
    expect(extractImports(src)).toEqual([
      { spec: './a', line: 1 },
      { spec: '../b', line: 4 },
      { spec: './c', line: 5 },
      { spec: './side', line: 6 },
      { spec: './d', line: 7 },
      { spec: './e', line: 8 },
      { spec: 'zod', line: 11 },
    ]);
  });
});

describe('checkImport', () => {
  const mod = 'server/modules/enterprises/enterprises.service.ts';
  it('lets a module import another module only through index.ts or *.tables.ts', () => {
    expect(checkImport(mod, '../areas')).toBeNull();
    expect(checkImport(mod, '../areas/index')).toBeNull();
    expect(checkImport(mod, '../areas/index.ts')).toBeNull();
    expect(checkImport(mod, '../areas/areas.tables')).toBeNull();
    expect(checkImport(mod, '../areas/areas.service')).toMatch(/only index.ts or \*\.tables\.ts/);
    expect(checkImport(mod, '../areas/areas.repository')).toMatch(/repository/);
    expect(checkImport(mod, '../areas/lang-son.data')).toMatch(/only index.ts/);
  });
  it('lets a module import its own files, the platform and contracts', () => {
    expect(checkImport(mod, './enterprises.repository')).toBeNull();
    expect(checkImport(mod, '../../platform/db')).toBeNull();
    expect(checkImport(mod, '../../../contracts/enterprises')).toBeNull();
    expect(checkImport('server/modules/enterprises/x.db.test.ts', './enterprises.repository')).toBeNull();
  });
  it('forbids a repository to anything outside its module', () => {
    expect(checkImport('server/cli.ts', './modules/accounts/accounts.repository')).toMatch(/repository/);
    expect(checkImport('demo/index.ts', '../server/modules/areas/areas.repository.ts')).toMatch(/repository/);
    expect(checkImport('server/test/harness.ts', '../modules/accounts')).toBeNull();
  });
  it('forbids server/platform to import modules', () => {
    expect(checkImport('server/platform/http.ts', '../modules/accounts')).toMatch(/platform/);
    expect(checkImport('server/platform/http.ts', './errors')).toBeNull();
  });
  it('keeps contracts/ self-contained', () => {
    expect(checkImport('contracts/enterprises.ts', './common')).toBeNull();
    expect(checkImport('contracts/enterprises.ts', 'zod')).toBeNull();
    expect(checkImport('contracts/enterprises.ts', '../server/platform/db')).toMatch(/contracts/);
    expect(checkImport('contracts/enterprises.ts', '../web/lib/api')).toMatch(/contracts/);
  });
  it('forbids web/ to import server/', () => {
    expect(checkImport('web/features/x.tsx', '../../server/platform/errors')).toMatch(/web/);
    expect(checkImport('web/features/x.tsx', '../../server/modules/enterprises')).toMatch(/web/);
    expect(checkImport('web/features/x.tsx', '../../contracts/enterprises')).toBeNull();
    expect(checkImport('web/features/x.tsx', 'react')).toBeNull();
  });
});

describe('checkSource', () => {
  it('lists every violation with its line', () => {
    const src = [
      "import { z } from 'zod';",
      "import { listAreas } from '../areas/areas.repository';",
      "import { ok } from '../areas';",
      "import { bad } from '../accounts/accounts.service';",
    ].join('\n');
    const v = checkSource('server/modules/enterprises/enterprises.service.ts', src);
    expect(v.map((x) => x.line)).toEqual([2, 4]);
  });
});

describe('the repository tree', () => {
  it('respects the module boundaries', () => {
    const { files, problems } = checkTree();
    expect(files).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
});
