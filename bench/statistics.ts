/**
 * Statistics benchmark (issue 3): synthetic provinces from a seeded generator, on PostgreSQL (a throwaway
 * server, like the test harness) and PGlite. Workloads:
 *   ingest     rows/s of `import reports` (CSV parse + full validation + revisions + live aggregates)
 *              vs raw COPY of the same file into an unindexed table in the same database (and, for
 *              reference, a bare INSERT…SELECT of the same rows into a table shaped like stat_reports);
 *   annual     the annual report of the issue — every §2 figure for a year, by month (and the year), area
 *              (province and each district), section and product, with YoY — through `annualReport` (the
 *              service of GET /api/statistics/annual-report: set-based SQL over the aggregates), p50/p95,
 *              vs a plain GROUP BY over the raw rows of the two years; warm (data unchanged: the result
 *              kept for the data version) and cold (the version moved before each call: computed);
 *   freshness  a submitted report until the annual report reflects it, p95.
 * Usage: npm run bench [-- --sizes 200000,2000000] [--large] [--pglite-sizes 200000] [--runs 20]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { annualReport, importReports } from '../server/modules/statistics';
import { systemActor } from '../server/platform/audit';
import { openDatabase } from '../server/platform/db';
import { readTable } from '../server/platform/files';
import { startPostgres } from '../server/test/postgres-server';
import { generate, setup } from './synthetic';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '200000,2000000' },
    'pglite-sizes': { type: 'string', default: '200000' },
    large: { type: 'boolean', default: false },
    runs: { type: 'string', default: '20' },
  },
});
const RUNS = Number(values.runs);
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
    let parseMs = 0;
    let validateMs = 0;
    let writeMs = 0;
    let inserted = 0;
    for (const file of s.files) {
      const t0 = performance.now();
      const table = await readTable(fs.readFileSync(file), file);
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
      parseMs += parsed - t0;
      validateMs += writing - parsed;
      writeMs += performance.now() - writing;
      inserted += r.inserted;
    }
    const ingestS = (parseMs + validateMs + writeMs) / 1000;
    const split = `${s.files.length} file(s): parse ${(parseMs / 1000).toFixed(1)} s, validate ${(validateMs / 1000).toFixed(1)} s, write ${(writeMs / 1000).toFixed(1)} s`;
    const ours = s.rows / ingestS;
    let copy: number | null = null;
    const floors: [string, number][] = [];
    if (kind === 'postgres') {
      await d.exec(
        'create table raw_reports (tax_code text, period text, product_code text, quantity numeric, value_vnd numeric)',
      );
      const c0 = performance.now();
      for (const file of s.files)
        await d.exec(`copy raw_reports from '${file}' with (format csv, header true)`);
      copy = s.rows / ((performance.now() - c0) / 1000);
      // Floors, the same rows INSERTed with nothing else (no validation, history or aggregates): into a table
      // shaped like stat_reports (its keys, indexes and checks), and into the least any keyed store needs (the
      // natural key as primary key and the figures).
      const key = "e.id, replace(r.period, '-', '')::int, r.product_code, r.quantity, r.value_vnd";
      const floorOf = async (what: string, ddl: string, insert: string) => {
        await d.exec(ddl);
        const f0 = performance.now();
        await d.exec(`${insert} from raw_reports r join enterprises e on e.tax_code = r.tax_code`);
        floors.push([what, s.rows / ((performance.now() - f0) / 1000)]);
      };
      await floorOf(
        'stat_reports shape',
        'create table floor_reports (like stat_reports including all)',
        `insert into floor_reports (enterprise_id, ym, product_code, quantity, value_vnd, area_code, ownership,
          ent_vsic, in_panel, source) select ${key}, e.area_code, e.ownership, e.vsic, e.reports_monthly, 'import'`,
      );
      await floorOf(
        'natural key only',
        `create table floor_keyed (enterprise_id uuid, ym int, product_code text, quantity numeric,
          value_vnd numeric, primary key (enterprise_id, ym, product_code))`,
        `insert into floor_keyed select ${key}`,
      );
    }
    out.push({
      db: kind,
      size: s.rows,
      workload: 'ingest rows/s',
      ours: ours.toFixed(0),
      baseline: copy === null ? 'n/a' : copy.toFixed(0),
      ratio: copy === null ? 'n/a' : (ours / copy).toFixed(3),
      note: `${inserted} rows in ${ingestS.toFixed(1)} s (${split})`,
    });
    for (const [what, rate] of floors)
      out.push({
        db: kind,
        size: s.rows,
        workload: `INSERT…SELECT rows/s (${what})`,
        ours: rate.toFixed(0),
        baseline: copy!.toFixed(0),
        ratio: (rate / copy!).toFixed(3),
        note: 'reference: the same rows inserted, nothing else',
      });
    // annual report vs GROUP BY
    const cfg = { baseYearDefault: 2013 };
    let nObs = 0;
    // Warm: nothing changed between calls (the result kept for the data version is served).
    // Cold: the data version moves before every call (a statement on an input table), so each call computes.
    const bump = () => d.exec('update stat_periods set status = status where false');
    const timed = async (cold: boolean, n: number) => {
      const ts: number[] = [];
      for (let i = 0; i < n + 2; i++) {
        if (cold) await bump();
        const a = performance.now();
        const res = await annualReport(d.db, ANNUAL, cfg);
        if (i >= 2) ts.push(performance.now() - a);
        nObs = res.rows.length;
      }
      return ts;
    };
    const coldT = await timed(true, Math.max(5, Math.floor(RUNS / 2)));
    const warmT = await timed(false, RUNS * 5);
    const baseT: number[] = [];
    for (let i = 0; i < Math.max(5, Math.floor(RUNS / 2)) + 1; i++) {
      const a = performance.now();
      await d.query(`select ym, area_code, product_code, sum(quantity) as q, sum(value_vnd) as v, count(*) as n
        from stat_reports where ym between 201301 and 201412 group by ym, area_code, product_code`);
      if (i >= 1) baseT.push(performance.now() - a);
    }
    for (const [label, ts] of [
      ['warm', warmT],
      ['cold', coldT],
    ] as const)
      for (const p of [50, 95])
        out.push({
          db: kind,
          size: s.rows,
          workload: `annual report ${label} p${p} ms`,
          ours: pct(ts, p).toFixed(1),
          baseline: pct(baseT, p).toFixed(1),
          ratio: (pct(baseT, p) / pct(ts, p)).toFixed(1),
          note:
            p === 50
              ? label === 'warm'
                ? `${nObs} report rows (× up to 7 figures), data unchanged; ratio = baseline/ours`
                : 'recomputed: the data version moved before each call'
              : undefined,
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
    for (const file of s.files) fs.rmSync(file, { force: true });
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
