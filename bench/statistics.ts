/**
 * Statistics benchmark (issue 3): synthetic provinces from a seeded generator, on PostgreSQL (a throwaway
 * server, like the test harness) and PGlite. Workloads:
 *   ingest     rows/s of `import reports` (CSV parse + full validation + revisions + live aggregates)
 *              vs raw COPY of the same file into an unindexed table in the same database;
 *   annual     the annual report of the issue — every §2 figure for a year, by month (and the year), area
 *              (province and each district), section and product, with YoY — through `annualReport` (the
 *              service of GET /api/statistics/annual-report: set-based SQL over the aggregates), p50/p95,
 *              vs a plain GROUP BY over the raw rows of the two years;
 *   freshness  a submitted report until the annual report reflects it, p95.
 * Usage: npm run bench [-- --sizes 200000,2000000] [--large] [--pglite-sizes 200000] [--runs 20]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { seedShippedAreas } from '../server/modules/areas';
import { annualReport, importProducts, importReports } from '../server/modules/statistics';
import { systemActor } from '../server/platform/audit';
import { type Database, openDatabase } from '../server/platform/db';
import { readTable, type Table } from '../server/platform/files';
import { startPostgres } from '../server/test/postgres-server';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '200000,2000000' },
    'pglite-sizes': { type: 'string', default: '200000' },
    large: { type: 'boolean', default: false },
    runs: { type: 'string', default: '20' },
  },
});
const RUNS = Number(values.runs);
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

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Synthetic {
  file: string;
  rows: number;
  enterprises: { taxCode: string; area: string; vsic: string }[];
}

/** ~rows report rows: enterprises × 4 products × 24 months, 2% of the panel's reports missing. */
function generate(rows: number, dir: string): Synthetic {
  const rnd = rng(rows);
  const n = Math.ceil(rows / (PRODUCTS_PER_ENTERPRISE * MONTHS.length * 0.98));
  const enterprises = Array.from({ length: n }, (_, i) => ({
    taxCode: String(4_900_000_000 + i).padStart(10, '0'),
    area: DISTRICTS[Math.floor(rnd() * DISTRICTS.length)]!,
    vsic: CLASSES[Math.floor(rnd() * CLASSES.length)]!,
  }));
  const file = path.join(dir, `reports-${rows}.csv`);
  const fd = fs.openSync(file, 'w');
  let buf = 'tax_code,period,product_code,quantity,value_vnd\n';
  let count = 0;
  for (const e of enterprises) {
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
      });
      if (buf.length > 1 << 20) {
        fs.writeSync(fd, buf);
        buf = '';
      }
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
  fs.chmodSync(file, 0o644);
  return { file, rows: count, enterprises };
}

async function setup(d: Database, s: Synthetic) {
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

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

const ANNUAL = { area: '20', year: 2014, imputation: true, subAreas: true, baseYear: 2013 };

interface Row {
  db: string;
  size: number;
  workload: string;
  ours: string;
  baseline: string;
  ratio: string;
  note?: string;
}

async function bench(kind: 'postgres' | 'pglite', size: number, dir: string, url?: string): Promise<Row[]> {
  const s = generate(size, dir);
  const d = await openDatabase({ databaseUrl: url });
  const out: Row[] = [];
  try {
    await setup(d, s);
    // ingest
    const t0 = performance.now();
    const table = await readTable(fs.readFileSync(s.file), s.file);
    const parsed = performance.now();
    let writing = 0;
    const r = await importReports(
      d.db,
      systemActor,
      null,
      table,
      (phase) => {
        if (phase === 'writing' && !writing) writing = performance.now();
      },
      { autoComment: 'bench' },
    );
    const ingestS = (performance.now() - t0) / 1000;
    const split = `parse ${((parsed - t0) / 1000).toFixed(1)} s, validate ${((writing - parsed) / 1000).toFixed(1)} s, write ${((performance.now() - writing) / 1000).toFixed(1)} s`;
    const ours = s.rows / ingestS;
    let copy: number | null = null;
    if (kind === 'postgres') {
      await d.exec(
        'create table raw_reports (tax_code text, period text, product_code text, quantity numeric, value_vnd numeric)',
      );
      const c0 = performance.now();
      await d.exec(`copy raw_reports from '${s.file}' with (format csv, header true)`);
      copy = s.rows / ((performance.now() - c0) / 1000);
    }
    out.push({
      db: kind,
      size: s.rows,
      workload: 'ingest rows/s',
      ours: ours.toFixed(0),
      baseline: copy === null ? 'n/a' : copy.toFixed(0),
      ratio: copy === null ? 'n/a' : (ours / copy).toFixed(3),
      note: `${r.inserted} rows in ${ingestS.toFixed(1)} s (${split})`,
    });
    // annual report vs GROUP BY
    const cfg = { baseYearDefault: 2013 };
    let nObs = 0;
    const oursT: number[] = [];
    for (let i = 0; i < RUNS + 2; i++) {
      const a = performance.now();
      const res = await annualReport(d.db, ANNUAL, cfg);
      if (i >= 2) oursT.push(performance.now() - a);
      nObs = res.rows.length;
    }
    const baseT: number[] = [];
    for (let i = 0; i < Math.max(5, Math.floor(RUNS / 2)) + 1; i++) {
      const a = performance.now();
      await d.query(`select ym, area_code, product_code, sum(quantity) as q, sum(value_vnd) as v, count(*) as n
        from stat_reports where ym between 201301 and 201412 group by ym, area_code, product_code`);
      if (i >= 1) baseT.push(performance.now() - a);
    }
    for (const p of [50, 95])
      out.push({
        db: kind,
        size: s.rows,
        workload: `annual report p${p} ms`,
        ours: pct(oursT, p).toFixed(1),
        baseline: pct(baseT, p).toFixed(1),
        ratio: (pct(baseT, p) / pct(oursT, p)).toFixed(1),
        note: p === 50 ? `${nObs} report rows (× up to 7 figures); ratio = baseline/ours` : undefined,
      });
    // freshness
    const fresh: number[] = [];
    const e = s.enterprises[0]!;
    let last = '';
    for (let i = 0; i < RUNS; i++) {
      const q = String(1000 + i);
      const a = performance.now();
      await importReports(d.db, systemActor, null, {
        columns: ['tax_code', 'period', 'product_code', 'quantity', 'comment'],
        rows: [
          {
            line: 2,
            values: {
              tax_code: e.taxCode,
              period: '2014-06',
              product_code: 'P0',
              quantity: q,
              comment: 'bench',
            },
          },
        ],
      });
      const res = await annualReport(d.db, ANNUAL, cfg);
      const got = res.rows.find((o) => o.area === '20' && o.period === '2014-06' && o.product === 'P0');
      if (!got || got.outputQty === last) throw new Error('freshness: the figure did not move');
      last = got.outputQty ?? '';
      fresh.push(performance.now() - a);
    }
    out.push({
      db: kind,
      size: s.rows,
      workload: 'freshness p95 ms',
      ours: pct(fresh, 95).toFixed(1),
      baseline: '1000',
      ratio: (1000 / pct(fresh, 95)).toFixed(1),
      note: 'import of 1 row + the full annual report; target ≤ 1000 ms',
    });
  } finally {
    await d.close();
    fs.rmSync(s.file, { force: true });
  }
  return out;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-bench-'));
  fs.chmodSync(dir, 0o755);
  const sizes = values
    .sizes!.split(',')
    .map(Number)
    .concat(values.large ? [20_000_000] : []);
  const pgliteSizes = values['pglite-sizes']!.split(',').filter(Boolean).map(Number);
  const rows: Row[] = [];
  const pg = await startPostgres();
  try {
    for (const size of sizes) {
      const name = `bench_${size}`;
      await (async () => {
        const admin = await openDatabase({ databaseUrl: pg.url });
        await admin.exec(`drop database if exists ${name}`);
        await admin.exec(`create database ${name}`);
        await admin.close();
      })();
      console.error(`postgres ${size}…`);
      rows.push(...(await bench('postgres', size, dir, pg.url.replace(/\/postgres$/, `/${name}`))));
      printTable(rows);
    }
  } finally {
    pg.stop();
  }
  for (const size of pgliteSizes) {
    console.error(`pglite ${size}…`);
    rows.push(...(await bench('pglite', size, dir)));
  }
  printTable(rows);
  const file = path.join(
    path.dirname(new URL(import.meta.url).pathname),
    'results',
    `statistics-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.json`,
  );
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    JSON.stringify(
      { machine: `${os.cpus().length} cpu, ${os.cpus()[0]?.model}`, node: process.version, rows },
      null,
      1,
    ),
  );
  console.log(`→ ${file}`);
  fs.rmSync(dir, { recursive: true, force: true });
}

function printTable(rows: Row[]) {
  const head = ['db', 'size', 'workload', 'ours', 'baseline', 'ratio', 'note'] as const;
  const w = head.map((h) => Math.max(h.length, ...rows.map((r) => String(r[h] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(w[i]!)).join(' | ');
  console.log(line([...head]));
  console.log(w.map((n) => '-'.repeat(n)).join('-|-'));
  for (const r of rows) console.log(line(head.map((h) => String(r[h] ?? ''))));
}

await main();
