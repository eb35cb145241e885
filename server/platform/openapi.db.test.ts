import { afterAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../test/harness';
import { label } from '../test/routes';

const t = await createTestContext();
afterAll(() => t.close());

describe('OpenAPI', () => {
  it('GET /api/docs/json is OpenAPI 3.1 and lists every route of the table with its method', async () => {
    const res = await t.anon.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as {
      openapi: string;
      info: { title: string };
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toContain('Bước Tiến');
    const missing = t.app.routeTable
      .filter((r) => !doc.paths[r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')]?.[r.method.toLowerCase()])
      .map(label);
    expect(missing).toEqual([]);
    expect(t.app.routeTable.length).toBeGreaterThan(15);
  });

  it('describes params, query and bodies from the zod schemas', async () => {
    const doc = (await t.anon.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const patch = doc.paths['/api/enterprises/{id}'].patch;
    expect(patch.parameters).toContainEqual(
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
    );
    const body = patch.requestBody.content['application/json'].schema;
    expect(body.required).toContain('version');
    expect(Object.keys(body.properties)).toEqual(
      expect.arrayContaining(['taxCode', 'name', 'vsic', 'version']),
    );
    const list = doc.paths['/api/enterprises'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['q', 'area', 'vsic', 'page']),
    );
  });

  it('serves the UI at /api/docs', async () => {
    const res = await t.anon.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});
