import { z } from 'zod';
import { changePasswordBody, loginBody, meResponse, sessionInfo } from '../../../contracts/auth';
import { idParams, okResponse } from '../../../contracts/common';
import {
  createUserBody,
  setPasswordBody,
  updateUserBody,
  userDto,
  userListQuery,
} from '../../../contracts/users';
import { type App, type AppContext, SESSION_COOKIE } from '../../platform/http';
import * as service from './accounts.service';

export function accountsRoutes(app: App, { database, config }: AppContext): void {
  const db = database.db;

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', opensSession: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập / sign in',
        body: loginBody,
        response: { 200: meResponse },
      },
    },
    async (req, reply) => {
      const { token, session } = await service.login(db, {
        ...req.body,
        userAgent: req.headers['user-agent'],
        ip: req.ip,
        ttlHours: config.SESSION_TTL_HOURS,
      });
      // Rotation: the session this browser held before (maybe another user's) ends with the new one.
      if (req.sessionId) await service.logout(db, req.actor, req.sessionId);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
        maxAge: config.SESSION_TTL_HOURS * 3600,
      });
      return { user: session.user, csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], response: { 200: okResponse } } },
    async (req, reply) => {
      await service.logout(db, req.actor, req.sessionId!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], response: { 200: meResponse } } },
    async (req) => {
      const s = await service.resolveSession(db, req.cookies[SESSION_COOKIE]!);
      return { user: req.user!, csrfToken: s!.csrfToken };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'authenticated', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu / change password',
        body: changePasswordBody,
        response: { 200: okResponse },
      },
    },
    async (req) => {
      await service.changePassword(
        db,
        req.actor,
        req.body.currentPassword,
        req.body.newPassword,
        req.sessionId,
      );
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/sessions',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], response: { 200: z.array(sessionInfo) } },
    },
    async (req) => service.listSessions(db, req.user!.id, req.sessionId),
  );

  app.delete(
    '/api/auth/sessions/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], params: idParams, response: { 200: okResponse } },
    },
    async (req) => {
      await service.revokeSession(db, req.actor, req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/users',
    {
      config: { access: ['admin'] },
      schema: { tags: ['users'], querystring: userListQuery, response: { 200: z.array(userDto) } },
    },
    async (req) => service.listUserDtos(db, req.user!, req.query),
  );

  app.get(
    '/api/users/:id',
    {
      config: { access: ['admin'] },
      schema: { tags: ['users'], params: idParams, response: { 200: userDto } },
    },
    async (req) => service.getUserDto(db, req.user!, req.params.id),
  );

  app.post(
    '/api/users',
    {
      config: { access: ['admin'] },
      schema: { tags: ['users'], body: createUserBody, response: { 201: userDto } },
    },
    async (req, reply) =>
      reply.status(201).send(await service.createUser(db, req.actor, req.user!, req.body)),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: ['admin'] },
      schema: { tags: ['users'], params: idParams, body: updateUserBody, response: { 200: userDto } },
    },
    async (req) => service.updateUser(db, req.actor, req.user!, req.params.id, req.body),
  );

  app.post(
    '/api/users/:id/password',
    {
      config: { access: ['admin'] },
      schema: { tags: ['users'], params: idParams, body: setPasswordBody, response: { 200: okResponse } },
    },
    async (req) => {
      await service.setPassword(db, req.actor, req.user!, req.params.id, req.body.password);
      return { ok: true as const };
    },
  );
}
