import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { createTestContext, type Session, type TestContext, testDbKind } from '../test/harness';
import { CSRF_HEADER, SESSION_COOKIE } from './http';
import { databaseJobStore, memoryJobStore, trackJob } from './jobs';

function multipart(filename: string, content: string) {
  const b = `bt${Math.random().toString(16).slice(2)}`;
  return {
    payload: Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${b}--\r\n`,
    ),
    headers: { 'content-type': `multipart/form-data; boundary=${b}` },
  };
}

describe('job progress', () => {
  let t: TestContext;
  let officer: Session;

  beforeAll(async () => {
    t = await createTestContext();
    await t.seedAreas();
    officer = await t.loginAs({ role: 'officer' });
  });
  afterAll(() => t?.close());

  for (const kind of ['database', 'memory'] as const) {
    it(`${kind} store: a job is its user's only, taken over by no one else, and forgotten after ten minutes`, async () => {
      const store = kind === 'database' ? databaseJobStore(t.database) : memoryJobStore();
      const [u1, u2] = [randomUUID(), randomUUID()];
      await store.put({ jobId: 'job-a-000001', userId: u1, phase: 'writing', done: 5, total: 9 });
      expect(await store.get('job-a-000001', u1)).toEqual({
        jobId: 'job-a-000001',
        phase: 'writing',
        done: 5,
        total: 9,
      });
      expect(await store.get('job-a-000001', u2)).toBeNull();
      await store.put({ jobId: 'job-a-000001', userId: u2, phase: 'done', done: 1, total: 1 });
      expect((await store.get('job-a-000001', u1))?.done).toBe(5);
      expect(await store.get('job-a-000001', u2)).toBeNull();
      if (kind === 'database') {
        await t.database.query(
          `update job_progress set updated_at = now() - interval '11 minutes' where job_id = 'job-a-000001'`,
        );
        expect(await store.get('job-a-000001', u1)).toBeNull();
      }
    });
  }

  it('a burst of progress calls stores the last state once flushed', async () => {
    const store = databaseJobStore(t.database);
    const user = randomUUID();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 300 }), async (dones) => {
        const jobId = `burst-${randomUUID()}`;
        const progress = trackJob(store, jobId, user);
        for (const d of dones) progress('writing', d, 10_000);
        await progress.flush();
        expect((await store.get(jobId, user))?.done).toBe(dones.at(-1));
      }),
      { numRuns: 10 },
    );
  });

  // Defined on PostgreSQL only: PGlite has one process.
  if (testDbKind() === 'postgres')
    it('PostgreSQL: an import started through one instance is followed from another (PGlite has one process only)', async () => {
      const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-test-b-'));
      const b = await createApp(
        t.database,
        { ...t.config, DATA_DIR: otherDir, dataDir: otherDir },
        { webDist: null },
      );
      try {
        const header = 'tax_code,name,area_code,vsic,ownership,reports_monthly,employees,founded_on,email';
        const rows = Array.from(
          { length: 450 },
          (_, i) => `${t.newTaxCode()},Công ty Tiến Độ ${i},187,2394,non_state,true,,,`,
        );
        const res = await officer.inject({
          method: 'POST',
          url: '/api/enterprises/import?jobId=job-two-instances',
          ...multipart('e.csv', [header, ...rows].join('\n')),
        });
        expect(res.statusCode).toBe(200);
        const onB = await b.inject({
          method: 'GET',
          url: '/api/jobs/job-two-instances',
          headers: { cookie: `${SESSION_COOKIE}=${officer.token}`, [CSRF_HEADER]: officer.csrfToken },
        });
        expect(onB.statusCode).toBe(200);
        expect(onB.json()).toEqual({ jobId: 'job-two-instances', phase: 'done', done: 450, total: 450 });
      } finally {
        await b.close();
        fs.rmSync(otherDir, { recursive: true, force: true });
      }
    });
});
