import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { backupTo, restoreFrom } from '../../platform/backup';
import { CHUNK_BYTES, sweepOrphanChunks } from '../../platform/file-store';
import { CSRF_HEADER, SESSION_COOKIE } from '../../platform/http';
import {
  createTestContext,
  fingerprint,
  type Session,
  TEST_PASSWORD,
  type TestContext,
} from '../../test/harness';
import { adoptLegacyDocumentFiles } from '.';

/** A multipart body with one file in the `file` field; `cut` drops the closing boundary (a broken upload). */
function multipart(filename: string, content: Buffer | string, opts: { cut?: boolean } = {}) {
  const b = `bt${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(opts.cut ? '' : `\r\n--${b}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const MB = 1024 * 1024;

async function newScheme(officer: Session, enterpriseId: string): Promise<string> {
  const r = await officer.inject({
    method: 'POST',
    url: '/api/extension/schemes',
    payload: {
      year: 2014,
      title: `Đề án thử ${randomBytes(3).toString('hex')}`,
      supportKind: 'advanced_machinery',
      activityGroupCode: 'demonstration',
      fundingSource: 'local',
      totalCostVnd: '1000000000',
      supportRequestedVnd: '100000000',
      counterpartVnd: '900000000',
      leadEnterpriseId: enterpriseId,
    },
  });
  if (r.statusCode !== 201) throw new Error(`scheme: ${r.statusCode} ${r.body}`);
  return r.json().id;
}

const upload = (s: Session, schemeId: string, name: string, content: Buffer, opts: { cut?: boolean } = {}) =>
  s.inject({
    method: 'POST',
    url: `/api/extension/schemes/${schemeId}/documents?kind=application`,
    ...multipart(name, content, opts),
  });

const count = async (t: TestContext, table: string) =>
  Number((await t.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n);

describe('documents: kept in the database, served by any instance', () => {
  let t: TestContext;
  let officer: Session;
  let enterpriseId: string;
  let schemeId: string;

  beforeAll(async () => {
    t = await createTestContext();
    officer = await t.loginAs({ role: 'extension_officer' });
    enterpriseId = (await t.createEnterprise()).id;
    schemeId = await newScheme(officer, enterpriseId);
  });
  afterAll(() => t?.close());

  it('a file uploaded through one instance downloads through another (own DATA_DIR, same database)', async () => {
    const content = randomBytes(CHUNK_BYTES * 2 + 12345);
    const r = await upload(officer, schemeId, 'hồ sơ.pdf', content);
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      sha256: sha(content),
      sizeBytes: content.length,
      filename: 'hồ sơ.pdf',
    });
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-test-b-'));
    const b = await createApp(
      t.database,
      { ...t.config, DATA_DIR: otherDir, dataDir: otherDir },
      { webDist: null },
    );
    try {
      const dl = await b.inject({
        method: 'GET',
        url: `/api/extension/schemes/${schemeId}/documents/${r.json().id}`,
        headers: { cookie: `${SESSION_COOKIE}=${officer.token}`, [CSRF_HEADER]: officer.csrfToken },
      });
      expect(dl.statusCode).toBe(200);
      expect(dl.headers['content-length']).toBe(String(content.length));
      expect(Buffer.compare(dl.rawPayload, content)).toBe(0);
    } finally {
      await b.close();
      fs.rmSync(otherDir, { recursive: true, force: true });
    }
    // Nothing of it on disk: the bytes are in the database, in chunks.
    expect(fs.existsSync(path.join(t.config.dataDir, 'files'))).toBe(false);
    const [f] = await t.database.query<{ chunk_count: number; n: number }>(
      `select f.chunk_count, (select count(*)::int from stored_file_chunks c where c.file_id = f.id) as n
       from stored_files f where f.sha256 = $1`,
      [sha(content)],
    );
    expect(f).toEqual({ chunk_count: 3, n: 3 });
  });

  it('the same bytes twice are kept once (content-addressed); each upload is its own document', async () => {
    const content = randomBytes(5000);
    const files0 = await count(t, 'stored_files');
    const chunks0 = await count(t, 'stored_file_chunks');
    const a = await upload(officer, schemeId, 'a.pdf', content);
    const b = await upload(officer, schemeId, 'b.pdf', content);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).not.toBe(b.json().id);
    expect(await count(t, 'stored_files')).toBe(files0 + 1);
    expect(await count(t, 'stored_file_chunks')).toBe(chunks0 + 1);
    for (const d of [a.json(), b.json()]) {
      const dl = await officer.inject({
        method: 'GET',
        url: `/api/extension/schemes/${schemeId}/documents/${d.id}`,
      });
      expect(sha(dl.rawPayload)).toBe(sha(content));
    }
  });

  it('an upload cut off midway answers 400 and leaves nothing behind', async () => {
    const before = await fingerprint(t.database);
    const r = await upload(officer, schemeId, 'cut.pdf', randomBytes(CHUNK_BYTES + 1000), { cut: true });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('request.malformed');
    expect(await fingerprint(t.database)).toBe(before);
  });

  it('chunks a dead upload left behind are swept; those of stored files stay', async () => {
    const orphan = '00000000-0000-4000-8000-000000000001';
    await t.database.query(
      `insert into stored_file_chunks (file_id, seq, data, written_at) values ($1, 0, '\\x00', now() - interval '2 days')`,
      [orphan],
    );
    const chunks = await count(t, 'stored_file_chunks');
    expect(await sweepOrphanChunks(t.db)).toBe(1);
    expect(await count(t, 'stored_file_chunks')).toBe(chunks - 1);
    expect(await sweepOrphanChunks(t.db)).toBe(0);
  });

  it("documents of an older version's DATA_DIR/files move into the store at start", async () => {
    const content = Buffer.from('biên bản cũ');
    const h = sha(content);
    fs.mkdirSync(path.join(t.config.dataDir, 'files', h.slice(0, 2)), { recursive: true });
    fs.writeFileSync(path.join(t.config.dataDir, 'files', h.slice(0, 2), h), content);
    const [d] = await t.database.query<{ id: string }>(
      `insert into ext_documents (scheme_id, kind, filename, mime_type, size_bytes, sha256, storage_path)
       values ($1, 'contract', 'cu.pdf', 'application/pdf', $2, $3, $4), ($1, 'contract', 'mat.pdf', 'application/pdf', 1, 'x', 'ab/gone')
       returning id`,
      [schemeId, content.length, h, path.join(h.slice(0, 2), h)],
    );
    const url = `/api/extension/schemes/${schemeId}/documents/${d!.id}`;
    expect((await officer.inject({ method: 'GET', url })).statusCode).toBe(404);
    expect(await adoptLegacyDocumentFiles(t.db, t.config.dataDir)).toEqual({ moved: 1, missing: 1 });
    const dl = await officer.inject({ method: 'GET', url });
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.toString()).toBe('biên bản cũ');
    expect(await adoptLegacyDocumentFiles(t.db, t.config.dataDir)).toEqual({ moved: 0, missing: 1 });
    await t.database.query(`delete from ext_documents where storage_path = 'ab/gone'`);
  });

  it('a backup holds the documents: after a restore into another database every listed document downloads', async () => {
    const docs = (await officer.inject({ method: 'GET', url: `/api/extension/schemes/${schemeId}` })).json()
      .documents as { id: string; sha256: string }[];
    expect(docs.length).toBeGreaterThanOrEqual(4);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bt-backup-'));
    const file = path.join(dir, 'b.jsonl.gz');
    const u = await createTestContext();
    try {
      await backupTo(t.database, file);
      await restoreFrom(u.database, file);
      const officer2 = await u.login(officer.user.email, TEST_PASSWORD);
      for (const d of docs) {
        const dl = await officer2.inject({
          method: 'GET',
          url: `/api/extension/schemes/${schemeId}/documents/${d.id}`,
        });
        expect(dl.statusCode, d.id).toBe(200);
        expect(sha(dl.rawPayload)).toBe(d.sha256);
      }
    } finally {
      await u.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('documents: size per file, total and count per enterprise', () => {
  let t: TestContext;
  let officer: Session;
  let owner: Session;
  let enterpriseId: string;
  let schemeId: string;

  beforeAll(async () => {
    t = await createTestContext({
      env: { DOCUMENT_MAX_MB: '1', DOCUMENT_QUOTA_MB: '2', DOCUMENT_QUOTA_FILES: '3' },
    });
    officer = await t.loginAs({ role: 'extension_officer' });
    enterpriseId = (await t.createEnterprise()).id;
    owner = await t.loginAs({ role: 'enterprise', enterpriseIds: [enterpriseId] });
    schemeId = await newScheme(officer, enterpriseId);
  });
  afterAll(() => t?.close());

  it('a file over the per-file limit is 413 naming the limit, and nothing is left behind', async () => {
    const before = await fingerprint(t.database);
    const r = await upload(owner, schemeId, 'lon.pdf', randomBytes(MB + 1));
    expect(r.statusCode).toBe(413);
    expect(r.json().error.code).toBe('extension.document_too_large');
    expect(r.json().error.message).toContain('1 MB');
    expect(await fingerprint(t.database)).toBe(before);
    // exactly at the limit is taken
    expect((await upload(owner, schemeId, 'vua.pdf', randomBytes(MB))).statusCode).toBe(201);
  });

  it('the total per enterprise: an upload that would pass it is 413 naming the limit; another enterprise is unaffected', async () => {
    // 1 MB stored above; 0.9 MB more fits, then 0.2 MB does not (2 MB in all)
    expect((await upload(owner, schemeId, 'b.pdf', randomBytes(Math.floor(0.9 * MB)))).statusCode).toBe(201);
    const before = await fingerprint(t.database);
    const r = await upload(owner, schemeId, 'c.pdf', randomBytes(Math.floor(0.2 * MB)));
    expect(r.statusCode).toBe(413);
    expect(r.json().error).toMatchObject({
      code: 'extension.document_quota_bytes',
      details: { limitMb: 2, usedMb: 1.9 },
    });
    expect(r.json().error.message).toContain('2 MB');
    expect(await fingerprint(t.database)).toBe(before);
    const other = await newScheme(officer, (await t.createEnterprise()).id);
    expect((await upload(officer, other, 'd.pdf', randomBytes(Math.floor(0.2 * MB)))).statusCode).toBe(201);
  });

  it('the count per enterprise: past it, 413 naming the count', async () => {
    const e = (await t.createEnterprise()).id;
    const s1 = await newScheme(officer, e);
    const s2 = await newScheme(officer, e);
    for (const [i, s] of [s1, s2, s2].entries()) {
      expect((await upload(officer, s, `${i}.pdf`, Buffer.from(`tệp ${i}`))).statusCode).toBe(201);
    }
    const before = await fingerprint(t.database);
    const r = await upload(officer, s1, '4.pdf', Buffer.from('tệp 4'));
    expect(r.statusCode).toBe(413);
    expect(r.json().error).toMatchObject({ code: 'extension.document_quota_files', details: { limit: 3 } });
    expect(r.json().error.message).toContain('3');
    expect(await fingerprint(t.database)).toBe(before);
  });

  it('uploads at the same time cannot pass the total together', async () => {
    const e = (await t.createEnterprise()).id;
    const s = await newScheme(officer, e);
    // each fits alone (0.8 MB of 2 MB), three together do not
    const rs = await Promise.all(
      [0, 1, 2].map((i) => upload(officer, s, `p${i}.pdf`, randomBytes(Math.floor(0.8 * MB)))),
    );
    expect(rs.map((r) => r.statusCode).sort()).toEqual([201, 201, 413]);
    const [u] = await t.database.query<{ bytes: string }>(
      `select sum(d.size_bytes)::text as bytes from ext_documents d join ext_schemes x on x.id = d.scheme_id
       where x.lead_enterprise_id = $1`,
      [e],
    );
    expect(Number(u!.bytes)).toBeLessThanOrEqual(2 * MB);
    const [orphans] = await t.database.query<{ n: number }>(
      'select count(*)::int as n from stored_file_chunks c where not exists (select 1 from stored_files f where f.id = c.file_id)',
    );
    expect(Number(orphans!.n)).toBe(0);
  });
});
