/**
 * An import and the period transitions racing, in both orders, made deterministic:
 *  1. the period is closed, approved and published after the import checked it and before its write began
 *     (the import's transaction is held at its start while the transitions run): the import must be refused;
 *  2. (PostgreSQL: transactions run side by side) the transitions come while the import is writing (another
 *     connection holds a lock the import's insert needs): they must wait for the import to commit, so that
 *     no figure lands in the period after it was closed.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { createTestContext, type Session, type TestContext, testDbKind } from '../../test/harness';
import { importReports } from './statistics.service';
import { seedPanel, table } from './test-fixtures';

let t: TestContext;
let statistician: Session;
let leader: Session;
let taxCodes: string[];

beforeAll(async () => {
  t = await createTestContext();
  taxCodes = await seedPanel(
    t,
    Array.from({ length: 10 }, () => ['178', true] as [string, boolean]),
  );
  statistician = await t.loginAs({ role: 'statistician' });
  leader = await t.loginAs({ role: 'leader' });
});
afterAll(() => t?.close());

/** One month of figures for every enterprise and product A–C. */
const monthRows = (period: string) =>
  table(
    taxCodes.flatMap((tax, i) =>
      ['A', 'B', 'C'].map((p) => ({
        tax_code: tax,
        period,
        product_code: p,
        quantity: String(100 + i),
        comment: 'thử đồng thời',
      })),
    ),
  );

const move = (s: Session, period: string, to: string) =>
  s.inject({ method: 'POST', url: `/api/statistics/periods/${period}/transition`, payload: { to } });

/** close → approve → publish, each answered before the next; their status codes. */
async function publish(period: string): Promise<number[]> {
  const codes: number[] = [];
  codes.push((await move(statistician, period, 'closed')).statusCode);
  codes.push((await move(leader, period, 'approved')).statusCode);
  codes.push((await move(leader, period, 'published')).statusCode);
  return codes;
}

async function rowsIn(ym: number): Promise<number> {
  const [r] = await t.database.query<{ n: number }>(
    'select count(*)::int as n from stat_reports where ym = $1',
    [ym],
  );
  return Number(r!.n);
}

/** The same database, but each transaction first waits for `before` (the test's turn to act). */
function holdTransactions(db: Db, before: () => Promise<void>): Db {
  return new Proxy(db, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target) as unknown;
      if (prop === 'transaction')
        return async (...args: Parameters<Db['transaction']>) => {
          await before();
          return target.transaction(...args);
        };
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

describe(`imports and period transitions racing (${testDbKind()})`, () => {
  it('a period published after the import checked it and before it wrote: the import is refused, nothing written', async () => {
    let transitions: number[] = [];
    const db = holdTransactions(t.db, async () => {
      transitions = await publish('2014-03');
    });
    const err = await importReports(db, systemActor, null, monthRows('2014-03')).catch((e) => e);
    expect(transitions).toEqual([200, 200, 200]);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('import.invalid_rows');
    expect(err.details.issues[0]).toMatchObject({
      code: 'issue.period_locked',
      params: { period: '2014-03', status: 'published' },
    });
    expect(await rowsIn(201403)).toBe(0);
  });

  // PostgreSQL only (defined only there, so no run reports it skipped): PGlite has one connection.
  if (testDbKind() === 'postgres')
    it('transitions during the import’s write wait for it to commit (PostgreSQL)', async () => {
      const blocker = new pg.Client({ connectionString: t.config.DATABASE_URL });
      await blocker.connect();
      // Sessions of this database waiting for a lock (pg_locks is live; pg_stat_activity would be the
      // snapshot taken at the blocker's first look inside its transaction).
      const waiting = async () => {
        const [r] = (
          await blocker.query<{ n: number }>(
            `select count(distinct pid)::int as n from pg_locks
             where not granted and database = (select oid from pg_database where datname = current_database())`,
          )
        ).rows;
        return Number(r!.n);
      };
      const until = async (cond: () => Promise<boolean>) => {
        while (!(await cond())) await new Promise((r) => setTimeout(r, 20));
      };
      try {
        // Hold the import at its first write of a report row (its period check is behind it by then).
        await blocker.query('begin');
        await blocker.query('lock table stat_reports in share mode');
        const imported = importReports(t.db, systemActor, null, monthRows('2014-04')).then(
          (r) => ({ ok: true as const, r }),
          (e) => ({ ok: false as const, e }),
        );
        await until(async () => (await waiting()) >= 1);
        let settled = false;
        const transitions = publish('2014-04').finally(() => {
          settled = true;
        });
        // Either the transitions finish while the import cannot commit (the race), or they wait for a lock.
        await until(async () => settled || (await waiting()) >= 2);
        const finishedBeforeImport = settled;
        await blocker.query('commit');
        const result = await imported;
        expect(await transitions).toEqual([200, 200, 200]);
        expect(finishedBeforeImport).toBe(false);
        // The import held the month open while it wrote: it went through, and then the period moved on.
        expect(result.ok).toBe(true);
        expect(await rowsIn(201404)).toBe(3 * taxCodes.length);
        const [p] = await t.database.query<{ status: string }>(
          'select status from stat_periods where ym = 201404',
        );
        expect(p!.status).toBe('published');
      } finally {
        await blocker.query('rollback').catch(() => {});
        await blocker.end();
      }
    });
});
