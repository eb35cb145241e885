import type { Role } from '../contracts/roles';
import { makeTaxCode } from '../contracts/tax-code';
import { createUser } from '../server/modules/accounts';
import { seedShippedAreas } from '../server/modules/areas';
import { createEnterprise } from '../server/modules/enterprises';
import { type Actor, systemActor } from '../server/platform/audit';
import type { Database } from '../server/platform/db';
import { demoEnterprises, seededRandom } from './enterprises';
import { loadExtensionDemo } from './extension';
import { loadStatisticsDemo } from './statistics';

/** Shown at start and in the README: demo data, not secrets. */
export const DEMO_PASSWORD = 'BuocTien-2014';

export const DEMO_ACCOUNTS: {
  email: string;
  name: string;
  role: Role;
  areaCode?: string;
  enterprise?: string;
}[] = [
  { email: 'admin@demo.buoctien.vn', name: 'Quản trị hệ thống', role: 'admin' },
  { email: 'lanhdao@demo.buoctien.vn', name: 'Nguyễn Văn Lãnh', role: 'leader' },
  { email: 'canbo@demo.buoctien.vn', name: 'Trần Thị Thu', role: 'officer' },
  { email: 'canbo.chilang@demo.buoctien.vn', name: 'Hoàng Văn Lăng', role: 'officer', areaCode: '187' },
  { email: 'khuyencong@demo.buoctien.vn', name: 'Lương Thị Khuyên', role: 'extension_officer' },
  { email: 'thongke@demo.buoctien.vn', name: 'Vi Văn Thống', role: 'statistician' },
  { email: 'quybaolanh@demo.buoctien.vn', name: 'Đinh Thị Quỹ', role: 'fund_officer' },
  {
    email: 'dn.dongbanh@demo.buoctien.vn',
    name: 'Phòng Kế hoạch Xi măng Đồng Bành',
    role: 'enterprise',
    enterprise: 'dong-banh',
  },
  { email: 'dn.ht@demo.buoctien.vn', name: 'Kế toán Công ty H&T', role: 'enterprise', enterprise: 'h-and-t' },
  { email: 'nganhang@demo.buoctien.vn', name: 'Cán bộ tín dụng VDB Lạng Sơn', role: 'bank' },
];

/** Generated tax codes: valid in form (check digit), Lạng Sơn prefix 49, deterministic. */
function demoTaxCodes(n: number): string[] {
  const rnd = seededRandom(49);
  const out = new Set<string>();
  while (out.size < n) {
    const code = makeTaxCode(`49${String(Math.floor(rnd() * 1e7)).padStart(7, '0')}`);
    if (code) out.add(code);
  }
  return [...out];
}

export async function isEmpty(database: Database): Promise<boolean> {
  const [row] = await database.query<{ n: number }>('select count(*)::int as n from users');
  return Number(row?.n ?? 0) === 0;
}

/** Load the Lạng Sơn demo: shipped areas, the registry, and one account per role. */
export async function loadDemo(
  database: Database,
  log: (line: string) => void = () => {},
  // Was where uploaded demo documents went; they are in the database now. Kept so that callers need no change.
  _opts: { dataDir?: string } = {},
): Promise<void> {
  const db = database.db;
  const actor: Actor = systemActor;
  await seedShippedAreas(db, actor);
  log('  địa bàn / areas: Lạng Sơn 2014 và 2025');
  const list = demoEnterprises();
  const codes = demoTaxCodes(list.length);
  const ids = new Map<string, string>();
  for (const [i, e] of list.entries()) {
    const created = await createEnterprise(db, actor, null, {
      taxCode: codes[i]!,
      name: e.name,
      shortName: e.shortName ?? null,
      nameEn: null,
      areaCode: e.areaCode,
      address: e.address,
      vsic: e.vsic,
      ownership: e.ownership,
      sizeClass: e.sizeClass,
      employees: e.employees,
      foundedOn: e.foundedOn,
      reportsMonthly: e.reportsMonthly,
      representative: null,
      website: null,
      notes: e.notes ?? null,
      products: e.products.map((p) => ({ ...p, productCode: p.productCode ?? null })),
      isDemo: true,
    });
    ids.set(e.key, created.id);
  }
  log(`  doanh nghiệp / enterprises: ${list.length}`);
  await loadStatisticsDemo(db, actor, log);
  for (const a of DEMO_ACCOUNTS) {
    await createUser(db, actor, null, {
      email: a.email,
      name: a.name,
      role: a.role,
      password: DEMO_PASSWORD,
      areaCode: a.areaCode ?? null,
      enterpriseIds: a.enterprise ? [ids.get(a.enterprise)!] : [],
    });
  }
  log(`  tài khoản / accounts: ${DEMO_ACCOUNTS.length}`);
  // Uploaded demo documents go to the database's file store, as the server's own uploads do.
  await loadExtensionDemo(database, ids, log);
}

export function demoAccountsText(): string {
  const lines = DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(18)} ${a.email}`);
  return ['Tài khoản demo / demo accounts (mật khẩu / password: ' + DEMO_PASSWORD + '):', ...lines].join(
    '\n',
  );
}
