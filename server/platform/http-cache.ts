import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * HTTP caching of answers that are a pure function of a data version (platform/memo.ts): the ETag is derived
 * from the version and the request's meaning, so it is known before anything is computed — a client (or a
 * proxy) revalidating with If-None-Match gets 304 for the price of one small query, and two instances on one
 * database give the same ETag. The code's version is part of it: an upgrade may change an answer.
 */

const APP_VERSION = (() => {
  try {
    const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../package.json');
    return String((JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: string }).version ?? '0');
  } catch {
    return '0';
  }
})();

/** A strong ETag for everything an answer depends on (JSON-serialisable parts). */
export function etagOf(parts: unknown[]): string {
  return `"${createHash('sha256')
    .update(JSON.stringify([APP_VERSION, ...parts]))
    .digest('base64url')
    .slice(0, 32)}"`;
}

/** Does the request's If-None-Match name this ETag (weak comparison, as RFC 9110 §13.1.2 asks for GET)? */
export function matchesIfNoneMatch(req: FastifyRequest, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header
    .split(',')
    .map((t) => t.trim())
    .some((t) => t === '*' || t.replace(/^W\//, '') === bare);
}

/**
 * Set ETag, Cache-Control and Vary. A public answer (published figures, the same for every caller outside the
 * department) may be kept by browsers and proxies for `maxAge` seconds, then revalidated; a staff answer holds
 * unpublished figures, so only the caller's browser keeps it and revalidates every time. The answer depends on
 * the session cookie (staff see more), hence Vary: Cookie.
 * Returns true when the caller already has this answer: send 304 without a body.
 */
export function conditional(
  req: FastifyRequest,
  reply: FastifyReply,
  etag: string,
  opts: { public: boolean; maxAge?: number },
): boolean {
  reply.header('etag', etag);
  reply.header(
    'cache-control',
    opts.public ? `public, max-age=${opts.maxAge ?? 60}, must-revalidate` : 'private, no-cache',
  );
  reply.header('vary', 'Cookie');
  return matchesIfNoneMatch(req, etag);
}
