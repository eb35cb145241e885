import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/audit';
import { createTestContext, type TestContext } from '../../test/harness';
import { importReports } from './statistics.service';
import { seedProducts, table } from './test-fixtures';

/**
 * A long import must not hold the whole server: PGlite runs in the server's own process, so an import that
 * chains its statements without ever giving the event loop a turn leaves every other request waiting until
 * it ends. Here the server listens for real (a socket, as in production) and a health check sent while the
 * import writes must be answered before the import ends.
 */
describe('a long import yields to other requests', () => {
  let t: TestContext;
  let base: string;
  const rows: Record<string, string>[] = [];
  beforeAll(async () => {
    t = await createTestContext();
    await t.seedAreas();
    await seedProducts(t.db);
    for (let e = 0; e < 10; e++) {
      const { taxCode } = await t.createEnterprise({ areaCode: '187', reportsMonthly: true });
      for (let m = 1; m <= 12; m++)
        for (const p of ['A', 'B', 'C'])
          rows.push({
            tax_code: taxCode,
            period: `2014-${String(m).padStart(2, '0')}`,
            product_code: p,
            quantity: String(100 + e + m),
          });
    }
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => t.close());

  it('GET /api/health sent while the import writes is answered before the import ends', async () => {
    const order: string[] = [];
    let health: Promise<void> | null = null;
    const imported = importReports(t.db, systemActor, null, table(rows), (phase) => {
      if (phase === 'writing' && !health)
        health = fetch(`${base}/api/health`).then(async (r) => {
          expect(r.status).toBe(200);
          await r.text();
          order.push('health');
        });
    }).then((r) => {
      order.push('import');
      return r;
    });
    const result = await imported;
    await health;
    expect(result.inserted).toBe(rows.length);
    expect(order).toEqual(['health', 'import']);
  });
});
