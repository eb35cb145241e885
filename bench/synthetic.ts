/** The synthetic province of the statistics benchmark: a seeded generator of reports.csv and its registry. */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { seededRandom } from '../demo/enterprises';
import { seedShippedAreas } from '../server/modules/areas';
import { importProducts } from '../server/modules/statistics';
import { systemActor } from '../server/platform/audit';
import type { Database } from '../server/platform/db';
import type { Table } from '../server/platform/files';

const MONTHS = [
  201301, 201302, 201303, 201304, 201305, 201306, 201307, 201308, 201309, 201310, 201311, 201312,
].concat([201401, 201402, 201403, 201404, 201405, 201406, 201407, 201408, 201409, 201410, 201411, 201412]);
const PRODUCTS_PER_ENTERPRISE = 4;
const DISTRICTS = ['178', '180', '181', '182', '183', '184', '185', '186', '187', '188', '189'];
const CLASSES = [
  '0810',
  '1030',
  '1080',
  '1104',
  '1410',
  '1621',
  '1629',
  '1811',
  '2011',
  '2029',
  '2392',
  '2394',
  '2420',
  '2592',
  '2610',
  '3511',
  '3600',
  '3811',
];

export interface Synthetic {
  /** reports.csv files of at most FILE_ROWS rows each, split between enterprises (a province loads several). */
  files: string[];
  rows: number;
  enterprises: { taxCode: string; area: string; vsic: string }[];
}

const FILE_ROWS = 2_500_000;

/** ~rows report rows: enterprises × 4 products × 24 months, 2% of the panel's reports missing. */
export function generate(rows: number, dir: string): Synthetic {
  const rnd = seededRandom(rows);
  const n = Math.ceil(rows / (PRODUCTS_PER_ENTERPRISE * MONTHS.length * 0.98));
  const enterprises = Array.from({ length: n }, (_, i) => ({
    taxCode: String(4_900_000_000 + i).padStart(10, '0'),
    area: DISTRICTS[Math.floor(rnd() * DISTRICTS.length)]!,
    vsic: CLASSES[Math.floor(rnd() * CLASSES.length)]!,
  }));
  const files: string[] = [];
  let fd = -1;
  let inFile = 0;
  let buf = '';
  const flush = () => {
    fs.writeSync(fd, buf);
    buf = '';
  };
  const open = () => {
    if (fd >= 0) {
      flush();
      fs.closeSync(fd);
    }
    const file = path.join(dir, `reports-${rows}-${files.length + 1}.csv`);
    files.push(file);
    fd = fs.openSync(file, 'w', 0o644);
    buf = 'tax_code,period,product_code,quantity,value_vnd\n';
    inFile = 0;
  };
  let count = 0;
  for (const e of enterprises) {
    if (fd < 0 || inFile >= FILE_ROWS - PRODUCTS_PER_ENTERPRISE * MONTHS.length) open();
    const base = CLASSES.indexOf(e.vsic) * 10;
    const products = Array.from(
      { length: PRODUCTS_PER_ENTERPRISE },
      (_, k) => `P${base + ((k * 3 + Number(e.taxCode.slice(-1))) % 10)}`,
    );
    const uniq = [...new Set(products)];
    const level = uniq.map(() => 100 + rnd() * 900);
    for (const ym of MONTHS) {
      uniq.forEach((p, k) => {
        if (rnd() < 0.02 && ym > 201312) return;
        const q = (level[k]! * (0.9 + rnd() * 0.2)).toFixed(2);
        buf += `${e.taxCode},${Math.floor(ym / 100)}-${String(ym % 100).padStart(2, '0')},${p},${q},${Math.round(Number(q) * 150000)}\n`;
        count++;
        inFile++;
      });
      if (buf.length > 1 << 20) flush();
    }
  }
  flush();
  fs.closeSync(fd);
  for (const f of files) fs.chmodSync(f, 0o644);
  return { files, rows: count, enterprises };
}

export async function setup(d: Database, s: Synthetic) {
  await d.migrate();
  await seedShippedAreas(d.db, systemActor);
  const cols = ['code', 'name_vi', 'unit', 'vsic', 'base_year', 'base_price_vnd'];
  const t: Table = {
    columns: cols,
    rows: CLASSES.flatMap((c, ci) =>
      Array.from({ length: 10 }, (_, k) => ({
        line: ci * 10 + k + 2,
        values: {
          code: `P${ci * 10 + k}`,
          name_vi: `Sản phẩm ${ci * 10 + k}`,
          unit: 'tấn',
          vsic: c,
          base_year: '2013',
          base_price_vnd: String(100000 + k * 5000),
        },
      })),
    ),
  };
  await importProducts(d.db, systemActor, t);
  for (let i = 0; i < s.enterprises.length; i += 5000) {
    const part = s.enterprises.slice(i, i + 5000);
    await d.db.execute(sql`insert into enterprises (tax_code, name, area_code, vsic, ownership, reports_monthly)
      select t, 'DN ' || t, a, v, 'non_state', true from unnest(${sql.param(part.map((e) => e.taxCode))}::text[],
        ${sql.param(part.map((e) => e.area))}::text[], ${sql.param(part.map((e) => e.vsic))}::text[]) as x(t, a, v)`);
  }
}
