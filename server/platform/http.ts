import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import underPressure from '@fastify/under-pressure';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  type RawServerDefault,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { SessionUser } from '../../contracts/auth';
import type { ErrorBody, Issue } from '../../contracts/errors';
import { type Lang, pickLang, translate } from '../../contracts/messages';
import { type Access, isStaff } from '../../contracts/roles';
import type { Actor } from './audit';
import type { Config } from './config';
import { type Database, isConnectionError } from './db';
import { AppError, schemaIssue } from './errors';
import { databaseRateLimitStore } from './rate-limit-store';
import { EMPTY_SCOPE, type Scope } from './scope';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route. Every /api route must declare it; the app refuses to start otherwise. */
    access?: Access;
    /**
     * The route param that holds an enterprise id: the caller must be allowed to see that enterprise
     * (an enterprise user its own, area-bound staff those in their area).
     */
    enterpriseParam?: string;
    /**
     * The route opens a session from credentials in its body (sign-in): a cookie the browser still holds
     * lends it no authority, so it needs no CSRF token; the handler ends that older session.
     */
    opensSession?: boolean;
    /** Answered even when the server is under pressure (health and readiness checks). */
    underPressureExempt?: boolean;
  }
  interface FastifyRequest {
    /** The event loop lags (under-pressure): callers other than staff get 503 once the session is known. */
    underPressure: boolean;
    user: SessionUser | null;
    sessionId: string | null;
    lang: Lang;
    actor: Actor;
    /** What the caller may see and change, resolved once per request; services filter with it. */
    scope: Scope;
  }
}

export const SESSION_COOKIE = 'bt_session';
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const CSRF_HEADER = 'x-csrf-token';

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  user: SessionUser;
}

/** What the accounts and registry modules lend the HTTP layer, wired at the composition root. */
export interface Guards {
  resolveSession(token: string): Promise<ResolvedSession | null>;
  /** The data scope of a signed-in user (platform/scope.ts). */
  scopeOf(user: SessionUser): Promise<Scope>;
  canAccessEnterprise(scope: Scope, enterpriseId: string): Promise<boolean>;
}

export interface RouteInfo {
  method: string;
  url: string;
  access: Access;
  enterpriseParam?: string | undefined;
  hasBody: boolean;
  hasQuery: boolean;
  hasParams: boolean;
  multipart: boolean;
  /** The route's zod schemas, so that tests can build valid (and invalid) requests for every route. */
  schemas: { params?: unknown; querystring?: unknown; body?: unknown };
}

export type ModulePlugin = (app: App, ctx: AppContext) => Promise<void> | void;

export interface AppContext {
  database: Database;
  config: Config;
}

export interface BuildAppOptions extends AppContext {
  guards: Guards;
  modules: ModulePlugin[];
  /** Serve the built web app from this folder when it exists. */
  webDist?: string | null;
  logger?: boolean;
}

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export async function buildApp(opts: BuildAppOptions): Promise<App & { routeTable: RouteInfo[] }> {
  const app = Fastify({
    logger:
      opts.logger === false || opts.config.LOG_LEVEL === 'silent'
        ? false
        : { level: opts.config.LOG_LEVEL, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    genReqId: () => randomUUID(),
    trustProxy: opts.config.TRUST_PROXY,
    exposeHeadRoutes: false,
    bodyLimit: 2 * 1024 * 1024,
    // A malformed URL or an overlong param is answered in the one error shape too.
    frameworkErrors: (err, req, reply) => {
      const body = toErrorBody(err, req as FastifyRequest);
      (reply as unknown as { status(n: number): { send(p: unknown): void } })
        .status(body.status)
        .send(body.payload);
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routeTable: RouteInfo[] = [];
  app.decorate('routeTable', routeTable);
  app.decorateRequest('underPressure', false);
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('lang', 'vi');
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('scope', null as unknown as Scope);

  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/') || r.url.startsWith('/api/docs')) return;
    const access = r.config?.access;
    if (!access) throw new Error(`Route ${String(r.method)} ${r.url} declares no access (config.access)`);
    const schema = r.schema ?? {};
    for (const method of ([] as string[]).concat(r.method as string | string[])) {
      routeTable.push({
        method,
        url: r.url,
        access,
        enterpriseParam: r.config?.enterpriseParam,
        hasBody: Boolean(schema.body),
        hasQuery: Boolean(schema.querystring),
        hasParams: Boolean(schema.params),
        multipart: Boolean((schema as { consumes?: string[] }).consumes?.includes('multipart/form-data')),
        schemas: { params: schema.params, querystring: schema.querystring, body: schema.body },
      });
    }
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: opts.config.TRUST_PROXY,
  });
  // Counted in the database: every instance behind a proxy shares the same counters.
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(opts.database) });
  await app.register(multipart, { limits: { fileSize: 100 * 1024 * 1024, files: 1 } });
  await app.register(underPressure, {
    maxEventLoopDelay: opts.config.MAX_EVENT_LOOP_DELAY_MS,
    exposeStatusRoute: false,
    // Shedding waits for the session (onRequest below): staff are still served while anonymous load lags the
    // event loop, and only callers outside the department get 503.
    pressureHandler: (req) => {
      (req as FastifyRequest).underPressure = true;
    },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Bước Tiến API',
        description: 'API của hệ thống quản lý phát triển công nghiệp / industrial-development platform API',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.addHook('onRequest', async (req, reply) => {
    req.lang = pickLang(req.cookies.bt_lang ?? req.headers['accept-language']);
    req.actor = { userId: null, via: 'web', requestId: req.id };
    reply.header('x-request-id', req.id);
    // The web app's files (every route is under /api/) need no session, so they never wait on the database.
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const s = await opts.guards.resolveSession(token);
      if (s) {
        req.user = s.user;
        req.sessionId = s.sessionId;
        req.actor.userId = s.user.id;
        if (!req.cookies.bt_lang) req.lang = s.user.lang;
        const write = !['GET', 'HEAD', 'OPTIONS'].includes(req.method);
        const needsCsrf = write && !req.routeOptions.config?.opensSession;
        if (needsCsrf && req.headers[CSRF_HEADER] !== s.csrfToken) throw new AppError('auth.csrf');
      }
    }
    req.scope = req.user ? await opts.guards.scopeOf(req.user) : EMPTY_SCOPE;
    const config = req.routeOptions.config;
    if (req.underPressure && !config?.underPressureExempt && !(req.user && isStaff(req.user.role))) {
      reply.header('retry-after', '10');
      throw new AppError('server.busy');
    }
    const access = config?.access;
    if (!access || access === 'public') return;
    if (!req.user) throw new AppError('auth.required');
    if (access !== 'authenticated' && !access.includes(req.user.role)) throw new AppError('auth.forbidden');
  });

  // Before validation, so that a caller learns nothing about an enterprise it may not see (not even which
  // body would be valid); an id that is not a uuid names no enterprise the caller may see either.
  app.addHook('preValidation', async (req) => {
    const param = req.routeOptions.config?.enterpriseParam;
    if (!param || !req.user) return;
    const id = (req.params as Record<string, string>)[param];
    if (!id || !UUID_RE.test(id) || !(await opts.guards.canAccessEnterprise(req.scope, id))) {
      throw new AppError('not_found');
    }
  });

  // PostgreSQL text cannot hold U+0000: refuse it in any param, query or JSON body value (else a 500).
  app.addHook('preValidation', async (req) => {
    for (const [where, value] of [
      ['params', req.params],
      ['querystring', req.query],
      ['body', req.body],
    ] as const) {
      const at = nulPath(value, '');
      if (at !== null) {
        throw new AppError('validation.failed', {
          issues: [{ path: at || where, code: 'issue.invalid' }],
          in: where,
        });
      }
    }
  });

  app.setErrorHandler((err, req, reply) => {
    const body = toErrorBody(err, req);
    if (body.status >= 500) req.log.error({ err }, 'unhandled error');
    reply.status(body.status).send(body.payload);
  });

  app.setNotFoundHandler((req, reply) => {
    const webDist = opts.webDist === undefined ? WEB_DIST : opts.webDist;
    const index = webDist ? path.join(webDist, 'index.html') : null;
    if (req.method === 'GET' && !req.url.startsWith('/api/') && index && fs.existsSync(index)) {
      return reply.type('text/html').header('cache-control', 'no-cache').send(fs.readFileSync(index));
    }
    const body = toErrorBody(new AppError('not_found'), req);
    return reply.status(404).send(body.payload);
  });

  const ctx: AppContext = { database: opts.database, config: opts.config };
  for (const m of opts.modules) await m(app, ctx);

  const webDist = opts.webDist === undefined ? WEB_DIST : opts.webDist;
  if (webDist && fs.existsSync(webDist)) {
    // wildcard: files are looked up per request, so a rebuild is served without a restart.
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: true,
      index: 'index.html',
      // Built files carry their content's hash in their name: a browser may keep them for good.
      setHeaders: (res, file) => {
        if (file.startsWith(path.join(webDist, 'assets') + path.sep))
          res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  return app as App & { routeTable: RouteInfo[] };
}

/** The path of the first string (or key) holding U+0000 in a parsed request value, or null. */
function nulPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || depth > 100 || Buffer.isBuffer(value)) return null;
  for (const [k, v] of Object.entries(value)) {
    const p = path ? `${path}.${k}` : k;
    if (k.includes('\u0000')) return p;
    const found = nulPath(v, p, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

function toErrorBody(err: unknown, req: FastifyRequest): { status: number; payload: ErrorBody } {
  const app = normalizeError(err);
  const message = translate(req.lang ?? 'vi', app.code, {
    ...(app.details as Record<string, unknown>),
    requestId: req.id,
  });
  const payload: ErrorBody = {
    error: {
      code: app.code,
      message,
      ...(app.status < 500 && Object.keys(app.details).length ? { details: app.details } : {}),
      requestId: req.id,
    },
  };
  return { status: app.status, payload };
}

function normalizeError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const context = (err as { validationContext?: string }).validationContext;
    const issues: Issue[] = err.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      return schemaIssue(
        path || context || '',
        v.keyword,
        v.message,
        (v.params ?? {}) as Record<string, unknown>,
      );
    });
    return new AppError('validation.failed', { issues, in: context });
  }
  if (isConnectionError(err)) return new AppError('db.unavailable');
  const e = err as { statusCode?: number; code?: string; message?: string };
  if (e.statusCode === 429) return new AppError('auth.rate_limited');
  if (e.statusCode === 503) return new AppError('server.busy');
  if (e.statusCode === 413 || e.code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('request.too_large');
  if (e.statusCode === 415) return new AppError('request.unsupported_media_type');
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return new AppError('request.malformed', { reason: e.code ?? 'bad_request' });
  }
  return new AppError('internal');
}

/** The one file of a multipart upload (`file` field), read into memory; imports parse it whole. */
export async function readUpload(req: FastifyRequest): Promise<{ filename: string; data: Buffer }> {
  if (!req.isMultipart()) throw new AppError('request.unsupported_media_type');
  try {
    const file = await req.file();
    if (!file) throw new AppError('import.invalid_file', { reason: 'no file' });
    const data = await file.toBuffer();
    return { filename: file.filename, data };
  } catch (e) {
    // A broken multipart body (cut off, bad boundary) is the client's error, not a 500.
    if (e instanceof AppError || (e as { statusCode?: number }).statusCode) throw e;
    throw new AppError('request.malformed', { reason: `multipart: ${(e as Error).message}`.slice(0, 200) });
  }
}

/**
 * The one file of a multipart upload (`file` field) as a stream, for bodies stored as they arrive rather
 * than parsed whole. The stream stops at `maxBytes` with `isTruncated()` true; a broken body is a 400.
 */
export async function openUpload(
  req: FastifyRequest,
  maxBytes: number,
): Promise<{ filename: string; data: AsyncIterable<Buffer>; isTruncated: () => boolean }> {
  if (!req.isMultipart()) throw new AppError('request.unsupported_media_type');
  try {
    // One byte more than allowed, so that a file of exactly maxBytes is not taken for a truncated one.
    const file = await req.file({ limits: { fileSize: maxBytes + 1, files: 1 }, throwFileSizeLimit: false });
    if (!file) throw new AppError('import.invalid_file', { reason: 'no file' });
    const stream = file.file;
    const data = (async function* () {
      try {
        for await (const chunk of stream) yield chunk as Buffer;
      } catch (e) {
        throw new AppError('request.malformed', {
          reason: `multipart: ${(e as Error).message}`.slice(0, 200),
        });
      }
    })();
    return { filename: file.filename, data, isTruncated: () => stream.truncated };
  } catch (e) {
    if (e instanceof AppError || (e as { statusCode?: number }).statusCode) throw e;
    throw new AppError('request.malformed', { reason: `multipart: ${(e as Error).message}`.slice(0, 200) });
  }
}
